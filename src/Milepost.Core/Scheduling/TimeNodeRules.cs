namespace Milepost.Core.Scheduling;

/// <summary>What a user enters for one time node, before it is checked.</summary>
public sealed record TimeNodeInput(
    string Name,
    TimeNodeKind Kind,
    int DurationDays,
    DateOnly? PlannedStart,
    DateOnly? PlannedFinish,
    DateOnly? ActualStart,
    DateOnly? ActualFinish,
    DateOnly? Deadline,
    long? ResponsibleUnitId,
    string? ResponsiblePerson,
    decimal Weight,
    string? Note,
    IReadOnlyList<PredecessorInput> Predecessors);

/// <summary>A finish-to-start link as entered: the predecessor's id and the lag in days (may be negative).</summary>
public sealed record PredecessorInput(long PredecessorId, int LagDays);

public static class TimeNodeRules
{
    public const int MaxDurationDays = 3650;

    /// <summary>
    /// Checks one node on its own; <paramref name="today"/> is the portfolio's date (actual dates
    /// cannot lie in the future). Links to other nodes (existence, cycles) are checked by the caller
    /// against the whole network.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(TimeNodeInput n, long? ownId, DateOnly today)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        if (string.IsNullOrWhiteSpace(n.Name))
            Add("Name", "node.name.required", "节点名称不能为空", "The node name is required");
        else if (n.Name.Trim().Length > 200)
            Add("Name", "node.name.length", "节点名称不能超过 200 个字", "The node name cannot exceed 200 characters");
        if (n.DurationDays is < 0 or > MaxDurationDays)
            Add("DurationDays", "node.duration", $"工期须在 0 至 {MaxDurationDays} 天之间（0 表示里程碑）", $"Duration must be 0..{MaxDurationDays} days (0 is a milestone)");
        if (n.PlannedStart is { } ps && n.PlannedFinish is { } pf && pf < ps)
            Add("PlannedFinish", "node.planned.order", $"计划完成 {pf:yyyy-MM-dd} 早于计划开始 {ps:yyyy-MM-dd}", $"Planned finish {pf:yyyy-MM-dd} is before planned start {ps:yyyy-MM-dd}");
        if (n.ActualFinish is not null && n.ActualStart is null)
            Add("ActualStart", "node.actual.start-missing", "填写实际完成日期前须先填写实际开始日期", "An actual finish needs an actual start");
        if (n.ActualStart is { } s && n.ActualFinish is { } f && f < s)
            Add("ActualFinish", "node.actual.order", $"实际完成 {f:yyyy-MM-dd} 早于实际开始 {s:yyyy-MM-dd}", $"Actual finish {f:yyyy-MM-dd} is before actual start {s:yyyy-MM-dd}");
        if (n.ActualStart > today)
            Add("ActualStart", "node.actual.future", $"实际开始日期 {n.ActualStart:yyyy-MM-dd} 晚于今天", $"The actual start {n.ActualStart:yyyy-MM-dd} is in the future");
        if (n.ActualFinish > today)
            Add("ActualFinish", "node.actual.future", $"实际完成日期 {n.ActualFinish:yyyy-MM-dd} 晚于今天", $"The actual finish {n.ActualFinish:yyyy-MM-dd} is in the future");
        if (n.Weight < 0)
            Add("Weight", "node.weight", "权重不能为负数", "The weight cannot be negative");
        if (ownId is { } id && n.Predecessors.Any(p => p.PredecessorId == id))
            Add("Predecessors", "node.self", "节点不能以自身为前置节点", "A node cannot be its own predecessor");
        if (n.Predecessors.GroupBy(p => p.PredecessorId).Any(g => g.Count() > 1))
            Add("Predecessors", "node.duplicate-predecessor", "同一前置节点只能出现一次", "A predecessor can be listed only once");
        if (n.Predecessors.Any(p => Math.Abs(p.LagDays) > MaxDurationDays))
            Add("Predecessors", "node.lag", $"搭接天数须在 ±{MaxDurationDays} 天以内", $"Lags must be within ±{MaxDurationDays} days");
        return errors;
    }
}
