using Milepost.Core.Projects;

namespace Milepost.Core.Indicators;

/// <summary>
/// The indicators of a group of projects (a programme, category, division, leader, responsible unit or
/// the whole portfolio), SPEC §4.1. Amounts and counts are sums of the projects; every rate is a ratio
/// of those sums, never an average of the projects' rates. A project appears at most once per group.
/// </summary>
/// <param name="Key">The group's name.</param>
/// <param name="Projects">Projects in the group.</param>
/// <param name="CompletionRate">Σ YtdCompleted / Σ AnnualPlan; null when the plans add up to 0.</param>
/// <param name="Expected">Σ (unrounded) expected-to-date / Σ AnnualPlan; null when the plans add up to 0.</param>
/// <param name="LagPoints">(CompletionRate − Expected) × 100.</param>
/// <param name="NewStartProjects">Projects whose class for Y is New start (新开工).</param>
/// <param name="NewStartsStarted">Of those, the ones with an actual start in Y on or before the end of the as-of month.</param>
/// <param name="StartRate">开工率: NewStartsStarted / NewStartProjects; null when there is no new-start project.</param>
/// <param name="InConstruction">Projects in Construction (在建).</param>
/// <param name="Suspended">Projects Suspended (停工).</param>
/// <param name="ResumptionRate">复工率: InConstruction / (InConstruction + Suspended); null when both are 0.</param>
public sealed record GroupIndicators(
    string Key,
    int Projects,
    Money YtdCompleted,
    Money AnnualPlan,
    Money ExpectedToDate,
    decimal? CompletionRate,
    decimal? Expected,
    decimal? LagPoints,
    int NewStartProjects,
    int NewStartsStarted,
    decimal? StartRate,
    int InConstruction,
    int Suspended,
    decimal? ResumptionRate)
{
    public required Money TotalInvestment { get; init; }
    public required int NodesDue { get; init; }
    /// <summary>Σ node score / Σ due node weight; 1 when no node is due.</summary>
    public required decimal? NodeOnTimeRatio { get; init; }
    /// <summary>
    /// Projects whose PV and EV are both defined. The group's <see cref="Pv"/>, <see cref="Ev"/> and
    /// <see cref="Ac"/> sum these projects only, so that SPI and CPI compare like with like.
    /// </summary>
    public required int EarnedValueProjects { get; init; }
    /// <summary>Σ PV in 万元 over <see cref="EarnedValueProjects"/>; null when there is none.</summary>
    public required decimal? Pv { get; init; }
    /// <summary>Σ EV in 万元 over <see cref="EarnedValueProjects"/>; null when there is none.</summary>
    public required decimal? Ev { get; init; }
    /// <summary>Σ AC over <see cref="EarnedValueProjects"/>.</summary>
    public required Money Ac { get; init; }
    /// <summary>Σ EV / Σ PV; null when Σ PV is 0 or there is no such project.</summary>
    public required decimal? Spi { get; init; }
    /// <summary>Σ EV / Σ AC; null when Σ AC is 0 or there is no such project.</summary>
    public required decimal? Cpi { get; init; }
    public required Money FundsReceived { get; init; }
    /// <summary>Σ funds received / Σ total investment.</summary>
    public required decimal? FundsInPlaceRate { get; init; }
    /// <summary>By source, in the order of <see cref="FundingSource"/>: Σ received / Σ total investment.</summary>
    public required IReadOnlyList<FundsInPlace> FundsBySource { get; init; }
}

public static class IndicatorAggregator
{
    /// <summary>
    /// One <see cref="GroupIndicators"/> per distinct key, in the order the keys first appear. A project
    /// in several groups (a project with two leaders) is passed once per group; a project passed twice
    /// under the same key counts once. All items must be computed as of the same month.
    /// </summary>
    public static IReadOnlyList<GroupIndicators> GroupBy<TKey>(
        IEnumerable<(TKey Key, ProjectFacts Facts, ProjectIndicators Indicators)> items, Func<TKey, string> name) =>
        items.GroupBy(i => i.Key)
            .Select(g => Aggregate(name(g.Key), g.Select(i => (i.Facts, i.Indicators))))
            .ToList();

