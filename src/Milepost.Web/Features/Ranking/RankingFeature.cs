using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Reports;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <param name="DraftSha256">The SHA-256 of the draft the caller checked (from GET …/draft); when given, a changed list is refused with 409.</param>
public sealed record PublishDto(string? Note, string? DraftSha256 = null);

public sealed record ExemptionDto(long? ProjectId, ExemptionKind? Kind, string? Reason);

public sealed record WithdrawDto(long? Version);

/// <summary>
/// The red-black list (红黑榜, SPEC §4.4) and the annual assessment (§4.5): services and /api/v1 endpoints.
/// Decisions (enforced in <see cref="RankingQueries"/> and <see cref="RankingCommands"/>, tabled in PermissionMatrixTests):
/// <list type="bullet">
/// <item>Only the supervision office computes drafts, exempts projects and publishes.</item>
/// <item>Published lists, bulletins and the assessment are read by every business role (leader, department, owner):
/// the list is published to name and praise in public. The admin roles, the auditor included (SPEC §1: the audit
/// trail only), read none of it.</item>
/// <item>A month can be published once its reports' due date has passed; publishing it again needs a note and
/// supersedes, never edits, the earlier publication (the table refuses UPDATE and DELETE).</item>
/// </list>
/// Snapshots are returned in their canonical JSON, the bytes the SHA-256 covers.
/// </summary>
public static class RankingFeature
{
    public static IServiceCollection AddRanking(this IServiceCollection s) => s.AddScoped<RankingQueries>().AddScoped<RankingCommands>();

    public static IEndpointRouteBuilder MapRankingApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1").WithTags("Ranking").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/rankings/{month}/draft", Draft);
        api.MapPost("/rankings/{month}/publications", Publish);
        api.MapGet("/rankings/publications", (RankingQueries q, ClaimsPrincipal user, CancellationToken ct) => q.AllPublicationsAsync(Actor.From(user), ct));
        api.MapGet("/rankings/publications/{id:long}", Publication);
        api.MapGet("/rankings/{month}/exemptions", Exemptions);
        api.MapPost("/rankings/{month}/exemptions", Exempt);
        api.MapPost("/rankings/exemptions/{id:long}/withdraw", Withdraw);
        api.MapGet("/assessments/{year:int}", (int year, RankingQueries q, ClaimsPrincipal user, CancellationToken ct) =>
            q.AssessmentAsync(Actor.From(user), year, ct));
        e.MapBulletins();
        return e;
    }

    private static YearMonth Month(string month) => ReportsFeature.ParseMonth(month)
        ?? throw new ValidationException(new ValidationError("Month", "month.format", $"月份“{month}”格式不正确，应为 2020-05", $"\"{month}\" is not a month like 2020-05"));

    // Supervisor-only endpoints check the role before reading the input, so others get 403 whatever they send.
    private static Actor Supervisor(ClaimsPrincipal user)
    {
        var actor = Actor.From(user);
        RankingQueries.RequireSupervisor(actor);
        return actor;
    }

    private static async Task<ContentHttpResult> Draft(string month, RankingQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Content((await q.DraftAsync(Supervisor(user), Month(month), ct)).Snapshot.ToJson(), "application/json");

    private static async Task<Created<RankingPublicationInfo>> Publish(string month, PublishDto body, RankingCommands c, RankingQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Supervisor(user);
        var id = await c.PublishAsync(actor, Month(month), body.Note, ct, body.DraftSha256);
        var view = (await q.PublicationAsync(actor, id, ct))!;
        return TypedResults.Created($"/api/v1/rankings/publications/{id}", view.Info);
    }

    /// <summary>
    /// The publication's facts and, under "snapshot", its canonical JSON exactly as stored (the bytes the SHA-256 covers),
    /// for those who see every project; departments and owners get the published result and settings only (SECURITY 7).
    /// </summary>
    private static async Task<Results<ContentHttpResult, NotFound>> Publication(long id, RankingQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (await q.PublicationAsync(actor, id, ct) is not { } view) return TypedResults.NotFound();
        var web = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var info = System.Text.Json.JsonSerializer.Serialize(new { view.Info, view.HashMatches }, web);
        var body = RankingQueries.SeesInputs(actor)
            ? view.StoredJson
            : (view.Snapshot with { Inputs = [] }).ToJson();
        return TypedResults.Content($"{{\"publication\":{info},\"inputsWithheld\":{(RankingQueries.SeesInputs(actor) ? "false" : "true")},\"snapshot\":{body}}}", "application/json");
    }

    private static async Task<Ok<IReadOnlyList<ExemptionView>>> Exemptions(string month, RankingQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        TypedResults.Ok(await q.ExemptionsAsync(Supervisor(user), Month(month), ct));

    private static async Task<Created<IReadOnlyList<ExemptionView>>> Exempt(string month, ExemptionDto body, RankingCommands c, RankingQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Supervisor(user);
        var m = Month(month);
        if (body.ProjectId is not { } projectId)
            throw new ValidationException(new ValidationError("ProjectId", "ranking.exemption.project", "请选择要豁免的项目", "Choose the project to exempt"));
        var id = await c.ExemptAsync(actor, projectId, m, body.Kind ?? (ExemptionKind)(-1), body.Reason, ct);
        return TypedResults.Created($"/api/v1/rankings/{m}/exemptions/{id}", await q.ExemptionsAsync(actor, m, ct));
    }

    private static async Task<NoContent> Withdraw(long id, WithdrawDto body, RankingCommands c, ClaimsPrincipal user, CancellationToken ct)
    {
        Supervisor(user);
        if (body.Version is not { } version)
            throw new ValidationException(new ValidationError("Version", "version.required", "缺少版本号（Version）", "Version is required"));
        await c.WithdrawExemptionAsync(Actor.From(user), id, version, ct);
        return TypedResults.NoContent();
    }
}
