using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>On an empty install the office finds its city, previews its districts and counties and brings them in at once.</summary>
[Collection("empty-app")]
public sealed class CityDivisionsPageTests(EmptyAppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static readonly string[] YaAnCounties = ["雨城区", "名山区", "荥经县", "汉源县", "石棉县", "天全县", "芦山县", "宝兴县"];

    [Fact]
    public async Task Office_searches_YaAn_previews_its_counties_confirms_and_sees_them_created()
    {
        // An empty install sends the office to 首次使用 (/start) after sign-in.
        var page = await app.SignInAsync("supervisor");
        Assert.Equal("/start", new Uri(page.Url).AbsolutePath);
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{m.Text} ({m.Location})"); };
        page.PageError += (_, e) => errors.Add(e);
        var city = new CityDivisionsPage(page);

        await city.OpenAsync();
        await Assertions.Expect(page.GetByTestId("city-current")).ToHaveCountAsync(0);
        await city.SearchAsync("雅安");
        await page.GetByTestId("city-511800").ClickAsync();
        var preview = page.GetByTestId("city-preview");
        await Assertions.Expect(preview.Locator("tbody tr")).ToHaveCountAsync(9);
        await Assertions.Expect(preview).ToContainTextAsync("宝兴县");
        await Assertions.Expect(preview.GetByText("将新建")).ToHaveCountAsync(9);
        await page.ScreenshotAsync(new() { Path = Shot("city-1-preview-1440.png"), FullPage = true });

        await page.GetByTestId("city-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("city-result")).ToContainTextAsync("新建 9");
        var created = page.GetByTestId("city-created");
        foreach (var county in YaAnCounties) await Assertions.Expect(created).ToContainTextAsync(county);
        await Assertions.Expect(page.GetByTestId("city-current")).ToContainTextAsync("雅安市（511800）");
        await Assertions.Expect(page.GetByTestId("city-back")).ToHaveAttributeAsync("href", "/base-data?tab=divisions");
        await page.ScreenshotAsync(new() { Path = Shot("city-2-done-1440.png"), FullPage = true });

        // A phone's width; then another city is refused before anything is sent, and 雅安 shows all present.
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("city-3-done-390.png"), FullPage = true });
        await city.OpenAsync();
        await city.SearchAsync("凉山州");
        await Assertions.Expect(page.GetByTestId("city-blocked")).ToContainTextAsync("本系统已设置为雅安市（511800）");
        await Assertions.Expect(page.GetByTestId("city-confirm")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("city-4-other-city-390.png"), FullPage = true });
        await city.SearchAsync("511800");
        await Assertions.Expect(page.GetByTestId("city-complete")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("city-preview").GetByText("已有")).ToHaveCountAsync(9);

        // The same in English.
        await page.SetViewportSizeAsync(1440, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set up the city's divisions" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await city.SearchAsync("阿坝");
        await Assertions.Expect(page.GetByTestId("city-blocked")).ToContainTextAsync("already set up for 雅安市（511800）");
        await page.ScreenshotAsync(new() { Path = Shot("city-5-en-1440.png"), FullPage = true });

        Assert.True(errors.Count == 0, "Console errors: " + string.Join("\n", errors));
        await page.Context.CloseAsync();
    }
}

/// <summary>/base-data/city: the search box and the matches.</summary>
public sealed class CityDivisionsPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("/base-data/city");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "设置本市行政区划" })).ToBeVisibleAsync();
    }

    /// <summary>Types into the search box as a person does (key by key), and waits for the matches.</summary>
    public async Task SearchAsync(string text)
    {
        var box = page.Locator("#city-search");
        await box.FillAsync("");
        await box.PressSequentiallyAsync(text);
        await Assertions.Expect(page.GetByTestId("city-matches")).ToBeVisibleAsync();
    }
}
