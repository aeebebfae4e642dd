using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core;
using Milepost.Core.Supervision;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Supervision;

/// <summary>Supervision items (督办事项, SPEC §3.6): services and /api/v1/supervision, with the same rules as the pages.</summary>
public static class SupervisionFeature
{
    public static IServiceCollection AddSupervision(this IServiceCollection s) =>
        s.AddScoped<SupervisionQueries>().AddScoped<SupervisionCommands>();

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder e)
    {
        // Owners and the admin roles have nothing to do with supervision items: refused at the door (403).
        var api = e.MapGroup("/api/v1/supervision").WithTags("Supervision")
            .RequireAuthorization(p => p.RequireRole(SupervisionScope.UserRoles.Split(',')))
            .AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/", List);
        api.MapGet("/inbox", Inbox);
        api.MapGet("/{itemId:long}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{itemId:long}", Update);
        api.MapPost("/{itemId:long}/steps", Step);
        return e;
    }

    private static Task<SupervisionPage> List(SupervisionQueries queries, ClaimsPrincipal user, [AsParameters] SupervisionFilter f, CancellationToken ct) =>
        queries.ListAsync(Actor.From(user), f, ct);

    private static Task<SupervisionInbox> Inbox(SupervisionQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        queries.InboxAsync(Actor.From(user), ct);

    private static async Task<Results<Ok<SupervisionDetail>, NotFound>> Get(long itemId, SupervisionQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.DetailAsync(Actor.From(user), itemId, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    /// <summary>Creates one item; "assign": true sends it to the lead unit at once (the office only).</summary>
    private static async Task<Created<SupervisionDetail>> Create(SupervisionCreateDto body, SupervisionCommands commands, SupervisionQueries queries,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var id = (await commands.CreateAsync(actor, [body.ToInput()], body.Assign, ct))[0];
        return TypedResults.Created($"/api/v1/supervision/{id}", (await queries.DetailAsync(actor, id, ct))!);
    }

    private static async Task<Ok<SupervisionDetail>> Update(long itemId, SupervisionCreateDto body, SupervisionCommands commands, SupervisionQueries queries,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (body.Version is not { } version)
            throw new ValidationException(new ValidationError("Version", "version.required", "缺少版本号（Version）", "Version is required"));
        await commands.UpdateAsync(actor, itemId, body.ToInput(), version, ct);
        return TypedResults.Ok((await queries.DetailAsync(actor, itemId, ct))!);
    }

    private static async Task<Ok<SupervisionDetail>> Step(long itemId, SupervisionStepDto body, SupervisionCommands commands, SupervisionQueries queries,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        await commands.StepAsync(actor, itemId, new SupervisionStepInput(body.Action, body.Text, body.Evaluation, body.Version ?? -1), ct);
        // A step may take the item out of the actor's sight only if scope changed; it never does, so the detail is there.
        return TypedResults.Ok((await queries.DetailAsync(actor, itemId, ct))!);
    }
}

public sealed record SupervisionCreateDto(
    SupervisionSource? Source, string? SourceText, string? Content, long? LeadUnitId, IReadOnlyList<long>? CooperatingUnitIds,
    DateOnly? Deadline, IReadOnlyList<long>? ProjectIds, long? LeaderId, long? VisitId, bool Assign = false, long? Version = null)
{
    public SupervisionInput ToInput() => new()
    {
        Source = Source ?? SupervisionSource.Other, SourceText = SourceText, Content = Content, LeadUnitId = LeadUnitId ?? 0,
        CooperatingUnitIds = CooperatingUnitIds ?? [], Deadline = Deadline, ProjectIds = ProjectIds ?? [], LeaderId = LeaderId, VisitId = VisitId,
    };
}

public sealed record SupervisionStepDto(SupervisionEntryKind? Action, string? Text, SupervisionEvaluation? Evaluation, long? Version);
