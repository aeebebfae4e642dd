using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;

namespace Milepost.Web.Features.Projects;

/// <summary>A project's indicators of the current year (SPEC §4.1) and its warning level (§4.3).</summary>
public sealed record ProjectStatusView(ProjectFacts Facts, ProjectIndicators Indicators, WarningResult Warning);

/// <summary>
/// Computes indicators and warnings for a set of projects as of the portfolio's date: the
/// indicators as of the last closed month (the latest one reported), the warnings as of today.
/// Everything is read in a handful of queries for the whole set, never per project.
/// </summary>
public sealed class ProjectStatusService(MilepostDb db, PortfolioClock clock, SettingsReader settings)
{
    /// <summary>The month the indicators are taken as of: the month before today's.</summary>
    public YearMonth AsOfMonth => YearMonth.Of(clock.Today).Previous();

    public async Task<IReadOnlyDictionary<long, ProjectStatusView>> ForProjectsAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0) return new Dictionary<long, ProjectStatusView>();
        var today = clock.Today;
        var asOf = AsOfMonth;
        var year = asOf.Year;
        var warningSettings = await settings.WarningsAsync(ct);

        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Project
            {
                Id = p.Id, Name = "", DivisionCode = p.DivisionCode, TotalInvestment = p.TotalInvestment, Stage = p.Stage,
                ActualStart = p.ActualStart, PlannedStart = p.PlannedStart, PlannedCompletion = p.PlannedCompletion,
            }).ToListAsync(ct);
        var plans = await db.AnnualPlans.AsNoTracking().Where(a => ids.Contains(a.ProjectId) && a.Year == year).ToDictionaryAsync(a => a.ProjectId, ct);
        // Only the figures, not the reports' texts: a province's export asks this for every project and their 36 months.
        var reports = (await db.MonthlyReports.AsNoTracking().Where(r => ids.Contains(r.ProjectId))
            .Select(r => new ReportRow(r.Id, r.ProjectId, r.Month, r.CompletedInvestment, r.ProgressPercent, r.State, r.SubmittedAt, r.Revision))
            .ToListAsync(ct)).ToLookup(r => r.ProjectId);
        var funds = (await db.ReportFunds.AsNoTracking()
            .Where(f => db.MonthlyReports.Any(r => r.Id == f.ReportId && ids.Contains(r.ProjectId)))
            .Select(f => new { f.ReportId, f.Source, f.Amount }).ToListAsync(ct)).ToLookup(f => f.ReportId, f => (f.Source, f.Amount));
        var nodes = (await db.TimeNodes.AsNoTracking().Where(n => ids.Contains(n.ProjectId))
            .Select(n => new { n.ProjectId, n.Id, n.Name, n.PlannedFinish, n.ActualFinish, n.Weight }).ToListAsync(ct)).ToLookup(n => n.ProjectId);
        var problems = (await db.Problems.AsNoTracking().Where(p => ids.Contains(p.ProjectId))
            .Select(p => new { p.ProjectId, p.Id, p.Description, p.Deadline, p.State }).ToListAsync(ct)).ToLookup(p => p.ProjectId);
        var openings = await OpeningFigures.ForAsync(db, ids, ct);

        var result = new Dictionary<long, ProjectStatusView>();
        foreach (var p in projects)
        {
            var plan = plans.GetValueOrDefault(p.Id);
            var figures = reports[p.Id].Select(ToFigure).ToList();
            var facts = new ProjectFacts(
                p.Id, p.TotalInvestment, plan?.PlannedInvestment ?? Money.Zero, plan?.MonthlyPlan ?? [], plan?.PlannedProgressPercent,
                figures,
                nodes[p.Id].Select(n => new NodeFigure(n.PlannedFinish, n.ActualFinish, n.Weight)).ToList(),
                CountingFunds(reports[p.Id], funds),
                p.Stage, p.ClassFor(year), p.ActualStart)
            { Opening = openings.GetValueOrDefault(p.Id), PlannedStart = p.PlannedStart, PlannedCompletion = p.PlannedCompletion };
            var indicators = IndicatorCalculator.Compute(facts, asOf);
            var warningFacts = new WarningFacts(
                indicators.LagPoints,
                nodes[p.Id].Select(n => new WarningNode(n.Id, n.Name, n.PlannedFinish, n.ActualFinish)).ToList(),
                problems[p.Id].Select(x => new WarningProblem(x.Id, x.Description, x.Deadline,
                    x.State is Core.Problems.ProblemState.Open or Core.Problems.ProblemState.InProgress)).ToList(),
                figures,
                ReportRequired: OwesReport(plan?.PlannedInvestment, p.Stage), Opening: facts.Opening);
            result[p.Id] = new ProjectStatusView(facts, indicators, WarningRules.Evaluate(warningFacts, today, warningSettings));
        }
        return result;
    }

    /// <summary>A project owes a monthly report when it has a plan this year and is neither in preparation nor over.</summary>
    internal static bool OwesReport(Money? annualPlan, ProjectStage stage) =>
        annualPlan is { } plan && plan > Money.Zero && stage is not (ProjectStage.Pipeline or ProjectStage.Cancelled or ProjectStage.Operating);

    /// <summary>
    /// Funds of the one report that counts for each month (approved with the highest revision, else submitted), so a
    /// correction in progress, a superseded revision or a returned report never adds its funds a second time.
    /// </summary>
    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static List<FundsFigure> CountingFunds(IEnumerable<ReportRow> reports, ILookup<long, (FundingSource Source, Money Amount)> funds) =>
        reports.Where(r => r.State is ReportState.Approved or ReportState.Submitted)
            .GroupBy(r => r.Month)
            .Select(g => g.OrderByDescending(r => r.State == ReportState.Approved).ThenByDescending(r => r.Revision).First())
            .SelectMany(r => funds[r.Id].Select(f => new FundsFigure(f.Source, f.Amount, r.Month))).ToList();

    /// <summary>What the indicators and warnings read of a report.</summary>
    private sealed record ReportRow(long Id, long ProjectId, YearMonth Month, Money CompletedInvestment, decimal ProgressPercent,
        ReportState State, DateTime? SubmittedAt, int Revision);

    // Every revision is passed, superseded ones included: the indicators take one figure per month, and the
    // warnings take a month's first submission, which a later correction must not move.
    private ReportFigure ToFigure(ReportRow r)
    {
        // A returned report is back with its owner: it is not submitted until sent again.
        // A portfolio pinned to an as-of date (the demo) may receive submissions at a later real time: they count as of that day.
        DateOnly? submitted = r.State is ReportState.Submitted or ReportState.Approved && r.SubmittedAt is { } at
            ? Min(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(at, clock.Zone)), clock.Today)
            : null;
        return new ReportFigure(r.Month, r.CompletedInvestment, r.ProgressPercent, r.State == ReportState.Approved, submitted, r.Revision);
    }
}
