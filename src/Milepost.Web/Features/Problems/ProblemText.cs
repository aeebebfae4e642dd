using Milepost.Core.Problems;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Problems;

/// <summary>How problems read on screen: category, state and level names and their tag colours.</summary>
public static class ProblemText
{
    public static string Category(ProblemCategory c) => c switch
    {
        ProblemCategory.Land => T("用地", "Land"),
        ProblemCategory.Funding => T("资金", "Funding"),
        ProblemCategory.Approval => T("审批", "Approval"),
        ProblemCategory.Demolition => T("拆迁", "Demolition"),
        ProblemCategory.Utilities => T("水电气", "Utilities"),
        ProblemCategory.Environment => T("环保", "Environment"),
        ProblemCategory.Construction => T("施工", "Construction"),
        _ => T("其他", "Other"),
    };

    public static string State(ProblemState s) => T(ProblemStateMachine.Zh(s), ProblemStateMachine.En(s));

    public static string StateColor(ProblemState s) => s switch
    {
        ProblemState.Open => "gold",
        ProblemState.InProgress => "blue",
        ProblemState.Resolved => "green",
        _ => "default",
    };

    public static string Level(int level) => T(ProblemEscalationRule.LevelZh(level), ProblemEscalationRule.LevelEn(level));

    public static string LevelColor(int level) => level switch { 1 => "cyan", 2 => "orange", _ => "red" };

    /// <summary>The button that moves a problem to <paramref name="to"/>, from <paramref name="from"/>.</summary>
    public static string Action(ProblemState from, ProblemState to) => to switch
    {
        ProblemState.InProgress when from == ProblemState.Open => T("接收办理", "Start handling"),
        ProblemState.InProgress => T("重新办理", "Reopen"),
        ProblemState.Resolved => T("办结：已解决", "Close as resolved"),
        _ => T("办结：无法解决", "Close as unresolvable"),
    };

    public static string JournalAction(string action) => action switch
    {
        "problem.create" => T("登记", "Raised"),
        "problem.assign" => T("交办", "Assigned"),
        "problem.transition" => T("办理", "Handled"),
        "problem.escalate" => T("提级", "Escalated"),
        "problem.comment" => T("进展 / 意见", "Note"),
        _ => action,
    };

    public static readonly ProblemCategory[] Categories = Enum.GetValues<ProblemCategory>();
    public static readonly ProblemState[] States = Enum.GetValues<ProblemState>();
}
