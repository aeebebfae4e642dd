using System.Text.RegularExpressions;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Ranking;

/// <summary>A province ranks thousands of projects: the full score table shows a page of them and says how many there are.</summary>
public sealed class EntryDetailsPagingTests
{
    private static RankingSnapshot Province(int projects) => RankingSnapshot.Compute(new YearMonth(2020, 5), new DateOnly(2020, 6, 11),
        new DateOnly(2020, 6, 5), RankingSettings.Default,
        [.. Enumerable.Range(1, projects).Select(i => new RankingInput(i, $"P-{i:0000}", $"第{i}号项目", i % 7, $"单位{i % 7}",
            new Money(100_000_000), new Money(i * 100_000L), i / 1000m, 0.4m, 1m, 2, 2, 0, ReportTimeliness.OnTime, new DateOnly(2020, 6, 3), 0, null, 0))],
        []);

    private static Task<string> RenderAsync(RankingSnapshot snapshot) =>
        ComponentHtml.RenderAsync<EntryDetails>(new Dictionary<string, object?> { ["Snapshot"] = snapshot });

    [Fact]
    public async Task ALongList_ShowsOnePageAndItsCount_AShortOneAllRowsWithoutAPager()
    {
        var province = await RenderAsync(Province(250));
        Assert.Contains("共 250 个项目，第 1/3 页", province);
        Assert.Equal(EntryDetails.PageSize, Regex.Count(province, "class=\"mp-rank-explain-link\""));
        // The first page is the top of the ranking: rank 1 is there, rank 101 is not.
        Assert.Matches("<td class=\"mp-num\">1</td>", province);
        Assert.DoesNotMatch("<td class=\"mp-num\">101</td>", province);

        var city = await RenderAsync(Province(15));
        Assert.DoesNotContain("all-entries-pager", city);
        Assert.Equal(15, Regex.Count(city, "class=\"mp-rank-explain-link\""));
    }
}
