using Microsoft.Playwright;
using Milepost.Web.Tests.Ledger;

namespace Milepost.Browser.Tests;

/// <summary>
/// A real-shaped ledger on the import page (issue 15 item 4): the preview shows how each section heading maps to a
/// category, the office chooses one for the heading nothing matched, allows the unknown leader to be created, and imports.
/// </summary>
[Collection("app")]
public sealed class ImportSectionsTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    [Fact]
    public async Task Office_confirms_the_sections_chooses_one_and_imports_seven_projects()
    {
        var page = await app.SignInAsync("supervisor");
        var console = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") console.Add(m.Text); };
        await page.GotoAsync("/import");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

        await page.Locator("#import-file").SetInputFilesAsync(new FilePayload
        {
            Name = "岷江市2020年重点项目推进情况表.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Buffer = ImportRealLedgerTests.Ledger("页面", "吴启明"),
        });
        var sections = page.GetByTestId("import-sections");
        await Assertions.Expect(sections).ToContainTextAsync("交通基础设施工程", new() { Timeout = 30_000 });
        await Assertions.Expect(sections).ToContainTextAsync("去掉“项目/类/工程”后相同");
        await Assertions.Expect(sections).ToContainTextAsync("未对应，请选择");
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("吴启明");
        await page.ScreenshotAsync(new() { Path = Shot("103-import-sections.png"), FullPage = true });

        await page.GetByTestId("import-section-choice").Nth(2).SelectOptionAsync("教育");
        await Assertions.Expect(sections).ToContainTextAsync("已手动选择", new() { Timeout = 30_000 });
        await page.GetByTestId("import-create-missing").CheckAsync();
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("新增 7", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-created-lookups")).ToContainTextAsync("市领导：吴启明（市长助理）");
        await Assertions.Expect(page.GetByTestId("import-opening")).ToContainTextAsync("期初数据截至 2020年5月");
        await page.ScreenshotAsync(new() { Path = Shot("104-import-sections-chosen.png"), FullPage = true });

        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("105-import-done-390.png"), FullPage = true });
        Assert.Empty(console);
        await page.Context.CloseAsync();
    }
}
