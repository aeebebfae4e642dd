using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core;
using Milepost.Core.Approvals;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Approvals;

public sealed record ApprovalDto(ApprovalKind? Kind, string? Authority, DateOnly? SubmittedOn, DateOnly? ApprovedOn, ApprovalState? State, string? Note, long? Version)
{
    public ApprovalInput ToInput() => new(Kind ?? (ApprovalKind)(-1), Authority, SubmittedOn, ApprovedOn, State ?? (ApprovalState)(-1), Note);
}

/// <summary>Approval items (审批事项) per project and their statistics: services and /api/v1 endpoints.</summary>
public static class ApprovalsFeature
{
    public static IServiceCollection AddApprovals(this IServiceCollection s) => s.AddScoped<ApprovalQueries>().AddScoped<ApprovalCommands>();

    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1").WithTags("Approvals").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/projects/{id:long}/approvals", List);
        api.MapPost("/projects/{id:long}/approvals", Create);
        api.MapPut("/projects/{id:long}/approvals/{approvalId:long}", Update);
        api.MapGet("/approvals/stats", Stats);
        return e;
    }

    private static async Task<Results<Ok<IReadOnlyList<ApprovalView>>, NotFound>> List(long id, ApprovalQueries queries, ClaimsPrincipal user, CancellationToken ct) =>
        await queries.ForProjectAsync(Actor.From(user), id, ct) is { } items ? TypedResults.Ok(items) : TypedResults.NotFound();

    private static async Task<Created<ApprovalView>> Create(long id, ApprovalDto body, ApprovalCommands commands, ApprovalQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var newId = await commands.CreateAsync(actor, id, body.ToInput(), ct);
        var view = (await queries.ForProjectAsync(actor, id, ct))!.Single(a => a.Id == newId);
        return TypedResults.Created($"/api/v1/projects/{id}/approvals/{newId}", view);
    }

    private static async Task<Ok<ApprovalView>> Update(long id, long approvalId, ApprovalDto body, ApprovalCommands commands, ApprovalQueries queries, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (body.Version is not { } version)
            throw new ValidationException(new ValidationError("Version", "version.required", "缺少版本号（Version）", "Version is required"));
        await commands.UpdateAsync(actor, id, approvalId, body.ToInput(), version, ct);
        return TypedResults.Ok((await queries.ForProjectAsync(actor, id, ct))!.Single(a => a.Id == approvalId));
    }

    private static Task<ApprovalStats> Stats(ApprovalQueries queries, ClaimsPrincipal user, int? year, CancellationToken ct) =>
        queries.StatsAsync(Actor.From(user), year, ct);
}
