using Milepost.Core.Indicators;

namespace Milepost.Core.Tests.Indicators;

/// <summary>
/// 序时进度 of a plan without a monthly split (issue 16): spread from the planned start month to December or the planned
/// completion month, whichever is earlier; nothing expected, and no lag, before the start month. Edges of each month.
/// </summary>
public sealed class ExpectedPlanTests
{
    private static readonly Money Plan = Money.FromWan(1_200);

    private static DateOnly? D(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // No dates, or a start in an earlier year: January to December, m/12.
    [InlineData(null, null, 1, "0.0833333333333333333333333333")]
    [InlineData(null, null, 6, "0.5")]
    [InlineData("2019-09-30", "2022-12-31", 12, "1")]
    // Starts in July (any day of it): not judged through June; July is the first of six months.
    [InlineData("2020-07-01", null, 6, null)]
    [InlineData("2020-07-31", null, 6, null)]
    [InlineData("2020-07-01", null, 7, "0.1666666666666666666666666667")]
    [InlineData("2020-07-31", "2021-06-30", 12, "1")]
    // Starts in January of the year: as with no date.
    [InlineData("2020-01-01", null, 1, "0.0833333333333333333333333333")]
    // Completes in September: spread over January–September, all of it expected by the end of September and after.
    [InlineData("2019-03-01", "2020-09-01", 8, "0.8888888888888888888888888889")]
    [InlineData("2019-03-01", "2020-09-30", 9, "1")]
    [InlineData("2019-03-01", "2020-09-30", 10, "1")]
    // Starts in April and completes in June: three months.
    [InlineData("2020-04-15", "2020-06-15", 3, null)]
    [InlineData("2020-04-15", "2020-06-15", 4, "0.3333333333333333333333333333")]
    [InlineData("2020-04-15", "2020-06-15", 6, "1")]
    // Starts and completes in December: December alone.
    [InlineData("2020-12-01", "2020-12-31", 11, null)]
    [InlineData("2020-12-01", "2020-12-31", 12, "1")]
    // Starts next year: not judged this year at all.
    [InlineData("2021-01-01", null, 12, null)]
    // Planned to complete last year (late): the plan runs January–December.
    [InlineData("2018-01-01", "2019-12-31", 3, "0.25")]
    // A completion before the start (a typing slip) is read as the start month.
    [InlineData("2020-05-01", "2020-03-31", 5, "1")]
    public void WithoutASplit_TheShareFollowsThePlannedMonths(string? start, string? completion, int month, string? expected)
    {
        var asOf = new YearMonth(2020, month);
        var rate = ExpectedPlan.Rate(Plan, [], asOf, D(start), D(completion));
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), rate);
        // The amount follows the share; none before the start, and then no lag either.
        Assert.Equal(Plan.Yuan * (rate ?? 0m), ExpectedPlan.ToDateYuan(Plan, [], asOf, D(start), D(completion)));
        var lag = IndicatorCalculator.LagPoints(Money.FromWan(100), Plan, [], asOf, D(start), D(completion));
        Assert.Equal(rate is null, lag is null);
    }

    [Fact]
    public void AMonthlySplit_IsTheRule_WhateverTheDates()
    {
        var split = Enumerable.Range(1, 12).Select(m => Money.FromWan(m <= 6 ? 0 : 200)).ToList();
        var asOf = new YearMonth(2020, 8);
        Assert.Equal(400m / 1_200m, ExpectedPlan.Rate(Plan, split, asOf, D("2020-07-01"), null));
        Assert.Equal(Money.FromWan(400), ExpectedPlan.ToDate(Plan, split, asOf, D("2021-01-01"), null));
    }

    [Fact]
    public void ANewProjectImportedInJune_StartingInJuly_IsNotJudgedOnLagInJune()
    {
        // The case: a 储备 project with an annual plan and a planned start in July, nothing done in June.
        var facts = new ProjectFacts(1, Money.FromWan(10_000), Plan, [], null, [], [], [], Core.Projects.ProjectStage.Pipeline,
            Core.Projects.ProjectYearClass.NewStart, null) { PlannedStart = D("2020-07-01"), PlannedCompletion = D("2021-12-31") };
        var june = IndicatorCalculator.Compute(facts, new YearMonth(2020, 6));
        Assert.Null(june.Expected);
        Assert.Null(june.LagPoints);
        Assert.Equal(Money.Zero, june.ExpectedToDate);
        var july = IndicatorCalculator.Compute(facts, new YearMonth(2020, 7));
        Assert.Equal(1m / 6m, july.Expected);
        Assert.Equal(Money.FromWan(200), july.ExpectedToDate);
        Assert.Equal(-16.67m, Math.Round(july.LagPoints!.Value, 2));
    }
}
