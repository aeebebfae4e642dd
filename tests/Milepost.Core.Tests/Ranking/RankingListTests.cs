using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>The red list (top N with score ≥ 90) and black list (bottom N below 60) of SPEC §4.4 and their settings.</summary>
public class RankingListTests
{
    [Theory]
    [InlineData("90", RankingList.Red)]
    [InlineData("89.99", RankingList.None)]
    [InlineData("100", RankingList.Red)]
    [InlineData("60", RankingList.None)]
    [InlineData("59.99", RankingList.Black)]
    [InlineData("0", RankingList.Black)]
    [InlineData("75", RankingList.None)]
    public void Compute_ThresholdEdges_RedAtNinetyBlackBelowSixty(string score, RankingList list)
    {
        var s = decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture);

        var entry = Assert.Single(Compute([Scoring(1, s)]).Entries);

        Assert.Equal(s, entry.Score);
        Assert.Equal(list, entry.List);
    }

    [Fact]
    public void Compute_TwelveAboveNinety_RedCappedAtTen()
    {
        // Twelve qualify (95.5 down to exactly 90, listed in reverse so input order cannot help), one just misses.
        var inputs = Enumerable.Range(1, 12).Reverse().Select(i => Scoring(i, 90 + (12 - i) * 0.5m)).ToList();
        inputs.Add(Scoring(13, 89.99m));

        var result = Compute(inputs);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Ids(result.Red));
        Assert.All(result.Entries.Where(e => e.ProjectId > 10), e => Assert.Equal(RankingList.None, e.List));
        Assert.Equal(Enumerable.Range(1, 10), result.Red.Select(e => e.Position!.Value));
    }

    [Fact]
    public void Compute_FifteenBelowSixty_BlackIsBottomTenLowestFirst()
    {
        var inputs = Enumerable.Range(1, 15).Select(i => Scoring(i, 20 + i)).ToList();   // 21 … 35
        inputs.Add(Scoring(16, 80));

        var result = Compute(inputs);

        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Ids(result.Black));
        Assert.All(result.Entries.Where(e => e.ProjectId is >= 11 and <= 15), e => Assert.Equal(RankingList.None, e.List));
    }

    [Fact]
    public void Compute_CustomCountsAndThresholds_AreRespected()
    {
        var settings = Defaults with { RedCount = 3, RedMinScore = 80, BlackCount = 1, BlackBelowScore = 70 };
        var inputs = new[] { Scoring(1, 95), Scoring(2, 85), Scoring(3, 80), Scoring(4, 82), Scoring(5, 79.99m), Scoring(6, 69.99m), Scoring(7, 65), Scoring(8, 70) };

        var result = Compute(inputs, settings);

        Assert.Equal([1L, 2, 4], Ids(result.Red));       // 80 would qualify but the list is full
        Assert.Equal([7L], Ids(result.Black));           // 65 is the lowest; 69.99 is beyond N = 1
    }

    [Fact]
    public void Compute_ZeroCounts_NoLists()
    {
        var result = Compute([Scoring(1, 100), Scoring(2, 10)], Defaults with { RedCount = 0, BlackCount = 0 });

        Assert.Empty(result.Red);
        Assert.Empty(result.Black);
    }

    public static TheoryData<RankingSettings, string, string> BadSettings => new()
    {
        { Defaults with { InvestmentWeight = 60 }, nameof(RankingSettings.InvestmentWeight), "三项满分之和应为 100，现为 110" },
        { Defaults with { InvestmentWeight = 45 }, nameof(RankingSettings.InvestmentWeight), "三项满分之和应为 100，现为 95" },
        { Defaults with { NodeWeight = -1, InvestmentWeight = 91 }, nameof(RankingSettings.InvestmentWeight), "各项分值不能为负数" },
        { Defaults with { ReportLatePoints = 12 }, nameof(RankingSettings.ReportLatePoints), "迟报得分不能高于按时报送得分" },
        { Defaults with { BlackBelowScore = 95 }, nameof(RankingSettings.BlackBelowScore), "黑榜分数线不能高于红榜分数线" },
        { Defaults with { RedMinScore = 101 }, nameof(RankingSettings.RedMinScore), "红榜分数线应在 0 到 100 之间" },
        { Defaults with { RedCount = -1 }, nameof(RankingSettings.RedCount), "红榜名额应在 0 到 1000 之间" },
        { Defaults with { VetoMissingMonths = 0 }, nameof(RankingSettings.VetoMissingMonths), "连续缺报月数应在 1 到 12 之间" },
        { Defaults with { UnitMinProjects = 0 }, nameof(RankingSettings.UnitMinProjects), "参与单位排名的最少项目数至少为 1" },
        { Defaults with { AssessmentBlackPoints = -2 }, nameof(RankingSettings.AssessmentRedPoints), "考核加减分值不能为负数" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public void Validate_BadSettings_NamesFieldAndExplains(RankingSettings settings, string field, string message)
    {
        var error = Assert.Single(settings.Validate());

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.MessageZh);
        Assert.Throws<ArgumentException>(() => Compute([P(1)], settings));
    }

    [Fact]
    public void Validate_Defaults_AreSound()
    {
        Assert.Empty(Defaults.Validate());
        Assert.Equal(100m, Defaults.FullMarks);
    }
}
