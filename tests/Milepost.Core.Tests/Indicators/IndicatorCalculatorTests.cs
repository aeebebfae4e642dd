using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using static Milepost.Core.Tests.Indicators.IndicatorTestData;

namespace Milepost.Core.Tests.Indicators;

public class IndicatorCalculatorTests
{
    // 60, 60, then 120 a month, 60 in November and December: 1,200 万元 in all.
    private static readonly List<Money> Shaped = Months(60, 60, 120, 120, 120, 120, 120, 120, 120, 120, 60, 60);

    [Fact]
    public void YtdCompleted_SumsMonthsOneToM_OfYearY_Only()
    {
        var facts = Facts(reports:
        [
            Approved(12, 500m, year: Y - 1),   // last year: not in this year's figure
            Approved(1, 100m),
            Approved(2, 200m),
            Approved(3, 300m),
            Approved(4, 400m),                 // after the as-of month
        ]);

        Assert.Equal(Wan(600m), IndicatorCalculator.Compute(facts, M(3)).YtdCompleted);
        Assert.Equal(Wan(1000m), IndicatorCalculator.Compute(facts, M(4)).YtdCompleted);
        Assert.Equal(Wan(100m), IndicatorCalculator.Compute(facts, M(1)).YtdCompleted);
    }

    [Fact]
    public void YtdCompleted_ApprovedRevisionElseSubmitted_DraftsIgnored()
    {
        var facts = Facts(reports:
        [
            Approved(1, 100m),
            Submitted(1, 150m, revision: 2),   // a correction not yet approved: the approved one counts
            Submitted(2, 200m),                // nothing approved: the submitted one counts
            Draft(3, 999m),                    // a draft never counts
            Approved(4, 40m),
            Approved(4, 45m, revision: 2),     // two approved revisions: the later one counts
        ]);

        var ind = IndicatorCalculator.Compute(facts, M(4));

        Assert.Equal(Wan(100m + 200m + 45m), ind.YtdCompleted);
    }

    [Theory]
    [InlineData(300, 1200, 0.25)]
    [InlineData(1200, 1200, 1)]
    [InlineData(1500, 1200, 1.25)]
    [InlineData(0, 1200, 0)]
    [InlineData(0.01, 1, 0.01)]
    public void CompletionRate_YtdOverAnnualPlan(decimal ytdWan, decimal planWan, decimal expected)
    {
        var facts = Facts(planWan: planWan, reports: [Approved(1, ytdWan)]);

        Assert.Equal(expected, IndicatorCalculator.Compute(facts, M(3)).CompletionRate);
    }

    [Fact]
    public void CompletionRate_PlanZero_IsNull()
    {
        var ind = IndicatorCalculator.Compute(Facts(planWan: 0m, reports: [Approved(1, 50m)]), M(3));

        Assert.Null(ind.CompletionRate);
        Assert.Null(ind.LagPoints);
        Assert.Equal(Wan(50m), ind.YtdCompleted);
    }

    [Theory]
    [InlineData(1, 60, 0.05)]
    [InlineData(2, 120, 0.1)]
    [InlineData(3, 240, 0.2)]
    [InlineData(6, 600, 0.5)]
    [InlineData(11, 1140, 0.95)]
    [InlineData(12, 1200, 1)]
    public void Expected_WithMonthlyPlans_SumOfMonthsOverPlan(int month, decimal toDateWan, decimal expected)
    {
        var ind = IndicatorCalculator.Compute(Facts(monthly: Shaped), M(month));

        Assert.True(ind.UsesMonthlyPlan);
        Assert.Equal(expected, ind.Expected);
        Assert.Equal(Wan(toDateWan), ind.ExpectedToDate);
    }

