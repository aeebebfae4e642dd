using Milepost.Core.Ranking;

namespace Milepost.Core.Tests.Ranking;

/// <summary>Builders for ranking inputs. A default project scores full marks (50 + 40 + 10) in unit 1.</summary>
internal static class RankingTestData
{
    public static readonly YearMonth May = new(2020, 5);
    public static readonly RankingSettings Defaults = RankingSettings.Default;

    public static RankingInput P(
        long id,
        decimal? rate = 1m,
        decimal? expected = 1m,
        decimal? nodes = 1m,
        ReportTimeliness report = ReportTimeliness.OnTime,
        long unit = 1,
        decimal planWan = 1_000m,
        string? code = null,
        int missing = 0,
        string? overdueNode = null,
        int overdueDays = 0,
        bool cancelled = false) =>
        new(id, code, $"项目{id}", unit, $"单位{unit}", Money.FromWan(planWan), Money.FromWan(planWan * (rate ?? 0)),
            rate, expected, nodes, 0, 0, 0, report, null, missing, overdueNode, overdueDays, cancelled);

    /// <summary>
    /// A project whose score is exactly <paramref name="score"/> (2 decimals): the on-time report's 10, then
    /// nodes, then investment, each component an exact decimal so that no rounding blurs the edge.
    /// </summary>
    public static RankingInput Scoring(long id, decimal score, long unit = 1, decimal planWan = 1_000m, string? code = null,
        int missing = 0, int overdueDays = 0)
    {
        var (report, rest) = score >= 10 ? (ReportTimeliness.OnTime, score - 10) : (ReportTimeliness.Missing, score);
        var nodes = Math.Min(rest, 40m);
        var investment = rest - nodes;
        return P(id, rate: investment / 50m, expected: 1m, nodes: nodes / 40m, report: report, unit: unit, planWan: planWan,
            code: code, missing: missing, overdueNode: overdueDays > 0 ? "主体结构封顶" : null, overdueDays: overdueDays);
    }

    public static RankingResult Compute(IEnumerable<RankingInput> inputs, RankingSettings? settings = null,
        IEnumerable<RankingExemption>? exemptions = null, YearMonth? month = null) =>
        RankingCalculator.Compute(month ?? May, inputs, exemptions ?? [], settings ?? Defaults);

    public static long[] Ids(IEnumerable<RankingEntry> entries) => entries.Select(e => e.ProjectId).ToArray();
}
