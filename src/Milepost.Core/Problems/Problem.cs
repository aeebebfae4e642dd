namespace Milepost.Core.Problems;

public enum ProblemCategory
{
    Land,          // 用地
    Funding,       // 资金
    Approval,      // 审批
    Demolition,    // 拆迁
    Utilities,     // 水电气
    Environment,   // 环保
    Construction,  // 施工
    Other,         // 其他
}

public enum ProblemState
{
    Open,
    InProgress,
    Resolved,
    Unresolvable,
}

/// <summary>A problem that blocks a project (问题台账), SPEC §3.5.</summary>
public class Problem
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public ProblemCategory Category { get; set; }
    public required string Description { get; set; }
    public required string RaisedBy { get; set; }
    public DateOnly RaisedOn { get; set; }
    public long? ResponsibleUnitId { get; set; }
    public long? CoordinatingLeaderId { get; set; }
    public DateOnly? Deadline { get; set; }
    public ProblemState State { get; set; }
    public string? Resolution { get; set; }
    /// <summary>1 department, 2 linked leader, 3 city coordination meeting.</summary>
    public int EscalationLevel { get; set; } = 1;
    public long Version { get; set; }

    public bool IsOpen => State is ProblemState.Open or ProblemState.InProgress;
}
