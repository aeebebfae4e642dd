namespace Milepost.Core.Scheduling;

/// <summary>Why a network is refused: the codes of <see cref="Scheduler.Schedule"/>'s errors.</summary>
public static class ScheduleErrors
{
    public const string CycleCode = "schedule.cycle";
    public const string UnknownPredecessorCode = "schedule.unknown-predecessor";
    public const string DuplicateIdCode = "schedule.duplicate-id";
    public const string DurationCode = "schedule.duration";
    public const string SelfCode = "schedule.self";
    public const string ActualOrderCode = "schedule.actual-order";
    /// <summary>A computed date falls outside 0001-01-01 … 9999-12-31.</summary>
    public const string RangeCode = "schedule.range";
    /// <summary>A working calendar lists a date both as a holiday and as a make-up working day.</summary>
    public const string CalendarConflictCode = "calendar.conflict";

    internal static ValidationError Cycle(IReadOnlyList<ScheduleNode> cycle)
    {
        var path = string.Join(" → ", cycle.Select(n => n.Label));
        return new("Predecessors", CycleCode, $"依赖关系存在循环：{path}", $"Dependency cycle: {path}");
    }

    internal static ValidationError UnknownPredecessor(ScheduleNode node, string predecessorId) =>
        new("Predecessors", UnknownPredecessorCode,
            $"节点 {node.Label} 的前置节点 {predecessorId} 不存在",
            $"Node {node.Label} has an unknown predecessor {predecessorId}");

    internal static ValidationError DuplicateId(ScheduleNode first, ScheduleNode again) =>
        new("Id", DuplicateIdCode,
            $"节点编号 {again.Id} 重复：{first.Name}、{again.Name}",
            $"Node id {again.Id} is used twice: {first.Name}, {again.Name}");

    internal static ValidationError NegativeDuration(ScheduleNode node) =>
        new("Duration", DurationCode,
            $"节点 {node.Label} 的工期不能为负数（{node.Duration} 天）",
            $"Node {node.Label} has a negative duration ({node.Duration} days)");

    internal static ValidationError SelfDependency(ScheduleNode node) =>
        new("Predecessors", SelfCode,
            $"节点 {node.Label} 不能以自身为前置节点",
            $"Node {node.Label} cannot be its own predecessor");

    internal static ValidationError ActualOrder(ScheduleNode node, DateOnly start, DateOnly finish) =>
        new("ActualFinish", ActualOrderCode,
            $"节点 {node.Label} 的实际完成日期 {Iso(finish)} 早于实际开始日期 {Iso(start)}",
            $"Node {node.Label} actually finished on {Iso(finish)}, before it actually started on {Iso(start)}");

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static ValidationError Range(ScheduleNode node) =>
        new("", RangeCode,
            $"节点 {node.Label} 的排期超出可表示的日期范围（0001-01-01 至 9999-12-31）",
            $"The schedule of node {node.Label} falls outside the dates that can be represented (0001-01-01 to 9999-12-31)");

    internal static ValidationError CalendarConflict(IEnumerable<DateOnly> dates) =>
        new("Calendar", CalendarConflictCode,
            $"日期不能既是节假日又是调休工作日：{string.Join("、", dates.Select(Iso))}",
            $"A date cannot be both a holiday and a make-up working day: {string.Join(", ", dates.Select(Iso))}");
}
