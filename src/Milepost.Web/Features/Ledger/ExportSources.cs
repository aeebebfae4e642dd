using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Reports;
using Milepost.Web.Features.Supervision;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Ledger;

/// <summary>An export ready to write: the sheet's (and file's) title, its columns and its rows, read lazily.</summary>
public sealed record ExportData(string Title, IReadOnlyList<ExportColumn> Columns, IAsyncEnumerable<object?[]> Rows);

/// <summary>
/// The rows of each export, read through the same queries, filters and scope as the page they come from: what a user
/// downloads is what the list shows them, all pages of it. Who may export is who may read the list; the admin roles and
/// the auditor hold no business data and are refused.
/// </summary>
public sealed class ExportSources(MilepostDb db, PortfolioClock clock, ProjectQueries projects, ProblemQueries problems,
    SupervisionQueries supervision, DashboardQueries dashboard)
{
    public async Task<ExportData> GetAsync(Actor actor, ExportRequest request, CancellationToken ct = default)
    {
        var business = actor.HoldsBusinessData;
        if (!business) throw new ForbiddenException("导出仅向业务用户开放（系统管理员、安全管理员和审计员不持有业务数据）",
            "Exports are for the business roles (the admin roles and the auditor hold no business data)");
        return request.Kind switch
        {
            ExportKinds.Projects => Projects(actor, request.Projects(), ct),
            ExportKinds.Reports => Reports(actor, request.Reports(), ct),
            ExportKinds.Statistics => await StatisticsAsync(actor, request.Dashboard(), ct),
            ExportKinds.OverdueNodes => OverdueNodes(actor, request.Dashboard(), ct),
            ExportKinds.Problems => Problems(actor, request.Problems(), ct),
            ExportKinds.Supervision => Supervision(actor, request.Supervision(), ct),
            _ => throw new NotFoundException("export"),
        };
    }

    private static ExportColumn C(string zh, string en, double width) => new(T(zh, en), width);

    /// <summary>A column of dates: real date cells in .xlsx (sortable and filterable as dates), 2020-06-30 in CSV.</summary>
    private static ExportColumn D(string zh, string en, double width) => new(T(zh, en), width, IsDate: true);

    private static decimal? Percent(decimal? fraction) => fraction is { } f ? Math.Round(f * 100, 2) : null;

    private static decimal? Round(decimal? v) => v is { } x ? Math.Round(x, 2) : null;

    private ExportData Projects(Actor actor, ProjectFilter f, CancellationToken ct)
    {
        ExportColumn[] columns =
        [
            C("项目代码", "Code", 16), C("项目名称", "Project", 36), C("行政区划", "Division", 12), C("专项", "Programme", 18),
            C("类别", "Category", 12), C("业主单位", "Owner", 26), C("责任单位", "Responsible unit", 22), C("联系市领导", "Linked leaders", 16),
            C("总投资（万元）", "Total investment (10k yuan)", 16), C("年度计划（万元）", "Annual plan (10k yuan)", 16),
            C("年度完成（万元）", "Completed this year (10k yuan)", 16), C("完成率（%）", "Completion rate (%)", 12),
            C("阶段", "Stage", 10), D("计划开工", "Planned start", 12), D("计划竣工", "Planned completion", 12), C("预警", "Warning", 10),
        ];
        return new ExportData(T("重点项目清单", "key-projects"), columns, Rows());

        async IAsyncEnumerable<object?[]> Rows()
        {
            // Through the list's own query, so the figures (plan, warning) are the list's.
            await foreach (var r in projects.AllAsync(actor, f, ct))
                yield return
                [
                    r.Code, r.Name, r.DivisionName, r.ProgrammeName, r.CategoryName, r.OwnerUnitName, r.ResponsibleUnitName, r.Leaders,
                    Round(r.TotalInvestmentWan), Round(r.AnnualPlanWan), Round(r.YtdCompletedWan), Percent(r.CompletionRate),
                    IsEnglish ? StageNames.En(r.Stage) : StageNames.Zh(r.Stage), r.PlannedStart, r.PlannedCompletion,
                    r.Warning is { } w ? Shared.Charts.ChartFormat.LevelName(w.Level) : null,
                ];
        }
    }

    private ExportData Reports(Actor actor, (ProjectFilter Projects, YearMonth? From, YearMonth? To) f, CancellationToken ct)
    {
        ExportColumn[] columns =
        [
            C("项目代码", "Code", 16), C("项目名称", "Project", 36), C("月份", "Month", 10), C("本月完成投资（万元）", "Completed this month (10k yuan)", 18),
            C("形象进度（%）", "Physical progress (%)", 12), C("在岗人数（人）", "Workers on site", 12), C("状态", "State", 12),
            C("第几次填报", "Revision", 10), C("工作进展", "Progress narrative", 48), C("下月计划", "Next month", 36),
        ];
        var visible = db.Projects.AsNoTracking().VisibleTo(actor).Filtered(f.Projects);
        var q = db.MonthlyReports.AsNoTracking().Where(r => r.SupersededById == null && visible.Any(p => p.Id == r.ProjectId));
        if (f.From is { } from) q = q.Where(r => r.Month >= from);
        if (f.To is { } to) q = q.Where(r => r.Month <= to);
        var rows = q.OrderBy(r => r.Month).ThenBy(r => r.ProjectId).ThenBy(r => r.Id)
            .Select(r => new
            {
                Code = db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Code).First(),
                Name = db.Projects.Where(p => p.Id == r.ProjectId).Select(p => p.Name).First(),
                r.Month, r.CompletedInvestment, r.ProgressPercent, r.WorkersOnSite, r.State, r.Revision, r.Narrative, r.NextMonthPlan,
            }).AsAsyncEnumerable();
        return new ExportData(T("项目月报", "monthly-reports"), columns, Map(rows, r => new object?[]
        {
            r.Code, r.Name, r.Month.ToString(), Round(r.CompletedInvestment.Wan), r.ProgressPercent, r.WorkersOnSite,
            ReportText.State(r.State, r.Revision), r.Revision, r.Narrative, r.NextMonthPlan,
        }, ct));
    }

    private async Task<ExportData> StatisticsAsync(Actor actor, DashboardFilter f, CancellationToken ct)
    {
        // The dashboard's own figures, not summed again here, so the table and the screen always agree.
        var view = await dashboard.GetAsync(actor, f, ct);
        ExportColumn[] columns =
        [
            C("统计口径", "By", 10), C("名称", "Name", 24), C("项目数（个）", "Projects", 10), C("计划投资（万元）", "Planned (10k yuan)", 16),
            C("完成投资（万元）", "Completed (10k yuan)", 16), C("完成率（%）", "Completion rate (%)", 12), C("序时进度（%）", "Expected by now (%)", 12),
            C("差距（百分点）", "Gap (points)", 14),
        ];
        var rows = new List<object?[]>();
        foreach (var (kind, zh, en) in new[] { (BreakdownKinds.Category, "按类别", "Category"), (BreakdownKinds.Division, "按行政区划", "Division") })
            foreach (var b in view.Breakdowns.GetValueOrDefault(kind) ?? [])
                rows.Add([T(zh, en), b.Name, b.Projects, Round(b.PlanWan), Round(b.CompletedWan), Percent(b.Rate), Percent(b.Expected), Round(b.LagPoints)]);
        return new ExportData(T($"{view.Year}年1-{view.Month}月重点项目统计表", $"statistics-{view.Year}-{view.Month:D2}"), columns, rows.ToAsyncEnumerable());
    }

    private ExportData OverdueNodes(Actor actor, DashboardFilter f, CancellationToken ct)
    {
        ExportColumn[] columns =
        [
            C("项目代码", "Code", 16), C("项目名称", "Project", 36), C("节点名称", "Node", 30), C("责任单位", "Responsible unit", 22),
            D("计划完成", "Planned finish", 12), C("逾期天数（天）", "Days overdue", 12),
        ];
        var today = clock.Today;
        var ids = db.Projects.AsNoTracking().VisibleTo(actor).Filtered(f.ToProjectFilter()).Select(p => p.Id);
        // The dashboard's "overdue node" (DashboardPredicates), so the count on its tile is the row count here.
        var rows = db.TimeNodes.AsNoTracking().Where(n => ids.Contains(n.ProjectId)).Where(DashboardPredicates.NodeOverdue(today))
            .OrderBy(n => n.PlannedFinish).ThenBy(n => n.Id)
            .Select(n => new
            {
                Code = db.Projects.Where(p => p.Id == n.ProjectId).Select(p => p.Code).First(),
                Project = db.Projects.Where(p => p.Id == n.ProjectId).Select(p => p.Name).First(),
                n.Name,
                Unit = db.Units.Where(u => u.Id == n.ResponsibleUnitId).Select(u => u.Name).FirstOrDefault(),
                n.PlannedFinish,
            }).AsAsyncEnumerable();
        return new ExportData(T("逾期节点清单", "overdue-nodes"), columns, Map(rows, n => new object?[]
        {
            n.Code, n.Project, n.Name, n.Unit, n.PlannedFinish, n.PlannedFinish is { } d ? today.DayNumber - d.DayNumber : null,
        }, ct));
    }

    private ExportData Problems(Actor actor, ProblemFilter f, CancellationToken ct)
    {
        ExportColumn[] columns =
        [
            C("编号", "No.", 8), C("项目名称", "Project", 30), C("问题类别", "Category", 12), C("问题描述", "Description", 48),
            C("牵头部门", "Lead department", 20), C("配合部门", "Other departments", 24), C("协调领导", "Coordinating leader", 12),
            D("提出日期", "Raised on", 12), D("办结时限", "Deadline", 12), C("逾期天数（天）", "Days overdue", 12), C("提级", "Escalation", 10),
            C("状态", "State", 10), D("办结日期", "Resolved on", 12),
        ];
        return new ExportData(T("问题台账", "problem-ledger"), columns, Rows());

        async IAsyncEnumerable<object?[]> Rows()
        {
            var ledger = await problems.LedgerAsync(actor, f, ct);
            foreach (var p in ledger.Rows)
                yield return
                [
                    p.Id, p.ProjectName, ProblemText.Category(p.Category), p.Description, p.LeadDepartment, p.OtherDepartments, p.Leader,
                    p.RaisedOn, p.Deadline, p.DaysOverdue > 0 ? p.DaysOverdue : null, p.EscalationLevel > 0 ? ProblemText.Level(p.EscalationLevel) : null,
                    ProblemText.State(p.State), p.ResolvedOn,
                ];
        }
    }

    private ExportData Supervision(Actor actor, SupervisionFilter f, CancellationToken ct)
    {
        if (!(actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader) || actor.Is(Roles.Department)))
            throw new ForbiddenException("督办事项仅向督查室、市领导和责任部门开放", "Supervision items are for the office, leaders and departments");
        ExportColumn[] columns =
        [
            C("编号", "No.", 8), C("督办内容", "Content", 48), C("来源", "Source", 12), C("状态", "State", 10), C("牵头单位", "Lead unit", 20),
            C("配合单位", "Cooperating units", 24), D("办结时限", "Deadline", 12), C("逾期天数（天）", "Days overdue", 12),
            C("催办次数", "Reminders", 10), C("办理评价", "Evaluation", 10), C("批示领导", "Leader", 12),
        ];
        return new ExportData(T("督办事项清单", "supervision-items"), columns, Rows());

        async IAsyncEnumerable<object?[]> Rows()
        {
            for (var page = 1; ; page++)
            {
                var result = await supervision.ListAsync(actor, f with { Page = page }, ct);
                foreach (var i in result.Items)
                    yield return
                    [
                        i.Id, i.Content, SupervisionText.Source(i.Source), SupervisionText.State(i.State), i.LeadUnitName, i.CooperatingUnitNames,
                        i.Deadline, i.OverdueDays, i.UrgeCount, i.Evaluation is { } e ? SupervisionText.Evaluation(e) : null, i.LeaderName,
                    ];
                if (result.Items.Count < result.PageSize) yield break;
            }
        }
    }

    private static async IAsyncEnumerable<object?[]> Map<T>(IAsyncEnumerable<T> source, Func<T, object?[]> map, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var x in source.WithCancellation(ct)) yield return map(x);
    }
}