    /// <summary>The whole set as one group (each project once, however often it is passed).</summary>
    public static GroupIndicators Total(IEnumerable<(ProjectFacts Facts, ProjectIndicators Indicators)> items, string name = "合计") =>
        Aggregate(name, items);

    private static GroupIndicators Aggregate(string key, IEnumerable<(ProjectFacts Facts, ProjectIndicators Indicators)> items)
    {
        var seen = new HashSet<long>();
        var list = new List<(ProjectFacts Facts, ProjectIndicators Ind)>();
        YearMonth? asOf = null;
        foreach (var (facts, ind) in items)
        {
            if (facts.ProjectId != ind.ProjectId)
                throw new ArgumentException($"facts of project {facts.ProjectId} paired with indicators of project {ind.ProjectId}", nameof(items));
            if (asOf is { } a && a != ind.AsOf)
                throw new ArgumentException($"indicators as of {a} and {ind.AsOf} cannot be added up", nameof(items));
            asOf = ind.AsOf;
            if (seen.Add(facts.ProjectId)) list.Add((facts, ind));
        }

        var ytd = Money.Sum(list.Select(x => x.Ind.YtdCompleted));
        var plan = Money.Sum(list.Select(x => x.Ind.AnnualPlan));
        var completion = Money.Ratio(ytd, plan);
        var expectedYuan = list.Sum(x => IndicatorCalculator.ExpectedToDateYuan(x.Facts, x.Ind.AsOf));
        decimal? expected = plan.Yuan == 0 ? null : expectedYuan / plan.Yuan;
        decimal? lag = completion is { } c && expected is { } e ? (c - e) * 100 : null;

        var newStarts = list.Where(x => x.Facts.YearClass == ProjectYearClass.NewStart).ToList();
        var started = newStarts.Count(x => x.Facts.ActualStart is { } s && s.Year == x.Ind.AsOf.Year && s <= x.Ind.AsOf.LastDay);
        var building = list.Count(x => x.Facts.Stage == ProjectStage.Construction);
        var suspended = list.Count(x => x.Facts.Stage == ProjectStage.Suspended);

        var nodesDue = list.Sum(x => x.Ind.NodesDue);
        var dueWeight = list.Sum(x => x.Ind.NodesDueWeight);
        var score = list.Sum(x => x.Ind.NodeScore);
        decimal? nodeRatio = nodesDue == 0 ? 1m : dueWeight == 0 ? null : score / dueWeight;

        var evm = list.Where(x => x.Ind.Pv is not null && x.Ind.Ev is not null).ToList();
        decimal? pv = evm.Count == 0 ? null : evm.Sum(x => x.Ind.Pv!.Value);
        decimal? ev = evm.Count == 0 ? null : evm.Sum(x => x.Ind.Ev!.Value);
        var ac = Money.Sum(evm.Select(x => x.Ind.Ac));

        var total = Money.Sum(list.Select(x => x.Ind.TotalInvestment));
        var bySource = Enum.GetValues<FundingSource>()
            .Select(s =>
            {
                var received = Money.Sum(list.SelectMany(x => x.Ind.FundsBySource).Where(f => f.Source == s).Select(f => f.Received));
                return new FundsInPlace(s, received, Money.Ratio(received, total));
            })
            .ToList();
        var funds = Money.Sum(bySource.Select(f => f.Received));

        return new GroupIndicators(
            key, list.Count, ytd, plan, Money.Sum(list.Select(x => x.Ind.ExpectedToDate)), completion, expected, lag,
            newStarts.Count, started, newStarts.Count == 0 ? null : started / (decimal)newStarts.Count,
            building, suspended, building + suspended == 0 ? null : building / (decimal)(building + suspended))
        {
            TotalInvestment = total,
            NodesDue = nodesDue,
            NodeOnTimeRatio = nodeRatio,
            EarnedValueProjects = evm.Count,
            Pv = pv,
            Ev = ev,
            Ac = ac,
            Spi = pv is { } p && p != 0 && ev is { } v1 ? v1 / p : null,
            Cpi = ev is { } v2 && ac.Yuan != 0 ? v2 / ac.Wan : null,
            FundsReceived = funds,
            FundsInPlaceRate = Money.Ratio(funds, total),
            FundsBySource = bySource,
        };
    }
}
