using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Milepost.Core;
using Milepost.Core.Problems;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Problems;

/// <summary>A problem as the API takes it (create and assign); Version is required to assign.</summary>
public sealed record ProblemInputDto(long? ProjectId, ProblemCategory? Category, string? Description, long? ReportId,
    long? ResponsibleUnitId, List<long>? DepartmentIds, long? CoordinatingLeaderId, DateOnly? Deadline, long? Version)
{
    public ProblemInput ToInput() => new(ProjectId, Category, Description, ReportId, ResponsibleUnitId, DepartmentIds, CoordinatingLeaderId, Deadline);
}

public sealed record ProblemStateDto(ProblemState? To, string? Resolution, long? Version);

public sealed record ProblemEscalateDto(string? Reason, long? Version);

public sealed record ProblemCommentDto(string? Text);

/// <summary>The ledger filters as query-string parameters (the ledger page uses the same names).</summary>
public sealed record ProblemFilterQuery(ProblemCategory? Category, ProblemState? State, long? DepartmentId, long? LeaderId, bool? Overdue, long? ProjectId)
{
    public ProblemFilter ToFilter() => new(Category, State, DepartmentId, LeaderId, Overdue ?? false, ProjectId);
}

/// <summary>
/// The problem ledger (问题台账, SPEC §3.5): services, the daily escalation job and /api/v1/problems.
/// Decisions (enforced in <see cref="ProblemAccess"/> and <see cref="ProblemCommands"/>, tabled in PermissionMatrixTests):
/// <list type="bullet">
/// <item>Supervisor raises, assigns (lead department, cooperating departments, coordinating leader, deadline), escalates
/// by hand, handles and closes any problem, and alone reopens a closed one.</item>
/// <item>Owner raises problems on its own projects (also from a report: /problems/new?projectId=..&amp;reportId=..),
/// sees its projects' problems and adds notes; it cannot assign, handle or escalate.</item>
/// <item>Department sees the problems assigned to it (lead or cooperating), even on projects outside its ProjectScope,
/// plus those of the projects it answers for; it handles (accept, resolve, unresolvable) only the assigned ones.</item>
/// <item>Leader sees all problems and comments (批示); the admin roles see none (404).</item>
/// <item>Notes and instructions have no table of their own: each is one audit event (problem.comment), shown as the journal.</item>
/// <item>Escalation: N days (setting rules.problems {"escalationDays":N}, default 10) past the deadline, then N days after
/// each escalation, up to level 3 (<see cref="ProblemEscalationRule"/>); the job claims each day with a JobRun row.</item>
/// </list>
/// </summary>
public static class ProblemsFeature
{
    public static IServiceCollection AddProblems(this IServiceCollection s)
    {
        s.AddScoped<ProblemQueries>();
        s.AddScoped<ProblemCommands>();
        s.AddScoped<ProblemEscalationRunner>();
        s.AddHostedService<ProblemEscalationJob>();
        return s;
    }

    public static IEndpointRouteBuilder MapProblemsApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/problems").WithTags("Problems").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/", (ProblemQueries q, ClaimsPrincipal user, [AsParameters] ProblemFilterQuery f, CancellationToken ct) =>
            q.LedgerAsync(Actor.From(user), f.ToFilter(), ct));
        api.MapGet("/{problemId:long}", Get);
        api.MapPost("/", Create);
        api.MapPut("/{problemId:long}", async (long problemId, ProblemInputDto body, ProblemCommands c, ProblemQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await c.AssignAsync(Actor.From(user), problemId, body.ToInput(), body.Version ?? -1, ct);
            return await Get(problemId, q, user, ct);
        });
        api.MapPost("/{problemId:long}/state", async (long problemId, ProblemStateDto body, ProblemCommands c, ProblemQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await c.TransitionAsync(Actor.From(user), problemId, body.To, body.Resolution, body.Version ?? -1, ct);
            return await Get(problemId, q, user, ct);
        });
        api.MapPost("/{problemId:long}/escalations", async (long problemId, ProblemEscalateDto body, ProblemCommands c, ProblemQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await c.EscalateAsync(Actor.From(user), problemId, body.Reason, body.Version ?? -1, ct);
            return await Get(problemId, q, user, ct);
        });
        api.MapPost("/{problemId:long}/comments", async (long problemId, ProblemCommentDto body, ProblemCommands c, ProblemQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await c.CommentAsync(Actor.From(user), problemId, body.Text, ct);
            return await Get(problemId, q, user, ct);
        });
        return e;
    }

    private static async Task<Results<Ok<ProblemDetailView>, NotFound>> Get(long problemId, ProblemQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        await q.DetailAsync(Actor.From(user), problemId, ct) is { } d ? TypedResults.Ok(d) : TypedResults.NotFound();

    private static async Task<Created<ProblemDetailView>> Create(ProblemInputDto body, ProblemCommands c, ProblemQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var id = await c.CreateAsync(actor, body.ToInput(), ct);
        return TypedResults.Created($"/api/v1/problems/{id}", (await q.DetailAsync(actor, id, ct))!);
    }
}
