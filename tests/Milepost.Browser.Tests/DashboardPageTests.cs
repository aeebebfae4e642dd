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
        var pane = page.Locator(".ant-tabs-tabpane-active");
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
    }
}
