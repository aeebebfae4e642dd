using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Supervision;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Dashboard;

/// <summary>The kinds of records a dashboard number counts, as they appear in the drill-down address.</summary>
public static class RecordKinds
{
    public const string YearClass = "class";             // ?class=NewStart|Continuing|Completing|Preparing
    public const string Warning = "warning";             // ?level=Red|Yellow|Green
    public const string Started = "started";             // new starts of the year that have started
    public const string Stale = "stale";
    public const string OverdueNodes = "overdue-nodes";
    public const string OpenProblems = "open-problems";
    public const string OverdueProblems = "overdue-problems";
    public const string OverdueItems = "overdue-items";
    public static readonly string[] All = [YearClass, Warning, Started, Stale, OverdueNodes, OpenProblems, OverdueProblems, OverdueItems];
}

/// <summary>One counted record: what it is, where it lives, the project and unit it belongs to, and why it is counted.</summary>
public sealed record RecordRow(string Name, string Href, long? ProjectId, string? ProjectName, string? Unit, DateOnly? Date, int? DaysLate);

/// <summary>
/// The records behind a dashboard number (issue 7: "every number links to the list of records it counts"). The
/// predicates here are the ones the tiles count with (<see cref="DashboardPredicates"/>), so a page's total is the tile.
/// </summary>
public sealed class DashboardRecords(MilepostDb db, PortfolioClock clock, ProjectStatusService status, DashboardQueries dashboard)
{
    public const int PageSize = 50;

