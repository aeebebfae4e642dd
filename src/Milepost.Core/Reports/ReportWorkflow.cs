namespace Milepost.Core.Reports;

/// <summary>What can be done to a monthly report (SPEC §3.4).</summary>
public enum ReportAction
{
    /// <summary>The owner saves its figures (a draft, or a returned report being corrected).</summary>
    Save,
    /// <summary>The owner sends the report to the supervision office.</summary>
    Submit,
    /// <summary>The supervisor accepts the report.</summary>
    Approve,
    /// <summary>The supervisor sends it back with a comment.</summary>
    Return,
    /// <summary>The owner starts a correction of an approved report: a new revision, the old one kept.</summary>
    StartCorrection,
}

/// <summary>
/// The report's state machine: Draft → Submitted → Approved, or Submitted → Returned → Submitted.
/// An approved report is never edited again; <see cref="ReportAction.StartCorrection"/> leaves it
/// Approved and opens a new revision in Draft (superseded reports allow nothing).
/// </summary>
public static class ReportWorkflow
{
    public static IReadOnlyList<ReportAction> Allowed(ReportState state, bool superseded = false) => superseded ? [] : state switch
    {
        ReportState.Draft => [ReportAction.Save, ReportAction.Submit],
        ReportState.Returned => [ReportAction.Save, ReportAction.Submit],
        ReportState.Submitted => [ReportAction.Approve, ReportAction.Return],
        ReportState.Approved => [ReportAction.StartCorrection],
        _ => [],
    };

    public static bool CanDo(ReportState state, ReportAction action, bool superseded = false) => Allowed(state, superseded).Contains(action);

    /// <summary>The state after <paramref name="action"/>; refuses an illegal step, naming the state and the steps it allows.</summary>
    public static ReportState Next(ReportState state, ReportAction action, bool superseded = false)
    {
        if (!CanDo(state, action, superseded))
        {
            var allowed = Allowed(state, superseded);
            var zh = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(ActionZh));
            var en = allowed.Count == 0 ? "none" : string.Join(", ", allowed);
            var stateZh = superseded ? "已被更正版本替代" : StateZh(state);
            throw new ValidationException(new ValidationError("State", "report.transition.illegal",
                $"月报当前状态为“{stateZh}”，不能{ActionZh(action)}；当前可进行的操作：{zh}",
                $"The report is {(superseded ? "superseded" : state.ToString())}; it cannot be {action}. Allowed now: {en}"));
        }
        return action switch
        {
            ReportAction.Save => state,
            ReportAction.Submit => ReportState.Submitted,
            ReportAction.Approve => ReportState.Approved,
            ReportAction.Return => ReportState.Returned,
            // The approved report stays approved until its correction is approved.
            _ => state,
        };
    }

    public static string StateZh(ReportState s) => s switch
    {
        ReportState.Draft => "草稿",
        ReportState.Submitted => "已报送待审核",
        ReportState.Returned => "已退回",
        _ => "已审核通过",
    };

    public static string ActionZh(ReportAction a) => a switch
    {
        ReportAction.Save => "保存",
        ReportAction.Submit => "报送",
        ReportAction.Approve => "审核通过",
        ReportAction.Return => "退回",
        _ => "发起更正",
    };
}
