namespace Milepost.Core.Ranking;

/// <summary>A supervision item as the annual assessment sees it: its lead unit, deadline and the day it was closed.</summary>
public sealed record AssessmentItem(long LeadUnitId, DateOnly Deadline, DateOnly? ClosedOn);

/// <summary>
/// What the annual assessment reads of one month's list, per unit: its score (null when none of its projects was
/// ranked) and how many of its projects were on the red and the black list. Publications store it beside their snapshot,
/// so a year's assessment never reads twelve province-size snapshots.
/// </summary>
public sealed record UnitMonth(YearMonth Month, IReadOnlyList<UnitMonthFigures> Units)
{
    public static UnitMonth Of(RankingResult list)
    {
        var units = new Dictionary<long, UnitMonthFigures>();
        foreach (var u in list.Units) units[u.UnitId] = new UnitMonthFigures(u.UnitId, u.Score, 0, 0);
        UnitMonthFigures Figures(long id) => units.GetValueOrDefault(id) ?? new(id, null, 0, 0);
        foreach (var e in list.Red) units[e.UnitId] = Figures(e.UnitId) with { Red = Figures(e.UnitId).Red + 1 };
        foreach (var e in list.Black) units[e.UnitId] = Figures(e.UnitId) with { Black = Figures(e.UnitId).Black + 1 };
        return new UnitMonth(list.Month, [.. units.Values.OrderBy(u => u.UnitId)]);
    }
}

/// <summary>One unit's figures in one month's list.</summary>
public sealed record UnitMonthFigures(long UnitId, decimal? Score, int Red, int Black);

/// <summary>A unit's score in one month's published list.</summary>
public sealed record MonthScore(YearMonth Month, decimal Score);

/// <summary>
/// One responsible unit's annual assessment (SPEC §4.5), every component shown. Points are as the settings give
/// them at the time of computing; <see cref="Total"/> is null when no month of the year scored the unit.
/// </summary>
/// <param name="Months">The unit's score in each published month of the year that scored it.</param>
/// <param name="MeanScore">The mean of <see cref="Months"/>, rounded to 2 decimals.</param>
public sealed record AssessmentEntry(
    long UnitId,
    string UnitName,
    IReadOnlyList<MonthScore> Months,
    decimal? MeanScore,
    int RedAppearances,
    decimal RedPoints,
    int BlackAppearances,
    decimal BlackPoints,
    int ItemsClosedOnTime,
    decimal ItemsOnTimePoints,
    int ItemsOverdue,
    decimal ItemsOverduePoints,
    decimal? Total,
    int? Rank);

/// <summary>
/// The annual assessment of SPEC §4.5 for year Y, from the year's published monthly lists:
/// mean of the unit's monthly scores + red appearances × red points − black appearances × black points
/// + supervision items closed on time × points − items overdue × points.
/// An item counts in the year of its deadline: on time when closed on or before the deadline; overdue when
/// closed after it, or still open with the deadline before <c>asOf</c>; otherwise it is still pending and not counted.
/// Order: total (larger first), then mean score, then unit id; units without a total come last and are not ranked.
/// </summary>
public static class AnnualAssessment
{
    public static IReadOnlyList<AssessmentEntry> Compute(
        int year,
        IEnumerable<RankingResult> monthlyLists,
        IEnumerable<AssessmentItem> items,
        IReadOnlyDictionary<long, string> unitNames,
        DateOnly asOf,
        RankingSettings settings) =>
        Compute(year, monthlyLists.Select(UnitMonth.Of), items, unitNames, asOf, settings);

    /// <summary>The same from each month's per-unit summary, which is all the assessment reads of a list.</summary>
    public static IReadOnlyList<AssessmentEntry> Compute(
        int year,
        IEnumerable<UnitMonth> monthlyLists,
        IEnumerable<AssessmentItem> items,
        IReadOnlyDictionary<long, string> unitNames,
        DateOnly asOf,
        RankingSettings settings)
    {
        settings.Check();
        var lists = monthlyLists.Where(l => l.Month.Year == year).OrderBy(l => l.Month).ToList();
        if (lists.Select(l => l.Month).Distinct().Count() != lists.Count)
            throw new ArgumentException("one list per month: pass only the current publication of each month");

        var months = new Dictionary<long, List<MonthScore>>();
        var red = new Dictionary<long, int>();
        var black = new Dictionary<long, int>();
        foreach (var list in lists)
            foreach (var u in list.Units)
            {
                if (u.Score is { } score) Get(months, u.UnitId).Add(new MonthScore(list.Month, score));
                if (u.Red > 0) red[u.UnitId] = red.GetValueOrDefault(u.UnitId) + u.Red;
                if (u.Black > 0) black[u.UnitId] = black.GetValueOrDefault(u.UnitId) + u.Black;
            }
        var onTime = new Dictionary<long, int>();
        var overdue = new Dictionary<long, int>();
        foreach (var item in items.Where(i => i.Deadline.Year == year))
        {
            if (item.ClosedOn is { } closed && closed <= item.Deadline) onTime[item.LeadUnitId] = onTime.GetValueOrDefault(item.LeadUnitId) + 1;
            else if (item.ClosedOn is not null || item.Deadline < asOf) overdue[item.LeadUnitId] = overdue.GetValueOrDefault(item.LeadUnitId) + 1;
        }

        var unitIds = months.Keys.Concat(onTime.Keys).Concat(overdue.Keys).Distinct();
        var entries = unitIds.Select(id =>
        {
            var scores = months.GetValueOrDefault(id) ?? [];
            decimal? mean = scores.Count == 0 ? null : RankingCalculator.Round(scores.Average(s => s.Score));
            int r = red.GetValueOrDefault(id), b = black.GetValueOrDefault(id), ot = onTime.GetValueOrDefault(id), od = overdue.GetValueOrDefault(id);
            decimal rp = r * settings.AssessmentRedPoints, bp = b * settings.AssessmentBlackPoints;
            decimal op = ot * settings.AssessmentItemOnTimePoints, dp = od * settings.AssessmentItemOverduePoints;
            return new AssessmentEntry(id, unitNames.GetValueOrDefault(id) ?? $"#{id}", scores, mean, r, rp, b, bp, ot, op, od, dp,
                mean is { } m ? RankingCalculator.Round(m + rp - bp + op - dp) : null, null);
        }).ToList();

        var ranked = entries.Where(e => e.Total is not null)
            .OrderByDescending(e => e.Total).ThenByDescending(e => e.MeanScore).ThenBy(e => e.UnitId)
            .Select((e, i) => e with { Rank = i + 1 });
        return ranked.Concat(entries.Where(e => e.Total is null).OrderBy(e => e.UnitId)).ToList();
    }

    private static List<MonthScore> Get(Dictionary<long, List<MonthScore>> d, long id) =>
        d.TryGetValue(id, out var l) ? l : d[id] = [];
}
