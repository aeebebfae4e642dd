using System.Net;
using Milepost.Core.Scheduling;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Projects;

public sealed class NodeFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Editing time nodes reschedules the project, names what moved, and refuses cycles and trespass.</summary>
public sealed class NodeApiTests(NodeFixture fx) : IClassFixture<NodeFixture>
{
    private static NodeInputDto Dto(NodeView n) => new(n.Name, n.Kind, n.DurationDays, n.PlannedStart, n.PlannedFinish, n.ActualStart, n.ActualFinish,
        n.Deadline, null, null, 1, null, [.. n.Predecessors], n.Version);

    private static async Task<ScheduleView> ScheduleAsync(HttpClient client, long id) => await (await client.GetAsync($"/api/v1/projects/{id}/schedule")).ReadAsync<ScheduleView>();

    [Fact]
    public async Task Schedule_OfADemoProject_HasACriticalChainToTheTarget()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var id = await client.IdOfAsync("岷江高速公路东互通立交工程");
        var s = await ScheduleAsync(client, id);
        Assert.Equal(new DateOnly(2020, 6, 11), s.DataDate);
        Assert.Equal(new DateOnly(2021, 6, 30), s.Target);
        var completion = s.Nodes.Single(n => n.Name == "竣工验收");
        Assert.True(completion.Critical);
        Assert.Equal(s.Target, completion.LateFinish);
        Assert.Contains(s.Nodes, n => n.Name == "配套及附属工程" && n.TotalFloat > 0);
    }

    [Fact]
    public async Task Edit_LongerDuration_MovesTheSuccessors_AndShowsTheCompression()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var id = await client.IdOfAsync("康养产业园基础设施工程");
        var before = await ScheduleAsync(client, id);
        var main = before.Nodes.Single(n => n.Name == "主体工程施工");
        var response = await client.PutJsonAsync($"/api/v1/projects/{id}/nodes/{main.Id}", Dto(main) with { DurationDays = main.DurationDays + 45 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<NodeSaveResult>();
        var moved = Assert.Single(result.Moved);
        Assert.Equal("竣工验收", moved.Name);
        Assert.Equal(moved.OldStart.AddDays(45), moved.NewStart);

        var after = await ScheduleAsync(client, id);
        Assert.Equal(45, after.CompressionDays);
        Assert.Contains("竣工验收", after.CompressionPath);
    }

    [Fact]
    public async Task Edit_ThatClosesACycle_IsRefusedNamingIt_AndNothingChanges()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var id = await client.IdOfAsync("岷江国际陆港（无水港）");
        var before = await ScheduleAsync(client, id);
        var first = before.Nodes.Single(n => n.Name == "可行性研究报告批复");
        var last = before.Nodes.Single(n => n.Name == "竣工验收");
        var response = await client.PutJsonAsync($"/api/v1/projects/{id}/nodes/{first.Id}",
            Dto(first) with { Predecessors = [new PredecessorInput(last.Id, 0)] });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadAsync<ErrorBody>()).Errors);
        Assert.Equal("schedule.cycle", error.Code);
        Assert.Contains("可行性研究报告批复", error.Message);
        Assert.Contains("竣工验收", error.Message);
        Assert.Empty((await ScheduleAsync(client, id)).Nodes.Single(n => n.Id == first.Id).Predecessors);
    }

    [Fact]
    public async Task Create_NodeWithBadFields_ReportsThem()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var id = await client.IdOfAsync("市人民医院新院区");
        var response = await client.PostJsonAsync($"/api/v1/projects/{id}/nodes", new NodeInputDto(
            " ", TimeNodeKind.Other, -3, new DateOnly(2020, 8, 1), new DateOnly(2020, 7, 1), null, new DateOnly(2020, 5, 1), null, null, null, 1, null,
            [new PredecessorInput(999_999, 0)], null));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.ReadAsync<ErrorBody>()).Errors.Select(e => e.Code).ToHashSet();
        Assert.Superset(new HashSet<string> { "node.name.required", "node.duration", "node.planned.order", "node.actual.start-missing", "node.predecessor.unknown" }, codes);
    }

    [Fact]
    public async Task Owner_RecordsActualDates_ButCannotRenameOrTouchOthers()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var own = await supervisor.IdOfAsync("岷江综合客运枢纽");
        var node = (await ScheduleAsync(supervisor, own)).Nodes.Single(n => n.Name == "可行性研究报告批复");
        var owner = await fx.Factory.SignInAsync("owner");

        var response = await owner.PutJsonAsync($"/api/v1/projects/{own}/nodes/{node.Id}",
            Dto(node) with { Name = "业主改名", DurationDays = 1, ActualStart = new DateOnly(2020, 6, 1) });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var saved = (await ScheduleAsync(supervisor, own)).Nodes.Single(n => n.Id == node.Id);
        Assert.Equal(("可行性研究报告批复", node.DurationDays, new DateOnly(2020, 6, 1)), (saved.Name, saved.DurationDays, saved.ActualStart!.Value));

        var other = await supervisor.IdOfAsync("大数据产业园一期");
        var foreign = (await ScheduleAsync(supervisor, other)).Nodes[0];
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PutJsonAsync($"/api/v1/projects/{other}/nodes/{foreign.Id}", Dto(foreign))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostJsonAsync($"/api/v1/projects/{own}/nodes", Dto(node))).StatusCode);
        var dept = await fx.Factory.SignInAsync("dept");
        Assert.Equal(HttpStatusCode.Forbidden, (await dept.PutJsonAsync($"/api/v1/projects/{own}/nodes/{node.Id}", Dto(saved))).StatusCode);
    }

    [Fact]
    public async Task Edit_WithAStaleVersion_IsRefused()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var id = await client.IdOfAsync("滨江生态湿地公园");
        var node = (await ScheduleAsync(client, id)).Nodes[0];
        Assert.Equal(HttpStatusCode.OK, (await client.PutJsonAsync($"/api/v1/projects/{id}/nodes/{node.Id}", Dto(node) with { Name = node.Name + "（一）" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PutJsonAsync($"/api/v1/projects/{id}/nodes/{node.Id}", Dto(node) with { Name = "覆盖" })).StatusCode);
    }
}
