using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>
/// Every role opens every page of its menu, every tab on those pages and every tab of a project, and nothing goes wrong
/// in the browser: no console error (a CSP refusal is one), no uncaught exception, no failed request, no HTTP error.
/// What a page shows is tested elsewhere; this test is what makes a broken page impossible to ship unnoticed (issue 16).
/// </summary>
[Collection("app")]
public sealed class AllPagesTests(AppFixture app)
{
    public static TheoryData<string> Users => new() { "supervisor", "leader", "dept", "owner", "auditor", "admin", "security" };

    [Theory]
    [MemberData(nameof(Users))]
    public async Task Every_menu_page_and_tab_opens_without_a_browser_error(string user)
    {
        var page = await app.SignInAsync(user);
        var problems = Watch(page);
        var visited = new List<string>();

        var menu = await page.Locator("nav.mp-nav a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.NotEmpty(menu);
        // The administrators and the auditor see no business data, so no 项目 menu (issue 16).
        Assert.Equal(user is "supervisor" or "leader" or "dept" or "owner", menu.Contains("/projects"));
        foreach (var href in menu.Distinct())
        {
            await OpenAsync(page, href, visited);
            // Tabs that are links (基础数据) are pages of their own; tabs that are buttons show a panel.
            var tabLinks = await page.Locator("a[role=tab]").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            foreach (var tab in tabLinks.Where(t => !visited.Contains(t))) await OpenAsync(page, tab, visited);
            await ClickTabsAsync(page, href, visited);
        }

        // A project's page, every tab, when the role sees projects at all.
        if (menu.Contains("/projects"))
        {
            await OpenAsync(page, "/projects", visited);
            var first = page.Locator("a.mp-project-link").First;
            if (await first.CountAsync() > 0)
            {
                var project = (await first.GetAttributeAsync("href"))!;
                await OpenAsync(page, project, visited);
                await ClickTabsAsync(page, project, visited);
            }
        }

        Assert.True(problems.Count == 0, $"{user}: {problems.Count} browser errors on {visited.Count} pages and tabs:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }

    private static async Task OpenAsync(IPage page, string href, List<string> visited)
    {
        visited.Add(href);
        await page.GotoAsync(href);
        await SettleAsync(page);
    }

    private static async Task ClickTabsAsync(IPage page, string where, List<string> visited)
    {
        var tabs = page.Locator("button[role=tab]");
        for (var i = 0; i < await tabs.CountAsync(); i++)
        {
            var tab = tabs.Nth(i);
            visited.Add($"{where} › {await tab.InnerTextAsync()}");
            await tab.ClickAsync();
            await Assertions.Expect(tab).ToHaveAttributeAsync("aria-selected", "true");
            await SettleAsync(page);
        }
    }

    /// <summary>The circuit is up and nothing is loading.</summary>
    private static async Task SettleAsync(IPage page)
    {
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Console errors, uncaught exceptions, failed requests and HTTP errors, each with where it happened.</summary>
    private static List<string> Watch(IPage page)
    {
        var problems = ConsoleErrors.Watch(page);
        // A request cut off by the next navigation is not a failure of the page.
        page.RequestFailed += (_, r) => { if (r.Failure is not "net::ERR_ABORTED") problems.Add($"request failed: {r.Method} {r.Url} ({r.Failure}) on {page.Url}"); };
        page.Response += (_, r) => { if (r.Status >= 400) problems.Add($"HTTP {r.Status}: {r.Request.Method} {r.Url} on {page.Url}"); };
        return problems;
    }
}
