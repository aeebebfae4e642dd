using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>The problem ledger (问题台账): the office filters it, an owner raises a problem, a department closes one, the office escalates.</summary>
[Collection("app")]
public sealed class ProblemPagesTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static async Task GoAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
    }

    [Fact]
    public async Task Supervisor_filters_the_ledger_and_sees_the_department_summary()
    {
        var page = await app.SignInAsync("supervisor");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "问题台账" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "问题协调台账" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "跨岷江特大桥涉河建设方案待省水利厅审查，影响主墩围堰施工" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "各责任单位办理情况（牵头单位，全部问题）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=escalation-setting] input")).ToHaveValueAsync("10");
        await page.ScreenshotAsync(new() { Path = Shot("40-problem-ledger.png"), FullPage = true });

        await page.Locator("#filter-overdue").CheckAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/problems\\?overdue=true$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "施工用电临时接入容量不足" })).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByText("专项债资金 2 亿元尚未到位")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("41-problem-ledger-overdue.png"), FullPage = true });
    }

    [Fact]
    public async Task Owner_raises_a_problem_from_its_project_and_is_told_what_is_missing()
    {
        var page = await app.SignInAsync("owner");
        await page.GotoAsync("/projects");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await page.GetByRole(AriaRole.Link, new() { Name = "岷江综合客运枢纽", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Tab, new() { Name = "问题" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#raise-problem")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("48-project-problems-tab.png"), FullPage = true });
        await page.Locator("#raise-problem").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/problems/new\\?projectId=\\d+$"));
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("problem-form")).ToContainTextAsync("岷江综合客运枢纽");

        await page.Locator("#f-save").ClickAsync();
        var errors = page.GetByTestId("errors");
        await Assertions.Expect(errors).ToContainTextAsync("请选择问题类别");
        await Assertions.Expect(errors).ToContainTextAsync("请填写问题描述");
        await page.ScreenshotAsync(new() { Path = Shot("42-problem-raise-validation.png"), FullPage = true });

        await page.GetByTestId("problem-form").Locator(".ant-select").Nth(1).ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "水电气" }).ClickAsync();
        await page.Locator("#f-description").FillAsync("站房施工临时用电需新增 2 台 630kVA 箱变，供电公司尚未排期");
        await page.Locator("#f-save").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "站房施工临时用电需新增 2 台 630kVA 箱变，供电公司尚未排期" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("待交办").First).ToBeVisibleAsync();
        // The owner may note progress, but not handle, assign or escalate.
        await Assertions.Expect(page.GetByTestId("comment")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("handle")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("escalate")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("43-problem-raised.png"), FullPage = true });
    }

    [Fact]
    public async Task Department_takes_up_its_problem_and_closes_it_with_the_resolution()
    {
        var page = await app.SignInAsync("dept");
        await GoAsync(page, "/problems");
        await page.GetByRole(AriaRole.Link, new() { Name = "跨岷江特大桥涉河建设方案待省水利厅审查，影响主墩围堰施工" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "接收办理" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("44-problem-department.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "接收办理" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "办结：已解决" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("请填写解决情况");
        await page.Locator("#f-resolution").FillAsync("省水利厅 6 月 10 日出具审查意见，同意涉河建设方案");
        await page.GetByRole(AriaRole.Button, new() { Name = "办结：已解决" }).ClickAsync();
        await Assertions.Expect(page.GetByText("省水利厅 6 月 10 日出具审查意见，同意涉河建设方案").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("handle")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("45-problem-resolved.png"), FullPage = true });
    }

    [Fact]
    public async Task Supervisor_escalates_by_hand_and_the_history_shows_every_level()
    {
        var page = await app.SignInAsync("supervisor");
        await GoAsync(page, "/problems?category=Construction");
        await page.GetByRole(AriaRole.Link, new() { Name = "与地铁管线迁改交叉作业，施工方案需重新论证" }).ClickAsync();
        await Assertions.Expect(page.GetByText("系统（每日自动升级）").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("46-problem-escalation-history.png"), FullPage = true });

        await GoAsync(page, "/problems?category=Funding");
        await page.GetByRole(AriaRole.Link, new() { Name = "专项债资金 2 亿元尚未到位" }).ClickAsync();
        await page.Locator("#f-escalate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("请填写提级协调的理由");
        await page.Locator("#f-reason").FillAsync("资金缺口仍未落实，提请市级协调会研究");
        await page.Locator("#f-escalate").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "资金缺口仍未落实，提请市级协调会研究" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("escalate")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("47-problem-escalated.png"), FullPage = true });
    }
}
