using Milepost.Core;
using Milepost.Core.Projects;

namespace Milepost.Web.Features.Projects;

/// <summary>A project as the API takes it; amounts in 万元. Unknown JSON fields are ignored.</summary>
public sealed record ProjectInputDto
{
    public string? Code { get; init; }
    public string? Name { get; init; }
    public string? DivisionCode { get; init; }
    public long? ProgrammeId { get; init; }
    public long? CategoryId { get; init; }
    public long? OwnerUnitId { get; init; }
    public long? ResponsibleUnitId { get; init; }
    public List<long>? LeaderIds { get; init; }
    public string? ContactPerson { get; init; }
    public string? ContactPhone { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public decimal? TotalInvestmentWan { get; init; }
    public string? Content { get; init; }
    public DateOnly? PlannedStart { get; init; }
    public DateOnly? PlannedCompletion { get; init; }
    public KeyProjectLevel? Level { get; init; }
    public string? Tags { get; init; }
    /// <summary>The version the client loaded; required when updating.</summary>
    public long? Version { get; init; }

    public ProjectInput ToInput()
    {
        if (TotalInvestmentWan is null)
            throw new ValidationException(new ValidationError("TotalInvestmentWan", "project.investment.required", "请填写总投资（万元）", "Total investment (10k yuan) is required"));
        return new ProjectInput(
            Code, Name ?? "", DivisionCode ?? "", ProgrammeId, CategoryId ?? 0, OwnerUnitId ?? 0, ResponsibleUnitId ?? 0,
            LeaderIds ?? [], ContactPerson, ContactPhone, Latitude, Longitude, Address, Money.FromWan(TotalInvestmentWan.Value),
            Content, PlannedStart, PlannedCompletion, Level ?? KeyProjectLevel.City, Tags);
    }
}

public sealed record AnnualPlanDto(decimal PlannedInvestmentWan, List<decimal>? MonthlyPlanWan, string? Goal, decimal? PlannedProgressPercent, long Version)
{
    public AnnualPlanInput ToInput(int year) => new(
        year, Money.FromWan(PlannedInvestmentWan), MonthlyPlanWan?.Select(Money.FromWan).ToList(), Goal, PlannedProgressPercent);
}

public sealed record TransitionDto(ProjectStage To, DateOnly Date, string? Reason, long Version);

public sealed record AnnualPlanView(int Year, decimal PlannedInvestmentWan, decimal? BaselineInvestmentWan, bool Adjusted,
    IReadOnlyList<decimal> MonthlyPlanWan, string? Goal, decimal? PlannedProgressPercent);

public sealed record TransitionView(ProjectStage From, ProjectStage To, DateOnly Date, string? Reason, string MadeBy);

/// <summary>A project as the API returns it.</summary>
public sealed record ProjectView(
    long Id, string? Code, string Name, string DivisionCode, string DivisionName, long? ProgrammeId, string? ProgrammeName,
    long CategoryId, string CategoryName, long OwnerUnitId, string OwnerUnitName, long ResponsibleUnitId, string ResponsibleUnitName,
    IReadOnlyList<long> LeaderIds, IReadOnlyList<string> LeaderNames, decimal TotalInvestmentWan, ProjectStage Stage,
    DateOnly? PlannedStart, DateOnly? PlannedCompletion, DateOnly? ActualStart, DateOnly? ActualCompletion,
    IReadOnlyList<ProjectStage> AllowedTransitions, IReadOnlyList<AnnualPlanView> Plans, IReadOnlyList<TransitionView> Transitions, long Version)
{
    public static ProjectView From(ProjectDetail d)
    {
        var p = d.Project;
        return new ProjectView(
            p.Id, p.Code, p.Name, p.DivisionCode, d.DivisionName, p.ProgrammeId, p.Programme?.Name, p.CategoryId, p.Category!.Name,
            p.OwnerUnitId, p.OwnerUnit!.Name, p.ResponsibleUnitId, p.ResponsibleUnit!.Name,
            p.Leaders.Select(l => l.LeaderId).ToList(), d.LeaderNames, p.TotalInvestment.Wan, p.Stage,
            p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion, Lifecycle.AllowedFrom(p.Stage),
            p.AnnualPlans.OrderBy(a => a.Year).Select(a => new AnnualPlanView(a.Year, a.PlannedInvestment.Wan, a.BaselineInvestment?.Wan,
                a.IsAdjusted, a.MonthlyPlan.Select(m => m.Wan).ToList(), a.Goal, a.PlannedProgressPercent)).ToList(),
            p.Transitions.OrderBy(t => t.Date).ThenBy(t => t.Id).Select(t => new TransitionView(t.From, t.To, t.Date, t.Reason, t.MadeBy)).ToList(),
            p.Version);
    }
}

public sealed record ErrorItem(string Field, string Code, string Message);

public sealed record ErrorBody(string Message, IReadOnlyList<ErrorItem> Errors);
