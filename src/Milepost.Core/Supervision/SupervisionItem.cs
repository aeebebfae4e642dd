namespace Milepost.Core.Supervision;

public enum SupervisionSource
{
    Meeting,      // 会议
    Instruction,  // 领导批示
    Visit,        // 现场督导
    Other,        // 其他
}

public enum SupervisionState
{
    Draft,
    Assigned,   // 交办
    Accepted,   // 承办
    Feedback,   // 反馈
    Returned,   // 退回
    Closed,     // 办结
}

public enum SupervisionEvaluation
{
    Satisfied,        // 满意
    BasicallySatisfied, // 基本满意
    Unsatisfied,      // 不满意
}

/// <summary>A supervision item (督办事项), SPEC §3.6.</summary>
public class SupervisionItem
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public SupervisionSource Source { get; set; }
    public string? SourceText { get; set; }
    public required string Content { get; set; }
    public long LeadUnitId { get; set; }
    public DateOnly Deadline { get; set; }
    public SupervisionState State { get; set; }
    public SupervisionEvaluation? Evaluation { get; set; }
    public string? EvaluationComment { get; set; }
    public DateOnly? ClosedOn { get; set; }
    /// <summary>The leader whose instruction (批示) it follows, if any.</summary>
    public long? LeaderId { get; set; }
    /// <summary>The visit it came from, if any.</summary>
    public long? VisitId { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? CreatedAt { get; set; }
    public List<SupervisionItemProject> Projects { get; set; } = [];
    /// <summary>Cooperating units (配合单位) beside the lead unit.</summary>
    public List<SupervisionItemUnit> CooperatingUnits { get; set; } = [];
    /// <summary>Every step taken: assignment, acceptance, feedback, urges, returns, closing.</summary>
    public List<SupervisionEntry> Entries { get; set; } = [];
    public long Version { get; set; }

    /// <summary>Overdue: the deadline has passed and the item is not closed.</summary>
    public bool IsOverdueOn(DateOnly date) => State != SupervisionState.Closed && Deadline < date;
}

public class SupervisionItemProject
{
    public long SupervisionItemId { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
}

public class SupervisionItemUnit
{
    public long SupervisionItemId { get; set; }
    public long UnitId { get; set; }
    public required string DivisionCode { get; set; }
}

public enum SupervisionEntryKind
{
    Assign,   // 交办
    Accept,   // 承办
    Feedback, // 反馈
    Urge,     // 催办
    Return,   // 退回
    Close,    // 办结
    Note,     // 备注
}

/// <summary>One step in a supervision item's history, with who and when.</summary>
public class SupervisionEntry
{
    public long Id { get; set; }
    public long SupervisionItemId { get; set; }
    public required string DivisionCode { get; set; }
    public SupervisionEntryKind Kind { get; set; }
    public string? Text { get; set; }
    public required string By { get; set; }
    public long? ByUnitId { get; set; }
    public DateTime At { get; set; }
}
