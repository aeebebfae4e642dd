using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Milepost.Data;

namespace Milepost.Browser.Tests;

/// <summary>
/// 挂图作战大屏 on the office's wall at 1920×1080: it fits the screen without scroll bars, rotates to the
/// programmes, and refreshes its figures in place (the page is never reloaded).
/// </summary>
[Collection("app")]
public sealed class ScreenTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private async Task<IPage> OpenAsync(string url)
    {
        var page = await app.SignInAsync("supervisor");
        await page.SetViewportSizeAsync(1920, 1080);
        await GoAsync(page, url);
        return page;
    }

    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    /// <summary>Neither the document nor the body is larger than the window, either way.</summary>
    private static Task<bool> FitsAsync(IPage page) => page.EvaluateAsync<bool>(
        """
        () => document.documentElement.scrollHeight <= window.innerHeight && document.documentElement.scrollWidth <= window.innerWidth
           && document.body.scrollHeight <= window.innerHeight && document.body.scrollWidth <= window.innerWidth
        """);

    [Fact]
    public async Task The_wall_display_in_English_fits_1920x1080_too()
    {
        var page = await app.SignInAsync("supervisor");
        await page.SetViewportSizeAsync(1920, 1080);
        // The culture switch sends the browser back to the screen with the English cookie.
        await GoAsync(page, "/culture?c=en&r=" + Uri.EscapeDataString("/screen?rotate=0"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "岷江市 key projects" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("screen-laggards").Locator("li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("map-point").First).ToBeVisibleAsync();
        Assert.True(await FitsAsync(page), "the English wall display has scroll bars at 1920×1080");
        await page.ScreenshotAsync(new() { Path = Shot("92-screen-en.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_wall_display_fits_1920x1080_and_rotates_to_a_programme()
    {
        // The demo city comes with its outline, so the map is drawn over it.
        var page = await OpenAsync("/screen?rotate=0");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "岷江市重点项目挂图作战" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("screen-tiles")).ToContainTextAsync("完成率 / 序时进度");
        await Assertions.Expect(page.GetByTestId("tile-rate")).ToContainTextAsync("个百分点");
        await Assertions.Expect(page.GetByTestId("screen-laggards").Locator("li").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("map-point").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("map-boundary")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("screen-pager")).ToContainTextAsync("1/3");
        Assert.True(await FitsAsync(page), "the portfolio page has scroll bars at 1920×1080");
        await page.ScreenshotAsync(new() { Path = Shot("90-screen-1920.png") });

        // Every three seconds the next page: the programmes follow the portfolio, each named in the title.
        await GoAsync(page, "/screen?rotate=3");
        var screen = page.GetByTestId("screen");
        await Assertions.Expect(screen).ToHaveAttributeAsync("data-page", "1", new() { Timeout = 15_000 });
        await Assertions.Expect(page.GetByTestId("screen-programme")).ToContainTextAsync("板块");
        await Assertions.Expect(page.GetByTestId("screen-pager")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("[23]/3"));
        Assert.True(await FitsAsync(page), "a programme page has scroll bars at 1920×1080");

        // A screen can also be pinned to one programme: its own figures, its name, no rotation.
        await GoAsync(page, $"/screen?programme={await ProgrammeIdAsync("产城融合板块")}");
        await Assertions.Expect(page.GetByTestId("screen-programme")).ToHaveTextAsync("产城融合板块");
        await Assertions.Expect(page.GetByTestId("screen-bars")).ToContainTextAsync("分行业类别");
        await Assertions.Expect(page.GetByTestId("map-boundary")).ToHaveCountAsync(1);
        Assert.True(await FitsAsync(page), "a pinned programme page has scroll bars at 1920×1080");
        await page.ScreenshotAsync(new() { Path = Shot("91-screen-programme.png") });
        await page.Context.CloseAsync();
    }

    private async Task<long> ProgrammeIdAsync(string name)
    {
        using var scope = app.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().Programmes.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task The_figures_refresh_in_place_without_reloading_the_page()
    {
        // ?refreshSeconds= is the test's short interval (2 s at the least); the office sets ?refresh= in minutes.
        var page = await OpenAsync("/screen?refreshSeconds=2&rotate=0");
        var screen = page.GetByTestId("screen");
        await Assertions.Expect(page.GetByTestId("screen-refresh")).ToContainTextAsync("每2秒自动刷新");
        var before = await screen.GetAttributeAsync("data-refresh-count");
        await page.EvaluateAsync("() => { window.__mpMarker = 1; }");
        await Assertions.Expect(screen).Not.ToHaveAttributeAsync("data-refresh-count", before!, new() { Timeout = 15_000 });
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__mpMarker ?? 0"));
        await page.Context.CloseAsync();
    }
}
