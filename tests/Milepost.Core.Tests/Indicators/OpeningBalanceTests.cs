using Milepost.Core.Indicators;
using Milepost.Core.Ranking;
using Milepost.Core.Warnings;
using static Milepost.Core.Tests.Indicators.IndicatorTestData;

namespace Milepost.Core.Tests.Indicators;

/// <summary>
/// A project that joins in the middle of the year with its ledger's opening balance (SPEC §4.1): the opening counts in
/// the year-to-date and cumulative figures from the month it runs through, and the months it covers owe no report, in
/// the indicators, the red-black list and the warnings alike. Here it joins with January–May 2024 done (300 万元) and
/// 2,000 万元 done before 2024.
/// </summary>
public class OpeningBalanceTests
{
    private static readonly OpeningFigure JanToMay = new(M(5), Wan(2_000), Wan(300));

    private static ProjectFacts Joined(params ReportFigure[] reports) =>
        Facts(planWan: 1_200, reports: reports) with { Opening = JanToMay };

    [Theory]
    [InlineData(4, 0)]       // before it joined, the opening counts for nothing
    [InlineData(5, 300)]     // the month it runs through: Jan–May as the ledger said
    [InlineData(6, 400)]     // plus June's report
    [InlineData(7, 400)]     // July not yet reported
    public void YearToDate_OpeningPlusReportsAfterIt(int asOfMonth, decimal ytdWan)
    {
        var indicators = IndicatorCalculator.Compute(Joined(Approved(6, 100)), M(asOfMonth));
        Assert.Equal(Wan(ytdWan), indicators.YtdCompleted);
    }

    [Fact]
    public void CompletionRateAndLag_CountTheOpening()
    {
        var indicators = IndicatorCalculator.Compute(Joined(Approved(6, 300)), M(6));
        Assert.Equal(0.5m, indicators.CompletionRate);      // (300 + 300) / 1,200
        Assert.Equal(0m, indicators.LagPoints);             // 序时进度 6/12 without a split
    }

    [Fact]
    public void Cumulative_IncludesBeforeTheYear()
    {
        var indicators = IndicatorCalculator.Compute(Joined(Approved(6, 100)), M(6));
        Assert.Equal(Wan(2_400), indicators.Ac);
    }

    [Fact]
    public void NextYear_OpeningIsCumulativeOnly()
    {
        var indicators = IndicatorCalculator.Compute(Joined(Approved(1, 50, year: Y + 1)), M(1, Y + 1));
        Assert.Equal(Wan(50), indicators.YtdCompleted);
        Assert.Equal(Wan(2_350), indicators.Ac);
    }

    [Fact]
    public void ReportOfACoveredMonth_DoesNotCountTwice()
    {
        var indicators = IndicatorCalculator.Compute(Joined(Approved(3, 999), Approved(6, 100)), M(6));
        Assert.Equal(Wan(400), indicators.YtdCompleted);
    }

    [Theory]
    [InlineData(5, ReportTimeliness.Opening, 10)]    // the month it joined through: covered, scores as on time
    [InlineData(3, ReportTimeliness.Opening, 10)]
    public void Ranking_CoveredMonthIsNotMissing(int month, ReportTimeliness expected, int points)
    {
        var input = RankingInputs.From(Joined(), null, "某项目", 1, "某单位", [], M(month), new DateOnly(Y, 6, 20), 10, false);
        Assert.Equal(expected, input.Report);
        Assert.Equal(0, input.MissingMonthsInRow);
        Assert.Equal(points, RankingCalculator.Score(input, RankingSettings.Default).ReportScore);
    }

    [Fact]
    public void Ranking_MissingRunStopsAtTheOpening()
    {
        // July missing (asked in August after its due date): one month in a row, not July back to January.
        var input = RankingInputs.From(Joined(Approved(6, 100)), null, "某项目", 1, "某单位", [], M(7), new DateOnly(Y, 8, 20), 10, false);
        Assert.Equal(ReportTimeliness.Missing, input.Report);
        Assert.Equal(1, input.MissingMonthsInRow);

        var june = RankingInputs.From(Joined(), null, "某项目", 1, "某单位", [], M(6), new DateOnly(Y, 7, 30), 10, false);
        Assert.Equal(1, june.MissingMonthsInRow);    // June alone: May and before are covered
    }

    [Fact]
    public void Warnings_CoveredLastMonthOwesNoReport()
    {
        var facts = new WarningFacts(null, [], [], [], Opening: JanToMay);
        // 20 June: May's report would be 10 days past due; May is covered.
        Assert.Equal(WarningLevel.Green, WarningRules.Evaluate(facts, new DateOnly(Y, 6, 25)).Level);
        // 25 July: June's report is owed and missing.
        Assert.NotEqual(WarningLevel.Green, WarningRules.Evaluate(facts, new DateOnly(Y, 7, 25)).Level);
    }
}
