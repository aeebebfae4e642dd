using System.Globalization;
using Milepost.Core;
using Milepost.Core.Scheduling;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared.Charts;

namespace Milepost.Web.Features.Projects;

/// <summary>A project's computed schedule (倒排工期): the Gantt bars, and how far the target is missed.</summary>
public sealed record ProjectScheduleView(
    IReadOnlyList<GanttBar> Bars,
    IReadOnlyDictionary<long, NodeSchedule> ByNode,
    DateOnly DataDate,
    DateOnly Target,
    int CompressionDays,
    IReadOnlyList<string> CompressionPathNames,
    IReadOnlyList<(string Name, DateOnly Deadline)> BindingDeadlines,
    ValidationException? Error);

/// <summary>A node whose computed dates changed after an edit.</summary>
public sealed record MovedNode(long Id, string Name, DateOnly OldStart, DateOnly OldFinish, DateOnly NewStart, DateOnly NewFinish);

public sealed class ProjectSchedule(PortfolioClock clock, SettingsReader settings)
{
    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Schedules nodes already read (the detail's) from today back from the target; reads only the calendar.</summary>
    public async Task<ProjectScheduleView> ComputeAsync(IReadOnlyList<TimeNode> nodes, DateOnly? target, CancellationToken ct = default) =>
        Compute(nodes, target, clock.Today, await settings.CalendarAsync(ct));

    public static ProjectScheduleView Compute(IReadOnlyList<TimeNode> nodes, DateOnly? target, DateOnly today, WorkCalendar? calendar)
    {
        var input = new ScheduleInput(today, target, nodes.Select(ToScheduleNode).ToList(), calendar);
        ScheduleResult result;
        try
        {
            result = Scheduler.Schedule(input);
        }
        catch (ValidationException e)
        {
            return new ProjectScheduleView([], new Dictionary<long, NodeSchedule>(), today, target ?? today, 0, [], [], e);
        }
        var byNode = new Dictionary<long, NodeSchedule>();
        var bars = new List<GanttBar>();
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            var s = result.Nodes[i];
            byNode[n.Id] = s;
            // A finished node is history: it cannot be compressed, so it is never shown as critical.
            bars.Add(new GanttBar(Key(n.Id), n.Name, n.PlannedStart, n.PlannedFinish, s.EarlyStart, s.EarlyFinish, n.ActualStart, n.ActualFinish,
                s.TotalFloat, s.Critical && !n.IsDone, n.DurationDays == 0, n.Predecessors.Select(p => Key(p.PredecessorId)).ToList()));
        }
        var open = nodes.Where(n => !n.IsDone).ToDictionary(n => Key(n.Id));
        var path = result.CompressionPath.Where(open.ContainsKey).Select(id => open[id]).ToList();
        return new ProjectScheduleView(bars, byNode, today, result.Target, result.CompressionDays,
            path.Select(n => n.Name).ToList(),
            path.Where(n => n.Deadline is { } d && d < result.Target).Select(n => (n.Name, n.Deadline!.Value)).ToList(), null);
    }

    public static ScheduleNode ToScheduleNode(TimeNode n) => new(
        Key(n.Id), n.Name, n.DurationDays,
        n.Predecessors.Select(p => new Dependency(Key(p.PredecessorId), p.LagDays)).ToList(),
        n.ActualStart, n.ActualFinish, n.Deadline);

    /// <summary>The nodes whose computed start or finish differs between two schedules of the same project.</summary>
    public static IReadOnlyList<MovedNode> Moved(ProjectScheduleView before, ProjectScheduleView after, IReadOnlyDictionary<long, string> names) =>
        after.ByNode
            .Where(kv => before.ByNode.TryGetValue(kv.Key, out var old) && (old.EarlyStart != kv.Value.EarlyStart || old.EarlyFinish != kv.Value.EarlyFinish))
            .Select(kv => new MovedNode(kv.Key, names.GetValueOrDefault(kv.Key, "?"), before.ByNode[kv.Key].EarlyStart, before.ByNode[kv.Key].EarlyFinish,
                kv.Value.EarlyStart, kv.Value.EarlyFinish))
            .ToList();
}
