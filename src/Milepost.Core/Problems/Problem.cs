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
    /// <summary>When the problem reached its current level (the raising date until the first escalation).</summary>
    public DateOnly? EscalatedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    /// <summary>The report or visit it was raised from, if any.</summary>
    public long? ReportId { get; set; }
    public long? VisitId { get; set; }
    /// <summary>Further responsible departments beside <see cref="ResponsibleUnitId"/> (the lead).</summary>
    public List<ProblemUnit> Departments { get; set; } = [];
    public List<ProblemEscalation> Escalations { get; set; } = [];
    public long Version { get; set; }

    public bool IsOpen => State is ProblemState.Open or ProblemState.InProgress;
}

public class ProblemUnit
{
    public long ProblemId { get; set; }
    public long UnitId { get; set; }
    public required string DivisionCode { get; set; }
}

/// <summary>One escalation of a problem (by the daily job or by hand), kept for the record.</summary>
public class ProblemEscalation
{
    public long Id { get; set; }
    public long ProblemId { get; set; }
    public required string DivisionCode { get; set; }
    public int FromLevel { get; set; }
    public int ToLevel { get; set; }
    public DateOnly On { get; set; }
    public required string By { get; set; }
    public string? Reason { get; set; }
}
