using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Scheduling;
using Milepost.Data;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>What saving a node did: its id, and the other nodes whose computed dates moved.</summary>
public sealed record NodeSaveResult(long NodeId, IReadOnlyList<MovedNode> Moved);

/// <summary>
/// Creates and edits time nodes (清单制: each with its responsible unit and person). The
/// supervision office edits everything; an owner unit records its own projects' actual dates
/// only. Every save reschedules the project and refuses a change that would create a cycle.
/// </summary>
public sealed class NodeCommands(MilepostDb db, PortfolioClock clock, SettingsReader settings)
{
    public async Task<NodeSaveResult> SaveAsync(Actor actor, long projectId, long? nodeId, TimeNodeInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var ownerOnly = !actor.Is(Roles.Supervisor);
        if (ownerOnly && !actor.Is(Roles.Owner))
            throw new ForbiddenException("只有督查室和业主单位可以修改时间节点", "Only the supervision office and owner units may change time nodes");
        var project = await db.Projects.VisibleTo(actor).Where(p => p.Id == projectId)
            .Select(p => new { p.Id, p.DivisionCode, p.PlannedCompletion }).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException($"project {projectId}");
        var nodes = await db.TimeNodes.Include(n => n.Predecessors).Where(n => n.ProjectId == projectId)
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToListAsync(ct);
        var node = nodeId is { } id ? nodes.FirstOrDefault(n => n.Id == id) ?? throw new NotFoundException($"node {id}") : null;
        if (node is null && ownerOnly)
            throw new ForbiddenException("业主单位只能填报节点的实际日期", "Owner units may only record nodes' actual dates");
        if (node is not null && node.Version != expectedVersion)
            throw StaleNode();

        var today = clock.Today;
        var errors = TimeNodeRules.Validate(input, nodeId, today).ToList();
        var known = nodes.Select(n => n.Id).ToHashSet();
        foreach (var p in input.Predecessors.Where(p => !known.Contains(p.PredecessorId)))
            errors.Add(new("Predecessors", "node.predecessor.unknown", $"前置节点 {p.PredecessorId} 不属于本项目", $"Predecessor {p.PredecessorId} is not a node of this project"));
        if (errors.Count > 0) throw new ValidationException(errors);

        var calendar = await settings.CalendarAsync(ct);
        var before = ProjectSchedule.Compute(nodes, project.PlannedCompletion, today, calendar);
        var snapshotBefore = node is null ? null : Snapshot(node);
        if (node is null)
        {
            node = new TimeNode { ProjectId = projectId, DivisionCode = project.DivisionCode, Name = "", SortOrder = nodes.Count == 0 ? 1 : nodes.Max(n => n.SortOrder) + 1 };
            db.TimeNodes.Add(node);
            nodes.Add(node);
        }
        if (ownerOnly)
        {
            node.ActualStart = input.ActualStart;
            node.ActualFinish = input.ActualFinish;
        }
        else
        {
            Apply(node, input);
        }
        node.Version++;

        var after = ProjectSchedule.Compute(nodes, project.PlannedCompletion, today, calendar);
        if (after.Error is { } cycle)
            throw new ValidationException(cycle.Errors.Select(e => e with { Field = "Predecessors" }).ToList());

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, snapshotBefore is null ? "node.create" : "node.update", "TimeNode",
            $"{projectId}/{node.Id}", project.DivisionCode, snapshotBefore, Snapshot(node), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw StaleNode();
        }
        await tx.CommitAsync(ct);

        var names = nodes.ToDictionary(n => n.Id, n => n.Name);
        return new NodeSaveResult(node.Id, ProjectSchedule.Moved(before, after, names).Where(m => m.Id != node.Id).ToList());
    }

    private static ConflictException StaleNode() =>
        new ConflictException("该节点已被他人修改，您的修改未保存。请刷新后重新修改。", "Someone else changed this node; your changes were not saved. Reload and edit again.");

    private static void Apply(TimeNode node, TimeNodeInput input)
    {
        node.Name = input.Name.Trim();
        node.Kind = input.Kind;
        node.DurationDays = input.DurationDays;
        node.PlannedStart = input.PlannedStart;
        node.PlannedFinish = input.PlannedFinish;
        node.ActualStart = input.ActualStart;
        node.ActualFinish = input.ActualFinish;
        node.Deadline = input.Deadline;
        node.ResponsibleUnitId = input.ResponsibleUnitId;
        node.ResponsiblePerson = string.IsNullOrWhiteSpace(input.ResponsiblePerson) ? null : input.ResponsiblePerson.Trim();
        node.Weight = input.Weight;
        node.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
        // Change links in place: removing and re-adding the same key in one unit of work is refused by EF.
        var wanted = input.Predecessors.ToDictionary(p => p.PredecessorId, p => p.LagDays);
        node.Predecessors.RemoveAll(d => !wanted.ContainsKey(d.PredecessorId));
        foreach (var d in node.Predecessors) d.LagDays = wanted[d.PredecessorId];
        foreach (var (pred, lag) in wanted.Where(w => node.Predecessors.All(d => d.PredecessorId != w.Key)))
            node.Predecessors.Add(new NodeDependency { SuccessorId = node.Id, PredecessorId = pred, LagDays = lag, DivisionCode = node.DivisionCode });
    }

    private static object Snapshot(TimeNode n) => new
    {
        n.Name, Kind = n.Kind.ToString(), n.DurationDays, n.PlannedStart, n.PlannedFinish, n.ActualStart, n.ActualFinish, n.Deadline,
        n.ResponsibleUnitId, n.ResponsiblePerson, n.Weight, n.Version,
        Predecessors = n.Predecessors.OrderBy(p => p.PredecessorId).Select(p => new { p.PredecessorId, p.LagDays }).ToList(),
    };
}
