namespace Milepost.Core.Indicators;

/// <summary>
/// 序时进度: how much of a year's plan is expected done by the end of a month, the one rule every figure uses (project,
/// list, dashboard, S-curve, wall display, ranking, exports, report review). With a monthly split, the split's months to
/// date. Without one, the plan spread evenly over the months from the planned start month (January when the project
/// started in an earlier year, or has no planned start) to December or the planned completion month, whichever is
/// earlier. Before its planned start month a project is not judged: nothing is expected and its lag is not computed
/// (a 储备 project imported in June that starts in July is not red in June).
/// </summary>
public static class ExpectedPlan
{
    /// <summary>The months of <paramref name="year"/> the plan is spread over, or null when the project starts after the year.</summary>
    public static (int First, int Last)? Months(int year, DateOnly? plannedStart, DateOnly? plannedCompletion)
    {
        var first = plannedStart is not { } s || s.Year < year ? 1 : s.Year > year ? 13 : s.Month;
        if (first > 12) return null;
        // A completion in an earlier year (the project is late) or none: the plan runs to December.
        var last = plannedCompletion is not { } c || c.Year != year ? 12 : c.Month;
        return (first, Math.Max(first, last));
    }

    /// <summary>
    /// The share of the plan expected by the end of <paramref name="asOf"/>'s month, 0..1: with a split, its months to date
    /// over the plan (null when the plan is 0); without, the even spread's share, null before the planned start month.
    /// </summary>
    public static decimal? Rate(Money plan, IReadOnlyList<Money> monthlyPlan, YearMonth asOf, DateOnly? plannedStart, DateOnly? plannedCompletion) =>
        monthlyPlan.Count == 12 ? Money.Ratio(Money.Sum(monthlyPlan.Take(asOf.Month)), plan) : Share(asOf, plannedStart, plannedCompletion);

    /// <summary>The amount expected by the end of the month, unrounded, in 元 (0 before the planned start): aggregates sum these.</summary>
    public static decimal ToDateYuan(Money plan, IReadOnlyList<Money> monthlyPlan, YearMonth asOf, DateOnly? plannedStart, DateOnly? plannedCompletion) =>
        monthlyPlan.Count == 12 ? Money.Sum(monthlyPlan.Take(asOf.Month)).Yuan
        : plan.Yuan * (Share(asOf, plannedStart, plannedCompletion) ?? 0m);

    /// <summary><see cref="ToDateYuan"/> rounded to 元, as a project's figure shows it.</summary>
    public static Money ToDate(Money plan, IReadOnlyList<Money> monthlyPlan, YearMonth asOf, DateOnly? plannedStart, DateOnly? plannedCompletion) =>
        monthlyPlan.Count == 12 ? Money.Sum(monthlyPlan.Take(asOf.Month))
        : plan * (Share(asOf, plannedStart, plannedCompletion) ?? 0m);

    /// <summary>The even spread's share by the end of the month, or null before the first month of the spread.</summary>
    private static decimal? Share(YearMonth asOf, DateOnly? plannedStart, DateOnly? plannedCompletion)
    {
        if (Months(asOf.Year, plannedStart, plannedCompletion) is not var (first, last) || asOf.Month < first) return null;
        return (decimal)(Math.Min(asOf.Month, last) - first + 1) / (last - first + 1);
    }
}
