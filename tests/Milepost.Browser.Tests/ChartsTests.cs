using System.Text;
using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>
/// The project map in a real browser: the office uploads the city's boundary in settings, a wrong file is
/// refused with its reason, and the preview map shows the projects over it; hovering a point opens its card
/// with the figures and a link, and the table behind the map is one click away.
/// </summary>
[Collection("app")]
public sealed class ChartsTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    // An irregular outline around the demo city's projects (about 102.95–103.14°E, 29.95–30.12°N).
    private const string Boundary = """
        {"type":"Feature","properties":{"name":"岷江市"},"geometry":{"type":"Polygon","coordinates":[[
          [102.90,29.93],[102.97,29.90],[103.05,29.91],[103.12,29.89],[103.19,29.93],[103.21,30.00],[103.17,30.06],
          [103.19,30.12],[103.13,30.17],[103.04,30.16],[102.97,30.18],[102.91,30.14],[102.92,30.07],[102.88,30.01],[102.90,29.93]]]}}
        """;

    private static FilePayload File(string name, string text) =>
        new() { Name = name, MimeType = "application/geo+json", Buffer = Encoding.UTF8.GetBytes(text) };

    [Fact]
    public async Task The_office_uploads_the_boundary_and_reads_a_project_on_the_map()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/settings");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        var map = page.GetByTestId("boundary-preview");
        await Assertions.Expect(map.GetByTestId("map-point")).ToHaveCountAsync(15);

        // A file in projected metres is refused with the reason, and nothing is drawn.
        await page.Locator("#boundary-file").SetInputFilesAsync(File("投影坐标.geojson",
            """{"type":"Polygon","coordinates":[[[3400000,500000],[3400100,500000],[3400100,500100],[3400000,500000]]]}"""));
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("不是投影坐标");
        // The outline in force (the demo's, or another test's) is kept.
        await Assertions.Expect(map.GetByTestId("map-boundary")).ToHaveCountAsync(1);

        await page.Locator("#boundary-file").SetInputFilesAsync(File("岷江市行政区划.geojson", Boundary));
        await Assertions.Expect(page.GetByTestId("boundary-current")).ToContainTextAsync("岷江市行政区划.geojson（1 个面");
        await Assertions.Expect(map.GetByTestId("map-boundary")).ToHaveCountAsync(1);

        // Every point is inside the drawn map, and no two labels overlap on screen.
        var boxes = await map.Locator("text[data-label]").EvaluateAllAsync<double[][]>(
            "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; })");
        Assert.NotEmpty(boxes);
        for (var i = 0; i < boxes.Length; i++)
            for (var j = i + 1; j < boxes.Length; j++)
                Assert.False(boxes[i][0] < boxes[j][2] && boxes[j][0] < boxes[i][2] && boxes[i][1] < boxes[j][3] && boxes[j][1] < boxes[i][3],
                    $"labels {i} and {j} overlap");

        // Hover a red point: its card names the project with its figures and links to it.
        var red = map.Locator("[data-testid=map-point][data-level=Red]").First;
        var name = (await red.GetAttributeAsync("aria-label"))!.Split('，')[0];
        await red.HoverAsync();
        var card = map.GetByTestId("map-tooltip");
        await Assertions.Expect(card).ToContainTextAsync(name);
        await Assertions.Expect(card).ToContainTextAsync("红色预警");
        await Assertions.Expect(card).ToContainTextAsync("年度计划");
        await Assertions.Expect(card).ToContainTextAsync("完成率");
        await Assertions.Expect(card.GetByRole(AriaRole.Link, new() { Name = "查看项目详情" })).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/projects/\\d+$"));
        await map.ScrollIntoViewIfNeededAsync();
        await map.ScreenshotAsync(new() { Path = Shot("85-map-tooltip.png") });

        // The table behind the map, one click away, lists every project.
        await map.GetByRole(AriaRole.Button, new() { Name = "查看数据表" }).ClickAsync();
        await Assertions.Expect(map.GetByTestId("chart-table").Locator("tbody tr")).ToHaveCountAsync(15);
        await Assertions.Expect(map.GetByTestId("chart-table")).ToContainTextAsync(name);
        await map.ScreenshotAsync(new() { Path = Shot("86-map-table.png") });

        // Clearing is one click and a confirmation.
        // The confirm pops over with an animation: a click during it can be lost, so try again until the boundary goes.
        var current = page.GetByTestId("boundary-current");
        for (var attempt = 0; attempt < 3 && await current.CountAsync() > 0; attempt++)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "清除边界" }).ClickAsync();
            var confirm = page.Locator(".ant-popover:visible .ant-btn-primary");
            await confirm.WaitForAsync();
            await confirm.ClickAsync();
            try { await Assertions.Expect(current).ToHaveCountAsync(0, new() { Timeout = 3000 }); }
            catch (PlaywrightException) { }
        }
        await Assertions.Expect(map.GetByTestId("map-boundary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("boundary-saved")).ToContainTextAsync("边界已清除");

        // Leave the shared portfolio as the demo has it: with an outline.
        await page.Locator("#boundary-file").SetInputFilesAsync(File("岷江市行政区划.geojson", Boundary));
        await Assertions.Expect(page.GetByTestId("boundary-current")).ToContainTextAsync("岷江市行政区划.geojson");
        await map.GetByRole(AriaRole.Button, new() { Name = "查看图表" }).ClickAsync();
        await Assertions.Expect(map.GetByTestId("map-boundary")).ToHaveCountAsync(1);
    }
}
