using System.Globalization;
using Milepost.Core.Scheduling;

namespace Milepost.Core.Tests.Scheduling;

/// <summary>Short ways to write networks and read schedules in tests.</summary>
internal static class Net
{
    public static DateOnly D(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A node named after its id; predecessors as "id" (lag 0) or "id:lag".</summary>
    public static ScheduleNode Node(string id, int duration, params string[] predecessors) =>
        new(id, id, duration, [.. predecessors.Select(Dep)]);

    public static Dependency Dep(string spec)
    {
        var parts = spec.Split(':');
        return new Dependency(parts[0], parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : 0);
    }

    public static ScheduleResult Run(string dataDate, string? target, params ScheduleNode[] nodes) =>
        Scheduler.Schedule(new ScheduleInput(D(dataDate), target is null ? null : D(target), nodes));

    public static NodeSchedule Of(this ScheduleResult result, string id) => result.Nodes.Single(n => n.Id == id);

    /// <summary>"ES EF LS LF float" of a node, for one-line comparisons.</summary>
    public static string Dates(this ScheduleResult result, string id)
    {
        var n = result.Of(id);
        return $"{Iso(n.EarlyStart)} {Iso(n.EarlyFinish)} {Iso(n.LateStart)} {Iso(n.LateFinish)} {n.TotalFloat}";
    }
}