    [Theory]
    [InlineData(3, 0.25, 300)]
    [InlineData(6, 0.5, 600)]
    [InlineData(9, 0.75, 900)]
    [InlineData(12, 1, 1200)]
    public void Expected_WithoutMonthlyPlans_MOverTwelve(int month, decimal expected, decimal toDateWan)
    {
        var ind = IndicatorCalculator.Compute(Facts(monthly: []), M(month));

        Assert.False(ind.UsesMonthlyPlan);
        Assert.Equal(expected, ind.Expected);
        Assert.Equal(Wan(toDateWan), ind.ExpectedToDate);
    }

    [Fact]
    public void Expected_WithoutMonthlyPlans_OneMonth_IsOneTwelfth()
    {
        var ind = IndicatorCalculator.Compute(Facts(planWan: 1000m), M(1));

        Assert.Equal(0.0833333333m, Math.Round(ind.Expected!.Value, 10));
        Assert.Equal(Money.FromYuan(833_333m), ind.ExpectedToDate);   // 1,000 万元 / 12, rounded to 元
    }

    [Fact]
    public void Expected_MonthlyPlansButPlanZero_IsNull()
    {
        var zero = Enumerable.Repeat(Money.Zero, 12).ToList();

        var ind = IndicatorCalculator.Compute(Facts(planWan: 0m, monthly: zero), M(5));

        Assert.Null(ind.Expected);
        Assert.Null(ind.LagPoints);
    }

    [Fact]
    public void Expected_NoMonthlyPlansAndPlanZero_StaysMOverTwelve_ButLagIsNull()
    {
        var ind = IndicatorCalculator.Compute(Facts(planWan: 0m), M(6));

        Assert.Equal(0.5m, ind.Expected);
        Assert.Null(ind.CompletionRate);
        Assert.Null(ind.LagPoints);
    }

    [Theory]
    [InlineData(300, 5)]      // 0.25 done, 0.20 expected: ahead by 5 points
    [InlineData(240, 0)]
    [InlineData(60, -15)]     // 0.05 done: behind by 15 points
    [InlineData(0, -20)]
    public void LagPoints_CompletionMinusExpected_TimesHundred(decimal ytdWan, decimal lag)
    {
        var ind = IndicatorCalculator.Compute(Facts(monthly: Shaped, reports: [Approved(2, ytdWan)]), M(3));

        Assert.Equal(lag, ind.LagPoints);
    }

    [Fact]
    public void LagPoints_FallbackExpectation()
    {
        // 150 of 1,200 done by June, 50 % expected: 12.5 − 50 = −37.5 points.
        var ind = IndicatorCalculator.Compute(Facts(reports: [Approved(6, 150m)]), M(6));

        Assert.Equal(-37.5m, ind.LagPoints);
    }

    public static TheoryData<string, NodeFigure[], int, decimal?> NodeCases() => new()
    {
        // March 2024 ends on the 31st.
        { "nothing due", [new(D(4, 1), null), new(null, null)], 0, 1m },
        { "no nodes", [], 0, 1m },
        { "on time, the same day", [new(D(3, 10), D(3, 10))], 1, 1m },
        { "one day late", [new(D(3, 10), D(3, 11))], 1, 0.5m },
        { "not finished", [new(D(3, 10), null)], 1, 0m },
        { "finished after the month", [new(D(3, 10), D(4, 2))], 1, 0m },
        { "due on the month's last day", [new(D(3, 31), null), new(D(3, 1), D(3, 1))], 2, 0.5m },
        { "early finish of a node not yet due", [new(D(4, 30), D(3, 5)), new(D(3, 1), null)], 1, 0m },
        { "2 on time, 1 late, 1 missed", [new(D(1, 10), D(1, 9)), new(D(2, 10), D(2, 10)), new(D(2, 20), D(3, 1)), new(D(3, 20), null)], 4, 0.625m },
        { "weighted", [new(D(1, 10), D(1, 9), 3), new(D(2, 10), null, 1)], 2, 0.75m },
        { "due nodes weigh nothing", [new(D(1, 10), D(1, 9), 0)], 1, null },
    };

