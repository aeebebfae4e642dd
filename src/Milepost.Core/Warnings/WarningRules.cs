using System.Globalization;
using Milepost.Core.Indicators;

namespace Milepost.Core.Warnings;

/// <summary>
/// The warning level of one project as of a date T (SPEC §4.3). T is a day in the portfolio's time zone,
/// passed in by the caller. Definitions, with D = <see cref="WarningSettings"/>:
/// <list type="bullet">
/// <item>A node is <b>finished</b> by T when its actual finish is on or before T.</item>
/// <item>A node is <b>overdue</b> when it is not finished and its planned finish &lt; T (strictly: a node planned
/// to finish on T is due today, not overdue). <b>Days overdue</b> = T − planned finish (≥ 1).</item>
/// <item>A node is <b>due soon</b> when it is not finished and T ≤ planned finish ≤ T + DueSoonDays (both inclusive).</item>
/// <item>A problem is <b>past its deadline</b> when it is open and its deadline &lt; T; days past = T − deadline.</item>
/// <item>The <b>last closed month</b> is the month before T's month; its report is due on day ReportDueDay
/// of T's month. It is <b>late</b> when submitted after the due date (on the due date is on time), and
/// <b>missing</b> when not submitted and T &gt; due date; days past due = T − due date.</item>
/// </list>
/// Red if any of: lag ≤ RedLagPoints; a node overdue more than RedNodeOverdueDays days (&gt;); a problem
/// past its deadline by more than RedProblemOverdueDays days (&gt;); the report missing and T &gt; due + RedReportMissingDays.
/// Yellow if any of: lag ≤ YellowLagPoints; a node overdue; a node due soon; a problem past its deadline;
/// the report late or missing. Green otherwise.
/// Every subject (the lag, each node, each problem, the report) gives at most one reason, its most severe:
/// a node 35 days overdue gives "node.overdue.red" and not also "node.overdue". All reasons are listed,
/// red ones first, then in the order lag, nodes, problems, report (nodes and problems in input order).
/// </summary>
public static class WarningRules
{
    public static WarningResult Evaluate(WarningFacts facts, DateOnly asOf) => Evaluate(facts, asOf, WarningSettings.Default);

    public static WarningResult Evaluate(WarningFacts facts, DateOnly asOf, WarningSettings settings)
    {
        settings.Check();
        var reasons = new List<WarningReason>();
        if (Lag(facts.LagPoints, settings) is { } lag) reasons.Add(lag);
        foreach (var node in facts.Nodes)
            if (Node(node, asOf, settings) is { } r) reasons.Add(r);
        foreach (var problem in facts.Problems)
            if (Problem(problem, asOf, settings) is { } r) reasons.Add(r);
        if (facts.ReportRequired && OpeningFigure.Owes(facts.Opening, YearMonth.Of(asOf).Previous()) && Report(facts.Reports, asOf, settings) is { } report) reasons.Add(report);

        if (reasons.Count == 0) return WarningResult.Green;
        var ordered = reasons.OrderByDescending(r => r.Level).ToList();
        return new WarningResult(ordered[0].Level, ordered);
    }

    private static WarningReason? Lag(decimal? lagPoints, WarningSettings s)
    {
        if (lagPoints is not { } lag) return null;
        var (id, level, threshold) = lag <= s.RedLagPoints ? (WarningRuleIds.LagRed, WarningLevel.Red, s.RedLagPoints)
            : lag <= s.YellowLagPoints ? (WarningRuleIds.Lag, WarningLevel.Yellow, s.YellowLagPoints)
            : (null, WarningLevel.Green, 0m);
        if (id is null) return null;
        var behind = Number(-lag, 1);
        var limit = Math.Abs(threshold).ToString("0.##", CultureInfo.InvariantCulture);
        var (colourZh, colourEn) = level == WarningLevel.Red ? ("红色", "red") : ("黄色", "yellow");
        return new(id, level,
            $"序时进度滞后 {behind} 个百分点（{colourZh}预警阈值 {limit}）",
            $"Behind the time-elapsed expectation by {behind} percentage points ({colourEn} threshold {limit})",
            new Dictionary<string, decimal> { [WarningNumbers.LagPoints] = lag, [WarningNumbers.Threshold] = threshold });
    }

    private static WarningReason? Node(WarningNode node, DateOnly asOf, WarningSettings s)
    {
        if (node.PlannedFinish is not { } planned) return null;
        if (node.ActualFinish is { } actual && actual <= asOf) return null;
        var numbers = new Dictionary<string, decimal> { [WarningNumbers.NodeId] = node.Id, [WarningNumbers.PlannedFinish] = Ymd(planned) };
        var date = Iso(planned);
        if (planned < asOf)
        {
            var days = asOf.DayNumber - planned.DayNumber;
            numbers[WarningNumbers.DaysOverdue] = days;
            if (days > s.RedNodeOverdueDays)
            {
                numbers[WarningNumbers.Threshold] = s.RedNodeOverdueDays;
                return new(WarningRuleIds.NodeOverdueRed, WarningLevel.Red,
                    $"节点“{node.Name}”已逾期 {days} 天（计划 {date} 完成；逾期超过 {s.RedNodeOverdueDays} 天为红色预警）",
                    $"Node “{node.Name}” is {days} {Days(days)} overdue (planned to finish {date}; red after {s.RedNodeOverdueDays} days)",
                    numbers, node.Name);
            }
            return new(WarningRuleIds.NodeOverdue, WarningLevel.Yellow,
                $"节点“{node.Name}”已逾期 {days} 天（计划 {date} 完成）",
                $"Node “{node.Name}” is {days} {Days(days)} overdue (planned to finish {date})",
                numbers, node.Name);
        }
        var left = planned.DayNumber - asOf.DayNumber;
        if (left > s.DueSoonDays) return null;
        numbers[WarningNumbers.DaysLeft] = left;
        numbers[WarningNumbers.Threshold] = s.DueSoonDays;
        return left == 0
            ? new(WarningRuleIds.NodeDueSoon, WarningLevel.Yellow,
                $"节点“{node.Name}”今天（{date}）到期，尚未完成",
                $"Node “{node.Name}” is due today ({date}) and not done",
                numbers, node.Name)
            : new(WarningRuleIds.NodeDueSoon, WarningLevel.Yellow,
                $"节点“{node.Name}”将于 {left} 天后（{date}）到期，尚未完成",
                $"Node “{node.Name}” is due in {left} {Days(left)} ({date}) and not done",
                numbers, node.Name);
    }

