using Milepost.Core.Indicators;
using Milepost.Core.Projects;

namespace Milepost.Core.Reports;

/// <summary>Funds received in the month from one source, as typed.</summary>
public sealed record FundsInput(FundingSource Source, Money Amount);

/// <summary>The figures an owner types into a monthly report.</summary>
public sealed record ReportInput(
    Money CompletedInvestment,
    decimal ProgressPercent,
    int WorkersOnSite,
    string? Narrative,
    string? NextMonthPlan,
    string? ProgressReason,
    IReadOnlyList<FundsInput> Funds);

/// <summary>The checks of SPEC §3.4 on a report's figures, and the figures derived from the months.</summary>
public static class ReportRules
{
    public const int MaxText = 4000;
    public const int MaxReason = 2000;

    /// <summary>
    /// Investment ≥ 0; physical progress 0..100 and, when below last month's, only with a reason;
    /// workers ≥ 0; funds ≥ 0, one line per source. <paramref name="lastMonthProgress"/> is the progress of
    /// the month before as it counts (null when there is none).
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(ReportInput input, decimal? lastMonthProgress)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        if (input.CompletedInvestment.IsNegative)
            Add("CompletedInvestment", "report.investment.negative", "当月完成投资不能为负数", "Investment completed in the month cannot be negative");
        if (input.ProgressPercent is < 0 or > 100)
            Add("ProgressPercent", "report.progress.range", "形象进度应在 0 到 100 之间", "Physical progress must be between 0 and 100");
        else if (lastMonthProgress is { } last && input.ProgressPercent < last && string.IsNullOrWhiteSpace(input.ProgressReason))
            Add("ProgressReason", "report.progress.reason",
                $"形象进度 {input.ProgressPercent:0.##}% 低于上月的 {last:0.##}%，请填写进度回退原因",
                $"Physical progress {input.ProgressPercent:0.##}% is below last month's {last:0.##}%; give the reason");
        if (input.WorkersOnSite < 0)
            Add("WorkersOnSite", "report.workers.negative", "在岗人数不能为负数", "Workers on site cannot be negative");
        if (input.Narrative?.Length > MaxText)
            Add("Narrative", "report.narrative.long", $"本月进展情况不能超过 {MaxText} 字", $"The narrative is limited to {MaxText} characters");
        if (input.NextMonthPlan?.Length > MaxText)
            Add("NextMonthPlan", "report.plan.long", $"下月工作计划不能超过 {MaxText} 字", $"Next month's plan is limited to {MaxText} characters");
        if (input.ProgressReason?.Length > MaxReason)
            Add("ProgressReason", "report.reason.long", $"进度回退原因不能超过 {MaxReason} 字", $"The reason is limited to {MaxReason} characters");
        foreach (var f in input.Funds.Where(f => f.Amount.IsNegative))
            Add("Funds", "report.funds.negative", $"{SourceZh(f.Source)}到位资金不能为负数", $"Funds received from {f.Source} cannot be negative");
        if (input.Funds.GroupBy(f => f.Source).Any(g => g.Count() > 1))
            Add("Funds", "report.funds.duplicate", "每种资金来源只能填写一行", "One line per funding source");
        return errors;
    }

    /// <summary>
    /// The year-to-date investment of <paramref name="month"/>: the month's own figure plus, for each earlier
    /// month of the same year, the one report that counts (approved with the highest revision, else the submitted one,
    /// as the indicators take it). Drafts, returned reports and superseded revisions never add.
    /// </summary>
    /// <remarks>With an <paramref name="opening"/> balance, its share of the year counts as the indicators count it.</remarks>
    public static Money YearToDate(IEnumerable<ReportFigure> others, YearMonth month, Money thisMonth, OpeningFigure? opening = null)
    {
        var earlier = IndicatorCalculator.CountingReports(others.Where(r => r.Month.Year == month.Year && r.Month < month), month, opening);
        return Money.Sum(earlier.Select(r => r.Completed)) + thisMonth + (opening?.YearToDate(month) ?? Money.Zero);
    }

    /// <summary>Year-to-date over the year's plan; null when there is no plan (never shown as 0%).</summary>
    public static decimal? CompletionRate(Money yearToDate, Money annualPlan) => Money.Ratio(yearToDate, annualPlan);

    public static string SourceZh(FundingSource s) => s switch
    {
        FundingSource.Fiscal => "财政资金",
        FundingSource.SpecialBond => "专项债",
        FundingSource.BankLoan => "银行贷款",
        FundingSource.SocialCapital => "社会资本",
        _ => "其他",
    };
}