    [Theory]
    [MemberData(nameof(NodeCases))]
    public void NodeOnTimeRatio(string scenario, NodeFigure[] nodes, int due, decimal? ratio)
    {
        var ind = IndicatorCalculator.Compute(Facts(nodes: nodes), M(3));

        Assert.True(due == ind.NodesDue, scenario);
        Assert.True(ratio == ind.NodeOnTimeRatio, $"{scenario}: expected {ratio}, got {ind.NodeOnTimeRatio}");
    }

    [Fact]
    public void NodeOnTimeRatio_Counts()
    {
        var nodes = new NodeFigure[] { new(D(1, 10), D(1, 9)), new(D(2, 10), D(2, 10)), new(D(2, 20), D(3, 1)), new(D(3, 20), null) };

        var ind = IndicatorCalculator.Compute(Facts(nodes: nodes), M(3));

        Assert.Equal((4, 2, 1, 4m, 2.5m), (ind.NodesDue, ind.NodesOnTime, ind.NodesLate, ind.NodesDueWeight, ind.NodeScore));
    }

    [Fact]
    public void EarnedValue_ContinuingProject_PlannedProgressFromYearStart()
    {
        // 10,000 万元 project at 40 % at the end of last year, planned 60 % at the end of this one.
        // March, no monthly plan: expected 0.25, so planned 40 + 20 × 0.25 = 45 % by now.
        var facts = Facts(totalWan: 10_000m, plannedProgress: 60m, reports:
        [
            Approved(11, 1800m, 35m, year: Y - 1),
            Approved(12, 1500m, 40m, year: Y - 1),
            Approved(1, 100m, 41m),
            Approved(2, 100m, 42m),
            Approved(3, 100m, 43.2m),
            Approved(4, 500m, 50m),             // after March: ignored
        ]);

        var ind = IndicatorCalculator.Compute(facts, M(3));

        Assert.Equal(40m, ind.ProgressAtYearStart);
        Assert.Equal(45m, ind.PlannedProgressToDate);
        Assert.Equal(43.2m, ind.ReportedProgress);
        Assert.Equal(4500m, ind.Pv);
        Assert.Equal(4320m, ind.Ev);
        Assert.Equal(Wan(3600m), ind.Ac);            // every month to date, last year's too
        Assert.Equal(0.96m, ind.Spi);
        Assert.Equal(1.2m, ind.Cpi);
        Assert.Equal(Wan(4500m), ind.PvAmount);
        Assert.Equal(Wan(4320m), ind.EvAmount);
    }

    [Fact]
    public void EarnedValue_NewProject_PlannedProgressIsYearEndTimesExpected()
    {
        // Starts from 0: planned by June = 60 % × 0.5 = 30 %; reported 24 %.
        var facts = Facts(totalWan: 2_000m, plannedProgress: 60m, reports: [Approved(5, 300m, 20m), Submitted(6, 200m, 24m)]);

        var ind = IndicatorCalculator.Compute(facts, M(6));

        Assert.Equal(0m, ind.ProgressAtYearStart);
        Assert.Equal(30m, ind.PlannedProgressToDate);
        Assert.Equal(600m, ind.Pv);
        Assert.Equal(480m, ind.Ev);
        Assert.Equal(Wan(500m), ind.Ac);
        Assert.Equal(0.8m, ind.Spi);
        Assert.Equal(0.96m, ind.Cpi);
    }

    [Fact]
    public void EarnedValue_UsesMonthlyExpectation()
    {
        // Monthly plans: 0.2 expected by March, so planned 50 × 0.2 = 10 %.
        var ind = IndicatorCalculator.Compute(Facts(totalWan: 1_000m, monthly: Shaped, plannedProgress: 50m), M(3));

        Assert.Equal(10m, ind.PlannedProgressToDate);
        Assert.Equal(100m, ind.Pv);
    }

