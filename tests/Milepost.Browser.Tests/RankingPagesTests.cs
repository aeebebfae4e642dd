using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>
/// The red-black list (红黑榜): the office exempts a project from May 2020's draft and publishes it; the publication
/// shows its hash check; a leader reads the published list and the annual assessment. Holds whether or not the demo
/// has already published May (publishing again then needs a note, which is always typed).
/// </summary>
[Collection("app")]
public sealed class RankingPagesTests(AppFixture app)
{
    private const string Exempted = "滨江生态湿地公园";

    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    [Fact]
    public async Task Supervisor_exempts_and_publishes_and_a_leader_reads_the_published_list()
    {
        var page = await app.SignInAsync("supervisor");
        await GoAsync(page, "/ranking?month=2020-05");
        await Assertions.Expect(page.GetByTestId("draft-tag")).ToHaveTextAsync("草稿（未发布）");
        await Assertions.Expect(page.GetByTestId("draft-status")).ToContainTextAsync("已过报送期限，可以发布");
        await Assertions.Expect(page.GetByTestId("black-table")).ToContainTextAsync("岷江会议会展中心");
        await Assertions.Expect(page.GetByTestId("red-table")).ToContainTextAsync(Exempted);
        await page.ScreenshotAsync(new() { Path = Shot("70-ranking-draft.png"), FullPage = true });

        // The reason is required; then the project leaves the red list and is listed as exempted.
        var form = page.GetByTestId("exempt-form");
        await form.Locator(".ant-select").Nth(0).ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = Exempted }).ClickAsync();
        await form.Locator(".ant-select").Nth(1).ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "政策性停工" }).ClickAsync();
        await page.Locator("#x-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("请填写豁免理由");
        await page.Locator("#x-reason").FillAsync("湿地核心区按省林草局要求暂停施工，待生态评估复核");
        await page.Locator("#x-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("exempted")).ToContainTextAsync(Exempted);
        await Assertions.Expect(page.GetByTestId("exempted")).ToContainTextAsync("湿地核心区按省林草局要求暂停施工");
        await Assertions.Expect(page.GetByTestId("red-table")).Not.ToContainTextAsync(Exempted);

        // A row opens to explain its score.
        await page.GetByTestId("all-entries").Locator("tr", new() { HasText = "岷江会议会展中心" }).GetByText("算分说明").ClickAsync();
        await Assertions.Expect(page.GetByTestId("explain")).ToContainTextAsync("投资得分 = 50 × min(完成率 ÷ 序时进度, 1) = 50 × min(6.6% ÷ 34.0%, 1) = 9.65");
        await Assertions.Expect(page.GetByTestId("explain")).ToContainTextAsync("一票否决：连续 2 个月未报送月报");
        await page.ScreenshotAsync(new() { Path = Shot("71-ranking-exempted-explained.png"), FullPage = true });

        await page.Locator("#publish").ClickAsync();
        await page.Locator("#p-note").FillAsync("豁免滨江生态湿地公园后发布");
        await page.ScreenshotAsync(new() { Path = Shot("72-ranking-publish-confirm.png") });
        await page.GetByRole(AriaRole.Button, new() { Name = "确认发布" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ranking/publications/\\d+$"));
        await Assertions.Expect(page.GetByTestId("hash-check")).ToContainTextAsync("快照校验一致");
        await Assertions.Expect(page.GetByTestId("exempted")).ToContainTextAsync(Exempted);
        await Assertions.Expect(page.GetByTestId("bulletin-links")).ToContainTextAsync("下载通报（Word）");
        var publication = page.Url;
        await page.ScreenshotAsync(new() { Path = Shot("73-ranking-publication.png"), FullPage = true });

        await GoAsync(page, "/ranking/history");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("现行有效");
        await page.ScreenshotAsync(new() { Path = Shot("74-ranking-history.png"), FullPage = true });

        // Withdrawing the exemption changes the draft, never the publication.
        await GoAsync(page, "/ranking?month=2020-05");
        // The confirm pops over with an animation: a click during it can be lost, so try again until the row goes.
        var row = page.GetByTestId("exemption-list").Locator("tr", new() { HasText = Exempted });
        for (var attempt = 0; attempt < 3 && await row.CountAsync() > 0; attempt++)
        {
            await row.GetByText("撤销").ClickAsync();
            var confirm = page.Locator(".ant-popover:visible .ant-btn-primary");
            await confirm.WaitForAsync();
            await confirm.ClickAsync();
            try { await Assertions.Expect(row).ToHaveCountAsync(0, new() { Timeout = 3000 }); }
            catch (PlaywrightException) { }
        }
        await Assertions.Expect(row).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("red-table")).ToContainTextAsync(Exempted);

        var leader = await app.SignInAsync("leader");
        await GoAsync(leader, "/ranking?month=2020-05");
        await Assertions.Expect(leader.GetByTestId("publication-info")).ToBeVisibleAsync();
        await Assertions.Expect(leader.GetByTestId("exempted")).ToContainTextAsync(Exempted);
        await Assertions.Expect(leader.Locator("#publish")).ToHaveCountAsync(0);
        await Assertions.Expect(leader.GetByTestId("exempt-form")).ToHaveCountAsync(0);
        await leader.ScreenshotAsync(new() { Path = Shot("75-ranking-leader.png"), FullPage = true });
        await leader.Locator("#open-publication").ClickAsync();
        await Assertions.Expect(leader).ToHaveURLAsync(publication);

        await GoAsync(leader, "/assessment?year=2020");
        await Assertions.Expect(leader.GetByTestId("assessment")).ToContainTextAsync("市交通运输局");
        await Assertions.Expect(leader.GetByTestId("published-months")).ToContainTextAsync("5月 ✓");
        await leader.ScreenshotAsync(new() { Path = Shot("76-assessment.png"), FullPage = true });
    }
}
