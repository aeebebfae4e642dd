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
        // Bulk reads of business data like the lists' exports: the same per-user limit, and an audit event each.
        var files = e.MapGroup("").WithTags("Ranking").AddEndpointFilter(ProjectsApi.ErrorFilter).RequireRateLimiting(Ledger.ExportEndpoints.RateLimitPolicy);
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
        var bytes = write(model);
        await Ledger.ExportService.RecordAsync(d.Db, d.Clock, actor, "bulletin", new { Kind = "bulletin", Publication = id, Format = extension, Bytes = bytes.Length }, ct);
        // TypedResults.File writes both filename (ASCII fallback) and filename* (RFC 5987, UTF-8) for the Chinese name.
        return TypedResults.File(bytes, contentType, model.FileName(extension));
    }

    private static async Task<FileContentHttpResult> Assessment(int year, [AsParameters] Deps d, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var bytes = AssessmentXlsx.Write(await d.Queries.AssessmentAsync(actor, year, ct));
        await Ledger.ExportService.RecordAsync(d.Db, d.Clock, actor, "assessment", new { Kind = "assessment", Year = year, Format = "xlsx", Bytes = bytes.Length }, ct);
        return TypedResults.File(bytes, Xlsx, Lang.T($"{year}年度重点项目责任单位考核.xlsx", $"assessment-{year}.xlsx"));
    }
}
