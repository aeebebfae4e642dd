using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Dashboard;

/// <summary>
/// The 挂图作战 figures over the projects an actor may see (SPEC §4.1, §6). The reports are summed in the database
/// (grouped by project and by month over the one counting report of each project and month); what comes back is
/// at most one row per project, from which the breakdowns, the laggards and the map are put together.
/// </summary>
public sealed partial class DashboardQueries(MilepostDb db, PortfolioClock clock, ProjectStatusService status, ProjectQueries projects, SettingsReader settings)
{
    /// <summary>A project whose last approved report or photo is older than this is stale (SPEC §4.4, data freshness).</summary>
    public const int StaleDays = 45;
    private const int ListSize = 10;
    /// <summary>The most projects put on the map: more are unreadable as dots and heavy for the browser.</summary>
    public const int MapPointsMax = 1_000;

    public async Task<DashboardView> GetAsync(Actor actor, DashboardFilter f, CancellationToken ct = default)
    {
        if (!actor.HoldsBusinessData)
            throw new ForbiddenException("挂图作战仅向业务用户开放", "The dashboard is for the business roles");
        var today = clock.Today;
        var asOf = status.AsOfMonth;
        var year = f.Year ?? asOf.Year;
        // A past year is shown whole; the current year as of its last closed month.
        var month = f.Month ?? (year == asOf.Year ? asOf.Month : 12);
        var yearStart = new DateOnly(year, 1, 1);
        var yearEnd = new DateOnly(year, 12, 31);

        var q = db.Projects.AsNoTracking().VisibleTo(actor).Filtered(f.ToProjectFilter());
        var ids = q.Select(p => p.Id);

        var rows = await q.Select(p => new ProjectLine(
                p.Id, p.Name, p.ProgrammeId, p.CategoryId, p.DivisionCode, p.ResponsibleUnit!.Name, p.Stage, p.Latitude, p.Longitude,
                p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.TotalInvestment))
            .ToListAsync(ct);
        var plans = await PlansAsync(ids, year, ct);

        // One read of the counting reports (one row per project and month) serves the year's sums, the S-curve and the lag
        // of the warnings, which is taken as of the last closed month: the counting query is the costly one at scale.
        var current = year == asOf.Year;
        var last = new YearMonth(year, current ? Math.Max(month, asOf.Month) : month);
        var counted = await CountingReports(new YearMonth(year, 1), last).Where(r => ids.Contains(r.ProjectId))
            .Select(r => new { r.ProjectId, r.Month, r.CompletedInvestment, Untimed = r.State == ReportState.Submitted && r.SubmittedAt == null })
            .ToListAsync(ct);
        // Summed in one pass: at 100,000 rows and more, LINQ groupings would allocate more than the rows themselves.
        var ytdByProject = new Dictionary<long, long>();
        var ytdByMonth = new Dictionary<int, long>();
        var warningYtd = new Dictionary<long, long>();
        var untimed = false;
        foreach (var c in counted)
        {
            var yuan = c.CompletedInvestment.Yuan;
            if (c.Month.Month <= month)
            {
                ytdByProject[c.ProjectId] = ytdByProject.GetValueOrDefault(c.ProjectId) + yuan;
                ytdByMonth[c.Month.Month] = ytdByMonth.GetValueOrDefault(c.Month.Month) + yuan;
            }
            if (c.Month <= asOf)
            {
                warningYtd[c.ProjectId] = warningYtd.GetValueOrDefault(c.ProjectId) + yuan;
                untimed |= c.Untimed;
            }
        }

        // Projects that joined with an opening balance: its year-to-date share as of the month (and of the warnings' month).
        var openings = await OpeningFigures.ForAsync(db, ids, ct);
        foreach (var (id, o) in openings)
        {
            var share = o.YearToDate(new YearMonth(year, month)).Yuan;
            ytdByProject[id] = ytdByProject.GetValueOrDefault(id) + share;
            if (share != 0) ytdByMonth[o.Through.Month] = ytdByMonth.GetValueOrDefault(o.Through.Month) + share;
            if (current) warningYtd[id] = warningYtd.GetValueOrDefault(id) + o.YearToDate(asOf).Yuan;
        }

        var figures = rows.Select(p => Figures.Of(plans.GetValueOrDefault(p.Id), ytdByProject.GetValueOrDefault(p.Id), new YearMonth(year, month))).ToList();
        // The warnings' lag counts a submitted report only with its submission time (ReportFigure.Counts); while every
        // counted one has it, both ways pick the same report of each month and the sums above can serve.
        var warnings = await WarningLevelsAsync(ids, rows.Select(r => new WarningSubject(r.Id, r.Stage, r.TotalInvestment)),
            current ? plans : null, current && !untimed ? warningYtd : null, openings, ct);

        var tiles = await TilesAsync(q, rows, figures, warnings, year, today, ct);
        var scurve = SCurve(plans.Values, ytdByMonth, year, month);
        var breakdowns = await BreakdownsAsync(rows, figures, ids, ct);
        var located = rows.Zip(figures).Where(x => x.First.Latitude is not null && x.First.Longitude is not null).ToList();
        // A province has thousands of projects: the browser gets the largest, the page says how many are left off.
        var map = located.OrderByDescending(x => x.Second.PlanYuan).ThenBy(x => x.First.Id).Take(MapPointsMax)
            .Select(x => new MapPoint(x.First.Id, x.First.Name, x.First.Latitude!.Value, x.First.Longitude!.Value, warnings.GetValueOrDefault(x.First.Id),
                x.Second.PlanWan, x.Second.CompletedWan, x.Second.Rate, x.Second.Lag))
            .ToList();
        var laggards = rows.Zip(figures).Where(x => x.Second.Lag < 0)
            .OrderBy(x => x.Second.Lag).ThenByDescending(x => x.Second.PlanWan).ThenBy(x => x.First.Id).Take(ListSize)
            .Select(x => new LaggardRow(x.First.Id, x.First.Name, x.First.ResponsibleUnit, x.Second.PlanWan, x.Second.CompletedWan,
                x.Second.Rate, x.Second.Expected, x.Second.Lag!.Value))
            .ToList();

        return new DashboardView(f, year, month, today, tiles, scurve, breakdowns, map, laggards,
            await OverdueNodesAsync(ids, today, ct), await OverdueProblemsAsync(ids, today, ct),
            MapPointsTotal: located.Count, MapPointsMissing: rows.Count - located.Count);
    }

