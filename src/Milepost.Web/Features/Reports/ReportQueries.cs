using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Reports;

/// <summary>A report due from an owner: the month, its due date, and where it stands (null report: not started).</summary>
public sealed record DueReport(long ProjectId, string ProjectName, YearMonth Month, DateOnly DueDate, int DaysLeft, long? ReportId, ReportState? State, int Revision);

/// <summary>A line of the supervisor's queue: a report waiting for review, or a month late or missing.</summary>
public sealed record QueueRow(long ProjectId, string ProjectName, string? OwnerUnit, YearMonth Month, DateOnly DueDate,
    long? ReportId, ReportState? State, int Revision, DateTime? SubmittedAt, string? SubmittedBy, int DaysLate);

public sealed record ReviewQueue(IReadOnlyList<QueueRow> Waiting, YearMonth ClosedMonth, IReadOnlyList<QueueRow> LateOrMissing);

/// <summary>One step of a report's review loop, from the audit trail: who did what when, and the comment or reason given.</summary>
public sealed record ReportStep(DateTime TimeUtc, string Actor, string Action, int Revision, string? Comment);

/// <summary>One report with what its form shows beside the inputs.</summary>
public sealed record ReportDetail(
    MonthlyReport Report,
    string ProjectName,
    string? OwnerUnit,
    DateOnly DueDate,
    Money AnnualPlan,
    Money PlannedToDate,
    MonthlyReport? LastMonth,
    decimal? LastProgress,
    IReadOnlyList<ReportFigure> OtherMonths,
    IReadOnlyList<MonthlyReport> Revisions,
    IReadOnlyDictionary<string, string> People,
    decimal? PlannedProgressPercent,
    IReadOnlyList<ReportStep> Steps,
    bool CanEdit,
    bool CanReview,
    bool CanCorrect,
    OpeningFigure? Opening = null)
{
    public Money YearToDate(Money thisMonth) => ReportRules.YearToDate(OtherMonths, Report.Month, thisMonth, Opening);
}

/// <summary>
/// Reads monthly reports within the actor's data scope (ProjectScope). Which reports an owner owes: every month
/// of the current year up to the current one, for each project that owes reports (a plan for the year, and not
/// in the pipeline, cancelled or operating — the same test the warnings use).
/// </summary>
public sealed class ReportQueries(MilepostDb db, PortfolioClock clock, SettingsReader settings)
{
    public async Task<int> DueDayAsync(CancellationToken ct = default) => (await settings.WarningsAsync(ct)).ReportDueDay;

    public async Task<IReadOnlyList<DueReport>> InboxAsync(Actor actor, CancellationToken ct = default)
    {
        var today = clock.Today;
        var dueDay = await DueDayAsync(ct);
        var current = YearMonth.Of(today);
        var projects = await ObligedAsync(db.Projects.AsNoTracking().VisibleTo(actor), current.Year, ct);
        var ids = projects.Select(p => p.Id).ToList();
        var reports = (await db.MonthlyReports.AsNoTracking()
            .Where(r => ids.Contains(r.ProjectId) && r.SupersededById == null)
            .Select(r => new { r.Id, r.ProjectId, r.Month, r.State, r.Revision }).ToListAsync(ct))
            .Where(r => r.Month.Year == current.Year).ToLookup(r => (r.ProjectId, r.Month));
        var openings = await OpeningFigures.ForAsync(db, ids, ct);
        var rows = new List<DueReport>();
        foreach (var p in projects)
            for (var m = new YearMonth(current.Year, 1); m <= current; m = m.Next())
            {
                if (!OpeningFigure.Owes(openings.GetValueOrDefault(p.Id), m)) continue;   // before it joined: in its opening balance
                var latest = reports[(p.Id, m)].MaxBy(r => r.Revision);
                // Approved months need nothing more; everything else is still to do or waiting for review.
                if (latest?.State == ReportState.Approved) continue;
                var due = MonthlyReport.DueDate(m, dueDay);
                rows.Add(new DueReport(p.Id, p.Name, m, due, due.DayNumber - today.DayNumber, latest?.Id, latest?.State, latest?.Revision ?? 1));
            }
        return rows.OrderBy(r => r.State == ReportState.Submitted).ThenBy(r => r.DueDate).ThenBy(r => r.ProjectName).ToList();
    }

