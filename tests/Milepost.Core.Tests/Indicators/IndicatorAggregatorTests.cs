using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using static Milepost.Core.Tests.Indicators.IndicatorTestData;

namespace Milepost.Core.Tests.Indicators;

public class IndicatorAggregatorTests
{
    private static readonly YearMonth March = M(3);

    private static (ProjectFacts Facts, ProjectIndicators Indicators) Item(ProjectFacts facts, YearMonth? asOf = null) =>
        (facts, IndicatorCalculator.Compute(facts, asOf ?? March));

    [Fact]
    public void CompletionRate_IsRatioOfSums_NotAverageOfRates()
    {
        // A: 90 of 100 (90 %); B: 100 of 1,000 (10 %). The average would be 50 %; the group did 190 of 1,100.
        var a = Item(Facts(id: 1, planWan: 100m, reports: [Approved(1, 90m)]));
        var b = Item(Facts(id: 2, planWan: 1_000m, reports: [Approved(1, 100m)]));

        var g = IndicatorAggregator.Total([a, b]);

        Assert.Equal(0.5m, (a.Indicators.CompletionRate + b.Indicators.CompletionRate) / 2);
        Assert.Equal(2, g.Projects);
        Assert.Equal(Wan(190m), g.YtdCompleted);
        Assert.Equal(Wan(1_100m), g.AnnualPlan);
        Assert.Equal(190m / 1_100m, g.CompletionRate);
        Assert.NotEqual(0.5m, g.CompletionRate);
    }

    [Fact]
    public void ExpectedAndLag_AreRatiosOfSums_MixingMonthlyAndFallbackPlans()
    {
        // A: monthly plans, 240 of 1,200 expected by March (0.2), 120 done.
        // B: no monthly plans, 400 × 3/12 = 100 expected (0.25), 100 done.
        // Group: 340 of 1,600 expected (0.2125, not the average 0.225), 220 of 1,600 done (0.1375).
        var monthly = Months(60, 60, 120, 120, 120, 120, 120, 120, 120, 120, 60, 60);
        var a = Item(Facts(id: 1, planWan: 1_200m, monthly: monthly, reports: [Approved(3, 120m)]));
        var b = Item(Facts(id: 2, planWan: 400m, reports: [Approved(3, 100m)]));

        var g = IndicatorAggregator.Total([a, b]);

        Assert.Equal(Wan(340m), g.ExpectedToDate);
        Assert.Equal(0.2125m, g.Expected);
        Assert.Equal(0.1375m, g.CompletionRate);
        Assert.Equal(-7.5m, g.LagPoints);
        Assert.NotEqual((a.Indicators.LagPoints + b.Indicators.LagPoints) / 2, g.LagPoints);
    }

    [Fact]
    public void PlansAddUpToZero_RatesNull()
    {
        var g = IndicatorAggregator.Total([Item(Facts(id: 1, planWan: 0m)), Item(Facts(id: 2, planWan: 0m))]);

        Assert.Null(g.CompletionRate);
        Assert.Null(g.Expected);
        Assert.Null(g.LagPoints);
    }

    [Fact]
    public void NodeOnTimeRatio_IsRatioOfSums()
    {
        // A: 1 due, on time (1.0). B: 3 due, none finished (0). Average 0.5; group 1 of 4.
        var a = Item(Facts(id: 1, nodes: [new(new(Y, 1, 10), new(Y, 1, 10))]));
        var b = Item(Facts(id: 2, nodes: [new(new(Y, 1, 10), null), new(new(Y, 2, 10), null), new(new(Y, 3, 10), null)]));
        var c = Item(Facts(id: 3, nodes: []));   // nothing due: adds nothing (its own ratio is 1)

        var g = IndicatorAggregator.Total([a, b, c]);

        Assert.Equal(4, g.NodesDue);
        Assert.Equal(0.25m, g.NodeOnTimeRatio);
        Assert.Equal(1m, IndicatorAggregator.Total([c]).NodeOnTimeRatio);
    }

    [Fact]
    public void EarnedValue_IsRatioOfSums_OverProjectsWithBothPvAndEv()
    {
        // A: PV 100, EV 50 (SPI 0.5), AC 25. B: PV 1,000, EV 1,000 (SPI 1), AC 1,000. Average SPI 0.75.
        // C has no planned progress (no PV) and is left out of the earned-value sums.
        var a = Item(Facts(id: 1, totalWan: 1_000m, plannedProgress: 40m, reports: [Approved(3, 25m, 5m)]));
        var b = Item(Facts(id: 2, totalWan: 4_000m, plannedProgress: 100m, reports: [Approved(3, 1_000m, 25m)]));
        var c = Item(Facts(id: 3, totalWan: 9_000m, plannedProgress: null, reports: [Approved(3, 9_000m, 90m)]));
        Assert.Equal((100m, 50m), (a.Indicators.Pv, a.Indicators.Ev));
        Assert.Equal((1_000m, 1_000m), (b.Indicators.Pv, b.Indicators.Ev));

        var g = IndicatorAggregator.Total([a, b, c]);

        Assert.Equal(2, g.EarnedValueProjects);
        Assert.Equal(1_100m, g.Pv);
        Assert.Equal(1_050m, g.Ev);
        Assert.Equal(Wan(1_025m), g.Ac);
        Assert.Equal(1_050m / 1_100m, g.Spi);
        Assert.Equal(1_050m / 1_025m, g.Cpi);
        Assert.NotEqual(0.75m, g.Spi);
    }

