using System.Net;
using Milepost.Core.Ranking;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Ranking;

public sealed class RankingPagesFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// The red-black list pages as each role receives them (server-rendered HTML): the office sees the draft of live data,
/// every other business role only what was published, and the admin roles nothing at all. The tests hold whether or
/// not the demo has already published May 2020.
/// </summary>
public sealed class RankingPageTests(RankingPagesFixture fx) : IClassFixture<RankingPagesFixture>
{
    private static readonly string[] PageUrls = ["/ranking?month=2020-05", "/ranking/history", "/ranking/publications/1", "/assessment?year=2020"];

    [Theory]
    [InlineData("admin")]
    [InlineData("security")]
    [InlineData("auditor")]
    public async Task AdminRoles_AreSentToTheDeniedPage_FromEveryRankingPage(string user)
    {
        var client = await fx.Factory.SignInAsync(user);
        foreach (var url in PageUrls)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{user} GET {url}: {(int)response.StatusCode}");
            Assert.Contains("/account/denied", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Supervisor_SeesTheDraft_WithItsComponents_VetoAndPublishControls()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/ranking?month=2020-05"));
        Assert.Contains("草稿（未发布）", html);
        Assert.Contains("岷江会议会展中心", html);
        Assert.Contains("一票否决：连续", html);             // the vetoed project's reason, on the black list
        Assert.Contains("责任单位排名", html);
        Assert.Contains("全部参评项目得分明细", html);
        Assert.Contains("id=\"publish\"", html);
        Assert.Contains("data-testid=\"exempt-form\"", html);
        Assert.Contains("已过报送期限，可以发布", html);
    }

    [Fact]
    public async Task Leader_SeesOnlyThePublishedList_WithItsHashCheck_HistoryAndAssessment()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var created = await supervisor.PostJsonAsync("/api/v1/rankings/2020-05/publications", new { Note = "页面测试：按最新数据重新发布" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = long.Parse(created.Headers.Location!.OriginalString.Split('/').Last());
        var published = await (await supervisor.GetAsync($"/api/v1/rankings/publications/{id}")).Content.ReadAsStringAsync();
        var root = System.Text.Json.JsonDocument.Parse(published).RootElement;
        var snapshot = RankingSnapshot.FromJson(root.GetProperty("snapshot").GetRawText());
        var sha = root.GetProperty("publication").GetProperty("info").GetProperty("sha256").GetString()!;

        var leader = await fx.Factory.SignInAsync("leader");
        var list = WebUtility.HtmlDecode(await leader.GetStringAsync("/ranking?month=2020-05"));
        Assert.DoesNotContain("草稿（未发布）", list);
        Assert.DoesNotContain("id=\"publish\"", list);
        Assert.DoesNotContain("exempt-form", list);
        Assert.Contains($"/ranking/publications/{id}", list);
        Assert.Contains(snapshot.Result.Red.First().Name, list);

        var page = WebUtility.HtmlDecode(await leader.GetStringAsync($"/ranking/publications/{id}"));
        Assert.Contains("快照校验一致", page);
        Assert.Contains(sha, page);
        Assert.Contains("页面测试：按最新数据重新发布", page);
        Assert.Contains($"/ranking/publications/{id}/bulletin.docx", page);

        // Publishing again supersedes it: the earlier version says so and links to the later one.
        var again = await supervisor.PostJsonAsync("/api/v1/rankings/2020-05/publications", new { Note = "页面测试：再次发布" });
        var later = long.Parse(again.Headers.Location!.OriginalString.Split('/').Last());
        var superseded = WebUtility.HtmlDecode(await leader.GetStringAsync($"/ranking/publications/{id}"));
        Assert.Contains("发布的第", superseded);
        Assert.Contains("版取代", superseded);
        Assert.Contains($"href=\"/ranking/publications/{later}\"", superseded);

        var history = WebUtility.HtmlDecode(await leader.GetStringAsync("/ranking/history"));
        Assert.Contains($"/ranking/publications/{id}", history);
        Assert.Contains($"/ranking/publications/{later}", history);
        Assert.Contains("现行有效", history);
        Assert.Contains("被第", history);

        var assessment = WebUtility.HtmlDecode(await leader.GetStringAsync("/assessment?year=2020"));
        foreach (var unit in snapshot.Result.Units) Assert.Contains(unit.UnitName, assessment);
        Assert.Contains("/assessment/2020.xlsx", assessment);
    }

    [Fact]
    public async Task Owner_IsToldAnUnpublishedMonthIsNotPublished_AndAnUnknownPublicationIsNotFound()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var html = WebUtility.HtmlDecode(await owner.GetStringAsync("/ranking?month=2019-03"));
        Assert.Contains("本月红黑榜尚未发布", html);
        Assert.DoesNotContain("草稿", html);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/ranking/publications/987654")).StatusCode);
    }
}
