using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Dashboard;

/// <summary>
/// Every dashboard number links to the records it counts: GET /api/v1/dashboard/records/{kind} (and its page) lists
/// exactly as many as the tile says, under the same filters; and the leader view narrows to a leader's own projects.
/// </summary>
public sealed class DashboardRecordsTests(DashboardFixture fx) : IClassFixture<DashboardFixture>
{
    private static async Task<T> GetAsync<T>(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    private async Task<(long Leader, long Programme, long Unit, string Division)> DemoKeysAsync()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var programme = await db.Programmes.Where(p => p.LeadLeaderId != null).OrderBy(p => p.Id).FirstAsync();
        var project = await db.Projects.OrderBy(p => p.Id).FirstAsync(p => p.ProgrammeId == programme.Id);
        return (programme.LeadLeaderId!.Value, programme.Id, project.ResponsibleUnitId, project.DivisionCode);
    }

    [Fact]
    public async Task OverdueItems_LinkToPagesTheReaderMayOpen()
    {
        foreach (var (user, prefix) in new[] { ("supervisor", "/supervision/"), ("owner", "/projects/") })
        {
            var client = await fx.Factory.SignInAsync(user);
            var rows = (await GetAsync<PageOf<RecordRow>>(client, $"/api/v1/dashboard/records/{RecordKinds.OverdueItems}")).Items;
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                Assert.StartsWith(prefix, row.Href);
                // The owner's link opens (its own project), not 无权访问.
                var page = await client.GetAsync(row.Href);
                Assert.True(page.StatusCode == HttpStatusCode.OK, $"{user} {row.Href}: {(int)page.StatusCode}");
            }
        }
    }

    [Fact]
    public async Task EveryCount_ListsAsManyRecordsAsTheTileSays_UnderEachFilter()
    {
        var (leader, programme, unit, division) = await DemoKeysAsync();
        string[] queries = ["", $"programme={programme}", $"unit={unit}", $"division={division}", $"ledby={leader}", "year=2019", "year=2020&month=3"];
        foreach (var user in new[] { "supervisor", "dept" })
        {
            var client = await fx.Factory.SignInAsync(user);
            foreach (var query in queries)
            {
                var dash = await GetAsync<DashboardView>(client, "/api/v1/dashboard?" + query);
                var t = dash.Tiles;
                async Task<int> Count(string kind, string extra = "") =>
                    (await GetAsync<PageOf<RecordRow>>(client, $"/api/v1/dashboard/records/{kind}?{query}{extra}")).Total;
                var because = $"{user} ?{query}";
                foreach (var c in new[] { ProjectYearClass.NewStart, ProjectYearClass.Continuing, ProjectYearClass.Completing, ProjectYearClass.Preparing })
                    Assert.True(t.ByYearClass.GetValueOrDefault(c) == await Count(RecordKinds.YearClass, $"&class={c}"), $"{because}: {c}");
                Assert.True(t.NewStarts == await Count(RecordKinds.YearClass, "&class=NewStart"), because);
                foreach (var (level, n) in t.Warnings)
                    Assert.True(n == await Count(RecordKinds.Warning, $"&level={level}"), $"{because}: {level}");
                Assert.True(t.NewStartsStarted == await Count(RecordKinds.Started), $"{because}: started");
                Assert.True(t.Stale == await Count(RecordKinds.Stale), $"{because}: stale");
                Assert.True(t.OverdueNodes == await Count(RecordKinds.OverdueNodes), $"{because}: overdue nodes");
                Assert.True(t.OpenProblems == await Count(RecordKinds.OpenProblems), $"{because}: open problems");
                Assert.True(t.OverdueProblems == await Count(RecordKinds.OverdueProblems), $"{because}: overdue problems");
                Assert.True(t.OverdueSupervisionItems == await Count(RecordKinds.OverdueItems), $"{because}: overdue items");
            }
        }
    }

    [Fact]
    public async Task Demo_HasRecordsBehindItsAlarms_EachLinkingToItsPage()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var nodes = await GetAsync<PageOf<RecordRow>>(client, "/api/v1/dashboard/records/overdue-nodes");
        Assert.NotEmpty(nodes.Items);
        // Oldest first, days late counted from the portfolio's date (2020-06-11), a node's link landing on its project's nodes.
        Assert.Equal(nodes.Items.OrderBy(r => r.Date).Select(r => r.Href), nodes.Items.Select(r => r.Href));
        Assert.All(nodes.Items, r => Assert.Equal(new DateOnly(2020, 6, 11).DayNumber - r.Date!.Value.DayNumber, r.DaysLate));
        Assert.All(nodes.Items, r => Assert.Equal($"/projects/{r.ProjectId}#nodes", r.Href));
        var problems = await GetAsync<PageOf<RecordRow>>(client, "/api/v1/dashboard/records/overdue-problems");
        Assert.All(problems.Items, r => Assert.StartsWith("/problems/", r.Href));
        Assert.All(problems.Items, r => Assert.True(r.DaysLate > 0 && r.ProjectName is not null));

        var page = await client.GetStringAsync("/dashboard/records/overdue-nodes");
        Assert.Contains("逾期节点", page);
        Assert.Contains($"共 {nodes.Total} 条", page);
    }

    [Fact]
    public async Task BadKindsAndClasses_AreRefused_AndTheAuditorSeesNone()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/dashboard/records/everything")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/dashboard/records/class")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/dashboard/records/class?class=Whatever")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/dashboard/records/class?class=1")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/dashboard/records/warning")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/dashboard/records/warning?level=Purple")).StatusCode);
        Assert.Contains("没有这种统计口径", await client.GetStringAsync("/dashboard/records/everything"));
        var auditor = await fx.Factory.SignInAsync("auditor");
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/dashboard/records/stale")).StatusCode);
    }

    [Fact]
    public async Task LeaderView_IsTheLeadersLinkedProjectsAndTheirProgrammes_AndMatchesTheList()
    {
        var (leader, _, _, _) = await DemoKeysAsync();
        long[] expected;
        using (var scope = fx.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var linked = await db.ProjectLeaders.Where(l => l.LeaderId == leader).Select(l => l.ProjectId).ToListAsync();
            var led = await db.Projects.Where(p => p.Programme!.LeadLeaderId == leader).Select(p => p.Id).ToListAsync();
            expected = [.. linked.Union(led).Order()];
        }
        var client = await fx.Factory.SignInAsync("leader");
        var all = await GetAsync<DashboardView>(client, "/api/v1/dashboard");
        var mine = await GetAsync<DashboardView>(client, $"/api/v1/dashboard?ledby={leader}");
        Assert.InRange(mine.Tiles.Projects, 1, all.Tiles.Projects - 1);
        Assert.Equal(expected.Length, mine.Tiles.Projects);
        var list = await client.ListAsync($"ledBy={leader}&pageSize=200&year={mine.Year}");
        Assert.Equal(expected, list.Items.Select(p => p.Id).Order());
        Assert.Equal(Math.Round(list.Items.Sum(p => p.AnnualPlanWan ?? 0), 2), mine.Tiles.AnnualPlanWan);

        // The leader's page links to the view, and the view names whose it is.
        var page = await client.GetStringAsync($"/?ledby={leader}");
        Assert.Contains("联系及牵头专项的项目", page);
        // 导出统计表 exports the statistics under the view's own filters.
        Assert.Contains($"/api/v1/export/statistics.xlsx?ledby={leader}", page);
        Assert.Matches("href=\"/\\?ledby=\\d+\"", await client.GetStringAsync("/leader"));
    }
}
