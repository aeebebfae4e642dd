using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Milepost.Core.Scheduling;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>A node as the API takes it; predecessors by node id with a lag in days.</summary>
public sealed record NodeInputDto(
    string? Name, TimeNodeKind? Kind, int? DurationDays, DateOnly? PlannedStart, DateOnly? PlannedFinish, DateOnly? ActualStart, DateOnly? ActualFinish,
    DateOnly? Deadline, long? ResponsibleUnitId, string? ResponsiblePerson, decimal? Weight, string? Note, List<PredecessorInput>? Predecessors, long? Version)
{
    public TimeNodeInput ToInput() => new(Name ?? "", Kind ?? TimeNodeKind.Other, DurationDays ?? -1, PlannedStart, PlannedFinish, ActualStart, ActualFinish,
        Deadline, ResponsibleUnitId, ResponsiblePerson, Weight ?? 1, Note, Predecessors ?? []);
}

/// <summary>One node with its computed schedule.</summary>
public sealed record NodeView(long Id, string Name, TimeNodeKind Kind, int DurationDays, DateOnly? PlannedStart, DateOnly? PlannedFinish,
    DateOnly? ActualStart, DateOnly? ActualFinish, DateOnly? Deadline, IReadOnlyList<PredecessorInput> Predecessors, long Version,
    DateOnly? EarlyStart, DateOnly? EarlyFinish, DateOnly? LateStart, DateOnly? LateFinish, int? TotalFloat, bool Critical);

public sealed record ScheduleView(DateOnly DataDate, DateOnly Target, int CompressionDays, IReadOnlyList<string> CompressionPath, IReadOnlyList<NodeView> Nodes);

/// <summary>/api/v1/projects/{id}/schedule and /nodes: the task list and its backward schedule.</summary>
public static class NodesApi
{
    public static void MapNodesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{id:long}").WithTags("Time nodes").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/schedule", GetSchedule);
        api.MapPost("/nodes", (long id, NodeInputDto body, NodeCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            commands.SaveAsync(Actor.From(user), id, null, body.ToInput(), 0, ct));
        api.MapPut("/nodes/{nodeId:long}", (long id, long nodeId, NodeInputDto body, NodeCommands commands, ClaimsPrincipal user, CancellationToken ct) =>
            commands.SaveAsync(Actor.From(user), id, nodeId, body.ToInput(), body.Version ?? -1, ct));
    }

    private static async Task<Results<Ok<ScheduleView>, NotFound>> GetSchedule(long id, ProjectQueries queries, ProjectSchedule schedule, ClaimsPrincipal user, CancellationToken ct)
    {
        if (await queries.DetailAsync(Actor.From(user), id, ct) is not { } detail) return TypedResults.NotFound();
        var s = await schedule.ComputeAsync(detail.Nodes.Select(v => v.Node).ToList(), detail.Project.PlannedCompletion, ct);
        if (s.Error is { } error) throw error;
        var nodes = detail.Nodes.Select(v =>
        {
            var n = v.Node;
            var x = s.ByNode.GetValueOrDefault(n.Id);
            return new NodeView(n.Id, n.Name, n.Kind, n.DurationDays, n.PlannedStart, n.PlannedFinish, n.ActualStart, n.ActualFinish, n.Deadline,
                n.Predecessors.Select(p => new PredecessorInput(p.PredecessorId, p.LagDays)).ToList(), n.Version,
                x?.EarlyStart, x?.EarlyFinish, x?.LateStart, x?.LateFinish, x?.TotalFloat, x?.Critical ?? false);
        }).ToList();
        return TypedResults.Ok(new ScheduleView(s.DataDate, s.Target, s.CompressionDays, s.CompressionPathNames, nodes));
    }
}
