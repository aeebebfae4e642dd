using System.Net;
using Milepost.Core.Warnings;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Projects;

public sealed class ListFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The project list's filters, search, sorting, paging and data scopes, over HTTP on the demo portfolio.</summary>
public sealed class ProjectListApiTests(ListFixture fx) : IClassFixture<ListFixture>
{
    private Task<HttpClient> Supervisor() => fx.Factory.SignInAsync("supervisor");

    [Fact]
    public async Task List_WithoutSignIn_IsRefused()
    {
        var client = fx.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects")).StatusCode);
        var page = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_GetsNoCookie()
    {
        var client = fx.Factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await MilepostFactory.PostLoginAsync(client, "leader", "wrong-password-1");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码不正确", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Theory]
    [InlineData("/account/login", false)]
    [InlineData("/projects", true)]
    [InlineData("/api/v1/projects", true)]
    public async Task Responses_CarryTheSecurityHeaders(string path, bool signedIn)
    {
        var client = signedIn ? await Supervisor() : fx.Factory.CreateClient();
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.DoesNotContain("script-src 'self' 'unsafe-inline'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
        if (signedIn) Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task List_Unfiltered_ShowsTheWholeDemoPortfolio()
    {
        var page = await (await Supervisor()).ListAsync("pageSize=100");
        Assert.Equal(15, page.Total);
        Assert.Equal(15, page.Items.Count);
        Assert.Equal(2020, page.Year);
        Assert.Contains(page.Items, p => p.Name == "岷江国际陆港（无水港）" && p.AnnualPlanWan == 88_000m);
    }

    [Theory]
    [InlineData("stage=Construction", 10)]
    [InlineData("stage=Preparation", 2)]
    [InlineData("stage=Suspended", 1)]
    [InlineData("division=511802", 6)]   // 江城区
    [InlineData("division=511800", 15)]  // the city covers its districts and counties
    [InlineData("q=产业园", 3)]
    [InlineData("q=陆港", 1)]
    public async Task List_Filtered_CountsMatchTheDemo(string query, int expected)
    {
        var page = await (await Supervisor()).ListAsync(query + "&pageSize=100");
        Assert.Equal(expected, page.Total);
        Assert.Equal(expected, page.Items.Count);
    }

    [Fact]
    public async Task List_ByProgrammeCategoryLeaderAndUnit_ReturnsOnlyMatchingProjects()
    {
        var client = await Supervisor();
        var all = (await client.ListAsync("pageSize=100")).Items;
        var detail = await client.GetProjectAsync(all.Single(p => p.Name == "大数据产业园一期").Id);

        var byProgramme = await client.ListAsync($"programmeId={detail.ProgrammeId}&pageSize=100");
        Assert.All(byProgramme.Items, p => Assert.Equal(detail.ProgrammeName, p.ProgrammeName));
        Assert.Equal(all.Count(p => p.ProgrammeName == detail.ProgrammeName), byProgramme.Total);

        var byCategory = await client.ListAsync($"categoryId={detail.CategoryId}&pageSize=100");
        Assert.All(byCategory.Items, p => Assert.Equal("产业", p.CategoryName));
        Assert.Equal(2, byCategory.Total);

        var byLeader = await client.ListAsync($"leaderId={detail.LeaderIds[0]}&pageSize=100");
        Assert.Equal(new[] { "大数据产业园一期", "岷江会议会展中心", "熊猫新城起步区开发建设", "新能源汽车零部件产业园" }.Order(StringComparer.Ordinal), byLeader.Items.Select(p => p.Name).Order(StringComparer.Ordinal).ToArray());

        var byUnit = await client.ListAsync($"responsibleUnitId={detail.ResponsibleUnitId}&pageSize=100");
        Assert.All(byUnit.Items, p => Assert.Equal("市经济和信息化局", p.ResponsibleUnitName));
        Assert.Equal(2, byUnit.Total);

        var combined = await client.ListAsync($"leaderId={detail.LeaderIds[0]}&stage=Preparation");
        Assert.Equal("新能源汽车零部件产业园", Assert.Single(combined.Items).Name);
    }

    [Fact]
    public async Task List_SortedByTotalInvestmentDescending_PutsTheLargestFirst()
    {
        var page = await (await Supervisor()).ListAsync("sort=TotalInvestment&desc=true&pageSize=100");
        Assert.Equal("熊猫新城起步区开发建设", page.Items[0].Name);
        Assert.Equal(page.Items.Select(p => p.TotalInvestmentWan).OrderDescending(), page.Items.Select(p => p.TotalInvestmentWan));
        var byName = await (await Supervisor()).ListAsync("sort=Name&pageSize=100");
        Assert.Equal(byName.Items.Select(p => p.Name).Order(StringComparer.Ordinal), byName.Items.Select(p => p.Name));
    }

    [Fact]
    public async Task List_Paged_ReturnsDisjointPagesCoveringAll()
    {
        var client = await Supervisor();
        var pages = new List<string>();
        for (var n = 1; n <= 3; n++)
        {
            var page = await client.ListAsync($"page={n}&pageSize=6");
            Assert.Equal(15, page.Total);
            Assert.Equal(n < 3 ? 6 : 3, page.Items.Count);
            pages.AddRange(page.Items.Select(p => p.Name));
        }
        Assert.Equal(15, pages.Distinct().Count());
    }

    [Theory]
    [InlineData("dept", "市交通运输局", 3)]
    [InlineData("owner", null, 3)]
    public async Task List_ForDepartmentOrOwner_ShowsOnlyTheirProjects(string user, string? unit, int expected)
    {
        var client = await fx.Factory.SignInAsync(user);
        var page = await client.ListAsync("pageSize=100");
        Assert.Equal(expected, page.Total);
        if (unit is not null) Assert.All(page.Items, p => Assert.Equal(unit, p.ResponsibleUnitName));
        else Assert.All(page.Items, p => Assert.Equal("市交通建设投资集团有限公司", p.OwnerUnitName));

        // Someone else's project is not found, not shown.
        var other = (await (await Supervisor()).ListAsync("q=大数据")).Items.Single().Id;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/projects/{other}")).StatusCode);
    }

    [Fact]
    public async Task List_ShowsWarningLevelsWithTheirReasons_AsOfThePortfolioDate()
    {
        var items = (await (await Supervisor()).ListAsync("pageSize=100")).Items.ToDictionary(p => p.Name);

        // On plan, nothing overdue, reports on time.
        var interchange = items["岷江高速公路东互通立交工程"];
        Assert.Equal(WarningLevel.Green, interchange.Warning!.Level);
        Assert.Empty(interchange.Warning.Reasons);
        // 34% of the year's plan was due by May; 1.04 × that was done: 35.36% against 34%.
        Assert.Equal(0.3536m, Math.Round(interchange.CompletionRate!.Value, 4));
        Assert.Equal(1.36m, Math.Round(interchange.LagPoints!.Value, 2));

        // A node 65 days overdue is red; May's report, due 5 June, is six days missing (yellow).
        var convention = items["岷江会议会展中心"];
        Assert.Equal(WarningLevel.Red, convention.Warning!.Level);
        var rules = convention.Warning.Reasons.Select(r => r.RuleId).ToList();
        Assert.Contains(WarningRuleIds.NodeOverdueRed, rules);
        Assert.Contains(WarningRuleIds.ReportLateOrMissing, rules);
        Assert.Contains(convention.Warning.Reasons, r => r.MessageZh.Contains("征地拆迁及管线迁改") && r.MessageZh.Contains("65 天"));

        // Lagging 13 points with May's report missing: yellow, not red.
        var wellness = items["康养产业园基础设施工程"];
        Assert.Equal(WarningLevel.Yellow, wellness.Warning!.Level);
        Assert.Contains(wellness.Warning.Reasons, r => r.RuleId == WarningRuleIds.Lag);
    }

    [Fact]
    public async Task List_ForSystemAdmin_ShowsNoBusinessData()
    {
        var page = await (await fx.Factory.SignInAsync("admin")).ListAsync();
        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task ProjectPages_RenderInChinese_ForASignedInUser()
    {
        var client = await Supervisor();
        var html = await client.GetStringAsync("/projects");
        Assert.Contains("重点项目", html);
        var id = await client.IdOfAsync("岷江至省会快速通道");
        var detail = await client.GetStringAsync($"/projects/{id}");
        Assert.Contains("岷江至省会快速通道", detail);
        Assert.Contains("市交通建设投资集团有限公司", detail);
    }
}
