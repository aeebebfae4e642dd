using Milepost.Core.Portfolio;

namespace Milepost.Core.Projects;

/// <summary>A key project (重点项目), SPEC §3.1.</summary>
public class Project
{
    public long Id { get; set; }
    /// <summary>National investment project code (项目代码), e.g. 2020-511800-48-01-012345; optional, unique when present.</summary>
    public string? Code { get; set; }
    public required string Name { get; set; }
    public required string DivisionCode { get; set; }
    public long? ProgrammeId { get; set; }
    public Programme? Programme { get; set; }
    public long CategoryId { get; set; }
    public Category? Category { get; set; }
    public long OwnerUnitId { get; set; }
    public Unit? OwnerUnit { get; set; }
    public long ResponsibleUnitId { get; set; }
    public Unit? ResponsibleUnit { get; set; }
    public List<ProjectLeader> Leaders { get; set; } = [];
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Address { get; set; }
    public Money TotalInvestment { get; set; }
    public List<ProjectFunding> Funding { get; set; } = [];
    /// <summary>Construction content (建设内容), free text.</summary>
    public string? Content { get; set; }
    public DateOnly? PlannedStart { get; set; }
    /// <summary>Planned completion, the last day of work (inclusive).</summary>
    public DateOnly? PlannedCompletion { get; set; }
    public DateOnly? ActualStart { get; set; }
    public DateOnly? ActualCompletion { get; set; }
    public ProjectStage Stage { get; set; } = ProjectStage.Pipeline;
    public KeyProjectLevel Level { get; set; } = KeyProjectLevel.City;
    /// <summary>Comma-free list of tags, stored as one string separated by '|'.</summary>
    public string? Tags { get; set; }
    public List<AnnualPlan> AnnualPlans { get; set; } = [];
    public List<LifecycleTransition> Transitions { get; set; } = [];
    /// <summary>Incremented on every save; a save carrying an older value is refused (no silent overwrite).</summary>
    public long Version { get; set; }

    /// <summary>The class of the project for year <paramref name="year"/> (SPEC §3.2).</summary>
    public ProjectYearClass ClassFor(int year)
    {
        if (PlannedStart?.Year == year) return ProjectYearClass.NewStart;
        if (PlannedCompletion?.Year == year) return ProjectYearClass.Completing;
        if (Stage is ProjectStage.Pipeline or ProjectStage.Preparation) return ProjectYearClass.Preparing;
        var started = ActualStart ?? PlannedStart;
        if (started?.Year < year && PlannedCompletion?.Year > year) return ProjectYearClass.Continuing;
        return ProjectYearClass.Other;
    }
}

/// <summary>A city leader linked to a project (联系市领导).</summary>
public class ProjectLeader
{
    public long ProjectId { get; set; }
    public long LeaderId { get; set; }
    public Leader? Leader { get; set; }
    public required string DivisionCode { get; set; }
}

/// <summary>One source of a project's funding and its amount.</summary>
public class ProjectFunding
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public FundingSource Source { get; set; }
    public Money Amount { get; set; }
}
