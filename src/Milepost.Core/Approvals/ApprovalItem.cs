namespace Milepost.Core.Approvals;

public enum ApprovalKind
{
    ProposalOrFeasibility,   // 项目建议书/可研批复
    LandPreExamination,      // 用地预审与选址意见
    LandPlanningPermit,      // 用地规划许可
    EngineeringPlanningPermit, // 工程规划许可
    ConstructionPermit,      // 施工许可
    EnvironmentalApproval,   // 环评批复
    EnergyReview,            // 节能审查
    StabilityRiskAssessment, // 社会稳定风险评估
    Other,
}

public enum ApprovalState
{
    NotSubmitted,
    Submitted,
    Approved,
}

/// <summary>One permit in a project's approval chain (审批事项), SPEC §3.8.</summary>
public class ApprovalItem
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public ApprovalKind Kind { get; set; }
    public required string Authority { get; set; }
    public DateOnly? SubmittedOn { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public ApprovalState State { get; set; }
    public string? Note { get; set; }
    public long Version { get; set; }

    /// <summary>Days from submission to approval, counting both ends; null until approved.</summary>
    public int? DaysTaken => SubmittedOn is { } s && ApprovedOn is { } a ? a.DayNumber - s.DayNumber + 1 : null;
}
