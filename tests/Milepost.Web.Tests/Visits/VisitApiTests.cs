using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Problems;
using Milepost.Core.Supervision;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Visits;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Visits;

public sealed class VisitFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Recording visits, passing findings on in one step, and who may see and do what.</summary>
public sealed class VisitApiTests(VisitFixture fx) : IClassFixture<VisitFixture>
{
    private async Task<long> LeaderIdAsync(string name)
    {
        using var scope = fx.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().Leaders.Where(l => l.Name == name).Select(l => l.Id).SingleAsync();
    }

    private async Task<T> InDbAsync<T>(Func<MilepostDb, Task<T>> f)
    {
        using var scope = fx.Factory.Services.CreateScope();
        return await f(scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    private async Task<VisitView> RecordAsync(HttpClient client, string lead, string project, params string[] findings)
    {
        var projectId = await client.IdOfAsync(project);
        var response = await client.PostJsonAsync("/api/v1/visits", new VisitInputDto(await LeaderIdAsync(lead), [], new DateOnly(2020, 6, 10), [projectId],
            "现场督导情况：" + string.Join("；", findings), findings.Select(f => new FindingDto(null, f, projectId)).ToList(), null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadAsync<VisitView>();
    }

    [Fact]
    public async Task Leader_RecordsTheirOwnVisitWithAnotherLeader_AndItIsAudited()
    {
        var client = await fx.Factory.SignInAsync("leader");
        var chen = await LeaderIdAsync("陈宇航");
        var zhao = await LeaderIdAsync("赵明辉");
        var project = await client.IdOfAsync("大数据产业园一期");
        var response = await client.PostJsonAsync("/api/v1/visits", new VisitInputDto(chen, [zhao], new DateOnly(2020, 6, 8), [project],
            "数据中心机房建设加快，但园区道路尚未贯通。", [new FindingDto(null, "园区道路尚未贯通，要求 7 月底前通车", project)], null));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var visit = await response.ReadAsync<VisitView>();
        Assert.Equal(["陈宇航副市长", "赵明辉市委副书记、市长"], visit.Leaders.Select(l => l.Name));
        Assert.Equal("大数据产业园一期", Assert.Single(visit.Projects).Name);
        Assert.Equal("leader", visit.RecordedBy);
        var audit = await InDbAsync(db => db.AuditEvents.SingleAsync(e => e.Entity == "Visit" && e.EntityId == visit.Id.ToString()));
        Assert.Equal(("visit.create", "leader"), (audit.Action, audit.Actor));
        Assert.Contains("园区道路尚未贯通", audit.After);
    }

    [Fact]
    public async Task Leader_CannotRecordAVisitTheyDidNotTakePartIn()
    {
        var client = await fx.Factory.SignInAsync("leader");
        var before = await InDbAsync(db => db.Visits.CountAsync());
        var response = await client.PostJsonAsync("/api/v1/visits", new VisitInputDto(await LeaderIdAsync("孙立群"), [], new DateOnly(2020, 6, 8),
            [await client.IdOfAsync("岷江至省会快速通道")], "征地拆迁推进情况", [], null));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("本人", (await response.ReadAsync<ErrorBody>()).Message);
        Assert.Equal(before, await InDbAsync(db => db.Visits.CountAsync()));
    }

    [Fact]
    public async Task Record_WithAFutureDateAndAFindingOnAnotherProject_IsRefusedNamingTheFields()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var visited = await client.IdOfAsync("职业教育园区");
        var other = await client.IdOfAsync("滨江生态湿地公园");
        var response = await client.PostJsonAsync("/api/v1/visits", new VisitInputDto(await LeaderIdAsync("黄振邦"), [], new DateOnly(2020, 6, 12), [visited],
            "林地手续", [new FindingDto(null, "湿地公园绿化", other)], null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<ErrorBody>()).Errors;
        Assert.Contains(errors, e => e.Field == "Date" && e.Message.Contains("不能晚于今天"));
        Assert.Contains(errors, e => e.Field == "FindingItems[0]" && e.Message.Contains("第 1 条"));
    }

    [Fact]
    public async Task Finding_BecomesAProblemInOneStep_OnlyOnce()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var visit = await RecordAsync(client, "孙立群", "岷江至省会快速通道", "K13 段 5 户房屋征收协议未签订");
        var finding = Assert.Single(visit.FindingItems);
        var problemsBefore = await InDbAsync(db => db.Problems.CountAsync());

        var response = await client.PostJsonAsync($"/api/v1/visits/{visit.Id}/findings/{finding.Id}/problem",
            new ToProblemDto(ProblemCategory.Demolition, new DateOnly(2020, 7, 10), visit.Version));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<ConvertedDto>();
        Assert.Equal($"/problems/{created.Id}", created.Url);

        var problem = await InDbAsync(db => db.Problems.SingleAsync(p => p.Id == created.Id));
        var project = await InDbAsync(db => db.Projects.SingleAsync(p => p.Name == "岷江至省会快速通道"));
        Assert.Equal("K13 段 5 户房屋征收协议未签订", problem.Description);
        Assert.Equal((ProblemState.Open, ProblemCategory.Demolition, visit.Id), (problem.State, problem.Category, problem.VisitId!.Value));
        Assert.Equal(project.ResponsibleUnitId, problem.ResponsibleUnitId);
        Assert.Equal(await LeaderIdAsync("孙立群"), problem.CoordinatingLeaderId);
        Assert.Equal(new DateOnly(2020, 7, 10), problem.Deadline);
        var actions = await InDbAsync(db => db.AuditEvents.Where(e => (e.Entity == "Problem" && e.EntityId == created.Id.ToString())
            || (e.Entity == "Visit" && e.EntityId == visit.Id.ToString())).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        Assert.Equal(["visit.create", "problem.create", "visit.finding.to-problem"], actions);

        var after = await (await client.GetAsync($"/api/v1/visits/{visit.Id}")).ReadAsync<VisitView>();
        Assert.Equal(created.Id, after.FindingItems[0].ProblemId);
        // A second conversion, either way, is refused and creates nothing.
        var again = await client.PostJsonAsync($"/api/v1/visits/{visit.Id}/findings/{finding.Id}/supervision-item",
            new ToSupervisionDto(null, new DateOnly(2020, 7, 10), after.Version));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains($"已转为问题（编号 {created.Id}）", Assert.Single((await again.ReadAsync<ErrorBody>()).Errors).Message);
        Assert.Equal(problemsBefore + 1, await InDbAsync(db => db.Problems.CountAsync()));
    }

    [Fact]
    public async Task Finding_BecomesADraftSupervisionItem_LedByTheProjectsResponsibleUnit()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var visit = await RecordAsync(client, "刘静怡", "国际体育赛事中心", "钢结构吊装交叉作业安全措施不到位");
        var response = await client.PostJsonAsync($"/api/v1/visits/{visit.Id}/findings/{visit.FindingItems[0].Id}/supervision-item",
            new ToSupervisionDto(null, new DateOnly(2020, 6, 30), visit.Version));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.ReadAsync<ConvertedDto>()).Id;
        var item = await InDbAsync(db => db.SupervisionItems.Include(i => i.Entries).Include(i => i.Projects).SingleAsync(i => i.Id == id));
        var project = await InDbAsync(db => db.Projects.SingleAsync(p => p.Name == "国际体育赛事中心"));
        Assert.Equal((SupervisionSource.Visit, SupervisionState.Draft), (item.Source, item.State));
        Assert.Equal("钢结构吊装交叉作业安全措施不到位", item.Content);
        Assert.Contains("刘静怡", item.SourceText);
        Assert.Equal(project.ResponsibleUnitId, item.LeadUnitId);
        Assert.Equal(project.Id, Assert.Single(item.Projects).ProjectId);
        Assert.Single(item.Entries);
        Assert.Equal(await LeaderIdAsync("刘静怡"), item.LeaderId);
    }

    [Fact]
    public async Task Conversion_WithAPastDeadline_OrAStaleVersion_WritesNothing()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var visit = await RecordAsync(client, "黄振邦", "城区供水管网改造工程", "管线迁改方案论证未完成");
        var url = $"/api/v1/visits/{visit.Id}/findings/{visit.FindingItems[0].Id}/problem";
        var past = await client.PostJsonAsync(url, new ToProblemDto(ProblemCategory.Construction, new DateOnly(2020, 6, 1), visit.Version));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal("Deadline", Assert.Single((await past.ReadAsync<ErrorBody>()).Errors).Field);

        var edit = await client.PutJsonAsync($"/api/v1/visits/{visit.Id}", new VisitInputDto(visit.LeadLeaderId, [], visit.Date, [visit.Projects[0].Id],
            visit.Findings + "（补充）", [new FindingDto(visit.FindingItems[0].Id, visit.FindingItems[0].Text, visit.Projects[0].Id)], visit.Version));
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        var stale = await client.PostJsonAsync(url, new ToProblemDto(ProblemCategory.Construction, new DateOnly(2020, 7, 1), visit.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("supervisor", (await stale.ReadAsync<ErrorBody>()).Message);
        Assert.False(await InDbAsync(db => db.Problems.AnyAsync(p => p.VisitId == visit.Id)));
    }

    [Fact]
    public async Task Department_SeesOnlyVisitsToItsProjects()
    {
        var dept = await fx.Factory.SignInAsync("dept");
        var rows = await (await dept.GetAsync("/api/v1/visits")).ReadAsync<List<VisitRow>>();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotEmpty(r.Projects));
        Assert.DoesNotContain(rows, r => r.Projects.Any(p => p.Name == "大数据产业园一期"));
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var all = await (await supervisor.GetAsync("/api/v1/visits")).ReadAsync<List<VisitRow>>();
        var foreign = all.First(r => r.Projects.Any(p => p.Name == "大数据产业园一期") && r.Projects.Count == 1);
        var response = await dept.GetAsync($"/api/v1/visits/{foreign.Id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("大数据", await response.Content.ReadAsStringAsync());
        // The page answers the same way: a 404 that does not name the visit's project.
        var pageResponse = await dept.GetAsync($"/visits/{foreign.Id}");
        Assert.Equal(HttpStatusCode.NotFound, pageResponse.StatusCode);
        Assert.DoesNotContain("大数据产业园一期", await pageResponse.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AVisitAlsoToOtherUnitsProjects_ShowsAUnitOnlyTheFindingsAboutItsOwn()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var all = await (await supervisor.GetAsync("/api/v1/visits")).ReadAsync<List<VisitRow>>();
        foreach (var user in new[] { "dept", "owner" })
        {
            var client = await fx.Factory.SignInAsync(user);
            var mine = await (await client.GetAsync("/api/v1/visits")).ReadAsync<List<VisitRow>>();
            // A visit the unit may open that also went to a project the unit may not see.
            var mixed = mine.FirstOrDefault(r => all.Single(a => a.Id == r.Id).Projects.Count > r.Projects.Count);
            Assert.True(mixed is not null, $"the demo has no visit that {user} shares with another unit");
            var full = await (await supervisor.GetAsync($"/api/v1/visits/{mixed!.Id}")).ReadAsync<VisitView>();
            var seen = await (await client.GetAsync($"/api/v1/visits/{mixed.Id}")).ReadAsync<VisitView>();
            var own = seen.Projects.Select(p => p.Id).ToHashSet();
            Assert.All(seen.FindingItems, f => Assert.True(f.ProjectId is null || own.Contains(f.ProjectId.Value), $"{user} sees the finding “{f.Text}”"));
            Assert.True(seen.FindingItems.Count < full.FindingItems.Count);
            Assert.NotEqual(full.Findings, seen.Findings);
            Assert.Contains("其他单位的项目", seen.Findings);
            Assert.Equal(seen.FindingItems.Count, mixed.FindingCount);
        }
    }

    [Fact]
    public async Task List_FiltersByLeaderAndDateRange_LatestFirst()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var zhao = await LeaderIdAsync("赵明辉");
        var rows = await (await client.GetAsync($"/api/v1/visits?leaderId={zhao}&from=2020-06-01&to=2020-06-06")).ReadAsync<List<VisitRow>>();
        var panda = Assert.Single(rows);
        Assert.Equal(new DateOnly(2020, 6, 5), panda.Date);
        Assert.Equal(3, panda.FindingCount);
        Assert.Equal(2, panda.ConvertedCount);
        var all = await (await client.GetAsync("/api/v1/visits")).ReadAsync<List<VisitRow>>();
        Assert.Equal(all.Select(r => r.Date).OrderDescending(), all.Select(r => r.Date));
    }

    [Fact]
    public async Task LeaderPage_ShowsTheirProjectsWithWarnings_TheirProblemsItemsAndVisits_AndNoOneElses()
    {
        var client = await fx.Factory.SignInAsync("leader");
        var chen = await LeaderIdAsync("陈宇航");
        var response = await client.GetAsync($"/api/v1/leaders/{chen}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var o = await response.ReadAsync<LeaderOverviewDto>();
        Assert.Equal(["产城融合板块"], o.Programmes);
        Assert.Equal(new[] { "大数据产业园一期", "岷江会议会展中心", "熊猫新城起步区开发建设", "新能源汽车零部件产业园" }.Order(StringComparer.Ordinal),
            o.Projects.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(o.Projects, p => Assert.NotNull(p.Warning));
        Assert.Contains(o.Problems, p => p.Description.StartsWith("起步区安置房用地", StringComparison.Ordinal));
        Assert.Contains(o.Problems, p => p.Description == "专项债资金 2 亿元尚未到位");
        Assert.Contains(o.Items, i => i.Content.StartsWith("会展中心幕墙", StringComparison.Ordinal));
        Assert.DoesNotContain(o.Items, i => i.State == SupervisionState.Closed);
        Assert.Equal(o.Visits.Select(v => v.Date).OrderDescending(), o.Visits.Select(v => v.Date));
        Assert.Contains(o.Visits, v => v.Date == new DateOnly(2020, 6, 5));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/leaders/{await LeaderIdAsync("孙立群")}")).StatusCode);
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/leaders/{await LeaderIdAsync("孙立群")}")).StatusCode);
    }
}
