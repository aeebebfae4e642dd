using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Dashboard;

public sealed class DashboardFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>GET /api/v1/dashboard and the page at "/" on the demo city (岷江市, as of 2020-06-11).</summary>
public sealed class DashboardApiTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    private static async Task<DashboardView> DashboardAsync(HttpClient client, string query = "")
    {
        var response = await client.GetAsync("/api/v1/dashboard" + (query.Length > 0 ? "?" + query : ""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadAsync<DashboardView>();
    }

    /// <summary>Filter combinations over the demo's own programmes, categories, divisions, leaders and units.</summary>
    private async Task<List<string>> FilterCombinationsAsync()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var project = await db.Projects.Include(p => p.Leaders).Where(p => p.ProgrammeId != null && p.Leaders.Count > 0).OrderBy(p => p.Id).FirstAsync();
        return
        [
            "",
            $"programme={project.ProgrammeId}",
            $"category={project.CategoryId}",
            $"division={project.DivisionCode}",
            $"leader={project.Leaders[0].LeaderId}",
            $"unit={project.ResponsibleUnitId}",
            $"programme={project.ProgrammeId}&unit={project.ResponsibleUnitId}",
            $"category={project.CategoryId}&leader={project.Leaders[0].LeaderId}",
        ];
    }

    [Fact]
    public async Task Totals_MatchTheProjectList_UnderTheSameFilters()
    {
        foreach (var user in new[] { "supervisor", "dept", "owner" })
        {
            var client = await fx.Factory.SignInAsync(user);
            foreach (var query in await FilterCombinationsAsync())
            {
                var dash = await DashboardAsync(client, query);
                var list = await client.ListAsync((query.Length > 0 ? ListNames(query) + "&" : "") + $"year={dash.Year}&pageSize=200");
                Assert.True(list.Total == dash.Tiles.Projects, $"{user} {query}: {dash.Tiles.Projects} on the dashboard, {list.Total} in the list");
                Assert.Equal(Math.Round(list.Items.Sum(p => p.AnnualPlanWan ?? 0), 2), dash.Tiles.AnnualPlanWan);
                Assert.Equal(Math.Round(list.Items.Sum(p => p.YtdCompletedWan ?? 0), 2), dash.Tiles.YtdCompletedWan);
                Assert.Equal(Math.Round(list.Items.Sum(p => p.TotalInvestmentWan), 2), dash.Tiles.TotalInvestmentWan);
                Assert.Equal(dash.Tiles.Projects, dash.Tiles.ByStage.Values.Sum());
                Assert.Equal(dash.Tiles.Projects, dash.Tiles.Warnings.Values.Sum());
            }
        }
    }

    /// <summary>The list API names its filters by id (programmeId…), the pages by the short names.</summary>
    private static string ListNames(string query) => query.Replace("programme=", "programmeId=").Replace("category=", "categoryId=")
        .Replace("leader=", "leaderId=").Replace("unit=", "responsibleUnitId=");

    [Fact]
    public async Task Demo_AsOfMay2020_HasFiguresTheOfficeRecognises()
    {
        var dash = await DashboardAsync(await fx.Factory.SignInAsync("supervisor"));
        Assert.Equal((2020, 5), (dash.Year, dash.Month));
        Assert.Equal(15, dash.Tiles.Projects);
        Assert.True(dash.Tiles.AnnualPlanWan > 0 && dash.Tiles.YtdCompletedWan > 0);
        Assert.Equal(12, dash.SCurve.Count);
        Assert.Equal(dash.Tiles.YtdCompletedWan, dash.SCurve[4].CompletedWan);
        Assert.Null(dash.SCurve[5].CompletedWan);
        Assert.Equal(dash.Tiles.AnnualPlanWan, dash.Breakdowns[BreakdownKinds.Category].Sum(b => b.PlanWan));
        Assert.NotEmpty(dash.MapPoints);
        // A city is under the map's cap: every project with coordinates is on it, and the rest are counted.
        Assert.Equal((dash.MapPoints.Count, 15 - dash.MapPoints.Count), (dash.MapPointsTotal, dash.MapPointsMissing));
        Assert.All(dash.Laggards, l => Assert.True(l.LagPoints < 0));
        Assert.Equal(dash.Laggards.OrderBy(l => l.LagPoints).Select(l => l.ProjectId), dash.Laggards.Select(l => l.ProjectId));
    }

    [Fact]
    public async Task Filters_YearAndMonth_AreHonoured_AndBadValuesAreReported()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var lastYear = await DashboardAsync(client, "year=2019");
        Assert.Equal((2019, 12), (lastYear.Year, lastYear.Month));
        var march = await DashboardAsync(client, "year=2020&month=3");
        Assert.Equal(3, march.Month);
        Assert.Equal(march.Tiles.YtdCompletedWan, march.SCurve[2].CompletedWan);
        Assert.True(march.Tiles.YtdCompletedWan <= (await DashboardAsync(client)).Tiles.YtdCompletedWan);

        var bad = await client.GetAsync("/api/v1/dashboard?year=20x0&month=13&programme=-1&division=abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var field in new[] { "year", "month", "programme", "division" }) Assert.Contains($"\"{field}\"", body);

        var page = await client.GetStringAsync("/?month=13");
        Assert.Contains("以下筛选条件无法识别", page);
    }

    [Theory]
    [InlineData("2019", "7", "3", "4", "511802", "5", "6")]
    [InlineData(null, null, null, null, null, null, null)]
    [InlineData("2020", null, null, "2", null, null, "9")]
    public void Filter_RoundTripsThroughTheQueryString(string? year, string? month, string? programme, string? category, string? division, string? leader, string? unit)
    {
        var (filter, errors) = DashboardFilter.Parse(year, month, programme, category, division, leader, unit);
        Assert.Empty(errors);
        var q = filter.ToQuery();
        string? Get(string key) => q[key] as string;
        var (again, _) = DashboardFilter.Parse(Get("year"), Get("month"), Get("programme"), Get("category"), Get("division"), Get("leader"), Get("unit"));
        Assert.Equal(filter, again);
        Assert.Equal(year, Get("year"));
        Assert.DoesNotContain("year=", filter.ProjectsLink());
        if (programme is not null) Assert.Contains($"programme={programme}", filter.ProjectsLink(("stage", nameof(ProjectStage.Construction))));
    }

    [Fact]
    public async Task Roles_AdminsAndAuditorAreRefused_OthersSeeTheirOwnScope()
    {
        foreach (var admin in new[] { "admin", "security", "auditor" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await fx.Factory.SignInAsync(admin)).GetAsync("/api/v1/dashboard")).StatusCode);
        var all = await DashboardAsync(await fx.Factory.SignInAsync("supervisor"));
        var dept = await DashboardAsync(await fx.Factory.SignInAsync("dept"));
        Assert.InRange(dept.Tiles.Projects, 1, all.Tiles.Projects - 1);
        Assert.Equal(all.Tiles.Projects, (await DashboardAsync(await fx.Factory.SignInAsync("leader"))).Tiles.Projects);
        var anonymous = fx.Factory.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/dashboard")).StatusCode);
    }
}
