using Microsoft.Playwright;
using Milepost.Web.Tests.Ledger;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Browser.Tests;

/// <summary>The office uploads its ledger, reads the dry run, confirms; a bad ledger shows every bad cell and offers the error workbook.</summary>
[Collection("app")]
public sealed class ImportPageTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static FilePayload Xlsx(string name, byte[] bytes) =>
        new() { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bytes };

    [Fact]
    public async Task Supervisor_checks_a_ledger_then_imports_it_and_sees_the_errors_of_a_bad_one()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/import");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入项目台账" })).ToBeVisibleAsync();

        await page.Locator("#import-file").SetInputFilesAsync(Xlsx("岷江市2020年重点项目台账.xlsx", ImportProjectsTests.Messy("浏览器", "2020-511800-48-01-009501")));
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("新增 4", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("浏览器大桥");
        await page.ScreenshotAsync(new() { Path = Shot("95-import-dry-run.png"), FullPage = true });

        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("96-import-done.png"), FullPage = true });

        var bad = ImportFiles.Xlsx(
            Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "联系市领导", "行业类别", "计划开工时间"),
            Row("浏览器一", "100", "不存在的公司", "市交通运输局", "孙立群", "交通", "2020-03-01"),
            Row("浏览器二", "一百", "市交通建设投资集团有限公司", "市交通运输局", "王不在", "交通", "2020/13/1"));
        await page.Locator("#import-file").SetInputFilesAsync(Xlsx("有错误的台账.xlsx", bad));
        var errors = page.GetByTestId("import-errors");
        await Assertions.Expect(errors).ToContainTextAsync("业主单位“不存在的公司”不存在", new() { Timeout = 30_000 });
        await Assertions.Expect(errors).ToContainTextAsync("金额无法识别");
        await Assertions.Expect(page.GetByTestId("import-download")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("import-confirm")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("97-import-errors.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Supervisor_switches_to_monthly_reports_checks_a_sheet_and_imports_it_approved()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/import");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.Locator("#import-file").SetInputFilesAsync(Xlsx("台账.xlsx", ImportProjectsTests.Messy("浏览月", "2020-511800-48-01-009601")));
        await page.GetByTestId("import-confirm").ClickAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        await page.GetByTestId("import-kind").GetByText("月报").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入月报" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        Assert.EndsWith("/import?kind=reports", page.Url);
        await Assertions.Expect(page.GetByTestId("import-counts")).ToHaveCountAsync(0);

        var sheet = ImportFiles.Xlsx("5月月报",
            Row("岷江市2020年5月重点项目月报"),
            Row("项目代码", "项目名称", "月份", "本月完成投资（万元）", "形象进度", "进展情况"),
            Row("2020-511800-48-01-009601", "浏览月大桥", "2020年5月", "1,500", "40%", "主桥承台施工"),
            Row(null, "浏览月医院", "2020年5月", "0.05亿元", "30%", "基础施工"),
            Row(null, "浏览月快速路", "2020年5月", 800.0, "主体施工", null));
        await page.GetByTestId("import-approve").CheckAsync();
        await page.Locator("#import-file").SetInputFilesAsync(Xlsx("5月月报.xlsx", sheet));
        await Assertions.Expect(page.GetByTestId("import-counts")).ToContainTextAsync("新增 3", new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("2020年5月");
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("报送并审核通过");
        await page.ScreenshotAsync(new() { Path = Shot("98-import-reports-dry-run.png"), FullPage = true });
        // Changing the option after the preview checks again: what 确认导入 writes is always what was shown.
        await page.GetByTestId("import-approve").UncheckAsync();
        await Assertions.Expect(page.GetByTestId("import-rows")).Not.ToContainTextAsync("审核通过", new() { Timeout = 30_000 });
        await page.GetByTestId("import-approve").CheckAsync();
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("报送并审核通过", new() { Timeout = 30_000 });

        await page.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("99-import-reports-done.png"), FullPage = true });

        // The same sheet with another figure for an approved month: refused, with the way to correct it.
        var changed = ImportFiles.Xlsx("5月月报", Row("项目名称", "月份", "本月完成投资（万元）"), Row("浏览月医院", "2020年5月", 600.0));
        await page.Locator("#import-file").SetInputFilesAsync(Xlsx("5月月报-修改.xlsx", changed));
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("已审核通过", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("99-import-reports-errors.png"), FullPage = true });

        // The same in English.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import monthly reports" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.Locator("#import-file").SetInputFilesAsync(Xlsx("May.xlsx", changed));
        await Assertions.Expect(page.GetByTestId("import-errors")).ToContainTextAsync("is approved", new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Shot("99-import-reports-en.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
