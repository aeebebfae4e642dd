namespace Milepost.Core.Visits;

/// <summary>A leader's on-site visit (现场督导), SPEC §3.7.</summary>
public class Visit
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public long LeaderId { get; set; }
    public DateOnly Date { get; set; }
    public required string Findings { get; set; }
    public string? RecordedBy { get; set; }
    public List<VisitProject> Projects { get; set; } = [];
    /// <summary>Every leader on the visit, the lead (<see cref="LeaderId"/>) included.</summary>
    public List<VisitLeader> Leaders { get; set; } = [];
    /// <summary>Findings one by one, each of which may become a problem or a supervision item.</summary>
    public List<VisitFinding> FindingItems { get; set; } = [];
    public long Version { get; set; }
}

public class VisitLeader
{
    public long VisitId { get; set; }
    public long LeaderId { get; set; }
    public required string DivisionCode { get; set; }
}

public class VisitFinding
{
    public long Id { get; set; }
    public long VisitId { get; set; }
    public required string DivisionCode { get; set; }
    public required string Text { get; set; }
    public long? ProjectId { get; set; }
    /// <summary>The problem or supervision item this finding became, once turned into one.</summary>
    public long? ProblemId { get; set; }
    public long? SupervisionItemId { get; set; }
}

public class VisitProject
{
    public long VisitId { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
}
