using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>挂图作战: the office opens the dashboard, narrows it by a filter that lands in the address, and follows a number to its records.</summary>
[Collection("app")]
public sealed class DashboardPageTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    [Fact]
    public async Task Supervisor_reads_the_dashboard_filters_it_and_follows_a_number()
    {
        var page = await app.SignInAsync("supervisor");
        await GoAsync(page, "/");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "挂图作战" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("as-of")).ToContainTextAsync("2020年1—5月");
        await Assertions.Expect(page.GetByTestId("kpis")).ToContainTextAsync("完成率 / 序时进度");
        await Assertions.Expect(page.GetByTestId("laggards")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("80-dashboard.png"), FullPage = true });

        // The breakdown tables sort by a column, and each group links to its projects.
        await page.GetByRole(AriaRole.Tab, new() { Name = "行业类别" }).ClickAsync();
        var pane = page.GetByRole(AriaRole.Tabpanel);
        await Assertions.Expect(pane.GetByRole(AriaRole.Columnheader, new() { Name = "行业类别" })).ToBeVisibleAsync();
        await pane.GetByRole(AriaRole.Columnheader, new() { Name = "完成率" }).ClickAsync();
        // Ascending: the category furthest behind comes first (教育, 6.8 %).
        await Assertions.Expect(pane.Locator("tbody tr.ant-table-row").First).ToContainTextAsync("教育");
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "行业类别" })).ToHaveAttributeAsync("aria-selected", "true");
        await page.ScreenshotAsync(new() { Path = Shot("81-dashboard-by-category.png"), FullPage = true });

        // A filter goes into the address, so the view can be bookmarked and sent.
        await page.GetByTestId("filters").Locator(".ant-select").Nth(1).ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "截至3月" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]month=3"));
        await Assertions.Expect(page.GetByTestId("as-of")).ToContainTextAsync("2020年1—3月");

        // The stage count links to the project list with the stage filter.
        await page.GetByTestId("counts").GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/projects\\?stage="));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_map_opens_a_projects_card_and_a_number_opens_its_records()
    {
        var page = await app.SignInAsync("supervisor");
        await GoAsync(page, "/");
        var map = page.GetByTestId("project-map");
        await Assertions.Expect(map.GetByTestId("map-boundary")).ToHaveCountAsync(1);
        var red = map.Locator("[data-testid=map-point][data-level=Red]").First;
        var name = (await red.GetAttributeAsync("aria-label"))!.Split('，')[0];
        await red.HoverAsync();
        var card = map.GetByTestId("map-tooltip");
        await Assertions.Expect(card).ToContainTextAsync(name);
        await Assertions.Expect(card).ToContainTextAsync("完成率");
        await map.ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = Shot("82-dashboard-map-tooltip.png") });

        // 逾期节点 5 → the five nodes, oldest first, each linking to its project's nodes.
        var tile = page.GetByTestId("alerts").GetByRole(AriaRole.Link).Filter(new() { HasText = "逾期节点" });
        var count = (await tile.Locator(".mp-kpi-value").InnerTextAsync()).Trim();
        await tile.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dashboard/records/overdue-nodes"));
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("records-total")).ToHaveTextAsync($"共 {count} 条");
        await Assertions.Expect(page.Locator("tbody tr.ant-table-row")).ToHaveCountAsync(int.Parse(count));
        await page.ScreenshotAsync(new() { Path = Shot("83-dashboard-records.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_leader_switches_to_their_own_projects_and_the_dashboard_prints_on_A4_landscape()
    {
        var page = await app.SignInAsync("leader");
        var errors = ConsoleErrors.Watch(page);
        await PrintStub.InstallAsync(page);
        await GoAsync(page, "/");
        var all = int.Parse(await page.GetByTestId("kpis").Locator(".mp-kpi-value").First.InnerTextAsync());
        await page.GetByTestId("scope").GetByText("我联系的项目").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("[?&]ledby=\\d+"));
        await Assertions.Expect(page.GetByTestId("leader-view")).ToContainTextAsync("联系及牵头专项的项目");
        await Assertions.Expect(page.GetByTestId("kpis").Locator(".mp-kpi-value").First).Not.ToHaveTextAsync(all.ToString());
        var mine = int.Parse(await page.GetByTestId("kpis").Locator(".mp-kpi-value").First.InnerTextAsync());
        Assert.InRange(mine, 1, all - 1);
        await page.ScreenshotAsync(new() { Path = Shot("84-dashboard-leader.png"), FullPage = true });

        // 打印 reaches window.print, with no inline handler for the CSP to refuse (issue 16).
        await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
        Assert.Equal(1, await PrintStub.CallsAsync(page));
        // Nor any other: the breakdown tabs are our own (AntDesign's rendered an inline ondragover handler the CSP refused).
        Assert.True(errors.Count == 0, "Console errors: " + string.Join("\n", errors));

        // Paper: no menu, filters or buttons; the tiles, both charts and the lists on A4 landscape.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByTestId("filters")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("screen-link")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("s-curve-svg")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("project-map")).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(1123, 794);   // A4 landscape at 96 dpi
        await page.ScreenshotAsync(new() { Path = Shot("87-dashboard-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Path = Shot("87-dashboard-print.pdf"), PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 20_000);
        await page.Context.CloseAsync();
    }
}