    public async Task<PageOf<RecordRow>> ListAsync(Actor actor, DashboardFilter f, string kind, ProjectYearClass? yearClass, WarningLevel? level, int page,
        CancellationToken ct = default)
    {
        if (!actor.HoldsBusinessData)
            throw new ForbiddenException("挂图作战仅向业务用户开放", "The dashboard is for the business roles");
        var today = clock.Today;
        var year = f.Year ?? status.AsOfMonth.Year;
        var projects = db.Projects.AsNoTracking().VisibleTo(actor).Filtered(f.ToProjectFilter());
        var ids = projects.Select(p => p.Id);
        page = Math.Max(1, page);
        // Warning levels are rules over several tables, not one predicate: the levels of the set, as the tile counts them.
        List<long> warned = [];
        if (kind == RecordKinds.Warning)
        {
            var wanted = level ?? throw new ValidationException(new ValidationError("level", "required", "请指明预警等级", "Name the warning level"));
            warned = [.. (await dashboard.WarningLevelsAsync(projects, ct)).Where(x => x.Value == wanted).Select(x => x.Key)];
        }

        var readsItems = actor.Is(Data.Roles.Supervisor) || actor.Is(Data.Roles.Leader) || actor.Is(Data.Roles.Department);
        IQueryable<RecordRow> rows = kind switch
        {
            RecordKinds.YearClass => ProjectRows(projects.Where(DashboardPredicates.OfClass(yearClass
                ?? throw new ValidationException(new ValidationError("class", "required", "请指明年度分类", "Name the year class")), year)).OrderBy(p => p.Code).ThenBy(p => p.Id), ProjectDate.PlannedStart),
            RecordKinds.Warning => ProjectRows(projects.Where(p => warned.Contains(p.Id)).OrderBy(p => p.Code).ThenBy(p => p.Id), ProjectDate.None),
            RecordKinds.Started => ProjectRows(projects.Where(DashboardPredicates.OfClass(ProjectYearClass.NewStart, year)).Where(DashboardPredicates.StartedIn(year))
                .OrderBy(p => p.ActualStart).ThenBy(p => p.Id), ProjectDate.ActualStart),
            RecordKinds.Stale => ProjectRows(projects.Where(DashboardPredicates.Stale(db, today)).OrderBy(p => p.Code).ThenBy(p => p.Id), ProjectDate.None),
            RecordKinds.OverdueNodes => db.TimeNodes.AsNoTracking().Where(n => ids.Contains(n.ProjectId)).Where(DashboardPredicates.NodeOverdue(today))
                .OrderBy(n => n.PlannedFinish).ThenBy(n => n.Id)
                .Select(n => new RecordRow(n.Name, "/projects/" + n.ProjectId + "#nodes", n.ProjectId,
                    db.Projects.Where(p => p.Id == n.ProjectId).Select(p => p.Name).First(),
                    db.Units.Where(u => u.Id == n.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
                    n.PlannedFinish, null)),
            RecordKinds.OpenProblems or RecordKinds.OverdueProblems => ProblemRows(
                db.Problems.AsNoTracking().Where(p => ids.Contains(p.ProjectId)).Where(DashboardPredicates.ProblemOpen())
                    .Where(kind == RecordKinds.OverdueProblems ? DashboardPredicates.ProblemOverdue(today) : p => true)),
            RecordKinds.OverdueItems => db.SupervisionItems.AsNoTracking().Where(DashboardPredicates.ItemOverdue(today))
                .Where(i => i.Projects.Any(x => ids.Contains(x.ProjectId)))
                .OrderBy(i => i.Deadline).ThenBy(i => i.Id)
                // The item pages are for the office, leaders and departments; an owner is sent to its project instead.
                .Select(i => new RecordRow(i.Content, readsItems ? "/supervision/" + i.Id
                        : "/projects/" + i.Projects.Where(x => ids.Contains(x.ProjectId)).OrderBy(x => x.ProjectId).Select(x => x.ProjectId).First(), null,
                    db.Projects.Where(p => i.Projects.Select(x => x.ProjectId).Contains(p.Id)).OrderBy(p => p.Id).Select(p => p.Name).FirstOrDefault(),
                    db.Units.Where(u => u.Id == i.LeadUnitId).Select(u => u.Name).FirstOrDefault(), i.Deadline, null)),
            _ => throw new NotFoundException("count"),
        };
        var total = await rows.CountAsync(ct);
        var items = await rows.Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        // Days late from today, as the tiles count "overdue" (a date strictly before today).
        items = [.. items.Select(r => kind is RecordKinds.OverdueNodes or RecordKinds.OverdueProblems or RecordKinds.OverdueItems && r.Date is { } d
            ? r with { DaysLate = today.DayNumber - d.DayNumber } : r)];
        return new PageOf<RecordRow>(items, total, page, PageSize, year);
    }

    private enum ProjectDate { PlannedStart, ActualStart, None }

    // One projection per date column: EF translates a member access, not a delegate picked at run time.
    private static IQueryable<RecordRow> ProjectRows(IQueryable<Project> q, ProjectDate date) => date switch
    {
        ProjectDate.PlannedStart => q.Select(p => new RecordRow(p.Name, "/projects/" + p.Id, p.Id, null, p.ResponsibleUnit!.Name, p.PlannedStart, null)),
        ProjectDate.ActualStart => q.Select(p => new RecordRow(p.Name, "/projects/" + p.Id, p.Id, null, p.ResponsibleUnit!.Name, p.ActualStart, null)),
        _ => q.Select(p => new RecordRow(p.Name, "/projects/" + p.Id, p.Id, null, p.ResponsibleUnit!.Name, null, null)),
    };

    private IQueryable<RecordRow> ProblemRows(IQueryable<Problem> q) =>
        q.OrderBy(p => p.Deadline == null).ThenBy(p => p.Deadline).ThenBy(p => p.Id)
            .Select(p => new RecordRow(p.Description, "/problems/" + p.Id, p.ProjectId,
                db.Projects.Where(x => x.Id == p.ProjectId).Select(x => x.Name).First(),
                db.Units.Where(u => u.Id == p.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(), p.Deadline, null));
}
/// <summary>What each dashboard count counts, as query predicates shared by the tiles and their drill-down lists.</summary>
public static class DashboardPredicates
{
    /// <summary>The year class of <see cref="Project.ClassFor"/>, in a form the database evaluates.</summary>
    public static Expression<Func<Project, bool>> OfClass(ProjectYearClass c, int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        Expression<Func<Project, bool>> newStart = p => p.PlannedStart >= first && p.PlannedStart <= last;
        Expression<Func<Project, bool>> completing = p => !(p.PlannedStart >= first && p.PlannedStart <= last)
            && p.PlannedCompletion >= first && p.PlannedCompletion <= last;
        Expression<Func<Project, bool>> preparing = p => !(p.PlannedStart >= first && p.PlannedStart <= last)
            && !(p.PlannedCompletion >= first && p.PlannedCompletion <= last)
            && (p.Stage == ProjectStage.Pipeline || p.Stage == ProjectStage.Preparation);
        Expression<Func<Project, bool>> continuing = p => !(p.PlannedStart >= first && p.PlannedStart <= last)
            && !(p.PlannedCompletion >= first && p.PlannedCompletion <= last)
            && !(p.Stage == ProjectStage.Pipeline || p.Stage == ProjectStage.Preparation)
            && (p.ActualStart ?? p.PlannedStart) < first && p.PlannedCompletion > last;
        return c switch
        {
            ProjectYearClass.NewStart => newStart,
            ProjectYearClass.Completing => completing,
            ProjectYearClass.Preparing => preparing,
            ProjectYearClass.Continuing => continuing,
            _ => p => !(p.PlannedStart >= first && p.PlannedStart <= last) && !(p.PlannedCompletion >= first && p.PlannedCompletion <= last)
                      && !(p.Stage == ProjectStage.Pipeline || p.Stage == ProjectStage.Preparation)
                      && !((p.ActualStart ?? p.PlannedStart) < first && p.PlannedCompletion > last),
        };
    }

    /// <summary>A new start counts as started when it actually started within the year (开工率).</summary>
    public static Expression<Func<Project, bool>> StartedIn(int year)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return p => p.ActualStart >= first && p.ActualStart <= last;
    }

    /// <summary>
    /// Stale (SPEC §4.4, data freshness): a project under way or stopped with no report approved and no photo
    /// uploaded in the last <see cref="DashboardQueries.StaleDays"/> days. Projects that do not report yet never go stale.
    /// </summary>
    public static Expression<Func<Project, bool>> Stale(MilepostDb db, DateOnly today)
    {
        var cutoff = DateTime.SpecifyKind(today.AddDays(-DashboardQueries.StaleDays).ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        return p => (p.Stage == ProjectStage.Construction || p.Stage == ProjectStage.Suspended)
                    && !db.MonthlyReports.Any(r => r.ProjectId == p.Id && r.State == ReportState.Approved && r.ReviewedAt >= cutoff)
                    && !db.ReportPhotos.Any(ph => ph.ProjectId == p.Id && ph.UploadedAt >= cutoff);
    }

    public static Expression<Func<Core.Scheduling.TimeNode, bool>> NodeOverdue(DateOnly today) =>
        n => n.ActualFinish == null && n.PlannedFinish < today;

    public static Expression<Func<Problem, bool>> ProblemOpen() =>
        p => p.State == ProblemState.Open || p.State == ProblemState.InProgress;

    public static Expression<Func<Problem, bool>> ProblemOverdue(DateOnly today) => p => p.Deadline < today;

    public static Expression<Func<SupervisionItem, bool>> ItemOverdue(DateOnly today) =>
        i => i.State != SupervisionState.Closed && i.Deadline < today;
}
