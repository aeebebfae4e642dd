namespace Milepost.Core.Scheduling;

public enum TimeNodeKind
{
    Approval,      // 审批
    Design,        // 设计
    Land,          // 用地
    Construction,  // 施工
    Completion,    // 竣工
    Other,         // 其他
}

/// <summary>
/// A time node (时间节点), SPEC §3.3: a dated task with a responsible unit and person. Dates are
/// whole days and a finish is the last day of work (inclusive): a one-day node starts and
/// finishes on the same day.
/// </summary>
public class TimeNode
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public TimeNodeKind Kind { get; set; }
    /// <summary>Duration in days (calendar or working days, as the portfolio's calendar says).</summary>
    public int DurationDays { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? PlannedFinish { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualFinish { get; set; }
    /// <summary>A fixed deadline the node must finish by, if any.</summary>
    public DateOnly? Deadline { get; set; }
    public long? ResponsibleUnitId { get; set; }
    public string? ResponsiblePerson { get; set; }
    public decimal Weight { get; set; } = 1;
    public string? Note { get; set; }
    public int SortOrder { get; set; }
    public List<NodeDependency> Predecessors { get; set; } = [];
    public long Version { get; set; }

    public bool IsDone => ActualFinish is not null;

    /// <summary>Due and not done by <paramref name="date"/>: the planned finish is before it.</summary>
    public bool IsOverdueOn(DateOnly date) => !IsDone && PlannedFinish is { } f && f < date;
}

/// <summary>A finish-to-start link: the successor may start lag + 1 days after the predecessor finishes.</summary>
public class NodeDependency
{
    public long SuccessorId { get; set; }
    public long PredecessorId { get; set; }
    public required string DivisionCode { get; set; }
    /// <summary>Days between the predecessor's finish and the successor's start; may be negative.</summary>
    public int LagDays { get; set; }
}
