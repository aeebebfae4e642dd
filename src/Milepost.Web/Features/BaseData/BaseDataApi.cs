using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>The list's search as query-string parameters: ?q=交通&amp;retired=true&amp;page=2&amp;pageSize=100.</summary>
public sealed record BaseDataQuery(string? Q, bool? Retired, int? Page, int? PageSize)
{
    public BaseDataFilter ToFilter() => new(Q, Retired ?? false, Page ?? 1, PageSize ?? BaseDataFilter.DefaultPageSize);
}

/// <summary>The version of the record the client saw: retire, restore and merge are refused when it is stale.</summary>
public sealed record VersionDto(long? Version);

/// <summary>The kept record after a merge, and what moved to it.</summary>
public sealed record MergeResult<TRow>(TRow Kept, IReadOnlyList<MovedReference> Moved);

public sealed record DivisionDto(string? Code, string? Name, string? ParentCode, long? Version)
{
    public DivisionInput ToInput() => new(Code, Name, ParentCode);
}

public sealed record UnitDto(string? Name, string? ShortName, UnitKind? Kind, long? ParentId, IReadOnlyList<string>? Aliases,
    string? ContactPerson, string? ContactPhone, string? DivisionCode, long? Version)
{
    public UnitInput ToInput() => new(Name, ShortName, Kind, ParentId, Lines(Aliases), ContactPerson, ContactPhone, DivisionCode);

    internal static string? Lines(IReadOnlyList<string>? aliases) => aliases is null ? null : string.Join('\n', aliases);
}

public sealed record LeaderDto(string? Name, string? Title, LeaderBody? Body, int? Precedence, string? Fields, DateOnly? InOfficeFrom,
    DateOnly? InOfficeTo, IReadOnlyList<string>? Aliases, string? DivisionCode, long? Version)
{
    public LeaderInput ToInput() => new(Name, Title, Body, Precedence, Fields, InOfficeFrom, InOfficeTo, UnitDto.Lines(Aliases), DivisionCode);
}

public sealed record ProgrammeDto(string? Name, long? LeadLeaderId, int? SortOrder, IReadOnlyList<string>? Aliases, string? DivisionCode, long? Version)
{
    public ProgrammeInput ToInput() => new(Name, LeadLeaderId, SortOrder, UnitDto.Lines(Aliases), DivisionCode);
}

public sealed record CategoryDto(string? Name, string? NameEn, int? SortOrder, IReadOnlyList<string>? Aliases, long? Version)
{
    public CategoryInput ToInput() => new(Name, NameEn, SortOrder, UnitDto.Lines(Aliases));
}

/// <summary>
/// /api/v1/base/{divisions|units|leaders|programmes|categories}: list (q, retired, page), one, create, edit (with the
/// version), retire, restore, merge-into (not divisions) and delete, over the same commands and rules as /base-data.
/// </summary>
public static class BaseDataApi
{
    public static IServiceCollection AddBaseData(this IServiceCollection s) => s.AddScoped<BaseDataQueries>().AddScoped<BaseDataCommands>();

