using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Supervision;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Supervision;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Supervision;

public sealed class SupervisionFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        await Factory.InitializeAccountsAsync();
        foreach (var user in new[] { "supervisor", "leader", "dept", "owner", "admin" })
            Clients[user] = await Factory.SignInAsync(user);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public async Task<T> DbAsync<T>(Func<MilepostDb, Task<T>> f)
    {
        using var scope = Factory.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    public Task<long> UnitAsync(string name) => DbAsync(db => db.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    public Task<long> ItemAsync(string content) => DbAsync(db => db.SupervisionItems.Where(i => i.Content == content).Select(i => i.Id).SingleAsync());

    public Task<List<Core.Audit.AuditEvent>> AuditAsync(long id) =>
        DbAsync(db => db.AuditEvents.Where(e => e.Entity == "SupervisionItem" && e.EntityId == id.ToString()).OrderBy(e => e.Sequence).ToListAsync());
}

/// <summary>Supervision items over /api/v1/supervision: the whole workflow, its refusals, scopes and audit events.</summary>
public sealed class SupervisionApiTests(SupervisionFixture fx) : IClassFixture<SupervisionFixture>
{
    private static readonly DateOnly Today = new(2020, 6, 11); // the demo's pinned date

    private async Task<SupervisionCreateDto> NewItemAsync(string content, bool assign = true, string lead = "市交通运输局", string[]? cooperating = null) =>
        new(SupervisionSource.Meeting, "市重点项目推进会议（2020年第三次）", content, await fx.UnitAsync(lead),
            [.. await Task.WhenAll((cooperating ?? []).Select(fx.UnitAsync))], Today.AddDays(20), [], null, null, assign);

    private async Task<SupervisionDetail> CreateAsync(SupervisionCreateDto dto, string user = "supervisor")
    {
        var response = await fx.Clients[user].PostJsonAsync("/api/v1/supervision", dto);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<SupervisionDetail>();
    }

    private Task<HttpResponseMessage> StepAsync(string user, SupervisionDetail item, SupervisionEntryKind action, string? text = null,
        SupervisionEvaluation? evaluation = null, long? version = null) =>
        fx.Clients[user].PostJsonAsync($"/api/v1/supervision/{item.Id}/steps", new SupervisionStepDto(action, text, evaluation, version ?? item.Version));

    private async Task<SupervisionDetail> OkStepAsync(string user, SupervisionDetail item, SupervisionEntryKind action, string? text = null, SupervisionEvaluation? evaluation = null)
    {
        var response = await StepAsync(user, item, action, text, evaluation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{user} {action}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<SupervisionDetail>();
    }

    [Fact]
    public async Task FullWorkflow_AssignAcceptFeedbackReturnAgainAndClose_EachStepOneAuditEvent()
    {
        var item = await CreateAsync(await NewItemAsync("完成快速通道三期用地组卷报批"));
        Assert.Equal(SupervisionState.Assigned, item.State);
        Assert.Equal("市委督查室 李督查", item.CreatedBy);
        Assert.Equal([SupervisionEntryKind.Urge, SupervisionEntryKind.Note], item.AvailableActions);

        // The lead unit finds it in its inbox, to accept.
        var inbox = await (await fx.Clients["dept"].GetAsync("/api/v1/supervision/inbox")).ReadAsync<SupervisionInbox>();
        Assert.Contains(inbox.Sections.Single(s => s.Key == "accept").Items, r => r.Id == item.Id);

        item = await OkStepAsync("dept", await GetAsync("dept", item.Id), SupervisionEntryKind.Accept);
        item = await OkStepAsync("dept", item, SupervisionEntryKind.Feedback, "已完成组卷，报省自然资源厅审查。");
        item = await OkStepAsync("supervisor", item, SupervisionEntryKind.Return, "请补充征地补偿安置方案批复情况。");
        Assert.Equal(SupervisionState.Returned, item.State);
        item = await OkStepAsync("dept", await GetAsync("dept", item.Id), SupervisionEntryKind.Accept);
        item = await OkStepAsync("dept", item, SupervisionEntryKind.Feedback, "补偿安置方案已于 6 月 18 日批复。");
        item = await OkStepAsync("supervisor", item, SupervisionEntryKind.Close, "按期办结。", SupervisionEvaluation.BasicallySatisfied);

        Assert.Equal(SupervisionState.Closed, item.State);
        Assert.Equal(SupervisionEvaluation.BasicallySatisfied, item.Evaluation);
        Assert.Equal("按期办结。", item.EvaluationComment);
        Assert.Equal(Today, item.ClosedOn);
        Assert.Empty(item.AvailableActions);
        Assert.Equal(
            [SupervisionEntryKind.Assign, SupervisionEntryKind.Accept, SupervisionEntryKind.Feedback, SupervisionEntryKind.Return,
             SupervisionEntryKind.Accept, SupervisionEntryKind.Feedback, SupervisionEntryKind.Close],
            item.Entries.Select(e => e.Kind));
        Assert.Equal("市交通运输局", item.Entries[1].By);
        Assert.Equal("市交通运输局", item.Entries[1].ByUnitName);
        Assert.Equal("请补充征地补偿安置方案批复情况。", item.Entries[3].Text);

        var audit = await fx.AuditAsync(item.Id);
        Assert.Equal(
            ["supervision.create", "supervision.accept", "supervision.feedback", "supervision.return", "supervision.accept", "supervision.feedback", "supervision.close"],
            audit.Select(a => a.Action));
        Assert.Equal(["supervisor", "dept", "dept", "supervisor", "dept", "dept", "supervisor"], audit.Select(a => a.Actor));
        Assert.Contains("\"State\":\"Feedback\"", audit[^1].Before);
        Assert.Contains("\"State\":\"Closed\"", audit[^1].After);
        Assert.Contains("BasicallySatisfied", audit[^1].After);
    }

    private async Task<SupervisionDetail> GetAsync(string user, long id) =>
        await (await fx.Clients[user].GetAsync($"/api/v1/supervision/{id}")).ReadAsync<SupervisionDetail>();

    [Fact]
    public async Task IllegalStep_IsRefusedWithTheStateAndTheAllowedSteps_AndNothingIsWritten()
    {
        var item = await CreateAsync(await NewItemAsync("督促沿线管线迁改"));
        var response = await StepAsync("dept", item, SupervisionEntryKind.Feedback, "已完成");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadAsync<ErrorBody>()).Errors);
        Assert.Equal("Action", error.Field);
        Assert.Equal("事项当前为“已交办”状态，不能反馈；当前可以进行的操作：承办、催办、备注", error.Message);

        // Closing needs feedback first, and then an evaluation.
        response = await StepAsync("supervisor", item, SupervisionEntryKind.Close, null, SupervisionEvaluation.Satisfied);
        Assert.Contains("不能办结", await response.Content.ReadAsStringAsync());
        item = await OkStepAsync("dept", await GetAsync("dept", item.Id), SupervisionEntryKind.Accept);
        item = await OkStepAsync("dept", item, SupervisionEntryKind.Feedback, "已完成迁改");
        response = await StepAsync("supervisor", item, SupervisionEntryKind.Close);
        Assert.Equal("Evaluation", Assert.Single((await response.ReadAsync<ErrorBody>()).Errors).Field);
        response = await StepAsync("supervisor", item, SupervisionEntryKind.Close, null, SupervisionEvaluation.Unsatisfied);
        Assert.Equal("评价为“不满意”时请填写评价意见", Assert.Single((await response.ReadAsync<ErrorBody>()).Errors).Message);
        response = await StepAsync("dept", item, SupervisionEntryKind.Feedback, null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        Assert.Equal(SupervisionState.Feedback, (await GetAsync("supervisor", item.Id)).State);
        Assert.Equal(3, (await fx.AuditAsync(item.Id)).Count);
    }

    [Theory]
    [InlineData("dept", SupervisionEntryKind.Close)]
    [InlineData("dept", SupervisionEntryKind.Return)]
    [InlineData("dept", SupervisionEntryKind.Urge)]
    [InlineData("leader", SupervisionEntryKind.Accept)]
    [InlineData("leader", SupervisionEntryKind.Assign)]
    [InlineData("supervisor", SupervisionEntryKind.Accept)]
    public async Task StepsOfAnotherRole_AreForbidden(string user, SupervisionEntryKind action)
    {
        var item = await CreateAsync(await NewItemAsync($"权限检查事项 {user} {action}"));
        var response = await StepAsync(user, item, action, "说明", SupervisionEvaluation.Satisfied);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Single(await fx.AuditAsync(item.Id));
    }

    [Fact]
    public async Task CooperatingUnit_SeesTheItemAndAddsNotes_ButCannotAcceptIt()
    {
        var item = await CreateAsync(await NewItemAsync("新城区牵头完成快速通道沿线绿化迁移", lead: "新城区人民政府", cooperating: ["市交通运输局"]));
        var seen = await GetAsync("dept", item.Id);
        Assert.Equal([SupervisionEntryKind.Note], seen.AvailableActions);
        Assert.Equal(HttpStatusCode.Forbidden, (await StepAsync("dept", seen, SupervisionEntryKind.Accept)).StatusCode);
        var noted = await OkStepAsync("dept", seen, SupervisionEntryKind.Note, "我局已协调交警部门配合夜间施工。");
        Assert.Equal(SupervisionState.Assigned, noted.State);
        var inbox = await (await fx.Clients["dept"].GetAsync("/api/v1/supervision/inbox")).ReadAsync<SupervisionInbox>();
        Assert.Contains(inbox.Sections.Single(s => s.Key == "cooperate").Items, r => r.Id == item.Id);
    }

    [Fact]
    public async Task Urge_RecordsWhoAndWhen_AndLeavesTheState()
    {
        var item = await CreateAsync(await NewItemAsync("督促完成枢纽站房幕墙招标"));
        var urged = await OkStepAsync("leader", item, SupervisionEntryKind.Urge);
        var urge = urged.Entries.Last();
        Assert.Equal(SupervisionEntryKind.Urge, urge.Kind);
        Assert.Equal("陈宇航 副市长", urge.By);
        Assert.Equal("请抓紧办理，按期反馈办理情况。", urge.Text);
        var audit = (await fx.AuditAsync(item.Id)).Last();
        Assert.Equal("supervision.urge", audit.Action);
        // The same instant as the audit event (which keeps microseconds).
        Assert.True(Math.Abs((audit.TimeUtc - urge.At).TotalMilliseconds) < 0.001, $"{audit.TimeUtc:O} vs {urge.At:O}");
        Assert.Equal(SupervisionState.Assigned, urged.State);
    }

    [Fact]
    public async Task Department_SeesOnlyItsOwnAndCooperatingItems_AndNoDrafts()
    {
        var draft = await CreateAsync(await NewItemAsync("草稿：交通运输局待交办事项", assign: false));
        Assert.Equal(SupervisionState.Draft, draft.State);
        var other = await fx.ItemAsync("督促会展中心倒排工期，确保年底主体结构完工"); // 市商务局's
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["dept"].GetAsync($"/api/v1/supervision/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fx.Clients["dept"].GetAsync($"/api/v1/supervision/{draft.Id}")).StatusCode);
        var response = await fx.Clients["dept"].PostJsonAsync($"/api/v1/supervision/{other}/steps",
            new SupervisionStepDto(SupervisionEntryKind.Note, "越权备注", null, 1));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("会展中心", await response.Content.ReadAsStringAsync());

        var page = await (await fx.Clients["dept"].GetAsync("/api/v1/supervision?pageSize=200")).ReadAsync<SupervisionPage>();
        var unit = await fx.UnitAsync("市交通运输局");
        var expected = await fx.DbAsync(db => db.SupervisionItems.CountAsync(i => i.State != SupervisionState.Draft
            && (i.LeadUnitId == unit || i.CooperatingUnits.Any(u => u.UnitId == unit))));
        Assert.Equal(expected, page.Total);
        Assert.DoesNotContain(page.Items, r => r.Id == other || r.Id == draft.Id);
        Assert.True(page.Total > 5);

        // Owners and the admin roles have nothing to do with supervision items.
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Clients["owner"].GetAsync("/api/v1/supervision")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Clients["admin"].GetAsync($"/api/v1/supervision/{other}")).StatusCode);
    }

    [Fact]
    public async Task Inbox_PutsItemsToAcceptFirst_OverdueOnesAtTheTop()
    {
        var inbox = await (await fx.Clients["dept"].GetAsync("/api/v1/supervision/inbox")).ReadAsync<SupervisionInbox>();
        Assert.Equal(["accept", "progress", "feedback", "cooperate"], inbox.Sections.Select(s => s.Key));
        var accept = inbox.Sections[0].Items;
        Assert.Equal("协调省交通运输厅，6 月 5 日前取得快速通道二期初步设计批复", accept[0].Content);
        Assert.Equal(6, accept[0].OverdueDays);
        Assert.Equal(1, accept[0].UrgeCount);
        Assert.All(accept, r => Assert.Equal(SupervisionState.Assigned, r.State));
        var progress = inbox.Sections[1].Items;
        Assert.Contains(progress, r => r.State == SupervisionState.Returned);
        Assert.Equal(1, progress[0].OverdueDays); // the ramp bridge, a day late
    }

    [Fact]
    public async Task Ledger_CountsByState_AndFiltersOverdue()
    {
        var all = await (await fx.Clients["supervisor"].GetAsync("/api/v1/supervision?pageSize=200")).ReadAsync<SupervisionPage>();
        var overdue = await (await fx.Clients["supervisor"].GetAsync("/api/v1/supervision?overdue=true&pageSize=200")).ReadAsync<SupervisionPage>();
        Assert.Equal(all.Total, all.CountsByState.Values.Sum());
        Assert.Equal(all.OverdueCount, overdue.Total);
        Assert.All(overdue.Items, r => Assert.True(r.OverdueDays > 0 && r.State != SupervisionState.Closed));
        Assert.Contains(overdue.Items, r => r.Content.StartsWith("协调省交通运输厅"));
        var closed = await (await fx.Clients["supervisor"].GetAsync("/api/v1/supervision?state=Closed")).ReadAsync<SupervisionPage>();
        Assert.All(closed.Items, r => Assert.Equal(SupervisionState.Closed, r.State));
        Assert.Equal(all.CountsByState[SupervisionState.Closed], closed.Total);
    }

    [Fact]
    public async Task Leader_CreatesFromAnInstruction_AsADraftForTheOffice()
    {
        var dto = await NewItemAsync("请交通运输局研究综合客运枢纽公交接驳方案", assign: false) with { Source = SupervisionSource.Instruction, SourceText = "陈宇航副市长批示：请研究公交接驳。" };
        var item = await CreateAsync(dto, "leader");
        Assert.Equal(SupervisionState.Draft, item.State);
        Assert.Equal("陈宇航 副市长", item.LeaderName);
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Clients["leader"].PostJsonAsync("/api/v1/supervision", dto with { Assign = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await fx.Clients["dept"].PostJsonAsync("/api/v1/supervision", dto)).StatusCode);
        // The office assigns it.
        var assigned = await OkStepAsync("supervisor", await GetAsync("supervisor", item.Id), SupervisionEntryKind.Assign);
        Assert.Equal(SupervisionState.Assigned, assigned.State);
    }

    [Fact]
    public async Task Create_InvalidInput_NamesEachField_AndWritesNothing()
    {
        var before = await fx.DbAsync(db => db.SupervisionItems.CountAsync());
        var response = await fx.Clients["supervisor"].PostJsonAsync("/api/v1/supervision",
            new SupervisionCreateDto(SupervisionSource.Instruction, null, " ", null, null, Today.AddDays(-1), null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<ErrorBody>()).Errors;
        Assert.Equal(["Content", "SourceText", "LeaderId", "LeadUnitId", "Deadline"], errors.Select(e => e.Field));
        Assert.Contains(errors, e => e.Message == "办理时限不能早于今天（2020年6月11日）");
        Assert.Equal(before, await fx.DbAsync(db => db.SupervisionItems.CountAsync()));
    }

    [Fact]
    public async Task MeetingMinutes_SplitIntoSeveralItems_AreCreatedAllOrNone()
    {
        var jt = await fx.UnitAsync("市交通运输局");
        var inputs = MeetingMinutes.Split("会议议定：\n一、完成枢纽站前广场设计\n二、落实枢纽配套资金\n三、开展枢纽交通影响评价")
            .Select((c, n) => new SupervisionInput
            {
                Source = SupervisionSource.Meeting, SourceText = "枢纽专题会", Content = c, LeadUnitId = n == 2 ? 0 : jt, Deadline = Today.AddDays(30),
            }).ToList();
        var supervisor = new Actor("supervisor", "市委督查室 李督查", new HashSet<string> { Roles.Supervisor }, null, null);
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var commands = scope.ServiceProvider.GetRequiredService<SupervisionCommands>();
            var e = await Assert.ThrowsAsync<ValidationException>(() => commands.CreateAsync(supervisor, inputs, assign: true));
            Assert.Equal("Items[2].LeadUnitId", Assert.Single(e.Errors).Field);
            Assert.Equal("第 3 项：请选择牵头单位", e.Errors[0].MessageZh);
        }
        Assert.Equal(0, await fx.DbAsync(db => db.SupervisionItems.CountAsync(i => i.Content == "完成枢纽站前广场设计")));

        inputs[2] = inputs[2] with { LeadUnitId = jt };
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var ids = await scope.ServiceProvider.GetRequiredService<SupervisionCommands>().CreateAsync(supervisor, inputs, assign: true);
            Assert.Equal(3, ids.Count);
            foreach (var id in ids) Assert.Equal("supervision.create", Assert.Single(await fx.AuditAsync(id)).Action);
        }
    }

    [Fact]
    public async Task StaleVersion_IsRefusedNamingWhoActed()
    {
        var item = await CreateAsync(await NewItemAsync("督促完成枢纽地下通道防水工程"));
        await OkStepAsync("leader", item, SupervisionEntryKind.Urge);
        var response = await StepAsync("supervisor", item, SupervisionEntryKind.Urge, "再次催办");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("leader", (await response.ReadAsync<ErrorBody>()).Message);
        Assert.Equal(2, (await fx.AuditAsync(item.Id)).Count);
    }

    [Fact]
    public async Task Drafts_AreEditedByTheOffice_OnlyWhileDrafts()
    {
        var draft = await CreateAsync(await NewItemAsync("督促完成枢纽配套道路征地", assign: false));
        var dto = await NewItemAsync("督促 6 月底前完成枢纽配套道路征地", assign: false) with { Version = draft.Version };
        var response = await fx.Clients["supervisor"].PutJsonAsync($"/api/v1/supervision/{draft.Id}", dto);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var edited = await response.ReadAsync<SupervisionDetail>();
        Assert.Equal("督促 6 月底前完成枢纽配套道路征地", edited.Content);
        Assert.Equal("supervision.update", (await fx.AuditAsync(draft.Id)).Last().Action);

        var assigned = await OkStepAsync("supervisor", edited, SupervisionEntryKind.Assign);
        response = await fx.Clients["supervisor"].PutJsonAsync($"/api/v1/supervision/{draft.Id}", dto with { Version = assigned.Version });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("只有草稿可以修改", await response.Content.ReadAsStringAsync());
    }
}
