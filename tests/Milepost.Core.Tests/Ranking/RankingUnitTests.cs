using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>Responsible units (SPEC §4.4): annual-plan-weighted mean of their ranked projects; ranked with two or more.</summary>
public class RankingUnitTests
{
    private static readonly RankingExemption Flood = new(9, ExemptionKind.ForceMajeure, "7月特大洪水冲毁施工便道");

    private static RankingResult Portfolio() => Compute(
    [
        Scoring(1, 100, unit: 1, planWan: 3_000), Scoring(2, 60, unit: 1, planWan: 1_000),       // (300 + 60) / 4 = 90.00
        Scoring(9, 0, unit: 1, planWan: 5_000, missing: 2),                                       // exempted: not in the mean
        Scoring(3, 80, unit: 2, planWan: 1_000), Scoring(4, 50, unit: 2, planWan: 2_000),         // (80 + 100) / 3 = 60.00
        Scoring(5, 91.5m, unit: 3, planWan: 1_000), Scoring(6, 70, unit: 3, planWan: 2_000),      // 231.5 / 3 = 77.1666… → 77.17
        Scoring(7, 30, unit: 4, planWan: 800),                                                    // one project: scored, not ranked
        Scoring(10, 50, unit: 5, planWan: 500), Scoring(11, 55, unit: 5, planWan: 500),           // 52.50
    ], exemptions: [Flood]);

    [Theory]
    [InlineData(1, "90.00", 2, 1, RankingList.Red)]
    [InlineData(3, "77.17", 2, 2, RankingList.None)]
    [InlineData(2, "60.00", 2, 3, RankingList.None)]      // exactly 60: not black
    [InlineData(5, "52.50", 2, 4, RankingList.Black)]
    [InlineData(4, "30.00", 1, null, RankingList.None)]   // one project: scored for the assessment, never ranked or listed
    public void Compute_Units_WeightedMeanRankAndList(long unitId, string score, int projects, int? rank, RankingList list)
    {
        var unit = Portfolio().Units.Single(u => u.UnitId == unitId);

        Assert.Equal(score, unit.Score.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((projects, rank, list), (unit.Projects, unit.Rank, unit.List));
    }

    [Fact]
    public void Compute_Units_RankedFirstUnrankedLast()
    {
        var result = Portfolio();

        Assert.Equal([1L, 3, 2, 5, 4], result.Units.Select(u => u.UnitId));
        Assert.Equal([1L], result.RedUnits.Select(u => u.UnitId));
        Assert.Equal([5L], result.BlackUnits.Select(u => u.UnitId));
        Assert.Equal(Money.FromWan(4_000), result.Units[0].AnnualPlan);   // the exempted project's 5,000 万元 left out
    }

    [Fact]
    public void Compute_Exempted_KeptWithComponentsButNotRankedOrListed()
    {
        var result = Portfolio();

        var e = Assert.Single(result.Exempted);
        Assert.Equal(9, e.ProjectId);
        Assert.Same(Flood, e.Exemption);
        Assert.Equal((0m, 0m, 0m, 0m), (e.InvestmentScore, e.NodeScore, e.ReportScore, e.Score));
        Assert.True(e.Vetoed);                          // its veto is shown, yet it is not named on the black list
        Assert.Equal((null, RankingList.None, null), (e.Rank, e.List, e.Position));
        Assert.DoesNotContain(9L, Ids(result.Black));
        Assert.Equal(9, result.Entries[^1].ProjectId);   // exempted last
        Assert.Equal(Enumerable.Range(1, 9), result.Entries.Where(x => x.Rank is not null).Select(x => x.Rank!.Value));
    }

    [Fact]
    public void Compute_SeveralExempted_AfterRankedByCodeThenId()
    {
        RankingExemption Stop(long id) => new(id, ExemptionKind.PolicyStop, "政策性停工");

        var result = Compute([Scoring(5, 20), Scoring(4, 99, code: "B"), Scoring(3, 50), Scoring(2, 10, code: "A"), Scoring(1, 70)],
            exemptions: [Stop(5), Stop(4), Stop(2), Stop(1)]);

        Assert.Equal([3L, 2, 4, 1, 5], Ids(result.Entries));
        Assert.Equal([2L, 4, 1, 5], Ids(result.Exempted));
    }

    [Fact]
    public void Compute_UnitsAllExempted_UnitDisappears()
    {
        var result = Compute([Scoring(1, 90, unit: 1), Scoring(2, 40, unit: 2)], exemptions: [new(2, ExemptionKind.PolicyStop, "政策性停工")]);

        Assert.Equal([1L], result.Units.Select(u => u.UnitId));
    }

    [Fact]
    public void Compute_UnitSettings_CountsAndMinimumRespected()
    {
        var inputs = Enumerable.Range(1, 4).SelectMany(u => new[] { Scoring(u * 10, 95 - u, unit: u), Scoring(u * 10 + 1, 95 - u, unit: u) })
            .Append(Scoring(50, 20, unit: 5)).ToList();   // unit 5 alone, and low

        var result = Compute(inputs, Defaults with { RedCount = 2, UnitMinProjects = 1, BlackCount = 1 });

        Assert.Equal([1L, 2], result.RedUnits.Select(u => u.UnitId));   // 94, 93; 92 and 91 qualify but the list is full
        Assert.Equal([5L], result.BlackUnits.Select(u => u.UnitId));    // ranked now that one project is enough
        Assert.Equal(5, result.Units.Count(u => u.Rank is not null));
    }
}
