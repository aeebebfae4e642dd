namespace Milepost.Core.Warnings;

/// <summary>预警等级. The order matters: a higher value is more severe.</summary>
public enum WarningLevel
{
    Green,
    Yellow,
    Red,
}

/// <summary>
/// One rule that tripped, with the numbers that tripped it, so that the UI and the tests read the same
/// explanation. <see cref="Numbers"/> keys are in <see cref="WarningNumbers"/>; dates are yyyymmdd and
/// months yyyymm numbers. <see cref="Subject"/> names the node or problem, when the rule is about one.
/// </summary>
public sealed record WarningReason(
    string RuleId, WarningLevel Level, string MessageZh, string MessageEn, IReadOnlyDictionary<string, decimal> Numbers, string? Subject = null)
{
    public string Message(bool english) => english ? MessageEn : MessageZh;
}

/// <summary>A project's warning level and every reason that tripped, most severe first.</summary>
public sealed record WarningResult(WarningLevel Level, IReadOnlyList<WarningReason> Reasons)
{
    public static readonly WarningResult Green = new(WarningLevel.Green, []);
}

/// <summary>The rule ids of SPEC §4.3. A ".red" id is the red form of the rule without the suffix.</summary>
public static class WarningRuleIds
{
    /// <summary>Lag ≤ <see cref="WarningSettings.RedLagPoints"/>.</summary>
    public const string LagRed = "lag.red";
    /// <summary>Lag ≤ <see cref="WarningSettings.YellowLagPoints"/> (and above the red threshold).</summary>
    public const string Lag = "lag";
    /// <summary>A node more than <see cref="WarningSettings.RedNodeOverdueDays"/> days overdue.</summary>
    public const string NodeOverdueRed = "node.overdue.red";
    /// <summary>A node overdue by 1 to <see cref="WarningSettings.RedNodeOverdueDays"/> days.</summary>
    public const string NodeOverdue = "node.overdue";
    /// <summary>A node not done whose planned finish is within <see cref="WarningSettings.DueSoonDays"/> days from today.</summary>
    public const string NodeDueSoon = "node.due-soon";
    /// <summary>An open problem more than <see cref="WarningSettings.RedProblemOverdueDays"/> days past its deadline.</summary>
    public const string ProblemOverdueRed = "problem.overdue.red";
    /// <summary>An open problem 1 to <see cref="WarningSettings.RedProblemOverdueDays"/> days past its deadline.</summary>
    public const string ProblemOverdue = "problem.overdue";
    /// <summary>Last closed month's report not submitted, more than <see cref="WarningSettings.RedReportMissingDays"/> days after its due date.</summary>
    public const string ReportMissingRed = "report.missing.red";
    /// <summary>Last closed month's report submitted after its due date, or not submitted and past its due date.</summary>
    public const string ReportLateOrMissing = "report.late-or-missing";
}

/// <summary>Keys of <see cref="WarningReason.Numbers"/>.</summary>
public static class WarningNumbers
{
    public const string LagPoints = "lagPoints";
    /// <summary>The threshold the value was compared with (points for the lag, days for the others).</summary>
    public const string Threshold = "threshold";
    public const string NodeId = "nodeId";
    public const string PlannedFinish = "plannedFinish";
    public const string DaysOverdue = "daysOverdue";
    /// <summary>Days from today to the planned finish (0 = due today).</summary>
    public const string DaysLeft = "daysLeft";
    public const string ProblemId = "problemId";
    public const string Deadline = "deadline";
    /// <summary>The report month, yyyymm.</summary>
    public const string Month = "month";
    public const string DueDate = "dueDate";
    public const string SubmittedOn = "submittedOn";
    /// <summary>Days after the due date that the report was submitted.</summary>
    public const string DaysLate = "daysLate";
    /// <summary>Days from the due date to today for a report not submitted.</summary>
    public const string DaysPastDue = "daysPastDue";
}
