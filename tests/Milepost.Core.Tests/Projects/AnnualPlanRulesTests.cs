using Milepost.Core.Projects;

namespace Milepost.Core.Tests.Projects;

public class AnnualPlanRulesTests
{
    private static Money Wan(decimal wan) => Money.FromWan(wan);

    private static AnnualPlanInput Plan(
        decimal annualWan = 1200m, IReadOnlyList<Money>? months = null, decimal? progress = 60m, int year = 2024) =>
        new(year, Wan(annualWan), months, "主体结构封顶", progress);

    /// <summary>Twelve months of 100 万元 each, the last one adjusted by <paramref name="lastDelta"/> 万元.</summary>
    private static List<Money> Months(decimal lastDelta = 0m)
    {
        var months = Enumerable.Repeat(Wan(100m), 12).ToList();
        months[11] = Wan(100m + lastDelta);
        return months;
    }

    private static IEnumerable<string> Codes(AnnualPlanInput plan) => AnnualPlanRules.Validate(plan).Select(e => e.Code);

    [Fact]
    public void Validate_WithoutMonthlyPlan_NoErrors()
    {
        Assert.Empty(AnnualPlanRules.Validate(Plan(months: null)));
        Assert.Empty(AnnualPlanRules.Validate(Plan(months: [])));
    }

    [Fact]
    public void Validate_MonthsSumExactlyToAnnual_NoErrors()
    {
        Assert.Empty(AnnualPlanRules.Validate(Plan(annualWan: 1200.01m, months: Months(lastDelta: 0.01m))));
    }

    [Fact]
    public void Validate_AllZero_NoErrors()
    {
        Assert.Empty(AnnualPlanRules.Validate(Plan(annualWan: 0m, months: Enumerable.Repeat(Money.Zero, 12).ToList(), progress: 0m)));
    }

    [Theory]
    [InlineData("0.01", "1,200.01")]
    [InlineData("-0.01", "1,199.99")]
    public void Validate_MonthsOffByOneCent_RefusedWithBothTotals(string delta, string monthsTotal)
    {
        var plan = Plan(annualWan: 1200m, months: Months(lastDelta: decimal.Parse(delta, System.Globalization.CultureInfo.InvariantCulture)));

        var error = Assert.Single(AnnualPlanRules.Validate(plan));

        Assert.Equal("plan.sum", error.Code);
        Assert.Equal("MonthlyPlan", error.Field);
        Assert.Contains(monthsTotal, error.MessageZh);
        Assert.Contains("1,200.00", error.MessageZh);
        Assert.Contains(monthsTotal, error.MessageEn);
        Assert.Contains("1,200.00", error.MessageEn);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(13)]
    public void Validate_NotTwelveMonths_RefusedWithCount(int count)
    {
        var plan = Plan(months: Enumerable.Repeat(Wan(100m), count).ToList());

        var error = Assert.Single(AnnualPlanRules.Validate(plan));

        Assert.Equal("plan.months", error.Code);
        Assert.Contains($"{count}", error.MessageEn);
    }

    [Fact]
    public void Validate_NegativeMonth_RefusedForThatMonth()
    {
        var months = Months();
        months[3] = Wan(-10m);
        months[4] = Wan(210m);   // the total still matches

        var error = Assert.Single(AnnualPlanRules.Validate(Plan(months: months)));

        Assert.Equal("plan.month.negative", error.Code);
        Assert.Equal("MonthlyPlan[3]", error.Field);
        Assert.Contains("4月", error.MessageZh);
    }

    [Fact]
    public void Validate_NegativeAnnual_Refused()
    {
        var error = Assert.Single(AnnualPlanRules.Validate(Plan(annualWan: -0.01m)));

        Assert.Equal("plan.negative", error.Code);
        Assert.Equal("PlannedInvestment", error.Field);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("37.5")]
    public void Validate_ProgressWithinRange_NoErrors(string progress)
    {
        Assert.Empty(AnnualPlanRules.Validate(Plan(progress: decimal.Parse(progress, System.Globalization.CultureInfo.InvariantCulture))));
    }

    [Fact]
    public void Validate_ProgressNotGiven_NoErrors()
    {
        Assert.Empty(AnnualPlanRules.Validate(Plan(progress: null)));
    }

    [Theory]
    [InlineData("100.01")]
    [InlineData("101")]
    [InlineData("-0.01")]
    public void Validate_ProgressOutOfRange_Refused(string progress)
    {
        var error = Assert.Single(AnnualPlanRules.Validate(Plan(progress: decimal.Parse(progress, System.Globalization.CultureInfo.InvariantCulture))));

        Assert.Equal("plan.progress", error.Code);
        Assert.Equal("PlannedProgressPercent", error.Field);
    }

    [Theory]
    [InlineData(2000, true)]
    [InlineData(2100, true)]
    [InlineData(1999, false)]
    [InlineData(2101, false)]
    public void Validate_Year_AcceptedWithin2000To2100(int year, bool valid)
    {
        Assert.Equal(valid ? [] : ["plan.year"], Codes(Plan(year: year)));
    }
}
