using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>A city of the national table as the search lists it, with the number of its districts and counties.</summary>
public sealed record NationalCity(string Code, string Name, string Province, int Counties)
{
    public static NationalCity From(DivisionEntry city) =>
        new(city.Code, city.Name, NationalDivisions.ProvinceOf(city).Name, NationalDivisions.CountiesOf(city.Code).Count);
}

public sealed record CityInput(string? Code);

/// <summary>
/// The city's divisions in one step, for the supervision office (the other roles are refused at the door, 403):
/// GET /api/v1/base/national-divisions?q= (at most 20 cities), GET /api/v1/base/national-divisions/{code}/counties
/// (the city and its counties against what Milepost holds; 404 when the code names no city) and POST /api/v1/base/city {code}.
/// </summary>
public static class CityDivisionsApi
{
    public const int MaxSearch = 20;

    public static IEndpointRouteBuilder MapCityDivisionsApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/base").WithTags("Base data")
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor))
            .AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/national-divisions", (string? q) => NationalDivisions.Search(q, MaxSearch).Select(NationalCity.From).ToList());
        api.MapGet("/national-divisions/{code}/counties", Counties);
        api.MapPost("/city", Apply);
        return e;
    }

    private static async Task<Results<Ok<CityPreview>, NotFound>> Counties(string code, MilepostDb db, CancellationToken ct) =>
        await CityDivisions.PreviewAsync(db, code, ct) is { } preview ? TypedResults.Ok(preview) : TypedResults.NotFound();

    private static async Task<Ok<CityDivisionsResult>> Apply(CityInput body, MilepostDb db, PortfolioClock clock, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await CityDivisions.ApplyAsync(db, Actor.From(user), clock.UtcNow, body.Code, ct));
}