    public static IEndpointRouteBuilder MapBaseDataApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/base").WithTags("BaseData").AddEndpointFilter(ProjectsApi.ErrorFilter);
        Kind<DivisionRow, DivisionDto>(api, "divisions", "/{id}", BaseDataKind.Division, d => d.Version,
            (q, a, f, ct) => q.DivisionsAsync(a, f, ct), (q, a, id, ct) => q.DivisionAsync(a, id, ct),
            (c, a, d, ct) => c.CreateDivisionAsync(a, d.ToInput(), ct), (c, a, id, d, v, ct) => c.UpdateDivisionAsync(a, id, d.ToInput(), v, ct));
        Kind<UnitRow, UnitDto>(api, "units", "/{id:long}", BaseDataKind.Unit, d => d.Version,
            (q, a, f, ct) => q.UnitsAsync(a, f, ct), (q, a, id, ct) => q.UnitAsync(a, long.Parse(id), ct),
            async (c, a, d, ct) => Key(await c.CreateUnitAsync(a, d.ToInput(), ct)), (c, a, id, d, v, ct) => c.UpdateUnitAsync(a, long.Parse(id), d.ToInput(), v, ct));
        Kind<LeaderRow, LeaderDto>(api, "leaders", "/{id:long}", BaseDataKind.Leader, d => d.Version,
            (q, a, f, ct) => q.LeadersAsync(a, f, ct), (q, a, id, ct) => q.LeaderAsync(a, long.Parse(id), ct),
            async (c, a, d, ct) => Key(await c.CreateLeaderAsync(a, d.ToInput(), ct)), (c, a, id, d, v, ct) => c.UpdateLeaderAsync(a, long.Parse(id), d.ToInput(), v, ct));
        Kind<ProgrammeRow, ProgrammeDto>(api, "programmes", "/{id:long}", BaseDataKind.Programme, d => d.Version,
            (q, a, f, ct) => q.ProgrammesAsync(a, f, ct), (q, a, id, ct) => q.ProgrammeAsync(a, long.Parse(id), ct),
            async (c, a, d, ct) => Key(await c.CreateProgrammeAsync(a, d.ToInput(), ct)), (c, a, id, d, v, ct) => c.UpdateProgrammeAsync(a, long.Parse(id), d.ToInput(), v, ct));
        Kind<CategoryRow, CategoryDto>(api, "categories", "/{id:long}", BaseDataKind.Category, d => d.Version,
            (q, a, f, ct) => q.CategoriesAsync(a, f, ct), (q, a, id, ct) => q.CategoryAsync(a, long.Parse(id), ct),
            async (c, a, d, ct) => Key(await c.CreateCategoryAsync(a, d.ToInput(), ct)), (c, a, id, d, v, ct) => c.UpdateCategoryAsync(a, long.Parse(id), d.ToInput(), v, ct));
        return e;
    }

    private static string Key(long id) => BaseDataRules.Key(id);

    /// <summary>
    /// One kind's endpoints: list, one, create, edit, retire, restore, delete and (but for divisions, whose codes are
    /// national facts) merge-into. <paramref name="key"/> is the route's id segment: a code for divisions, a number otherwise.
    /// </summary>
    private static void Kind<TRow, TDto>(RouteGroupBuilder api, string segment, string key, BaseDataKind kind, Func<TDto, long?> versionOf,
        Func<BaseDataQueries, Actor, BaseDataFilter, CancellationToken, Task<PageOf<TRow>>> list,
        Func<BaseDataQueries, Actor, string, CancellationToken, Task<TRow?>> get,
        Func<BaseDataCommands, Actor, TDto, CancellationToken, Task<string>> create,
        Func<BaseDataCommands, Actor, string, TDto, long, CancellationToken, Task> update) where TRow : class
    {
        var group = api.MapGroup("/" + segment);
        group.MapGet("/", (BaseDataQueries q, ClaimsPrincipal user, [AsParameters] BaseDataQuery f, CancellationToken ct) => list(q, Actor.From(user), f.ToFilter(), ct));
        group.MapGet(key, async Task<Results<Ok<TRow>, NotFound>> (string id, BaseDataQueries q, ClaimsPrincipal user, CancellationToken ct) =>
            await get(q, Actor.From(user), id, ct) is { } row ? TypedResults.Ok(row) : TypedResults.NotFound());
        // Handlers with a body of the type parameter go through a Delegate: ASP.NET's route-handler analyzer fails on them.
        Delegate post = async (TDto body, BaseDataCommands c, BaseDataQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var actor = Actor.From(user);
            var id = await create(c, actor, body, ct);
            return TypedResults.Created($"/api/v1/base/{segment}/{id}", (await get(q, actor, id, ct))!);
        };
        group.MapPost("/", post);
        Delegate put = async (string id, TDto body, BaseDataCommands c, BaseDataQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var actor = Changer(user);
            await update(c, actor, id, body, Required(versionOf(body)), ct);
            return TypedResults.Ok((await get(q, actor, id, ct))!);
        };
        group.MapPut(key, put);
        group.MapPost(key + "/retire", async (string id, VersionDto body, BaseDataCommands c, BaseDataQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var actor = Changer(user);
            await c.RetireAsync(actor, kind, id, Required(body.Version), ct);
            return TypedResults.Ok((await get(q, actor, id, ct))!);
        });
        group.MapPost(key + "/restore", async (string id, VersionDto body, BaseDataCommands c, BaseDataQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            var actor = Changer(user);
            await c.RestoreAsync(actor, kind, id, Required(body.Version), ct);
            return TypedResults.Ok((await get(q, actor, id, ct))!);
        });
        group.MapDelete(key, async (string id, long? version, BaseDataCommands c, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await c.DeleteAsync(Changer(user), kind, id, Required(version), ct);
            return TypedResults.NoContent();
        });
        if (kind != BaseDataKind.Division)
            group.MapPost(key + "/merge-into/{keepId:long}", async (long id, long keepId, VersionDto body, BaseDataCommands c, BaseDataQueries q,
                ClaimsPrincipal user, CancellationToken ct) =>
            {
                var actor = Changer(user);
                var outcome = await c.MergeAsync(actor, kind, id, keepId, Required(body.Version), ct);
                return TypedResults.Ok(new MergeResult<TRow>((await get(q, actor, Key(keepId), ct))!, outcome.Moved));
            });
    }

    /// <summary>The actor, refused (403) before its body is looked at when it may not change base data.</summary>
    private static Actor Changer(ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        BaseDataAccess.Require(actor, BaseDataOperation.Change);
        return actor;
    }

    private static long Required(long? version) => version
        ?? throw new ValidationException(new ValidationError("Version", "version.required", "缺少版本号（Version）", "Version is required"));
}