    public async Task<ReviewQueue> QueueAsync(Actor actor, CancellationToken ct = default)
    {
        var today = clock.Today;
        var dueDay = await DueDayAsync(ct);
        var closed = YearMonth.Of(today).Previous();
        var visible = db.Projects.AsNoTracking().VisibleTo(actor);
        var owners = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var waiting = await db.MonthlyReports.AsNoTracking()
            .Where(r => r.State == ReportState.Submitted && r.SupersededById == null && visible.Any(p => p.Id == r.ProjectId))
            .Join(visible, r => r.ProjectId, p => p.Id, (r, p) => new { r, p.Name, p.OwnerUnitId })
            .OrderBy(x => x.r.SubmittedAt).ToListAsync(ct);
        var waitingRows = waiting.Select(x =>
        {
            var due = MonthlyReport.DueDate(x.r.Month, dueDay);
            var day = x.r.SubmittedAt is { } at ? Day(at) : today;
            return new QueueRow(x.r.ProjectId, x.Name, owners.GetValueOrDefault(x.OwnerUnitId), x.r.Month, due, x.r.Id, x.r.State, x.r.Revision,
                x.r.SubmittedAt, x.r.SubmittedBy, Math.Max(0, day.DayNumber - due.DayNumber));
        }).ToList();

        // The last closed month: missing (nothing submitted yet) or late (first submitted after the due date).
        var projects = await ObligedAsync(visible, closed.Year, ct);
        var ids = projects.Select(p => p.Id).ToList();
        var ofMonth = (await db.MonthlyReports.AsNoTracking().Where(r => ids.Contains(r.ProjectId) && r.Month == closed).ToListAsync(ct))
            .ToLookup(r => r.ProjectId);
        var closedDue = MonthlyReport.DueDate(closed, dueDay);
        var openings = await OpeningFigures.ForAsync(db, ids, ct);
        var late = new List<QueueRow>();
        foreach (var p in projects)
        {
            if (!OpeningFigure.Owes(openings.GetValueOrDefault(p.Id), closed)) continue;   // joined later: the month is in its opening
            var rows = ofMonth[p.Id].ToList();
            var counted = rows.Where(r => r.State is ReportState.Submitted or ReportState.Approved).ToList();
            var latest = rows.MaxBy(r => r.Revision);
            if (counted.Count == 0)
            {
                if (today > closedDue)
                    late.Add(new QueueRow(p.Id, p.Name, owners.GetValueOrDefault(p.OwnerUnitId), closed, closedDue, latest?.Id, latest?.State,
                        latest?.Revision ?? 1, null, null, today.DayNumber - closedDue.DayNumber));
                continue;
            }
            var first = counted.Where(r => r.SubmittedAt is not null).Select(r => r.SubmittedAt!.Value).DefaultIfEmpty().Min();
            if (first == default) continue;
            var day = Day(first);
            if (day > closedDue)
            {
                var r = counted.MaxBy(x => x.Revision)!;
                late.Add(new QueueRow(p.Id, p.Name, owners.GetValueOrDefault(p.OwnerUnitId), closed, closedDue, r.Id, r.State, r.Revision,
                    first, r.SubmittedBy, day.DayNumber - closedDue.DayNumber));
            }
        }
        return new ReviewQueue(waitingRows, closed, late.OrderByDescending(r => r.SubmittedAt is null).ThenByDescending(r => r.DaysLate).ToList());
    }

