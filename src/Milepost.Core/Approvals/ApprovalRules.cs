namespace Milepost.Core.Approvals;

/// <summary>What a user enters for one approval item, before it is checked.</summary>
public sealed record ApprovalInput(ApprovalKind Kind, string? Authority, DateOnly? SubmittedOn, DateOnly? ApprovedOn, ApprovalState State, string? Note);

public static class ApprovalRules
{
    /// <summary>
    /// Checks an approval item: an authority; an approval date only after a submission date and
    /// not before it; the state agreeing with the dates (未申报 has no dates, 审批中 a submission
    /// only, 已批复 both); no date after <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(ApprovalInput a, DateOnly today)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        if (!Enum.IsDefined(a.Kind)) Add("Kind", "approval.kind.unknown", "请选择审批事项类别", "Choose the kind of approval");
        if (!Enum.IsDefined(a.State)) Add("State", "approval.state.unknown", "请选择办理状态", "Choose the state");
        if (string.IsNullOrWhiteSpace(a.Authority)) Add("Authority", "approval.authority.required", "请填写审批部门", "Enter the approving authority");
        else if (a.Authority.Trim().Length > 100) Add("Authority", "approval.authority.length", "审批部门不能超过 100 个字", "The authority may have at most 100 characters");
        if (a.Note is { Length: > 2000 }) Add("Note", "approval.note.length", "备注不能超过 2000 个字", "The note may have at most 2000 characters");
        if (a.ApprovedOn is not null && a.SubmittedOn is null)
            Add("SubmittedOn", "approval.submitted.required", "填写了批复日期，请同时填写申报日期", "An approval date needs a submission date");
        if (a.SubmittedOn is { } s && a.ApprovedOn is { } ap && ap < s)
            Add("ApprovedOn", "approval.approved.before-submitted", $"批复日期（{ap:yyyy-MM-dd}）不能早于申报日期（{s:yyyy-MM-dd}）",
                $"The approval date ({ap:yyyy-MM-dd}) is before the submission date ({s:yyyy-MM-dd})");
        if (a.SubmittedOn > today) Add("SubmittedOn", "approval.submitted.future", "申报日期不能晚于今天", "The submission date is in the future");
        if (a.ApprovedOn > today) Add("ApprovedOn", "approval.approved.future", "批复日期不能晚于今天", "The approval date is in the future");
        switch (a.State)
        {
            case ApprovalState.NotSubmitted when a.SubmittedOn is not null || a.ApprovedOn is not null:
                Add("State", "approval.state.dates", "状态为“未申报”时不应填写申报或批复日期", "A not-submitted item has no dates");
                break;
            case ApprovalState.Submitted when a.SubmittedOn is null:
                Add("SubmittedOn", "approval.submitted.required", "状态为“审批中”，请填写申报日期", "A submitted item needs its submission date");
                break;
            case ApprovalState.Submitted when a.ApprovedOn is not null:
                Add("State", "approval.state.dates", "已填写批复日期，状态应为“已批复”", "An item with an approval date is approved");
                break;
            case ApprovalState.Approved when a.ApprovedOn is null:
                Add("ApprovedOn", "approval.approved.required", "状态为“已批复”，请填写批复日期", "An approved item needs its approval date");
                break;
        }
        return errors;
    }

    public static string StateZh(ApprovalState s) => s switch
    {
        ApprovalState.NotSubmitted => "未申报",
        ApprovalState.Submitted => "审批中",
        _ => "已批复",
    };

    public static string KindZh(ApprovalKind k) => k switch
    {
        ApprovalKind.ProposalOrFeasibility => "项目建议书/可研批复",
        ApprovalKind.LandPreExamination => "用地预审与选址意见",
        ApprovalKind.LandPlanningPermit => "用地规划许可",
        ApprovalKind.EngineeringPlanningPermit => "工程规划许可",
        ApprovalKind.ConstructionPermit => "施工许可",
        ApprovalKind.EnvironmentalApproval => "环评批复",
        ApprovalKind.EnergyReview => "节能审查",
        ApprovalKind.StabilityRiskAssessment => "社会稳定风险评估",
        _ => "其他",
    };

    public static string KindEn(ApprovalKind k) => k switch
    {
        ApprovalKind.ProposalOrFeasibility => "Proposal / feasibility",
        ApprovalKind.LandPreExamination => "Land pre-examination",
        ApprovalKind.LandPlanningPermit => "Land planning permit",
        ApprovalKind.EngineeringPlanningPermit => "Engineering planning permit",
        ApprovalKind.ConstructionPermit => "Construction permit",
        ApprovalKind.EnvironmentalApproval => "Environmental approval",
        ApprovalKind.EnergyReview => "Energy review",
        ApprovalKind.StabilityRiskAssessment => "Stability risk assessment",
        _ => "Other",
    };
}
