using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>
/// The rank order of SPEC §4.4: score, then completion rate / 序时进度, then annual plan (each larger first),
/// then 项目代码 (with a code before without, ordinal), then id. Each row ties on every earlier key.
/// </summary>
public class RankingOrderTests
{
    public static TheoryData<string, RankingInput, RankingInput> Pairs => new()
    {
        // name, the one that must come first, the other (given first so input order cannot decide)
        { "score", P(2, rate: 0.8m, expected: 1m), P(1, rate: 0.79m, expected: 1m) },
        // Both at the investment cap (50) with the same score: the larger uncapped ratio wins.
        { "ratio", P(2, rate: 0.9m, expected: 0.6m), P(1, rate: 0.7m, expected: 0.6m) },
        { "plan", P(2, planWan: 2_000m), P(1, planWan: 1_999.99m) },
        { "code", P(2, code: "2020-510100-01"), P(1, code: "2020-510100-02") },
        { "code ordinal", P(2, code: "B-1"), P(1, code: "b-1") },                 // 'B' (66) before 'b' (98)
        { "code before none", P(2, code: "2020-510100-99"), P(1) },
        { "id", P(1, code: "2020-510100-01"), P(2, code: "2020-510100-01") },
        { "id without code", P(1), P(2) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Compute_TieBreak_EarlierKeyDecides(string rule, RankingInput first, RankingInput second)
    {
        var result = Compute([second, first]);

        Assert.True(result.Entries[0].ProjectId == first.ProjectId, $"{rule}: project {first.ProjectId} should rank first");
        Assert.Equal([1, 2], result.Entries.Select(e => e.Rank!.Value));
        // Same score unless the score itself decides.
        if (rule != "score") Assert.Equal(result.Entries[0].Score, result.Entries[1].Score);
    }

    [Fact]
    public void Compute_AllKeys_FullOrderAcrossRules()
    {
        var inputs = new[]
        {
            P(10, code: null),
            P(11, code: "A"),
            P(12, code: "A"),
            P(13, planWan: 5_000m),
            P(14, rate: 1.2m),
            Scoring(15, 99.99m),
            P(16, code: "B"),
        };

        var result = Compute(inputs.Reverse());

        Assert.Equal([14L, 13, 11, 12, 16, 10, 15], Ids(result.Entries));
    }

    [Fact]
    public void Compute_BlackTies_ReadTheSameOrderFromTheBottom()
    {
        // Four at 40 that differ only by the later keys: the worst by the full order is named first on the black list.
        var inputs = new[]
        {
            Scoring(1, 40, code: "X"), Scoring(2, 40, code: "X"), Scoring(3, 40), Scoring(4, 40, planWan: 900m), Scoring(5, 80),
        };

        var result = Compute(inputs);

        Assert.Equal([5L, 1, 2, 3, 4], Ids(result.Entries));
        Assert.Equal([4L, 3, 2, 1], Ids(result.Black));
        Assert.Equal(Ids(result.Entries.Where(e => e.List == RankingList.Black).Reverse()), Ids(result.Black));
    }
}