    [Fact]
    public void EarnedValue_NoPlannedProgress_PvAndSpiNull()
    {
        var ind = IndicatorCalculator.Compute(Facts(plannedProgress: null, reports: [Approved(1, 100m, 5m)]), M(3));

        Assert.Null(ind.PlannedProgressToDate);
        Assert.Null(ind.Pv);
        Assert.Null(ind.PvAmount);
        Assert.Equal(500m, ind.Ev);
        Assert.Null(ind.Spi);
        Assert.Equal(5m, ind.Cpi);
    }

    [Fact]
    public void EarnedValue_NothingReported_EvSpiCpiNull_AcZero()
    {
        var ind = IndicatorCalculator.Compute(Facts(plannedProgress: 60m, reports: [Draft(1, 100m, 5m)]), M(3));

        Assert.Null(ind.ReportedProgress);
        Assert.Null(ind.Ev);
        Assert.Null(ind.Spi);
        Assert.Null(ind.Cpi);
        Assert.Equal(Money.Zero, ind.Ac);
        Assert.Equal(1500m, ind.Pv);
    }

    [Fact]
    public void EarnedValue_PlannedZeroAndNothingSpent_SpiAndCpiNull()
    {
        var ind = IndicatorCalculator.Compute(Facts(plannedProgress: 0m, reports: [Approved(1, 0m, 0m)]), M(3));

        Assert.Equal(0m, ind.Pv);
        Assert.Equal(0m, ind.Ev);
        Assert.Null(ind.Spi);
        Assert.Null(ind.Cpi);
    }

    [Fact]
    public void FundsInPlace_BySource_ReceivedToDateOverTotalInvestment()
    {
        var facts = Facts(totalWan: 10_000m, funds:
        [
            new(FundingSource.Fiscal, Wan(400m)),
            new(FundingSource.Fiscal, Wan(100m), M(2)),
            new(FundingSource.BankLoan, Wan(1_000m), M(3)),
            new(FundingSource.BankLoan, Wan(7_000m), M(4)),     // after March: not yet received
        ]);

        var ind = IndicatorCalculator.Compute(facts, M(3));

        Assert.Equal(Enum.GetValues<FundingSource>(), ind.FundsBySource.Select(f => f.Source));
        var fiscal = ind.FundsBySource.Single(f => f.Source == FundingSource.Fiscal);
        var bank = ind.FundsBySource.Single(f => f.Source == FundingSource.BankLoan);
        var bond = ind.FundsBySource.Single(f => f.Source == FundingSource.SpecialBond);
        Assert.Equal((Wan(500m), 0.05m), (fiscal.Received, fiscal.Rate));
        Assert.Equal((Wan(1_000m), 0.1m), (bank.Received, bank.Rate));
        Assert.Equal((Money.Zero, 0m), (bond.Received, bond.Rate));
        Assert.Equal(Wan(1_500m), ind.FundsReceived);
        Assert.Equal(0.15m, ind.FundsInPlaceRate);
    }

    [Fact]
    public void FundsInPlace_TotalInvestmentZero_RatesNull()
    {
        var ind = IndicatorCalculator.Compute(Facts(totalWan: 0m, funds: [new(FundingSource.Fiscal, Wan(10m))]), M(3));

        Assert.Null(ind.FundsInPlaceRate);
        Assert.All(ind.FundsBySource, f => Assert.Null(f.Rate));
    }

    [Fact]
    public void Inputs_CheckTheirInvariants()
    {
        Assert.Throws<ArgumentException>(() => Facts(monthly: Enumerable.Repeat(Wan(100m), 11).ToList()));
        Assert.Throws<ArgumentOutOfRangeException>(() => Facts(plannedProgress: 100.01m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Approved(1, 1m, progress: -0.1m));
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodeFigure(null, null, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Approved(1, 1m) with { ProgressPercent = 101m });
        Assert.Throws<ArgumentException>(() => Facts() with { MonthlyPlan = [Wan(1m)] });
        Assert.Throws<ArgumentOutOfRangeException>(() => new NodeFigure(null, null) with { Weight = -0.5m });
        _ = Facts(plannedProgress: 100m, monthly: Shaped);
    }

    private static DateOnly D(int month, int day) => new(Y, month, day);
}
