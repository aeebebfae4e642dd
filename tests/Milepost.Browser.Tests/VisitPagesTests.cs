using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>A leader records a visit and passes a finding on as a problem; the office reads approval times.</summary>
[Collection("app")]
public sealed class VisitPagesTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static Task InteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    private static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = option }).Filter(new() { Visible = true }).First.ClickAsync();
    }

    [Fact]
    public async Task Leader_RecordsAVisit_AndTurnsAFindingIntoAProblem()
    {
        var page = await app.SignInAsync("leader");
        await page.GotoAsync("/leader");
        await InteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "陈宇航" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "大数据产业园一期" }).First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("起步区安置房用地尚有 3 宗未完成征收").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("60-leader-page.png"), FullPage = true });

        await page.GotoAsync("/visits");
        await InteractiveAsync(page);
        await Assertions.Expect(page.GetByText("共 ").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("61-visit-list.png"), FullPage = true });

        await page.GotoAsync("/visits/new");
        await InteractiveAsync(page);
        await page.Locator("#f-save").ClickAsync();
        await Assertions.Expect(page.GetByText("请至少选择一个督导项目").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("请填写督导情况（发现的问题和要求）").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("62-visit-form-errors.png"), FullPage = true });

        var form = page.GetByTestId("visit-form");
        await ChooseAsync(page, form.Locator(".ant-select").Nth(2), "职业教育园区");
        // A multiple select stays open after a choice: click elsewhere and let it close.
        await page.GetByRole(AriaRole.Heading, new() { Name = "登记现场督导" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ant-select-dropdown").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await page.Locator("#f-findings").FillAsync("督导职业教育园区建设，林地占用手续进展缓慢，要求加快办理。");
        var row = page.GetByTestId("finding-row").First;
        await row.GetByPlaceholder("发现的问题或要求").FillAsync("林地占用手续尚未报批，影响二期用地规划许可");
        await ChooseAsync(page, row.Locator(".ant-select"), "职业教育园区");
        await page.Locator("#f-save").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "陈宇航副市长现场督导" })).ToBeVisibleAsync();
        await page.Locator(".f-to-problem").First.ClickAsync();
        var modal = page.Locator(".ant-modal");
        await Assertions.Expect(modal.GetByText("林地占用手续尚未报批").First).ToBeVisibleAsync();
        await ChooseAsync(page, modal.Locator(".ant-select").First, "用地");
        await Assertions.Expect(page.Locator(".ant-select-dropdown").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("63-visit-convert.png") });
        await modal.GetByRole(AriaRole.Button, new() { Name = "确定转办" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("finding-problem")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("finding-problem")).ToContainTextAsync("已转为问题");
        await Assertions.Expect(page.Locator(".f-to-problem")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".ant-modal-wrap").Filter(new() { Visible = true })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("64-visit-converted.png"), FullPage = true });
    }

    [Fact]
    public async Task Supervisor_ReadsApprovalTimes_AndRecordsAnApproval()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/approvals/stats");
        await InteractiveAsync(page);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审批事项用时统计" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "环评批复" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("65-approval-stats.png"), FullPage = true });

        await page.GotoAsync("/visits");
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "赵明辉市长、陈宇航副市长现场督导" }).ClickAsync();
        await Assertions.Expect(page.GetByText("已转为督办事项").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("visit-facts")).ToContainTextAsync("赵明辉");
        await page.ScreenshotAsync(new() { Path = Shot("66-visit-detail-demo.png"), FullPage = true });

        await page.GotoAsync("/projects");
        await InteractiveAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "滨江生态湿地公园" }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "审批事项" }).ClickAsync();
        await page.Locator("#a-new").ClickAsync();
        var modal = page.Locator(".ant-modal");
        await modal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(modal.GetByText("请填写审批部门").First).ToBeVisibleAsync();
        await Assertions.Expect(modal.GetByText("请选择审批事项类别").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("67-approval-form-errors.png") });
        await ChooseAsync(page, modal.Locator(".ant-select").First, "社会稳定风险评估");
        await modal.Locator("#a-authority").FillAsync("市信访局");
        await modal.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "市信访局" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("68-project-approvals.png"), FullPage = true });
    }
}
