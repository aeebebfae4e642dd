using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Problems;
using Milepost.Data;
using Milepost.Web.Features.Problems;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Problems;

public sealed class ProblemsFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The problem workflow through /api/v1/problems as each role uses it (SPEC §3.5): raise, assign,
/// handle, close, escalate, comment; each change one audit event; each role inside its data scope.
/// </summary>
public sealed class ProblemWorkflowTests(ProblemsFixture fx) : IClassFixture<ProblemsFixture>
{
    private static readonly DateOnly StoryDate = new(2020, 6, 11);

    private async Task<int> EventsAsync(long problemId, string? action = null)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var key = problemId.ToString();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents
            .CountAsync(e => e.Entity == "Problem" && e.EntityId == key && (action == null || e.Action == action));
    }

    private static async Task<ProblemDetailView> DetailAsync(HttpClient client, long id) =>
        await (await client.GetAsync($"/api/v1/problems/{id}")).ReadAsync<ProblemDetailView>();

    private async Task<long> UnitIdAsync(string name)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    [Fact]
    public async Task Owner_raises_supervisor_assigns_department_handles_and_closes_each_step_one_audit_event()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var dept = await fx.Factory.SignInAsync("dept");
        var project = await supervisor.IdOfAsync("岷江综合客运枢纽");

        // The owner raises it on its own project; it may not assign.
        var assignAttempt = await owner.PostJsonAsync("/api/v1/problems", new ProblemInputDto(project, ProblemCategory.Utilities, "站房施工临时用水接入困难", null,
            await UnitIdAsync("市交通运输局"), null, null, null, null));
        Assert.Equal(HttpStatusCode.Forbidden, assignAttempt.StatusCode);
        var created = await owner.PostJsonAsync("/api/v1/problems", new ProblemInputDto(project, ProblemCategory.Utilities, "站房施工临时用水接入困难", null, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var problem = await created.ReadAsync<ProblemDetailView>();
        var id = problem.Row.Id;
        Assert.Equal((ProblemState.Open, StoryDate, 1), (problem.Row.State, problem.Row.RaisedOn, problem.Row.EscalationLevel));
        Assert.Equal(1, await EventsAsync(id, "problem.create"));

        // Not yet assigned: the department cannot handle it.
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PostJsonAsync($"/api/v1/problems/{id}/state", new ProblemStateDto(ProblemState.InProgress, null, 1))).StatusCode);

        // The supervision office assigns it: lead department, a cooperating one, leader, deadline.
        var assigned = await supervisor.PutJsonAsync($"/api/v1/problems/{id}", new ProblemInputDto(null, ProblemCategory.Utilities, "站房施工临时用水接入困难", null,
            await UnitIdAsync("市交通运输局"), [await UnitIdAsync("市住房城乡建设局")], null, new DateOnly(2020, 6, 30), 1));
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var view = await assigned.ReadAsync<ProblemDetailView>();
        Assert.Equal(("市交通运输局", "市住房城乡建设局"), (view.Row.LeadDepartment, view.Row.OtherDepartments.Single()));
        Assert.Equal(new DateOnly(2020, 7, 11), view.Row.NextEscalation);

        // The department now sees the actions it may take, and takes them.
        var seen = await DetailAsync(dept, id);
        Assert.Equal([ProblemState.InProgress], seen.Actions.Transitions);
        Assert.False(seen.Actions.Assign);
        Assert.Equal(HttpStatusCode.OK, (await dept.PostJsonAsync($"/api/v1/problems/{id}/state", new ProblemStateDto(ProblemState.InProgress, null, 2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dept.PostJsonAsync($"/api/v1/problems/{id}/comments", new ProblemCommentDto("已与市自来水公司对接，本周完成接水方案"))).StatusCode);

        // Closing needs the resolution text; nothing changes without it.
        var noText = await dept.PostJsonAsync($"/api/v1/problems/{id}/state", new ProblemStateDto(ProblemState.Resolved, " ", 3));
        Assert.Equal(HttpStatusCode.BadRequest, noText.StatusCode);
        Assert.Contains("请填写解决情况", await noText.Content.ReadAsStringAsync());
        var resolved = await dept.PostJsonAsync($"/api/v1/problems/{id}/state", new ProblemStateDto(ProblemState.Resolved, "市自来水公司已接通 DN200 临时供水管", 3));
        Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
        var closed = await resolved.ReadAsync<ProblemDetailView>();
        Assert.Equal((ProblemState.Resolved, (DateOnly?)StoryDate, "市自来水公司已接通 DN200 临时供水管"), (closed.Row.State, closed.Row.ResolvedOn, closed.Resolution));
        Assert.Empty(closed.Actions.Transitions); // reopening is the supervisor's

        // An illegal step is refused naming the state and what may follow.
        var illegal = await supervisor.PostJsonAsync($"/api/v1/problems/{id}/state", new ProblemStateDto(ProblemState.Unresolvable, "无", 4));
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        Assert.Contains("问题当前为“已解决”，不能改为“无法解决”；可以改为：“办理中”", await illegal.Content.ReadAsStringAsync());

        // create, assign, accept, comment, resolve: five changes, five events.
        Assert.Equal(5, await EventsAsync(id));
        Assert.Equal(1, await EventsAsync(id, "problem.comment"));
        var journal = (await DetailAsync(supervisor, id)).Journal;
        Assert.Contains(journal, j => j.Text == "已与市自来水公司对接，本周完成接水方案" && j.Actor == "市交通运输局");
    }

    [Fact]
    public async Task A_stale_version_is_refused_naming_who_changed_it_and_nothing_is_overwritten()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var ledger = await (await supervisor.GetAsync("/api/v1/problems?category=Funding&state=Open")).ReadAsync<ProblemLedger>();
        var row = ledger.Rows.Single(r => r.ProjectName == "岷江会议会展中心");
        var first = await supervisor.PostJsonAsync($"/api/v1/problems/{row.Id}/comments", new ProblemCommentDto("请市财政局本周内答复"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJsonAsync($"/api/v1/problems/{row.Id}/escalations", new ProblemEscalateDto("资金缺口仍未落实，提交市级协调会", row.Version))).StatusCode);
        var stale = await supervisor.PostJsonAsync($"/api/v1/problems/{row.Id}/escalations", new ProblemEscalateDto("再次提级", row.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("该问题已由 supervisor 于", await stale.Content.ReadAsStringAsync());
        var after = await DetailAsync(supervisor, row.Id);
        Assert.Equal(3, after.Row.EscalationLevel);
        Assert.Equal(2, after.Escalations.Count);
        Assert.Equal(("资金缺口仍未落实，提交市级协调会", StoryDate), (after.Escalations[^1].Reason, after.Escalations[^1].On));
        Assert.False(after.Actions.Escalate); // the highest level
    }

    [Fact]
    public async Task Each_role_sees_its_own_problems_and_is_refused_the_rest_with_nothing_written()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var all = (await (await supervisor.GetAsync("/api/v1/problems")).ReadAsync<ProblemLedger>()).Rows;
        var bigData = all.Single(r => r.ProjectName == "大数据产业园一期");
        var demolition = all.Single(r => r.Description.StartsWith("K12+300"));

        // The department: assigned problems (even on others' projects) and its own projects' problems.
        var dept = await fx.Factory.SignInAsync("dept");
        var mine = (await (await dept.GetAsync("/api/v1/problems")).ReadAsync<ProblemLedger>()).Rows;
        Assert.Contains(mine, r => r.Description.StartsWith("跨岷江特大桥"));
        Assert.Contains(mine, r => r.ProjectName == "岷江综合客运枢纽");
        Assert.DoesNotContain(mine, r => r.ProjectName == "大数据产业园一期");
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/api/v1/problems/{bigData.Id}")).StatusCode);
        // On its project but assigned to 新城区: it may read and comment, not handle.
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PostJsonAsync($"/api/v1/problems/{demolition.Id}/state", new ProblemStateDto(ProblemState.Resolved, "已完成", demolition.Version))).StatusCode);

        // The owner: its own projects only; it may not close or escalate.
        var owner = await fx.Factory.SignInAsync("owner");
        var its = (await (await owner.GetAsync("/api/v1/problems")).ReadAsync<ProblemLedger>()).Rows;
        Assert.NotEmpty(its);
        Assert.All(its, r => Assert.Contains(r.ProjectName, new[] { "岷江高速公路东互通立交工程", "岷江至省会快速通道", "岷江综合客运枢纽" }));
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostJsonAsync($"/api/v1/problems/{demolition.Id}/escalations", new ProblemEscalateDto("请提级", demolition.Version))).StatusCode);
        var otherProject = await supervisor.IdOfAsync("大数据产业园一期");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostJsonAsync("/api/v1/problems", new ProblemInputDto(otherProject, ProblemCategory.Other, "越权登记", null, null, null, null, null, null))).StatusCode);

        // The admin roles hold no business data.
        var admin = await fx.Factory.SignInAsync("admin");
        Assert.Empty((await (await admin.GetAsync("/api/v1/problems")).ReadAsync<ProblemLedger>()).Rows);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/problems/{bigData.Id}")).StatusCode);

        // None of the refusals changed anything.
        var again = await DetailAsync(supervisor, demolition.Id);
        Assert.Equal((demolition.Version, demolition.State, demolition.EscalationLevel), (again.Row.Version, again.Row.State, again.Row.EscalationLevel));
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MilepostDb>().Problems.AnyAsync(p => p.Description == "越权登记"));
    }

    [Fact]
    public async Task The_ledger_filters_and_counts_per_department()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        async Task<ProblemLedger> Ledger(string q) => await (await supervisor.GetAsync("/api/v1/problems" + q)).ReadAsync<ProblemLedger>();

        var overdue = await Ledger("?overdue=true");
        Assert.NotEmpty(overdue.Rows);
        Assert.All(overdue.Rows, r => Assert.True(r.DaysOverdue > 0 && r.State is ProblemState.Open or ProblemState.InProgress));
        Assert.Contains(overdue.Rows, r => r.Description.StartsWith("跨岷江特大桥") && r.DaysOverdue == 6);

        var health = await UnitIdAsync("市卫生健康委");
        var byDept = await Ledger($"?departmentId={health}");
        Assert.Equal(2, byDept.Rows.Count);
        var summary = byDept.Departments.Single(d => d.Department == "市卫生健康委");
        // 康养 open and 9 days overdue; 人民医院 resolved in 41 days (3-10 → 4-20).
        Assert.Equal((1, 1, 1, 0, (double?)41), (summary.Open, summary.Overdue, summary.Resolved, summary.Unresolvable, summary.AverageDaysToResolve));

        var leader = (await Ledger("?category=Land&state=Open")).Rows;
        Assert.All(leader, r => Assert.Equal((ProblemCategory.Land, ProblemState.Open), (r.Category, r.State)));
        Assert.Contains(leader, r => r.Description.StartsWith("园区道路红线内"));
        Assert.Equal(10, (await Ledger("")).EscalationDays);
    }

    [Fact]
    public async Task Closing_an_overdue_problem_takes_it_out_of_the_project_warning()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        static bool Flagged(Features.Projects.ProjectRow p) => p.Warning!.Reasons.Any(r => r.RuleId.StartsWith("problem.", StringComparison.Ordinal));
        Assert.True(Flagged((await supervisor.ListAsync("q=城区供水管网")).Items.Single()));

        var row = (await (await supervisor.GetAsync("/api/v1/problems?overdue=true")).ReadAsync<ProblemLedger>()).Rows.Single(r => r.ProjectName == "城区供水管网改造工程");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJsonAsync($"/api/v1/problems/{row.Id}/state", new ProblemStateDto(ProblemState.InProgress, null, row.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostJsonAsync($"/api/v1/problems/{row.Id}/state",
            new ProblemStateDto(ProblemState.Unresolvable, "地铁管线迁改工期无法调整，已改为分段错峰施工并纳入倒排计划", row.Version + 1))).StatusCode);

        Assert.False(Flagged((await supervisor.ListAsync("q=城区供水管网")).Items.Single()));
    }

    [Fact]
    public async Task A_leader_comments_and_a_problem_raised_from_a_report_must_name_a_report_of_that_project()
    {
        var leader = await fx.Factory.SignInAsync("leader");
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var row = (await (await leader.GetAsync("/api/v1/problems?state=InProgress")).ReadAsync<ProblemLedger>()).Rows.First();
        var detail = await DetailAsync(leader, row.Id);
        Assert.True(detail.Actions.Comment);
        Assert.Empty(detail.Actions.Transitions);
        Assert.False(detail.Actions.Escalate || detail.Actions.Assign);
        var commented = await leader.PostJsonAsync($"/api/v1/problems/{row.Id}/comments", new ProblemCommentDto("请相关单位本周内拿出解决方案"));
        Assert.Contains((await commented.ReadAsync<ProblemDetailView>()).Journal, j => j.Actor == "陈宇航 副市长" && j.Text == "请相关单位本周内拿出解决方案");

        long reportOfAnother, project;
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            project = await supervisor.IdOfAsync("岷江综合客运枢纽");
            reportOfAnother = await db.MonthlyReports.Where(r => r.ProjectId != project).Select(r => r.Id).FirstAsync();
        }
        var wrong = await supervisor.PostJsonAsync("/api/v1/problems", new ProblemInputDto(project, ProblemCategory.Other, "来自月报的问题", reportOfAnother, null, null, null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("所选月报不属于该项目", await wrong.Content.ReadAsStringAsync());
    }
}
