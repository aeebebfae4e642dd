using Microsoft.Playwright;
using static Milepost.Web.Tests.BaseData.BaseDataWorkbookFiles;

namespace Milepost.Browser.Tests;

/// <summary>
/// The office exports its base data, loads the workbook back and sees every sheet unchanged; then imports a change and
/// a new unit after reading the preview; a workbook with a mistake shows the cell and offers the marked workbook.
/// </summary>
[Collection("app")]
public sealed class BaseDataWorkbookPanelTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static FilePayload Xlsx(string name, byte[] bytes) =>
        new() { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bytes };

    [Fact]
    public async Task Supervisor_exports_reimports_unchanged_imports_a_change_and_sees_a_mistake_at_its_cell()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/base-data/workbook");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "基础数据工作簿" })).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("base-export").ClickAsync());
        Assert.StartsWith("基础数据-", download.SuggestedFilename);
        var exported = await File.ReadAllBytesAsync((await download.PathAsync())!);

        await page.Locator("#base-workbook-file").SetInputFilesAsync(Xlsx(download.SuggestedFilename, exported));
        await Assertions.Expect(page.GetByTestId("base-counts")).ToContainTextAsync("新增 0", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("base-counts")).ToContainTextAsync("更新 0");
        await Assertions.Expect(page.GetByTestId("base-nothing")).ToContainTextAsync("无需导入");
        await Assertions.Expect(page.GetByTestId("base-sheets").Locator("tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByTestId("base-confirm")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("base-workbook-1440-unchanged.png"), FullPage = true });

        var change = Workbook(
            Sheet("单位", Row("名称", "简称", "类型", "上级单位"), Row("浏览器测试建设有限公司", "浏览器建设", "业主单位", "市交通建设投资集团有限公司")),
            Sheet("市领导", Row("姓名", "分管领域"), Row("刘静怡", "教育、卫生健康")));
        await page.Locator("#base-workbook-file").SetInputFilesAsync(Xlsx("改动.xlsx", change));
        await Assertions.Expect(page.GetByTestId("base-preview-unit")).ToContainTextAsync("浏览器测试建设有限公司", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("base-preview-leader")).ToContainTextAsync("分管领域");
        await page.ScreenshotAsync(new() { Path = Shot("base-workbook-1440-preview.png"), FullPage = true });
        await page.GetByTestId("base-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("base-confirm")).ToHaveCountAsync(0);

        var mistake = Workbook(Sheet("单位", Row("名称", "类型", "别名"), Row("浏览器第二公司", "主管部门"), Row("浏览器第三公司", "业主单位", "浏览器建设")));
        await page.SetViewportSizeAsync(390, 844);
        // Nothing is wider than a phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.Locator("#base-workbook-file").SetInputFilesAsync(Xlsx("有错.xlsx", mistake));
        var errors = page.GetByTestId("base-errors");
        await Assertions.Expect(errors).ToContainTextAsync("单位!B2", new() { Timeout = 30_000 });
        await Assertions.Expect(errors).ToContainTextAsync("单位类型“主管部门”无法识别");
        await Assertions.Expect(errors).ToContainTextAsync("单位!C3");
        await Assertions.Expect(errors).ToContainTextAsync("“浏览器建设”已是单位“浏览器测试建设有限公司”的名称、简称或别名");
        await Assertions.Expect(page.GetByTestId("base-download")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("base-confirm")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("base-workbook-390-errors.png"), FullPage = true });

        // The workbook exported before the change would undo it: the preview says so before anything is written.
        await page.Locator("#base-workbook-file").SetInputFilesAsync(Xlsx(download.SuggestedFilename, exported));
        await Assertions.Expect(page.GetByTestId("base-preview-leader")).ToContainTextAsync("刘静怡", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("base-preview-leader")).ToContainTextAsync("分管领域");
        await page.ScreenshotAsync(new() { Path = Shot("base-workbook-390-preview.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
