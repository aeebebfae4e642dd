using System.Text.Json;
using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>The printable bulletin (督查通报): a leader opens May's and prints it on A4.</summary>
[Collection("app")]
public sealed class BulletinPrintTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    [Fact]
    public async Task Leader_prints_the_bulletin_as_a_red_head_notice_on_A4()
    {
        var id = await MayPublicationAsync();
        var page = await app.SignInAsync("leader");
        var errors = ConsoleErrors.Watch(page);
        await PrintStub.InstallAsync(page);
        await page.GotoAsync($"/ranking/publications/{id}/bulletin");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "岷江市重点项目建设红黑榜督查通报" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "二、黑榜项目" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "岷江会议会展中心" })).ToContainTextAsync("一票否决");
        await page.ScreenshotAsync(new() { Path = Shot("71-bulletin-screen.png"), FullPage = true });
        // 打印 opens the print dialog (window.print, counted by the stub); the CSP refused the inline handler it once had.
        await page.GetByRole(AriaRole.Button, new() { Name = "打印" }).ClickAsync();
        Assert.Equal(1, await PrintStub.CallsAsync(page));
        Assert.True(errors.Count == 0, "Console errors: " + string.Join("\n", errors));

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "打印" })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".bl-head")).ToHaveCSSAsync("color", "rgb(230, 0, 18)");   // the red head stays red on paper
        await page.SetViewportSizeAsync(794, 1123);   // A4 at 96 dpi
        await page.ScreenshotAsync(new() { Path = Shot("71-bulletin-print.png"), FullPage = true });
        var pdf = await page.PdfAsync(new() { Path = Shot("71-bulletin.pdf"), Format = "A4", PrintBackground = true, PreferCSSPageSize = true });
        Assert.True(pdf.Length > 10_000);
        await page.Context.CloseAsync();
    }

    /// <summary>May 2020's current publication; published by the office first when the shared app has none yet.</summary>
    private async Task<long> MayPublicationAsync()
    {
        var page = await app.SignInAsync("supervisor");
        var api = page.Context.APIRequest;
        var list = JsonDocument.Parse(await (await api.GetAsync("/api/v1/rankings/publications")).TextAsync()).RootElement;
        var may = list.EnumerateArray().FirstOrDefault(p => IsMay(p.GetProperty("month")) && p.GetProperty("supersededAt").ValueKind == JsonValueKind.Null);
        long id;
        if (may.ValueKind == JsonValueKind.Object) id = may.GetProperty("id").GetInt64();
        else
        {
            var created = await api.PostAsync("/api/v1/rankings/2020-05/publications", new() { DataObject = new { note = "5月红黑榜正式发布" } });
            Assert.Equal(201, created.Status);
            id = JsonDocument.Parse(await created.TextAsync()).RootElement.GetProperty("id").GetInt64();
        }
        await page.Context.CloseAsync();
        return id;
    }

    private static bool IsMay(JsonElement month) => month.ValueKind == JsonValueKind.String
        ? month.GetString() == "2020-05"
        : month.GetProperty("year").GetInt32() == 2020 && month.GetProperty("month").GetInt32() == 5;
}

/// <summary>Counts window.print calls instead of opening the dialog (headless Chromium has none).</summary>
public static class PrintStub
{
    public static Task InstallAsync(IPage page) =>
        page.Context.AddInitScriptAsync("window.__prints = 0; window.print = function () { window.__prints++; };");

    public static Task<int> CallsAsync(IPage page) => page.EvaluateAsync<int>("() => window.__prints");
}
