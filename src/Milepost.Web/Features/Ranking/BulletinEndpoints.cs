using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>
/// Downloads of a publication's bulletin (.docx, .xlsx) and of the annual assessment (.xlsx), for the readers of
/// published lists (<see cref="RankingQueries.RequireReader"/>). They are files for people, not API resources, so they
/// sit beside the printable page under /ranking and /assessment rather than under /api/v1.
/// </summary>
public static class BulletinEndpoints
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapBulletins(this IEndpointRouteBuilder e)
    {
        var files = e.MapGroup("").WithTags("Ranking").AddEndpointFilter(ProjectsApi.ErrorFilter);
        files.MapGet("/ranking/publications/{id:long}/bulletin.docx", (long id, [AsParameters] Deps d, ClaimsPrincipal user, CancellationToken ct) =>
            FileAsync(d, user, id, "docx", Docx, BulletinDocx.Write, ct));
        files.MapGet("/ranking/publications/{id:long}/bulletin.xlsx", (long id, [AsParameters] Deps d, ClaimsPrincipal user, CancellationToken ct) =>
            FileAsync(d, user, id, "xlsx", Xlsx, BulletinXlsx.Write, ct));
        files.MapGet("/assessment/{year:int}.xlsx", Assessment);
        return e;
    }

    /// <summary>What a bulletin is read with: services, bound as one parameter.</summary>
    public sealed record Deps(RankingQueries Queries, MilepostDb Db, PortfolioClock Clock, IOptions<MilepostOptions> Options);

    private static async Task<Results<FileContentHttpResult, NotFound>> FileAsync(Deps d, ClaimsPrincipal user, long id, string extension,
        string contentType, Func<BulletinModel, byte[]> write, CancellationToken ct)
    {
        var actor = Actor.From(user);
        RankingQueries.RequireReader(actor);
        if (await BulletinModel.LoadAsync(d.Queries, d.Db, d.Clock, d.Options, actor, id, ct) is not { } model) return TypedResults.NotFound();
        // TypedResults.File writes both filename (ASCII fallback) and filename* (RFC 5987, UTF-8) for the Chinese name.
        return TypedResults.File(write(model), contentType, model.FileName(extension));
    }

    private static async Task<FileContentHttpResult> Assessment(int year, RankingQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var view = await q.AssessmentAsync(Actor.From(user), year, ct);
        return TypedResults.File(AssessmentXlsx.Write(view), Xlsx, Lang.T($"{year}年度重点项目责任单位考核.xlsx", $"assessment-{year}.xlsx"));
    }
}