    [Fact]
    public void EarnedValue_NoProjectWithPvAndEv_Null()
    {
        var g = IndicatorAggregator.Total([Item(Facts(plannedProgress: null))]);

        Assert.Equal(0, g.EarnedValueProjects);
        Assert.Null(g.Pv);
        Assert.Null(g.Ev);
        Assert.Null(g.Spi);
        Assert.Null(g.Cpi);
    }

    [Fact]
    public void FundsInPlace_IsRatioOfSums_BySource()
    {
        // A: 500 of 1,000 (50 %) fiscal; B: 100 of 9,000 fiscal, 900 bank loan. Group fiscal 600 / 10,000.
        var a = Item(Facts(id: 1, totalWan: 1_000m, funds: [new(FundingSource.Fiscal, Wan(500m))]));
        var b = Item(Facts(id: 2, totalWan: 9_000m, funds: [new(FundingSource.Fiscal, Wan(100m)), new(FundingSource.BankLoan, Wan(900m))]));

        var g = IndicatorAggregator.Total([a, b]);

        Assert.Equal(Wan(10_000m), g.TotalInvestment);
        Assert.Equal(0.06m, g.FundsBySource.Single(f => f.Source == FundingSource.Fiscal).Rate);
        Assert.Equal(0.09m, g.FundsBySource.Single(f => f.Source == FundingSource.BankLoan).Rate);
        Assert.Equal(0m, g.FundsBySource.Single(f => f.Source == FundingSource.Other).Rate);
        Assert.Equal(Wan(1_500m), g.FundsReceived);
        Assert.Equal(0.15m, g.FundsInPlaceRate);
    }

    [Fact]
    public void StartRate_NewStartsWithAnActualStartInY_ByTheAsOfMonth()
    {
        var items = new[]
        {
            Item(Facts(id: 1, yearClass: ProjectYearClass.NewStart, actualStart: new(Y, 2, 15))),      // started
            Item(Facts(id: 2, yearClass: ProjectYearClass.NewStart, actualStart: new(Y, 3, 31))),      // started on the last day of March
            Item(Facts(id: 3, yearClass: ProjectYearClass.NewStart, actualStart: new(Y - 1, 12, 31))), // started last year: not in Y
            Item(Facts(id: 4, yearClass: ProjectYearClass.NewStart, actualStart: new(Y, 4, 1))),       // after March
            Item(Facts(id: 5, yearClass: ProjectYearClass.NewStart, stage: ProjectStage.Preparation)), // not started
            Item(Facts(id: 6, yearClass: ProjectYearClass.Continuing, actualStart: new(Y, 1, 5))),     // not a new start
        };

        var g = IndicatorAggregator.Total(items);

        Assert.Equal(5, g.NewStartProjects);
        Assert.Equal(2, g.NewStartsStarted);
        Assert.Equal(0.4m, g.StartRate);
    }

    [Fact]
    public void StartRate_NoNewStart_Null()
    {
        var g = IndicatorAggregator.Total([Item(Facts(yearClass: ProjectYearClass.Continuing, actualStart: new(Y, 1, 5)))]);

        Assert.Equal(0, g.NewStartProjects);
        Assert.Null(g.StartRate);
    }

    [Theory]
    [InlineData(3, 1, 2, 0.75)]
    [InlineData(1, 0, 0, 1)]
    [InlineData(0, 2, 1, 0)]
    public void ResumptionRate_ConstructionOverConstructionPlusSuspended(int building, int suspended, int others, decimal rate)
    {
        var id = 0;
        var items = Enumerable.Repeat(ProjectStage.Construction, building)
            .Concat(Enumerable.Repeat(ProjectStage.Suspended, suspended))
            .Concat(Enumerable.Repeat(ProjectStage.Completed, others))
            .Select(stage => Item(Facts(id: ++id, stage: stage)));

        var g = IndicatorAggregator.Total(items);

        Assert.Equal((building, suspended), (g.InConstruction, g.Suspended));
        Assert.Equal(rate, g.ResumptionRate);
    }

