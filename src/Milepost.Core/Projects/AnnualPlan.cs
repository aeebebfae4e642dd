namespace Milepost.Core.Projects;

/// <summary>
/// A project's plan for one year (年度计划): planned investment, optionally split into twelve
/// monthly amounts that must add up to it, the year's goal and the planned physical progress at
/// year end. The plan approved at the start of the year is the baseline (年初计划).
/// </summary>
public class AnnualPlan
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public int Year { get; set; }
    public Money PlannedInvestment { get; set; }
    /// <summary>Twelve monthly amounts (January first), or empty when the plan is not split by month.</summary>
    public List<Money> MonthlyPlan { get; set; } = [];
    /// <summary>The year's goal (年度目标).</summary>
    public string? Goal { get; set; }
    /// <summary>Planned physical progress at year end, per cent 0..100.</summary>
    public decimal? PlannedProgressPercent { get; set; }
    /// <summary>The approved baseline (年初计划), kept when the plan is later adjusted.</summary>
    public Money? BaselineInvestment { get; set; }
    public bool IsAdjusted => BaselineInvestment is { } b && b != PlannedInvestment;
    public long Version { get; set; }
}

/// <summary>What a user enters for an annual plan, before it is checked.</summary>
public sealed record AnnualPlanInput(
    int Year,
    Money PlannedInvestment,
    IReadOnlyList<Money>? MonthlyPlan,
    string? Goal,
    decimal? PlannedProgressPercent);

public static class AnnualPlanRules
{
    /// <summary>Checks an annual plan; an empty list means it may be saved.</summary>
    public static IReadOnlyList<ValidationError> Validate(AnnualPlanInput plan)
    {
        var errors = new List<ValidationError>();
        if (plan.Year is < 2000 or > 2100)
            errors.Add(new("Year", "plan.year", $"年度 {plan.Year} 不在 2000 至 2100 之间", $"Year {plan.Year} is not between 2000 and 2100"));
        if (plan.PlannedInvestment.IsNegative)
            errors.Add(new("PlannedInvestment", "plan.negative", "年度计划投资不能为负数", "The annual planned investment cannot be negative"));
        if (plan.PlannedProgressPercent is < 0 or > 100)
            errors.Add(new("PlannedProgressPercent", "plan.progress", "年末计划形象进度须在 0 至 100 之间", "Planned physical progress must be between 0 and 100"));
        if (plan.MonthlyPlan is { Count: > 0 } months)
        {
            if (months.Count != 12)
            {
                errors.Add(new("MonthlyPlan", "plan.months", $"分月计划须有 12 个月，现有 {months.Count} 个", $"The monthly plan needs 12 months, it has {months.Count}"));
            }
            else
            {
                for (var i = 0; i < 12; i++)
                    if (months[i].IsNegative)
                        errors.Add(new($"MonthlyPlan[{i}]", "plan.month.negative", $"{i + 1}月计划投资不能为负数", $"The plan for month {i + 1} cannot be negative"));
                var sum = Money.Sum(months);
                if (sum != plan.PlannedInvestment)
                    errors.Add(new("MonthlyPlan", "plan.sum",
                        $"分月计划合计 {sum.ToWanString()} 万元，与年度计划投资 {plan.PlannedInvestment.ToWanString()} 万元不一致（相差 {(sum - plan.PlannedInvestment).ToWanString()} 万元）",
                        $"The monthly plans add up to {sum.ToWanString()} (10k yuan), not the annual plan of {plan.PlannedInvestment.ToWanString()} (difference {(sum - plan.PlannedInvestment).ToWanString()})"));
            }
        }
        return errors;
    }
}