    /// <summary>
    /// The one report that counts for each project and month (SPEC §3.4): the approved one of the highest revision, else
    /// the submitted one of the highest revision. Drafts and returned reports never count, nor does a superseded revision.
    /// With <paramref name="submissionKnown"/>, a submitted report without a submission time does not count either, as
    /// in the indicators of the project pages (ReportFigure.Counts); the dashboard's own sums have always counted it.
    /// </summary>
    private IQueryable<MonthlyReport> CountingReports(YearMonth from, YearMonth to, bool submissionKnown = false) =>
        db.MonthlyReports.AsNoTracking().Where(r => r.Month >= from && r.Month <= to
            // A month an opening balance covers counts through the opening (OpeningFigure), never through a report.
            && !db.OpeningBalances.Any(o => o.ProjectId == r.ProjectId && o.Through >= r.Month) && (
            (r.State == ReportState.Approved
             && !db.MonthlyReports.Any(o => o.ProjectId == r.ProjectId && o.Month == r.Month && o.State == ReportState.Approved
                                            && (o.Revision > r.Revision || (o.Revision == r.Revision && o.Id < r.Id))))
            || (r.State == ReportState.Submitted && (!submissionKnown || r.SubmittedAt != null)
                && !db.MonthlyReports.Any(o => o.ProjectId == r.ProjectId && o.Month == r.Month && (o.State == ReportState.Approved
                    || (o.State == ReportState.Submitted && (!submissionKnown || o.SubmittedAt != null)
                        && (o.Revision > r.Revision || (o.Revision == r.Revision && o.Id < r.Id))))))));

    /// <summary>The projects' annual plans of the year, with the planned dates the even spread of a plan without a split needs.</summary>
    private Task<Dictionary<long, PlanFacts>> PlansAsync(IQueryable<long> ids, int year, CancellationToken ct) =>
        // A join, not SelectMany over the navigation: SQLite has no APPLY.
        db.AnnualPlans.AsNoTracking().Where(a => a.Year == year && ids.Contains(a.ProjectId))
            .Join(db.Projects, a => a.ProjectId, p => p.Id,
                (a, p) => new { a.ProjectId, a.PlannedInvestment, a.BaselineInvestment, a.MonthlyPlan, p.PlannedStart, p.PlannedCompletion })
            .ToDictionaryAsync(a => a.ProjectId, a => new PlanFacts(a.PlannedInvestment, a.BaselineInvestment, a.MonthlyPlan, a.PlannedStart, a.PlannedCompletion), ct);

    private static IReadOnlyList<SCurvePoint> SCurve(IEnumerable<PlanFacts> plans, Dictionary<int, long> completedByMonth, int year, int asOfMonth)
    {
        var planned = new decimal[12];
        var baseline = new decimal[12];
        var adjusted = false;
        foreach (var plan in plans)
        {
            adjusted |= plan.Baseline is { } b && b != plan.Planned;
            for (var m = 1; m <= 12; m++)
            {
                var ym = new YearMonth(year, m);
                var cumulative = plan.ExpectedToDateYuan(ym);
                planned[m - 1] += cumulative;
                // The baseline has no monthly split of its own: it follows the current plan's shape.
                baseline[m - 1] += plan.Planned.Yuan == 0
                    ? ExpectedPlan.ToDateYuan(plan.Baseline ?? Money.Zero, [], ym, plan.PlannedStart, plan.PlannedCompletion)
                    : cumulative * (plan.Baseline ?? plan.Planned).Yuan / plan.Planned.Yuan;
            }
        }
        var points = new List<SCurvePoint>(12);
        long done = 0;
        for (var m = 1; m <= 12; m++)
        {
            done += completedByMonth.GetValueOrDefault(m);
            points.Add(new SCurvePoint(m, Wan(planned[m - 1]), adjusted ? Wan(baseline[m - 1]) : null, m <= asOfMonth ? Wan(done) : null));
        }
        return points;
    }

