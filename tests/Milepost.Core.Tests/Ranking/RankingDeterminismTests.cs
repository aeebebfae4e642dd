using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>
/// "Two runs on the same data give the same list" (SPEC §4.4), checked as a property over seeded random
/// portfolios full of ties: input order never changes a byte of the snapshot, and the snapshot recomputes.
/// </summary>
public class RankingDeterminismTests
{
    private static readonly DateOnly AsOf = new(2020, 6, 12);
    private static readonly DateOnly Due = new(2020, 6, 10);

    public static TheoryData<int> Seeds => new(Enumerable.Range(0, 200));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Snapshot_ShuffledInputs_ByteIdenticalAndRecomputes(int seed)
    {
        var random = new Random(seed);
        var (inputs, exemptions) = Portfolio(random);
        var settings = seed % 3 == 0 ? Defaults : Defaults with { RedCount = random.Next(0, 6), BlackCount = random.Next(0, 6) };

        var json = RankingSnapshot.Compute(May, AsOf, Due, settings, inputs, exemptions).ToJson();
        var shuffled = inputs.OrderBy(_ => random.Next()).ToList();
        var shuffledExemptions = exemptions.OrderBy(_ => random.Next()).ToList();
        var again = RankingSnapshot.Compute(May, AsOf, Due, settings, shuffled, shuffledExemptions);

        Assert.Equal(json, again.ToJson());
        // The calculator itself, fed in the shuffled order, gives the same result too.
        var direct = again with { Result = RankingCalculator.Compute(May, shuffled, shuffledExemptions, settings) };
        Assert.Equal(json, direct.ToJson());
        Assert.True(again.Recomputes());
        var back = RankingSnapshot.FromJson(json);
        Assert.Equal(json, back.ToJson());
        Assert.Equal(RankingSnapshot.Hash(json), RankingSnapshot.Hash(back.ToJson()));
        Assert.True(back.Recomputes());
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Snapshot_OneInputChanged_HashChanges(int seed)
    {
        var random = new Random(seed);
        var (inputs, exemptions) = Portfolio(random);
        if (inputs.Count == 0) inputs.Add(P(1));
        var hash = RankingSnapshot.Hash(RankingSnapshot.Compute(May, AsOf, Due, Defaults, inputs, exemptions).ToJson());

        var i = random.Next(inputs.Count);
        inputs[i] = inputs[i] with { MostOverdueDays = inputs[i].MostOverdueDays + 1 };

        Assert.NotEqual(hash, RankingSnapshot.Hash(RankingSnapshot.Compute(May, AsOf, Due, Defaults, inputs, exemptions).ToJson()));
    }

    [Fact]
    public void Recomputes_TamperedResult_IsFalse()
    {
        var snapshot = RankingSnapshot.Compute(May, AsOf, Due, Defaults, [P(1), Scoring(2, 50)], []);
        var tampered = snapshot with { Result = snapshot.Result with { Entries = snapshot.Result.Entries.Reverse().ToList() } };

        Assert.True(snapshot.Recomputes());
        Assert.False(tampered.Recomputes());
    }

    [Fact]
    public void Snapshot_RecordsItsSettings_RecomputesOnlyWithThem()
    {
        var settings = Defaults with { RedCount = 1, BlackBelowScore = 70 };
        var snapshot = RankingSnapshot.Compute(May, AsOf, Due, settings, [Scoring(1, 95), Scoring(2, 92), Scoring(3, 65)], []);

        var back = RankingSnapshot.FromJson(snapshot.ToJson());

        Assert.Equal(settings, back.Settings);
        Assert.Equal([1L], Ids(back.Result.Red));
        Assert.Equal([3L], Ids(back.Result.Black));
        Assert.True(back.Recomputes());
        Assert.False((back with { Settings = Defaults }).Recomputes());   // today's defaults would list 2 and not 3
    }

    [Fact]
    public void Hash_Json_IsLowerHexSha256()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", RankingSnapshot.Hash("abc"));
    }

    /// <summary>The hash is taken in 4,096-character slices: a character outside the BMP split across two slices, Chinese, and empty text all hash as their whole UTF-8 bytes.</summary>
    [Theory]
    [InlineData(0, 0)]
    [InlineData(4095, 3)]   // the surrogate pair straddles the first slice boundary
    [InlineData(4096, 3)]
    [InlineData(8191, 2)]
    [InlineData(10, 5000)]
    public void Hash_InSlices_EqualsTheHashOfTheWholeText(int asciiBefore, int pairsAfter)
    {
        var text = new string('a', asciiBefore) + string.Concat(Enumerable.Repeat("𠀀红黑榜", pairsAfter));
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, RankingSnapshot.Hash(text));
    }

    /// <summary>0..60 projects drawn from few values, so scores, ratios, plans and codes tie often.</summary>
    private static (List<RankingInput>, List<RankingExemption>) Portfolio(Random r)
    {
        decimal[] rates = [0m, 0.2m, 0.45m, 0.5m, 0.9m, 1m, 1.3m];
        decimal?[] expecteds = [0m, 0.5m, 0.9m, null];
        decimal?[] nodeRatios = [0m, 0.5m, 0.75m, 1m, null];
        string?[] codes = [null, null, "2020-A", "2020-B", "2020-b"];
        var inputs = Enumerable.Range(1, r.Next(0, 61)).Select(id => P(
            id * 7 % 101,   // ids not in input order
            rate: rates[r.Next(rates.Length)],
            expected: expecteds[r.Next(expecteds.Length)],
            nodes: nodeRatios[r.Next(nodeRatios.Length)],
            report: (ReportTimeliness)r.Next(3),
            unit: r.Next(1, 6),
            planWan: r.Next(4) == 0 ? 0 : 500 * r.Next(1, 4),
            code: codes[r.Next(codes.Length)],
            missing: r.Next(6) == 0 ? 2 : 0,
            overdueNode: "节点",
            overdueDays: r.Next(8) == 0 ? 61 : 0,
            cancelled: r.Next(20) == 0)).ToList();
        var exemptions = inputs.Where(_ => r.Next(10) == 0)
            .Select(p => new RankingExemption(p.ProjectId, ExemptionKind.PolicyStop, "环保督察政策性停工")).ToList();
        return (inputs, exemptions);
    }
}