    private static WarningReason? Problem(WarningProblem problem, DateOnly asOf, WarningSettings s)
    {
        if (!problem.IsOpen || problem.Deadline is not { } deadline || deadline >= asOf) return null;
        var days = asOf.DayNumber - deadline.DayNumber;
        var title = Short(problem.Title);
        var date = Iso(deadline);
        var numbers = new Dictionary<string, decimal>
        {
            [WarningNumbers.ProblemId] = problem.Id, [WarningNumbers.Deadline] = Ymd(deadline), [WarningNumbers.DaysOverdue] = days,
        };
        if (days > s.RedProblemOverdueDays)
        {
            numbers[WarningNumbers.Threshold] = s.RedProblemOverdueDays;
            return new(WarningRuleIds.ProblemOverdueRed, WarningLevel.Red,
                $"问题“{title}”已超过办结时限 {days} 天（时限 {date}；超过 {s.RedProblemOverdueDays} 天为红色预警）",
                $"Problem “{title}” is {days} {Days(days)} past its deadline ({date}; red after {s.RedProblemOverdueDays} days)",
                numbers, title);
        }
        return new(WarningRuleIds.ProblemOverdue, WarningLevel.Yellow,
            $"问题“{title}”已超过办结时限 {days} 天（时限 {date}）",
            $"Problem “{title}” is {days} {Days(days)} past its deadline ({date})",
            numbers, title);
    }

    private static WarningReason? Report(IReadOnlyList<ReportFigure> reports, DateOnly asOf, WarningSettings s)
    {
        var month = YearMonth.Of(asOf).Previous();
        var due = new DateOnly(asOf.Year, asOf.Month, s.ReportDueDay);
        var ofMonth = reports.Where(r => r.Month == month).ToList();
        var submitted = ofMonth.Any(r => r.SubmittedOn is not null || r.Approved);
        var monthZh = $"{month.Year}年{month.Month}月";
        var numbers = new Dictionary<string, decimal> { [WarningNumbers.Month] = month.ToInt(), [WarningNumbers.DueDate] = Ymd(due) };

        if (submitted)
        {
            // The first submission decides; an approved figure without a date has no date to be late by.
            var first = ofMonth.Where(r => r.SubmittedOn is not null).Select(r => r.SubmittedOn!.Value).DefaultIfEmpty(due).Min();
            if (first <= due) return null;
            var late = first.DayNumber - due.DayNumber;
            numbers[WarningNumbers.SubmittedOn] = Ymd(first);
            numbers[WarningNumbers.DaysLate] = late;
            return new(WarningRuleIds.ReportLateOrMissing, WarningLevel.Yellow,
                $"{monthZh}月报迟报 {late} 天（报送期限 {Iso(due)}，{Iso(first)} 报送）",
                $"The report for {month} was {late} {Days(late)} late (due {Iso(due)}, submitted {Iso(first)})",
                numbers);
        }
        if (asOf <= due) return null;
        var pastDue = asOf.DayNumber - due.DayNumber;
        numbers[WarningNumbers.DaysPastDue] = pastDue;
        if (pastDue > s.RedReportMissingDays)
        {
            numbers[WarningNumbers.Threshold] = s.RedReportMissingDays;
            return new(WarningRuleIds.ReportMissingRed, WarningLevel.Red,
                $"{monthZh}月报未报送，已超过报送期限（{Iso(due)}）{pastDue} 天（超过 {s.RedReportMissingDays} 天为红色预警）",
                $"The report for {month} is missing, {pastDue} {Days(pastDue)} after its due date {Iso(due)} (red after {s.RedReportMissingDays} days)",
                numbers);
        }
        return new(WarningRuleIds.ReportLateOrMissing, WarningLevel.Yellow,
            $"{monthZh}月报未报送，已超过报送期限（{Iso(due)}）{pastDue} 天",
            $"The report for {month} is missing, {pastDue} {Days(pastDue)} after its due date {Iso(due)}",
            numbers);
    }

    private static decimal Ymd(DateOnly d) => d.Year * 10000 + d.Month * 100 + d.Day;
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Days(int n) => n == 1 ? "day" : "days";
    private static string Number(decimal value, int decimals) => IndicatorFormat.Fixed(value, decimals);

    private static string Short(string text)
    {
        if (text.Length <= 30) return text;
        var cut = char.IsHighSurrogate(text[29]) ? 29 : 30;   // never split a character outside the BMP
        return text[..cut] + "…";
    }
}