    internal static decimal Wan(decimal yuan) => Math.Round(yuan / 10_000m, 2);

    internal static decimal? Ratio(decimal part, decimal whole) => whole == 0 ? null : part / whole;

    private async Task<IReadOnlyList<OverdueNodeRow>> OverdueNodesAsync(IQueryable<long> ids, DateOnly today, CancellationToken ct)
    {
        var rows = await db.TimeNodes.AsNoTracking()
            .Where(n => ids.Contains(n.ProjectId) && n.ActualFinish == null && n.PlannedFinish < today)
            .OrderBy(n => n.PlannedFinish).ThenBy(n => n.Id).Take(ListSize)
            .Select(n => new { n.ProjectId, Project = db.Projects.Where(p => p.Id == n.ProjectId).Select(p => p.Name).First(), n.Id, n.Name, n.PlannedFinish })
            .ToListAsync(ct);
        return rows.Select(n => new OverdueNodeRow(n.ProjectId, n.Project, n.Id, n.Name, n.PlannedFinish!.Value, today.DayNumber - n.PlannedFinish.Value.DayNumber)).ToList();
    }

    private async Task<IReadOnlyList<OverdueProblemRow>> OverdueProblemsAsync(IQueryable<long> ids, DateOnly today, CancellationToken ct)
    {
        var rows = await db.Problems.AsNoTracking()
            .Where(p => ids.Contains(p.ProjectId) && (p.State == Core.Problems.ProblemState.Open || p.State == Core.Problems.ProblemState.InProgress) && p.Deadline < today)
            .OrderBy(p => p.Deadline).ThenBy(p => p.Id).Take(ListSize)
            .Select(p => new { p.Id, p.ProjectId, Project = db.Projects.Where(x => x.Id == p.ProjectId).Select(x => x.Name).First(), p.Description, p.Deadline })
            .ToListAsync(ct);
        return rows.Select(p => new OverdueProblemRow(p.Id, p.ProjectId, p.Project, p.Description, p.Deadline!.Value, today.DayNumber - p.Deadline.Value.DayNumber)).ToList();
    }
}

/// <summary>What the dashboard reads of a project: one row each.</summary>
internal sealed record ProjectLine(long Id, string Name, long? ProgrammeId, long CategoryId, string DivisionCode, string ResponsibleUnit,
    ProjectStage Stage, double? Latitude, double? Longitude, DateOnly? PlannedStart, DateOnly? PlannedCompletion, DateOnly? ActualStart, Money TotalInvestment);

/// <summary>A project's annual plan of the year, and its planned dates (the even spread of a plan without a split).</summary>
internal sealed record PlanFacts(Money Planned, Money? Baseline, List<Money> Monthly, DateOnly? PlannedStart, DateOnly? PlannedCompletion)
{
    /// <summary>What the plan expects done by the end of the month, unrounded, in 元 (<see cref="ExpectedPlan"/>, as the indicators).</summary>
    public decimal ExpectedToDateYuan(YearMonth m) => ExpectedPlan.ToDateYuan(Planned, Monthly, m, PlannedStart, PlannedCompletion);

    /// <summary>序时进度 as of the month; null before the planned start (not judged).</summary>
    public decimal? Expected(YearMonth m) => ExpectedPlan.Rate(Planned, Monthly, m, PlannedStart, PlannedCompletion);
}

/// <summary>A project's figures of the year as of the month (SPEC §4.1), in 万元 and fractions.</summary>
/// <param name="Expected">序时进度; null without a plan or before the planned start (not judged, so no lag).</param>
internal sealed record Figures(decimal PlanYuan, decimal ExpectedYuan, decimal CompletedYuan, decimal? Expected)
{
    public decimal PlanWan => DashboardQueries.Wan(PlanYuan);
    public decimal CompletedWan => DashboardQueries.Wan(CompletedYuan);
    public decimal? Rate => DashboardQueries.Ratio(CompletedYuan, PlanYuan);
    public decimal? Lag => Rate is { } r && Expected is { } e ? (r - e) * 100 : null;

    public static Figures Of(PlanFacts? plan, long completedYuan, YearMonth month) =>
        new(plan?.Planned.Yuan ?? 0, plan?.ExpectedToDateYuan(month) ?? 0, completedYuan, plan is { } pl && pl.Planned.Yuan > 0 ? pl.Expected(month) : null);
}