    public async Task<ReportDetail?> DetailAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var report = await db.MonthlyReports.AsNoTracking().Include(r => r.FundsReceived).Include(r => r.Photos)
            .AsSplitQuery().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (report is null) return null;
        var project = await db.Projects.AsNoTracking().VisibleTo(actor).Include(p => p.OwnerUnit).Include(p => p.AnnualPlans)
            .FirstOrDefaultAsync(p => p.Id == report.ProjectId, ct);
        if (project is null) return null;
        var dueDay = await DueDayAsync(ct);
        var all = await db.MonthlyReports.AsNoTracking().Include(r => r.FundsReceived).Where(r => r.ProjectId == project.Id).ToListAsync(ct);
        var figures = all.Where(r => r.Month != report.Month).Select(Figure).ToList();
        var counting = IndicatorCalculator.CountingReports(figures, report.Month.Previous());
        // The latest earlier month that counts (a returned or missing month is skipped), with its figures.
        var lastCounting = counting.LastOrDefault();
        var lastMonth = lastCounting is null ? null : all.Where(r => r.Month == lastCounting.Month && r.Revision == lastCounting.Revision)
            .OrderByDescending(r => r.State == ReportState.Approved).FirstOrDefault();
        var plan = project.AnnualPlans.FirstOrDefault(a => a.Year == report.Month.Year);
        var planned = plan is null ? Money.Zero
            : ExpectedPlan.ToDate(plan.PlannedInvestment, plan.MonthlyPlan, report.Month, project.PlannedStart, project.PlannedCompletion);
        var revisions = all.Where(r => r.Month == report.Month).OrderByDescending(r => r.Revision).ToList();
        var keys = revisions.ToDictionary(r => r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), r => r.Revision);
        var keyList = keys.Keys.ToList();
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Entity == "MonthlyReport" && keyList.Contains(e.EntityId))
            .OrderBy(e => e.Sequence).Select(e => new { e.TimeUtc, e.Actor, e.Action, e.EntityId, e.After }).ToListAsync(ct);
        var steps = events.Select(e => new ReportStep(e.TimeUtc, e.Actor, e.Action, keys[e.EntityId], CommentOf(e.Action, e.After))).ToList();
        var names = revisions.SelectMany(r => new[] { r.SubmittedBy, r.ReviewedBy }).Concat(report.Photos.Select(p => p.UploadedBy))
            .Concat(steps.Select(x => x.Actor)).OfType<string>().Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => names.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        var superseded = report.SupersededById is not null;
        var owner = actor.Is(Roles.Owner);
        // A correction is started only from the newest approved revision, and only while none is open.
        var openCorrection = revisions.Any(r => r.Revision > report.Revision);
        return new ReportDetail(report, project.Name, project.OwnerUnit?.Name, MonthlyReport.DueDate(report.Month, dueDay),
            plan?.PlannedInvestment ?? Money.Zero, planned, lastMonth, counting.LastOrDefault()?.ProgressPercent, figures, revisions, people,
            plan?.PlannedProgressPercent, steps,
            CanEdit: owner && ReportWorkflow.CanDo(report.State, ReportAction.Save, superseded),
            CanReview: actor.Is(Roles.Supervisor) && ReportWorkflow.CanDo(report.State, ReportAction.Approve, superseded),
            CanCorrect: owner && !openCorrection && ReportWorkflow.CanDo(report.State, ReportAction.StartCorrection, superseded),
            Opening: await db.OpeningBalances.AsNoTracking().Where(o => o.ProjectId == project.Id).Select(o => o.ToFigure()).FirstOrDefaultAsync(ct));
    }

    /// <summary>The comment of a review or the reason of a correction, as the audit event recorded it.</summary>
    private static string? CommentOf(string action, string? after)
    {
        if (after is null || action is not ("report.return" or "report.approve" or "report.correct")) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(after);
        var root = doc.RootElement;
        if (root.TryGetProperty("reason", out var reason)) return reason.GetString();
        if (root.TryGetProperty("report", out var inner)) root = inner;
        return root.TryGetProperty("ReviewComment", out var c) && c.ValueKind == System.Text.Json.JsonValueKind.String ? c.GetString() : null;
    }

    /// <summary>A report as the indicators count it: a returned report is back with its owner and does not count.</summary>
    public ReportFigure Figure(MonthlyReport r)
    {
        DateOnly? submitted = r.State is ReportState.Submitted or ReportState.Approved && r.SubmittedAt is { } at ? Day(at) : null;
        return new ReportFigure(r.Month, r.CompletedInvestment, r.ProgressPercent, r.State == ReportState.Approved, submitted, r.Revision);
    }

    /// <summary>
    /// The business day of a submission. A portfolio pinned to an as-of date (the demo) may receive submissions at a
    /// later real time; they count as made on the as-of day, never after it.
    /// </summary>
    public DateOnly Day(DateTime utc)
    {
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utc, clock.Zone));
        return day > clock.Today ? clock.Today : day;
    }

    private static async Task<List<Project>> ObligedAsync(IQueryable<Project> visible, int year, CancellationToken ct) =>
        await visible.Where(p => p.Stage != ProjectStage.Pipeline && p.Stage != ProjectStage.Cancelled && p.Stage != ProjectStage.Operating
                                 && p.AnnualPlans.Any(a => a.Year == year && a.PlannedInvestment != Money.Zero))
            .OrderBy(p => p.Name).ToListAsync(ct);
}
