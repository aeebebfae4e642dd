using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Warnings;
using Milepost.Data;

namespace Milepost.Web.Features.Dashboard;

/// <summary>
/// The warning levels of a whole set of projects without loading their reports, nodes and problems. A level depends only
/// on the most severe subject of each kind, so the database hands back per project just what decides it: the YTD
/// completed of the counting reports (for the lag), the earliest planned finish of a node not done, the earliest
/// deadline of an open problem past due, and the first submission of the last closed month's report. From these a
/// reduced <see cref="WarningFacts"/> is built (the lag by <see cref="IndicatorCalculator.LagPoints"/>) and the same <see cref="WarningRules.Evaluate(WarningFacts, DateOnly, WarningSettings)"/>
/// runs, so the levels are those of <see cref="Projects.ProjectStatusService"/> (the reasons are not: the dashboard only counts levels).
/// </summary>
public sealed partial class DashboardQueries
{
    /// <summary>The levels of the projects of <paramref name="q"/>, everything read here.</summary>
    internal async Task<Dictionary<long, WarningLevel>> WarningLevelsAsync(IQueryable<Project> q, CancellationToken ct = default)
    {
        var projects = await q.Select(p => new WarningSubject(p.Id, p.Stage, p.TotalInvestment)).ToListAsync(ct);
        return await WarningLevelsAsync(q.Select(p => p.Id), projects, null, null, null, ct);
    }

    /// <param name="plans">The annual plans of the as-of month's year when the caller has them, else null to read them.</param>
    /// <param name="ytd">Completed to the as-of month of that year (counting a submitted report only with its time, opening balances included), or null.</param>
    /// <param name="openings">The opening balances of the projects when the caller has them, else null to read them.</param>
    private async Task<Dictionary<long, WarningLevel>> WarningLevelsAsync(IQueryable<long> ids, IEnumerable<WarningSubject> projects,
        IReadOnlyDictionary<long, PlanFacts>? plans, IReadOnlyDictionary<long, long>? ytd, IReadOnlyDictionary<long, OpeningFigure>? openings,
        CancellationToken ct)
    {
        var today = clock.Today;
        var asOf = status.AsOfMonth;   // the month of the indicators, and the last closed month the report rules look at
        var rules = await settings.WarningsAsync(ct);

        plans ??= await PlansAsync(ids, asOf.Year, ct);
        openings ??= await OpeningFigures.ForAsync(db, ids, ct);
        if (ytd is null)
        {
            var sums = await CountingReports(new YearMonth(asOf.Year, 1), asOf, submissionKnown: true).Where(r => ids.Contains(r.ProjectId))
                .GroupBy(r => r.ProjectId)
                .Select(g => new { g.Key, Yuan = g.Sum(r => (long)(object)r.CompletedInvestment) })
                .ToDictionaryAsync(x => x.Key, x => x.Yuan, ct);
            foreach (var (id, o) in openings) sums[id] = sums.GetValueOrDefault(id) + o.YearToDate(asOf).Yuan;
            ytd = sums;
        }
        // A node later than the due-soon window cannot warn; of the rest, the earliest is the most severe.
        var dueSoonEnd = today.AddDays(rules.DueSoonDays);
        var nodes = await db.TimeNodes.AsNoTracking()
            .Where(n => ids.Contains(n.ProjectId) && n.PlannedFinish <= dueSoonEnd && (n.ActualFinish == null || n.ActualFinish > today))
            .GroupBy(n => n.ProjectId).Select(g => new { g.Key, First = g.Min(n => n.PlannedFinish) })
            .ToDictionaryAsync(x => x.Key, x => x.First, ct);
        var problems = await db.Problems.AsNoTracking()
            .Where(p => ids.Contains(p.ProjectId) && (p.State == Core.Problems.ProblemState.Open || p.State == Core.Problems.ProblemState.InProgress)
                        && p.Deadline < today)
            .GroupBy(p => p.ProjectId).Select(g => new { g.Key, First = g.Min(p => p.Deadline) })
            .ToDictionaryAsync(x => x.Key, x => x.First, ct);
        // The last closed month's report is submitted when any revision is approved or was sent; its first sending decides lateness.
        var reports = await db.MonthlyReports.AsNoTracking()
            .Where(r => ids.Contains(r.ProjectId) && r.Month == asOf
                        && (r.State == ReportState.Approved || (r.State == ReportState.Submitted && r.SubmittedAt != null)))
            .GroupBy(r => r.ProjectId).Select(g => new { g.Key, First = g.Min(r => r.SubmittedAt) })
            .ToDictionaryAsync(x => x.Key, x => x.First, ct);

        var levels = new Dictionary<long, WarningLevel>();
        foreach (var p in projects)
        {
            var plan = plans.GetValueOrDefault(p.Id);
            var lag = IndicatorCalculator.LagPoints(new Money(ytd.GetValueOrDefault(p.Id)), plan?.Planned ?? Money.Zero, plan?.Monthly ?? [], asOf,
                plan?.PlannedStart, plan?.PlannedCompletion);
            var report = reports.TryGetValue(p.Id, out var first)
                ? [new ReportFigure(asOf, Money.Zero, 0, Approved: true, SubmittedOn: first is { } at ? SubmittedOn(at) : null)]
                : Array.Empty<ReportFigure>();
            var facts = new WarningFacts(lag,
                nodes.GetValueOrDefault(p.Id) is { } node ? [new WarningNode(0, "", node, null)] : [],
                problems.GetValueOrDefault(p.Id) is { } deadline ? [new WarningProblem(0, "", deadline, IsOpen: true)] : [],
                report,
                ReportRequired: Projects.ProjectStatusService.OwesReport(plan?.Planned, p.Stage), Opening: openings.GetValueOrDefault(p.Id));
            levels[p.Id] = WarningRules.Evaluate(facts, today, rules).Level;
        }
        return levels;
    }

    /// <summary>The day a report was sent, in the portfolio's zone, and never after today (as ProjectStatusService reads it).</summary>
    private DateOnly SubmittedOn(DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.Zone));
        return day < clock.Today ? day : clock.Today;
    }
}

/// <summary>What the warning levels need of the project row itself.</summary>
internal sealed record WarningSubject(long Id, ProjectStage Stage, Money TotalInvestment);
