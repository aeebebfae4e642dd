using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>一票否决 (SPEC §4.4): a node overdue more than 60 days, or reports missing two months in a row.</summary>
public class RankingVetoTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(59, false)]
    [InlineData(60, false)]     // "more than 60 days"
    [InlineData(61, true)]
    [InlineData(200, true)]
    public void Score_NodeOverdue_VetoOnlyBeyondSixtyDays(int days, bool vetoed)
    {
        var e = RankingCalculator.Score(P(1, overdueNode: days > 0 ? "征地拆迁完成" : null, overdueDays: days), Defaults);

        Assert.Equal(vetoed, e.Vetoes.Any(v => v.Rule == RankingCalculator.VetoNodeOverdue));
        Assert.Equal(vetoed, e.Vetoed);
    }

    [Fact]
    public void Score_NodeOverdueVeto_MessageNamesNodeAndDays()
    {
        var veto = Assert.Single(RankingCalculator.Score(P(1, overdueNode: "征地拆迁完成", overdueDays: 61), Defaults).Vetoes);

        Assert.Contains("征地拆迁完成", veto.MessageZh);
        Assert.Contains("61 天", veto.MessageZh);
        Assert.Contains("征地拆迁完成", veto.MessageEn);
        Assert.Contains("61 days", veto.MessageEn);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    [InlineData(5, true)]
    public void Score_MissingMonths_VetoAtTwoInARow(int missing, bool vetoed)
    {
        var e = RankingCalculator.Score(P(1, report: missing > 0 ? ReportTimeliness.Missing : ReportTimeliness.OnTime, missing: missing), Defaults);

        Assert.Equal(vetoed, e.Vetoes.Any(v => v.Rule == RankingCalculator.VetoReportsMissing));
        if (vetoed) Assert.Contains($"连续 {missing} 个月未报送月报", e.Vetoes.Single().MessageZh);
    }

    [Fact]
    public void Score_BothVetoes_BothReasonsGiven()
    {
        var e = RankingCalculator.Score(P(1, report: ReportTimeliness.Missing, missing: 3, overdueNode: "竣工验收", overdueDays: 90), Defaults);

        Assert.Equal([RankingCalculator.VetoNodeOverdue, RankingCalculator.VetoReportsMissing], e.Vetoes.Select(v => v.Rule));
    }

    [Fact]
    public void Compute_VetoedFullMarks_IsBlackNeverRed()
    {
        // Project 1 would top the list with 100; its veto sends it to the black list and project 2 heads the red.
        var result = Compute([P(1, overdueNode: "主体结构封顶", overdueDays: 61), Scoring(2, 95), Scoring(3, 75)]);

        var vetoed = result.Entries.Single(e => e.ProjectId == 1);
        Assert.Equal(100m, vetoed.Score);
        Assert.Equal(1, vetoed.Rank);                     // still ranked by score: the list shows where it would stand
        Assert.Equal((RankingList.Black, (int?)1), (vetoed.List, vetoed.Position));
        Assert.Equal([2L], Ids(result.Red));
        Assert.Equal([1L], Ids(result.Black));
    }

    [Fact]
    public void Compute_VetoedBeyondBlackCount_AllBlackWorstFirstThenBottomN()
    {
        // Four vetoed projects with BlackCount 2: all four are named, worst first, then the two lowest below 60.
        var inputs = new List<RankingInput>
        {
            Scoring(1, 95, missing: 2), Scoring(2, 80, overdueDays: 70), Scoring(3, 30, missing: 2), Scoring(4, 55, overdueDays: 100),
            Scoring(5, 50), Scoring(6, 40), Scoring(7, 45), Scoring(8, 70),
        };

        var result = Compute(inputs, Defaults with { BlackCount = 2 });

        Assert.Equal([3L, 4L, 2L, 1L, 6L, 7L], Ids(result.Black));
        Assert.Equal([1, 2, 3, 4, 5, 6], result.Black.Select(e => e.Position!.Value));
        Assert.Equal(RankingList.None, result.Entries.Single(e => e.ProjectId == 5).List);   // third lowest: beyond N
    }
}
