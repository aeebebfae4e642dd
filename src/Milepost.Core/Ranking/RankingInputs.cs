using Milepost.Core.Indicators;

namespace Milepost.Core.Ranking;

/// <summary>A time node as the node veto reads it: its name for the published reason, and its finishes.</summary>
public sealed record VetoNode(string Name, DateOnly? PlannedFinish, DateOnly? ActualFinish);

/// <summary>Builds a project's <see cref="RankingInput"/> for month m from the same facts the indicators read.</summary>
public static class RankingInputs
{
    /// <summary>The day the report of <paramref name="month"/> is due: day <paramref name="dueDay"/> of the next month.</summary>
    public static DateOnly DueDate(YearMonth month, int dueDay)
    {
        var next = month.Next();
        return new DateOnly(next.Year, next.Month, dueDay);
    }

    /// <summary>
    /// The input of one project for <paramref name="month"/>, read on <paramref name="asOf"/>: the indicators as of the
    /// month; the month's report on time, late or missing by its first submission (a submission after
    /// <paramref name="asOf"/> has not happened yet); missing months counted back from m within the year; and the
    /// node most overdue at the end of m (not finished by then, planned finish before that day).
    /// </summary>
    public static RankingInput From(
        ProjectFacts facts, string? code, string name, long unitId, string unitName, IReadOnlyList<VetoNode> nodes,
        YearMonth month, DateOnly asOf, int reportDueDay, bool cancelled)
    {
        var indicators = IndicatorCalculator.Compute(facts, month);
        var firstSubmission = FirstSubmission(facts.Reports, month, asOf);
        var due = DueDate(month, reportDueDay);
        var timeliness = !OpeningFigure.Owes(facts.Opening, month) ? ReportTimeliness.Opening
            : firstSubmission is not { } first ? ReportTimeliness.Missing
            : first <= due ? ReportTimeliness.OnTime : ReportTimeliness.Late;

        // Months the opening balance covers were before the project joined: they end the run of missing months.
        var missing = 0;
        for (var k = month; k.Year == month.Year && OpeningFigure.Owes(facts.Opening, k) && FirstSubmission(facts.Reports, k, asOf) is null; k = k.Previous())
        {
            missing++;
            if (k.Month == 1) break;
        }

        var monthEnd = month.LastDay;
        // The earliest planned finish, then the first name (ordinal); a plain loop, as this runs once per project of a province.
        VetoNode? worst = null;
        foreach (var n in nodes)
        {
            if (n.PlannedFinish is not { } p || p >= monthEnd || (n.ActualFinish is { } a && a <= monthEnd)) continue;
            if (worst is null || p < worst.PlannedFinish || (p == worst.PlannedFinish && string.CompareOrdinal(n.Name, worst.Name) < 0))
                worst = n;
        }
        var overdueDays = worst is null ? 0 : monthEnd.DayNumber - worst.PlannedFinish!.Value.DayNumber;

        return new RankingInput(facts.ProjectId, code, name, unitId, unitName, facts.AnnualPlan, indicators.YtdCompleted,
            indicators.CompletionRate, indicators.Expected, indicators.NodeOnTimeRatio, indicators.NodesDue, indicators.NodesOnTime,
            indicators.NodesLate, timeliness, timeliness is ReportTimeliness.Missing or ReportTimeliness.Opening ? null : firstSubmission,
            missing, worst?.Name, overdueDays, cancelled);
    }

    /// <summary>
    /// The first day a report of the month was submitted, on or before <paramref name="asOf"/>; an approved figure without a
    /// date counts as submitted on the first day of the next month, the earliest a report of the month can come in (it has
    /// no date to be late by, so it is on time); null when none was.
    /// </summary>
    private static DateOnly? FirstSubmission(IReadOnlyList<ReportFigure> reports, YearMonth month, DateOnly asOf)
    {
        DateOnly? first = null;
        foreach (var r in reports)
        {
            if (r.Month != month) continue;
            var day = r.SubmittedOn ?? (r.Approved ? month.Next().FirstDay : null);
            if (day is { } d && d <= asOf && (first is null || d < first)) first = d;
        }
        return first;
    }
}
