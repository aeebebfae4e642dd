using Milepost.Core.Projects;

namespace Milepost.Core.Indicators;

/// <summary>The indicators of SPEC §4.1 for one project, year Y, as of month m.</summary>
public static class IndicatorCalculator
{
    /// <summary>
    /// Computes the indicators of <paramref name="facts"/> for the year of <paramref name="asOf"/>
    /// up to and including that month. Reports and funds of later months are ignored, and so is a
    /// node finish after the last day of the month (as of then, the node was not finished).
    /// </summary>
    private static readonly FundingSource[] Sources = Enum.GetValues<FundingSource>();

    public static ProjectIndicators Compute(ProjectFacts facts, YearMonth asOf)
    {
        var year = asOf.Year;
        var counting = CountingReports(facts.Reports, asOf, facts.Opening);

        var ytd = Money.Sum(counting.Where(r => r.Month.Year == year).Select(r => r.Completed))
            + (facts.Opening?.YearToDate(asOf) ?? Money.Zero);
        var completionRate = Money.Ratio(ytd, facts.AnnualPlan);
        var expectedToDate = ExpectedPlan.ToDate(facts.AnnualPlan, facts.MonthlyPlan, asOf, facts.PlannedStart, facts.PlannedCompletion);
        var expected = ExpectedPlan.Rate(facts.AnnualPlan, facts.MonthlyPlan, asOf, facts.PlannedStart, facts.PlannedCompletion);
        decimal? lag = completionRate is { } c && expected is { } e ? (c - e) * 100 : null;

        var nodes = Nodes(facts.Nodes, asOf.LastDay);

        var yearStart = new YearMonth(year, 1);
        var progressAtYearStart = counting.LastOrDefault(r => r.Month < yearStart)?.ProgressPercent ?? 0m;
        var reportedProgress = counting.Count == 0 ? (decimal?)null : counting[^1].ProgressPercent;
        decimal? plannedToDate = facts.PlannedProgressPercent is { } end && expected is { } ex
            ? progressAtYearStart + (end - progressAtYearStart) * ex
            : null;
        var totalWan = facts.TotalInvestment.Wan;
        decimal? pv = plannedToDate is { } p ? totalWan * p / 100 : null;
        decimal? ev = reportedProgress is { } r ? totalWan * r / 100 : null;
        var ac = Money.Sum(counting.Select(x => x.Completed)) + (facts.Opening?.Cumulative(asOf) ?? Money.Zero);
        decimal? spi = ev is { } evv && pv is { } pvv && pvv != 0 ? evv / pvv : null;
        decimal? cpi = ev is { } evc && ac.Yuan != 0 ? evc / ac.Wan : null;

        var bySource = new List<FundsInPlace>(Sources.Length);
        var funds = Money.Zero;
        foreach (var s in Sources)
        {
            var received = Money.Zero;
            foreach (var f in facts.Funds)
                if (f.Source == s && (f.Month is null || f.Month <= asOf)) received += f.Received;
            bySource.Add(new FundsInPlace(s, received, Money.Ratio(received, facts.TotalInvestment)));
            funds += received;
        }

        return new ProjectIndicators(
            facts.ProjectId, ytd, facts.AnnualPlan, expectedToDate, completionRate, expected, lag,
            nodes.Ratio, nodes.Due, pv, ev, ac, spi, cpi)
        {
            AsOf = asOf,
            TotalInvestment = facts.TotalInvestment,
            UsesMonthlyPlan = facts.HasMonthlyPlan,
            NodesOnTime = nodes.OnTime,
            NodesLate = nodes.Late,
            NodeScore = nodes.Score,
            NodesDueWeight = nodes.DueWeight,
            ProgressAtYearStart = progressAtYearStart,
            PlannedProgressToDate = plannedToDate,
            ReportedProgress = reportedProgress,
            FundsReceived = funds,
            FundsInPlaceRate = Money.Ratio(funds, facts.TotalInvestment),
            FundsBySource = bySource,
        };
    }

    /// <summary>
    /// The one figure that counts for each month up to <paramref name="asOf"/>, in month order:
    /// the approved one with the highest revision, else the submitted one with the highest revision;
    /// none for a month that <paramref name="opening"/> covers.
    /// </summary>
    /// <remarks>A plain loop (a project has a handful of figures a year): the province-scale ranking runs it per project.
    /// Among equals (same approval, same revision) the first given stands.</remarks>
    public static IReadOnlyList<ReportFigure> CountingReports(IEnumerable<ReportFigure> reports, YearMonth asOf, OpeningFigure? opening = null)
    {
        var best = new List<ReportFigure>();
        foreach (var r in reports)
        {
            if (!r.Counts || r.Month > asOf || !OpeningFigure.Owes(opening, r.Month)) continue;
            var i = best.FindIndex(b => b.Month == r.Month);
            if (i < 0) best.Add(r);
            else if ((r.Approved && !best[i].Approved) || (r.Approved == best[i].Approved && r.Revision > best[i].Revision)) best[i] = r;
        }
        best.Sort((a, b) => a.Month.CompareTo(b.Month));   // months are distinct here, so an unstable sort is fine
        return best;
    }

    /// <summary>
    /// The lag of <see cref="Compute"/> from the year-to-date amount alone, for callers that evaluate many projects and
    /// need nothing else (the dashboard's warning levels): the same formula without building the other indicators.
    /// </summary>
    public static decimal? LagPoints(Money ytd, Money annualPlan, IReadOnlyList<Money> monthlyPlan, YearMonth asOf,
        DateOnly? plannedStart, DateOnly? plannedCompletion) =>
        Money.Ratio(ytd, annualPlan) is { } c && ExpectedPlan.Rate(annualPlan, monthlyPlan, asOf, plannedStart, plannedCompletion) is { } e ? (c - e) * 100 : null;

    /// <summary>
    /// The unrounded amount (in 元) the plan expects done by the end of the month, for aggregates: a
    /// group's 序时进度 is the sum of these over the sum of the annual plans.
    /// </summary>
    internal static decimal ExpectedToDateYuan(ProjectFacts facts, YearMonth asOf) =>
        ExpectedPlan.ToDateYuan(facts.AnnualPlan, facts.MonthlyPlan, asOf, facts.PlannedStart, facts.PlannedCompletion);

    private readonly record struct NodeTally(int Due, int OnTime, int Late, decimal DueWeight, decimal Score)
    {
        /// <summary>1 when nothing is due (nothing was missed); null when the due nodes all weigh 0.</summary>
        public decimal? Ratio => Due == 0 ? 1m : DueWeight == 0 ? null : Score / DueWeight;
    }

    /// <summary>
    /// Due = planned finish on or before <paramref name="monthEnd"/>. On time = finished on or before the planned
    /// finish; late = finished after it but by <paramref name="monthEnd"/>; otherwise not finished (scores 0).
    /// </summary>
    private static NodeTally Nodes(IEnumerable<NodeFigure> nodes, DateOnly monthEnd)
    {
        int due = 0, onTime = 0, late = 0;
        decimal dueWeight = 0, score = 0;
        foreach (var n in nodes)
        {
            if (n.PlannedFinish is not { } planned || planned > monthEnd) continue;
            due++;
            dueWeight += n.Weight;
            if (n.ActualFinish is not { } actual || actual > monthEnd) continue;
            if (actual <= planned) { onTime++; score += n.Weight; }
            else { late++; score += n.Weight / 2; }
        }
        return new NodeTally(due, onTime, late, dueWeight, score);
    }
}
