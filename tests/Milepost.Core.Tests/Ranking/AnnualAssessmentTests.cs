using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>
/// 年度考核 (SPEC §4.5) with the default points: +1 per red appearance, −2 per black, +0.5 per supervision item
/// closed on time, −1 per item overdue.
/// </summary>
public class AnnualAssessmentTests
{
    private static readonly DateOnly AsOf = new(2020, 6, 30);
    private static readonly Dictionary<long, string> Names = new() { [1] = "市交通运输局", [2] = "高新区管委会", [3] = "市住建局", [4] = "市文旅局" };

    private static RankingResult Month(int month, params RankingInput[] inputs) =>
        Compute(inputs, month: new YearMonth(2020, month));

    private static readonly RankingResult Jan = Month(1,
        Scoring(1, 95, unit: 1), Scoring(2, 85, unit: 1),    // unit 1: 90; project 1 red
        Scoring(3, 50, unit: 2), Scoring(4, 70, unit: 2),    // unit 2: 60; project 3 black
        Scoring(5, 100, unit: 4));                            // unit 4: one project, scored 100 (not ranked), red

    private static readonly RankingResult Feb = Month(2,
        Scoring(1, 92, unit: 1), Scoring(2, 80, unit: 1),    // unit 1: 86; project 1 red
        Scoring(3, 40, unit: 2), Scoring(4, 40, unit: 2, missing: 2));   // unit 2: 40; both black

    private static readonly AssessmentItem[] Items =
    [
        new(1, new(2020, 3, 31), new(2020, 3, 31)),    // closed on the deadline: on time
        new(1, new(2020, 4, 30), new(2020, 5, 2)),     // closed after: overdue
        new(1, new(2020, 12, 31), null),               // open, not yet due: pending, not counted
        new(1, new(2019, 12, 31), new(2020, 1, 15)),   // last year's item: ignored
        new(1, new(2021, 1, 10), new(2020, 6, 1)),     // next year's item: ignored
        new(2, new(2020, 5, 31), null),                // open past its deadline: overdue
        new(2, new(2020, 6, 30), null),                // deadline is today: still pending
        new(3, new(2020, 2, 28), new(2020, 2, 1)),     // a unit with items but no scored month
    ];

    private static IReadOnlyList<AssessmentEntry> Assess(IEnumerable<RankingResult>? lists = null, RankingSettings? settings = null) =>
        AnnualAssessment.Compute(2020, lists ?? [Feb, Jan], Items, Names, AsOf, settings ?? Defaults);

    [Theory]
    // unit, mean, red ×/points, black ×/points, items on time ×/points, overdue ×/points, total, rank
    [InlineData(4, "100.00", 1, "1", 0, "0", 0, "0", 0, "0", "101.00", 1)]
    [InlineData(1, "88.00", 2, "2", 0, "0", 1, "0.5", 1, "1", "89.50", 2)]
    [InlineData(2, "50.00", 0, "0", 3, "6", 0, "0", 1, "1", "43.00", 3)]
    [InlineData(3, null, 0, "0", 0, "0", 1, "0.5", 0, "0", null, null)]
    public void Compute_Units_EveryComponent(long unit, string? mean, int red, string redPoints, int black, string blackPoints,
        int onTime, string onTimePoints, int overdue, string overduePoints, string? total, int? rank)
    {
        var e = Assess().Single(x => x.UnitId == unit);

        Assert.Equal(Names[unit], e.UnitName);
        Assert.Equal(D(mean), e.MeanScore);
        Assert.Equal((red, D(redPoints), black, D(blackPoints)), (e.RedAppearances, (decimal?)e.RedPoints, e.BlackAppearances, (decimal?)e.BlackPoints));
        Assert.Equal((onTime, D(onTimePoints), overdue, D(overduePoints)),
            (e.ItemsClosedOnTime, (decimal?)e.ItemsOnTimePoints, e.ItemsOverdue, (decimal?)e.ItemsOverduePoints));
        Assert.Equal(D(total), e.Total);
        Assert.Equal(rank, e.Rank);
    }

    [Fact]
    public void Compute_Months_ListedInMonthOrderWithTheirScores()
    {
        var unit1 = Assess().Single(x => x.UnitId == 1);

        Assert.Equal([new MonthScore(new YearMonth(2020, 1), 90m), new MonthScore(new YearMonth(2020, 2), 86m)], unit1.Months);
    }

    [Fact]
    public void Compute_Order_TotalThenUnrankedLast()
    {
        Assert.Equal([4L, 1, 2, 3], Assess().Select(e => e.UnitId));
    }

    [Fact]
    public void Compute_EqualTotals_MeanThenId()
    {
        // Unit 11: mean 81 − one overdue item = 80; units 12 and 13: mean 80, nothing else. All total 80.
        var list = Month(3, Scoring(1, 80, unit: 13), Scoring(2, 80, unit: 13), Scoring(3, 80, unit: 12), Scoring(4, 80, unit: 12),
            Scoring(5, 81, unit: 11), Scoring(6, 81, unit: 11));

        var result = AnnualAssessment.Compute(2020, [list], [new AssessmentItem(11, new(2020, 3, 1), new(2020, 3, 2))], Names, AsOf, Defaults);

        Assert.Equal([11L, 12, 13], result.Select(e => e.UnitId));
        Assert.All(result, e => Assert.Equal(80m, e.Total));
        Assert.Equal([1, 2, 3], result.Select(e => e.Rank!.Value));
        Assert.Equal("#11", result[0].UnitName);   // a unit without a name still shows
    }

    [Fact]
    public void Compute_CustomPoints_AreUsed()
    {
        var settings = Defaults with { AssessmentRedPoints = 3, AssessmentBlackPoints = 5, AssessmentItemOnTimePoints = 2, AssessmentItemOverduePoints = 4 };

        var unit1 = Assess(settings: settings).Single(x => x.UnitId == 1);

        Assert.Equal((6m, 2m, 4m, 92m), (unit1.RedPoints, unit1.ItemsOnTimePoints, unit1.ItemsOverduePoints, unit1.Total));   // 88 + 6 + 2 − 4
    }

    [Fact]
    public void Compute_ListsOfOtherYears_Ignored()
    {
        var lastDecember = Compute([Scoring(1, 10, unit: 1), Scoring(2, 10, unit: 1)], month: new YearMonth(2019, 12));

        var unit1 = Assess([Jan, Feb, lastDecember]).Single(x => x.UnitId == 1);

        Assert.Equal((88m, 0), (unit1.MeanScore, unit1.BlackAppearances));
    }

    [Fact]
    public void Compute_TwoListsOfOneMonth_Refused()
    {
        var again = Month(1, Scoring(1, 60, unit: 1));

        var ex = Assert.Throws<ArgumentException>(() => Assess([Jan, Feb, again]));

        Assert.Contains("one list per month", ex.Message);
    }

    [Fact]
    public void Compute_NoLists_ItemsOnlyAndNoTotals()
    {
        var result = Assess([]);

        Assert.All(result, e => Assert.Null(e.Total));
        Assert.Equal([1L, 2, 3], result.Select(e => e.UnitId));
    }

    private static decimal? D(string? s) => s is null ? null : decimal.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