    [Fact]
    public void ResumptionRate_NoneBuildingOrSuspended_Null()
    {
        var g = IndicatorAggregator.Total([Item(Facts(stage: ProjectStage.Preparation)), Item(Facts(id: 2, stage: ProjectStage.Operating))]);

        Assert.Null(g.ResumptionRate);
    }

    [Fact]
    public void GroupBy_OneGroupPerKey_InFirstAppearanceOrder_ProjectInTwoGroupsCountsInEach()
    {
        var p1 = Item(Facts(id: 1, planWan: 100m, reports: [Approved(1, 10m)]));
        var p2 = Item(Facts(id: 2, planWan: 300m, reports: [Approved(1, 60m)]));
        var p3 = Item(Facts(id: 3, planWan: 600m, reports: [Approved(1, 30m)]));
        // Leader 20 supervises p1 and p2, leader 10 p2 and p3 (p2 twice, and passed twice by mistake).
        var items = new (long Leader, ProjectFacts, ProjectIndicators)[]
        {
            (20, p1.Facts, p1.Indicators), (20, p2.Facts, p2.Indicators),
            (10, p2.Facts, p2.Indicators), (10, p3.Facts, p3.Indicators), (10, p2.Facts, p2.Indicators),
        };

        var groups = IndicatorAggregator.GroupBy(items, id => $"leader {id}");

        Assert.Equal(["leader 20", "leader 10"], groups.Select(g => g.Key));
        Assert.Equal((2, Wan(70m), Wan(400m), 70m / 400m), (groups[0].Projects, groups[0].YtdCompleted, groups[0].AnnualPlan, groups[0].CompletionRate));
        Assert.Equal((2, Wan(90m), Wan(900m), 0.1m), (groups[1].Projects, groups[1].YtdCompleted, groups[1].AnnualPlan, groups[1].CompletionRate));

        var total = IndicatorAggregator.Total(items.Select(i => (i.Item2, i.Item3)));
        Assert.Equal((3, Wan(100m), Wan(1_000m)), (total.Projects, total.YtdCompleted, total.AnnualPlan));
        Assert.Equal("合计", total.Key);
    }

    [Fact]
    public void GroupBy_NullableKey_ProjectsWithoutAProgrammeFormAGroup()
    {
        var p1 = Item(Facts(id: 1));
        var p2 = Item(Facts(id: 2));
        var items = new (long? Programme, ProjectFacts, ProjectIndicators)[] { (null, p1.Facts, p1.Indicators), (7, p2.Facts, p2.Indicators) };

        var groups = IndicatorAggregator.GroupBy(items, id => id is { } v ? $"programme {v}" : "no programme");

        Assert.Equal(["no programme", "programme 7"], groups.Select(g => g.Key));
    }

    [Fact]
    public void OneProjectGroup_HasTheProjectsRates()
    {
        var monthly = Months(60, 60, 120, 120, 120, 120, 120, 120, 120, 120, 60, 60);
        var p = Item(Facts(plannedProgress: 60m, monthly: monthly, reports: [Approved(2, 130m, 8m)],
            nodes: [new(new(Y, 1, 10), new(Y, 1, 12))], funds: [new(FundingSource.SpecialBond, Wan(700m))]));

        var g = IndicatorAggregator.Total([p]);

        var i = p.Indicators;
        Assert.Equal((i.CompletionRate, i.Expected, i.LagPoints, i.NodeOnTimeRatio), (g.CompletionRate, g.Expected, g.LagPoints, g.NodeOnTimeRatio));
        Assert.Equal((i.Pv, i.Ev, i.Ac, i.Spi, i.Cpi), (g.Pv, g.Ev, g.Ac, g.Spi, g.Cpi));
        Assert.Equal(i.FundsInPlaceRate, g.FundsInPlaceRate);
    }

    [Fact]
    public void MixedMonthsOrMismatchedPairs_Refused()
    {
        var march = Item(Facts(id: 1));
        var april = Item(Facts(id: 2), M(4));

        Assert.Throws<ArgumentException>(() => IndicatorAggregator.Total([march, april]));
        Assert.Throws<ArgumentException>(() => IndicatorAggregator.Total([(march.Facts, april.Indicators)]));
    }

    [Fact]
    public void Empty_AllRatesUndefined()
    {
        var g = IndicatorAggregator.Total([]);

        Assert.Equal(0, g.Projects);
        Assert.Null(g.CompletionRate);
        Assert.Null(g.StartRate);
        Assert.Null(g.ResumptionRate);
        Assert.Null(g.FundsInPlaceRate);
        Assert.Empty(IndicatorAggregator.GroupBy(Array.Empty<(int, ProjectFacts, ProjectIndicators)>(), k => k.ToString()));
    }
}
