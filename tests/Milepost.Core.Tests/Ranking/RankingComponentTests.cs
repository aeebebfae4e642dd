using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>The three score components of SPEC §4.4 with the default weights (50 / 40 / 10).</summary>
public class RankingComponentTests
{
    [Theory]
    [InlineData("0.30", "0.60", "25.00")]     // behind: half of 序时进度
    [InlineData("0.60", "0.60", "50.00")]     // exactly on 序时进度
    [InlineData("0.90", "0.60", "50.00")]     // ahead: capped at the weight
    [InlineData("0", "0.50", "0.00")]         // nothing done
    [InlineData("0.10", "0", "50.00")]        // 序时进度 0: full marks
    [InlineData("0", "0", "50.00")]
    [InlineData(null, "0.50", "0.00")]        // no rate (plan 0 never reaches here, but a null rate counts as nothing done)
    [InlineData("0.2", null, "50.00")]        // no 序时进度 at all: full marks
    [InlineData("0.1233", "1", "6.17")]       // 6.165 rounds away from zero, not to even (6.16)
    [InlineData("0.3333333", "1", "16.67")]   // 16.666665 → 16.67
    [InlineData("0.1", "0.3", "16.67")]       // 50 × 1/3 → 16.67
    public void Score_Investment_IsWeightTimesCappedRatioRounded(string? rate, string? expected, string marks)
    {
        var e = RankingCalculator.Score(P(1, rate: D(rate), expected: D(expected)), Defaults);

        Assert.Equal(decimal.Parse(marks), e.InvestmentScore);
        Assert.Equal(marks, e.InvestmentScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("1", "40.00")]
    [InlineData("0.75", "30.00")]
    [InlineData("0", "0.00")]
    [InlineData(null, "40.00")]            // the due nodes all weigh 0: scores as 1
    [InlineData("0.123625", "4.95")]       // 4.945 → 4.95 (away from zero)
    [InlineData("0.6666667", "26.67")]
    public void Score_Nodes_IsWeightTimesRatioRounded(string? ratio, string marks)
    {
        var e = RankingCalculator.Score(P(1, nodes: D(ratio)), Defaults);

        Assert.Equal(marks, e.NodeScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(ReportTimeliness.OnTime, "10.00")]
    [InlineData(ReportTimeliness.Late, "5.00")]
    [InlineData(ReportTimeliness.Missing, "0.00")]
    public void Score_Report_TenFiveOrZero(ReportTimeliness report, string marks)
    {
        var e = RankingCalculator.Score(P(1, report: report), Defaults);

        Assert.Equal(marks, e.ReportScore.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    // rate, expected, nodes, report → investment, nodes, report, score
    [InlineData("1", "1", "1", ReportTimeliness.OnTime, "50.00", "40.00", "10.00", "100.00")]
    [InlineData("0.1233", "1", "0.123625", ReportTimeliness.OnTime, "6.17", "4.95", "10.00", "21.12")] // unrounded sum 21.11
    [InlineData("0.5", "1", "0.5", ReportTimeliness.Late, "25.00", "20.00", "5.00", "50.00")]
    [InlineData("0", "1", "0", ReportTimeliness.Missing, "0.00", "0.00", "0.00", "0.00")]
    public void Score_Total_IsSumOfRoundedComponents(string rate, string expected, string nodes, ReportTimeliness report,
        string investment, string node, string reporting, string score)
    {
        var e = RankingCalculator.Score(P(1, rate: D(rate), expected: D(expected), nodes: D(nodes), report: report), Defaults);

        Assert.Equal((decimal.Parse(investment), decimal.Parse(node), decimal.Parse(reporting)), (e.InvestmentScore, e.NodeScore, e.ReportScore));
        Assert.Equal(decimal.Parse(score), e.Score);
        Assert.Equal(e.InvestmentScore + e.NodeScore + e.ReportScore, e.Score);
    }

    [Theory]
    [InlineData("0.9", "0.6", "1.5")]           // uncapped, unlike the component
    [InlineData("0.3", "0.6", "0.5")]
    [InlineData("0.1", "0.3", "0.333333")]      // 6 decimals
    [InlineData("0.2", "0.3", "0.666667")]      // away from zero
    [InlineData("0.4", "0", "1")]               // 序时进度 0 → 1
    [InlineData("0.4", null, "1")]
    [InlineData(null, "0.5", "0")]
    public void Score_Ratio_IsUncappedRateOverExpected(string? rate, string? expected, string ratio)
    {
        var e = RankingCalculator.Score(P(1, rate: D(rate), expected: D(expected)), Defaults);

        Assert.Equal(decimal.Parse(ratio), e.Ratio);
    }

    [Fact]
    public void Score_CustomWeights_AreUsed()
    {
        var settings = Defaults with { InvestmentWeight = 60, NodeWeight = 30, ReportOnTimePoints = 10, ReportLatePoints = 2 };

        var e = RankingCalculator.Score(P(1, rate: 0.5m, expected: 1m, nodes: 0.5m, report: ReportTimeliness.Late), settings);

        Assert.Equal((30m, 15m, 2m, 47m), (e.InvestmentScore, e.NodeScore, e.ReportScore, e.Score));
    }

    [Theory]
    [InlineData(0, false, false)]        // no annual plan for the year
    [InlineData(1_000, true, false)]     // cancelled
    [InlineData(0, true, false)]
    [InlineData(1_000, false, true)]
    public void Compute_Eligibility_PlanAboveZeroAndNotCancelled(int planWan, bool cancelled, bool eligible)
    {
        var input = P(7, planWan: planWan, cancelled: cancelled, rate: planWan == 0 ? null : 1m);

        var result = Compute([P(1), input]);

        Assert.Equal(eligible, input.Eligible);
        Assert.Equal(eligible, result.Entries.Any(e => e.ProjectId == 7));
        Assert.Equal(eligible ? 0 : 1, result.Ineligible);
        Assert.Equal(eligible ? 2 : 1, result.Entries.Count);
    }

    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
