using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Audit;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Projects;

public sealed class CommandFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Creating and editing projects, annual plans and stage changes over HTTP: rules, refusals and what is written.</summary>
public sealed class ProjectCommandApiTests(CommandFixture fx) : IClassFixture<CommandFixture>
{
    private Task<HttpClient> Supervisor() => fx.Factory.SignInAsync("supervisor");

    /// <summary>A valid new project built from an existing demo project's references.</summary>
    private static async Task<ProjectInputDto> ValidInputAsync(HttpClient client, string name)
    {
        var template = await client.GetProjectAsync(await client.IdOfAsync("大数据产业园一期"));
        return new ProjectInputDto
        {
            Name = name, DivisionCode = "511803", ProgrammeId = template.ProgrammeId, CategoryId = template.CategoryId,
            OwnerUnitId = template.OwnerUnitId, ResponsibleUnitId = template.ResponsibleUnitId, LeaderIds = [.. template.LeaderIds],
            TotalInvestmentWan = 12_345.67m, PlannedStart = new DateOnly(2021, 3, 1), PlannedCompletion = new DateOnly(2022, 12, 31),
        };
    }

    private async Task<(int Projects, long AuditEvents)> CountsAsync()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        return (await db.Projects.CountAsync(), await db.AuditEvents.LongCountAsync());
    }

    [Fact]
    public async Task Create_ValidProject_IsSavedWithAnAuditEvent()
    {
        var client = await Supervisor();
        var before = await CountsAsync();
        var response = await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "数字经济产业孵化中心"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.ReadAsync<ProjectView>();
        Assert.Equal(12_345.67m, created.TotalInvestmentWan);
        Assert.Equal(ProjectStage.Pipeline, created.Stage);
        Assert.Equal(1, created.Version);
        Assert.Equal(before.Projects + 1, (await CountsAsync()).Projects);

        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var audit = await db.AuditEvents.Where(e => e.Entity == "Project" && e.EntityId == created.Id.ToString()).SingleAsync();
        Assert.Equal("project.create", audit.Action);
        Assert.Equal("supervisor", audit.Actor);
        Assert.Equal(MilepostFactory.ClientAddress.ToString(), audit.ClientAddress);
        Assert.Contains("数字经济产业孵化中心", audit.After);
        Assert.Equal(audit.ExpectedHash(), audit.Hash);
    }

    [Fact]
    public async Task Create_WithBadInput_ReportsEveryFieldAndWritesNothing()
    {
        var client = await Supervisor();
        var before = await CountsAsync();
        var input = await ValidInputAsync(client, "") with
        {
            Code = "2020-5118-bad", TotalInvestmentWan = -1, LeaderIds = [],
            PlannedStart = new DateOnly(2021, 6, 1), PlannedCompletion = new DateOnly(2021, 5, 31),
        };
        var response = await client.PostJsonAsync("/api/v1/projects", input);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.ReadAsync<ErrorBody>();
        Assert.Equal(
            new[] { "Code", "LeaderIds", "Name", "PlannedCompletion", "TotalInvestment" },
            body.Errors.Select(e => e.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(body.Errors, e => e.Field == "PlannedCompletion" && e.Message.Contains("早于计划开工日期"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Create_WithUnknownReferencesOrDuplicateCode_IsRefused()
    {
        var client = await Supervisor();
        var existing = await client.GetProjectAsync(await client.IdOfAsync("国际体育赛事中心"));
        var input = await ValidInputAsync(client, "重复代码项目") with { Code = existing.Code, CategoryId = 999_999, OwnerUnitId = existing.ResponsibleUnitId };
        var response = await client.PostJsonAsync("/api/v1/projects", input);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var codes = (await response.ReadAsync<ErrorBody>()).Errors.Select(e => e.Code).ToList();
        Assert.Contains("project.code.duplicate", codes);
        Assert.Contains("project.category.unknown", codes);
        Assert.Contains("project.owner.unknown", codes); // a department is not an owner unit
    }

    [Fact]
    public async Task Create_WithARetiredUnit_IsRefusedNamingIt_AndNothingIsWritten()
    {
        var client = await Supervisor();
        long retired;
        using (var scope = fx.Factory.Services.CreateScope())
            retired = await scope.ServiceProvider.GetRequiredService<MilepostDb>().Units.Where(u => u.Name == "市城乡规划局").Select(u => u.Id).SingleAsync();
        var before = await CountsAsync();
        var response = await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "停用单位项目") with { ResponsibleUnitId = retired });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await response.ReadAsync<ErrorBody>()).Errors);
        Assert.Equal(("ResponsibleUnitId", "project.choice.retired"), (error.Field, error.Code));
        Assert.Contains("“市城乡规划局”已停用", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await CountsAsync());
    }

    /// <summary>Issue 16: a 储备 project with an annual plan (no split) that starts in July is not red in June.</summary>
    [Fact]
    public async Task APipelineProjectStartingInJuly_IsNotJudgedOnLagBeforeIt_OnItsPageOrTheDashboard()
    {
        var client = await Supervisor();
        var input = await ValidInputAsync(client, "七月开工的储备项目") with { PlannedStart = new DateOnly(2020, 7, 1), PlannedCompletion = new DateOnly(2021, 12, 31) };
        var id = (await (await client.PostJsonAsync("/api/v1/projects", input)).ReadAsync<ProjectView>()).Id;
        var plan = await client.PutJsonAsync($"/api/v1/projects/{id}/plans/2020", new AnnualPlanDto(1_200m, null, "下半年开工", null, 1));
        Assert.Equal(HttpStatusCode.OK, plan.StatusCode);

        using var scope = fx.Factory.Services.CreateScope();
        var status = (await scope.ServiceProvider.GetRequiredService<ProjectStatusService>().ForProjectsAsync([id]))[id];
        Assert.Equal(new Core.YearMonth(2020, 5), status.Indicators.AsOf);   // the demo's day is 2020-06-11
        Assert.Null(status.Indicators.Expected);
        Assert.Null(status.Indicators.LagPoints);
        Assert.DoesNotContain(status.Warning.Reasons, r => r.RuleId is Core.Warnings.WarningRuleIds.LagRed or Core.Warnings.WarningRuleIds.Lag);
        var supervisor = new Web.Shared.Actor("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);
        var dashboard = await scope.ServiceProvider.GetRequiredService<Web.Features.Dashboard.DashboardQueries>()
            .GetAsync(supervisor, new Web.Features.Dashboard.DashboardFilter());
        Assert.DoesNotContain(dashboard.Laggards, l => l.ProjectId == id);
    }

    [Fact]
    public async Task Create_InEnglish_ExplainsInEnglish()
    {
        var client = await Supervisor();
        client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var response = await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "  "));
        var body = await response.ReadAsync<ErrorBody>();
        Assert.Contains(body.Errors, e => e.Field == "Name" && e.Message == "The project name is required");
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("dept")]
    [InlineData("owner")]
    public async Task Create_ByNonSupervisor_IsForbidden(string user)
    {
        var supervisor = await Supervisor();
        var input = await ValidInputAsync(supervisor, "越权新增的项目");
        var client = await fx.Factory.SignInAsync(user); // signing in is itself an audit event
        var before = await CountsAsync();
        var response = await client.PostJsonAsync("/api/v1/projects", input);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        // No project; the trail gains exactly the refusal (SECURITY.md 7).
        Assert.Equal(before with { AuditEvents = before.AuditEvents + 1 }, await CountsAsync());
        using var scope = fx.Factory.Services.CreateScope();
        var last = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(("access.denied", user), (last.Action, last.Actor));
    }

    [Fact]
    public async Task Update_WithCurrentVersion_Saves_AndAStaleVersionIsRefused()
    {
        var client = await Supervisor();
        var id = (await (await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "城市更新示范片区"))).ReadAsync<ProjectView>()).Id;
        var input = await ValidInputAsync(client, "城市更新示范片区（一期）") with { Version = 1, TotalInvestmentWan = 20_000 };
        var ok = await client.PutJsonAsync($"/api/v1/projects/{id}", input);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var saved = await ok.ReadAsync<ProjectView>();
        Assert.Equal(("城市更新示范片区（一期）", 20_000m, 2L), (saved.Name, saved.TotalInvestmentWan, saved.Version));

        // A second editor still holding version 1 must not overwrite the first one's save.
        var stale = await client.PutJsonAsync($"/api/v1/projects/{id}", input with { Name = "覆盖别人的修改" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("supervisor", (await stale.ReadAsync<ErrorBody>()).Message);
        Assert.Equal("城市更新示范片区（一期）", (await client.GetProjectAsync(id)).Name);
    }

    [Fact]
    public async Task SavePlan_MonthsMustAddUpToTheYear_AndTheBaselineIsKept()
    {
        var client = await Supervisor();
        var id = (await (await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "智慧物流园"))).ReadAsync<ProjectView>()).Id;
        var months = Enumerable.Repeat(100m, 11).Append(100.01m).ToList(); // 1,200.01 against 1,200.00
        var bad = await client.PutJsonAsync($"/api/v1/projects/{id}/plans/2021", new AnnualPlanDto(1_200m, months, "年内开工", 10, 1));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var error = Assert.Single((await bad.ReadAsync<ErrorBody>()).Errors);
        Assert.Equal("plan.sum", error.Code);
        Assert.Contains("1,200.01", error.Message);

        months[11] = 100m;
        var ok = await client.PutJsonAsync($"/api/v1/projects/{id}/plans/2021", new AnnualPlanDto(1_200m, months, "年内开工", 10, 1));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var plan = Assert.Single((await ok.ReadAsync<ProjectView>()).Plans);
        Assert.Equal((1_200m, 1_200m, false), (plan.PlannedInvestmentWan, plan.BaselineInvestmentWan!.Value, plan.Adjusted));

        // An adjustment keeps the baseline beside the new figure.
        var adjusted = await client.PutJsonAsync($"/api/v1/projects/{id}/plans/2021", new AnnualPlanDto(1_500m, null, "调增计划", 10, 2));
        var after = Assert.Single((await adjusted.ReadAsync<ProjectView>()).Plans);
        Assert.Equal((1_500m, 1_200m, true), (after.PlannedInvestmentWan, after.BaselineInvestmentWan!.Value, after.Adjusted));
        Assert.Empty(after.MonthlyPlanWan);
    }

    [Fact]
    public async Task Transition_LegalStepsSetDates_IllegalOnesAreRefusedWithTheAllowedStages()
    {
        var client = await Supervisor();
        var id = (await (await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "全民健身中心"))).ReadAsync<ProjectView>()).Id;

        var illegal = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Completed, new DateOnly(2020, 1, 5), null, 1));
        Assert.Equal(HttpStatusCode.BadRequest, illegal.StatusCode);
        var message = Assert.Single((await illegal.ReadAsync<ErrorBody>()).Errors);
        Assert.Equal("lifecycle.illegal", message.Code);
        Assert.Contains("不能从“储备”转为“竣工”", message.Message);
        Assert.Contains("前期", message.Message);

        var prep = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Preparation, new DateOnly(2020, 1, 5), null, 1));
        Assert.Equal(HttpStatusCode.OK, prep.StatusCode);
        var started = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Construction, new DateOnly(2020, 3, 8), "取得施工许可", 2));
        var view = await started.ReadAsync<ProjectView>();
        Assert.Equal((ProjectStage.Construction, new DateOnly(2020, 3, 8)), (view.Stage, view.ActualStart!.Value));
        Assert.Equal(2, view.Transitions.Count);

        var noReason = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Suspended, new DateOnly(2020, 4, 1), " ", 3));
        Assert.Equal("lifecycle.reason", Assert.Single((await noReason.ReadAsync<ErrorBody>()).Errors).Code);
        Assert.Equal(ProjectStage.Construction, (await client.GetProjectAsync(id)).Stage);
    }

    [Fact]
    public async Task Transition_AfterThePortfolioDate_IsRefused()
    {
        // The demo portfolio is pinned to 2020-06-11: the next day is the future.
        var client = await Supervisor();
        var id = await client.IdOfAsync("岷江综合客运枢纽");
        var view = await client.GetProjectAsync(id);
        var response = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Preparation, new DateOnly(2020, 6, 12), null, view.Version));
        Assert.Equal("lifecycle.future", Assert.Single((await response.ReadAsync<ErrorBody>()).Errors).Code);
        var today = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Preparation, new DateOnly(2020, 6, 11), null, view.Version));
        Assert.Equal(HttpStatusCode.OK, today.StatusCode);
    }

    [Fact]
    public async Task AuditChain_AfterManyChanges_IsUnbroken()
    {
        var client = await Supervisor();
        var id = (await (await client.PostJsonAsync("/api/v1/projects", await ValidInputAsync(client, "审计链检查项目"))).ReadAsync<ProjectView>()).Id;
        await client.PostJsonAsync($"/api/v1/projects/{id}/transitions", new TransitionDto(ProjectStage.Preparation, new DateOnly(2020, 1, 5), null, 1));
        using var scope = fx.Factory.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        var previous = AuditEvent.GenesisHash;
        for (var i = 0; i < events.Count; i++)
        {
            Assert.Equal(i + 1, events[i].Sequence);
            Assert.Equal(previous, events[i].PreviousHash);
            Assert.Equal(events[i].ExpectedHash(), events[i].Hash);
            previous = events[i].Hash;
        }
    }
}
