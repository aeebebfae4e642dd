using System.Text.Json.Serialization;

namespace Milepost.Core.Ranking;

/// <summary>How the month's report stood when the list was computed.</summary>
public enum ReportTimeliness
{
    /// <summary>First submitted on or before the due date.</summary>
    OnTime,
    /// <summary>First submitted after the due date.</summary>
    Late,
    /// <summary>Not submitted.</summary>
    Missing,
    /// <summary>
    /// The month is covered by the project's opening balance (it joined later with its figures from the ledger): it owes
    /// no report and scores as on time, since the office holds its figures (SPEC §4.1, opening balance).
    /// </summary>
    Opening,
}

/// <summary>Why a supervisor took a project off a month's list (SPEC §4.4); the reason is published with the list.</summary>
public enum ExemptionKind
{
    /// <summary>不可抗力.</summary>
    ForceMajeure,
    /// <summary>政策性停工.</summary>
    PolicyStop,
}

/// <summary>A project taken off one month's list, with the reason published beside it.</summary>
public sealed record RankingExemption(long ProjectId, ExemptionKind Kind, string Reason);

/// <summary>
/// What the red-black list of month m of year Y reads of one project: the figures of SPEC §4.1 as of m
/// and the facts behind the vetoes. Everything the score depends on is here, so a publication that
/// stores its inputs can be recomputed to the same list.
/// </summary>
/// <param name="Code">项目代码, or null; the last tie-break uses it before the id.</param>
/// <param name="AnnualPlan">The annual plan of Y; a project is eligible only when it is above 0.</param>
/// <param name="YtdCompleted">Completed investment of months 1..m of Y (the reports that count).</param>
/// <param name="CompletionRate">YtdCompleted / AnnualPlan; null when the plan is 0.</param>
/// <param name="Expected">序时进度 as of m; 0 or null gives the investment component full marks.</param>
/// <param name="NodeOnTimeRatio">The node on-time ratio as of the last day of m (1 when none is due); null when the due nodes all weigh 0, which scores as 1.</param>
/// <param name="Report">The month's report as of the day the list was computed.</param>
/// <param name="ReportSubmittedOn">The day the month's report was first submitted, when it was.</param>
/// <param name="MissingMonthsInRow">Months of Y up to and including m whose reports are all missing, counted back from m.</param>
/// <param name="MostOverdueNode">The node most overdue at the end of m (not finished by then), or null.</param>
/// <param name="MostOverdueDays">Days that node was overdue at the end of m; 0 when none is.</param>
/// <param name="Cancelled">Whether the project is cancelled (never eligible).</param>
public sealed record RankingInput(
    long ProjectId,
    string? Code,
    string Name,
    long UnitId,
    string UnitName,
    Money AnnualPlan,
    Money YtdCompleted,
    decimal? CompletionRate,
    decimal? Expected,
    decimal? NodeOnTimeRatio,
    int NodesDue,
    int NodesOnTime,
    int NodesLate,
    ReportTimeliness Report,
    DateOnly? ReportSubmittedOn,
    int MissingMonthsInRow,
    string? MostOverdueNode,
    int MostOverdueDays,
    bool Cancelled = false)
{
    /// <summary>SPEC §4.4: an annual plan above 0 for Y, and not cancelled.</summary>
    [JsonIgnore] public bool Eligible => AnnualPlan > Money.Zero && !Cancelled;
}
