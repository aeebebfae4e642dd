namespace Milepost.Core.Visits;

/// <summary>A leader's on-site visit (现场督导), SPEC §3.7.</summary>
public class Visit
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public long LeaderId { get; set; }
    public DateOnly Date { get; set; }
    public required string Findings { get; set; }
    public List<VisitProject> Projects { get; set; } = [];
}

public class VisitProject
{
    public long VisitId { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
}
