using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>Supervision items in the browser: the office's ledger and new-item form, a unit's inbox and its steps.</summary>
[Collection("app")]
public sealed class SupervisionPagesTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static async Task WaitAsync(IPage page, string heading)
    {
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Supervisor_SeesTheLedger_AndSplitsMeetingMinutesIntoItems()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/supervision");
        await WaitAsync(page, "督办事项");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "协调省交通运输厅，6 月 5 日前取得快速通道二期初步设计批复" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("超期 6 天").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("50-supervision-list.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "超期" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("overdue=true"));
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "核对交通项目 2020 年一季度投资统计数据" })).ToHaveCountAsync(0);

        await page.GotoAsync("/supervision/new");
        await WaitAsync(page, "新建督办事项");
        await page.Locator("#f-source").FillAsync("岷江综合客运枢纽建设专题会议纪要\n一、市交通运输局牵头，6 月底前完成站前广场方案设计；\n二、市发展改革委落实枢纽配套资金 8000 万元；\n三、新城区人民政府 7 月 15 日前完成配套道路征地。");
        await page.Locator("#f-split").ClickAsync();
        await Assertions.Expect(page.GetByTestId("item-form")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#f1-content")).ToHaveValueAsync("市发展改革委落实枢纽配套资金 8000 万元；");
        await page.ScreenshotAsync(new() { Path = Shot("51-supervision-new-split.png"), FullPage = true });

        // Nothing chosen yet: each item's missing unit and deadline is named, and nothing is created.
        await page.Locator("#f-assign").ClickAsync();
        await Assertions.Expect(page.GetByText("第 2 项：请选择牵头单位").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("第 3 项：请选择办理时限").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("52-supervision-new-errors.png"), FullPage = true });
    }

    [Fact]
    public async Task Department_AcceptsFromItsInbox_AndGivesFeedback_ThenTheOfficeCloses()
    {
        var page = await app.SignInAsync("dept");
        await page.GotoAsync("/supervision/inbox");
        await WaitAsync(page, "督办待办 · 市交通运输局");
        await Assertions.Expect(page.GetByTestId("section-accept")).ToContainTextAsync("待承办");
        await Assertions.Expect(page.GetByText("超期 6 天").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("53-supervision-inbox.png"), FullPage = true });

        await page.GetByRole(AriaRole.Link, new() { Name = "牵头研究岷江国际陆港铁路专用线接轨方案，6 月底前报市政府" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "孙立群 市委常委、常务副市长", Exact = true })).ToBeVisibleAsync();
        await page.Locator("#s-accept").ClickAsync();
        await page.Locator("#s-text").FillAsync("已收悉，由铁路专班负责研究。");
        await page.Locator("#s-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("h1 .ant-tag")).ToHaveTextAsync("办理中");

        // Feedback without a word is refused, in Chinese, naming what is missing.
        await page.Locator("#s-feedback").ClickAsync();
        await page.Locator("#s-confirm").ClickAsync();
        await Assertions.Expect(page.GetByText("请填写反馈的办理情况").First).ToBeVisibleAsync();
        await page.Locator("#s-text").FillAsync("已完成接轨方案比选，推荐方案二，6 月 25 日报市政府。");
        await page.Locator("#s-confirm").ClickAsync();
        await Assertions.Expect(page.Locator("h1 .ant-tag")).ToHaveTextAsync("已反馈");
        await Assertions.Expect(page.GetByTestId("timeline")).ToContainTextAsync("已完成接轨方案比选");
        // The lead unit may not close its own item: the button is not there.
        await Assertions.Expect(page.Locator("#s-close")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("54-supervision-detail-feedback.png"), FullPage = true });

        var office = await app.SignInAsync("supervisor");
        await office.GotoAsync(page.Url);
        await WaitAsync(office, "牵头研究岷江国际陆港铁路专用线接轨方案，6 月底前报市政府");
        await office.Locator("#s-close").ClickAsync();
        await office.GetByText("基本满意").ClickAsync();
        await office.Locator("#s-text").FillAsync("方案比选充分，请抓紧报批。");
        await office.Locator("#s-confirm").ClickAsync();
        await Assertions.Expect(office.Locator("h1 .ant-tag")).ToHaveTextAsync("已办结");
        await Assertions.Expect(office.GetByTestId("timeline")).ToContainTextAsync("方案比选充分");
        await Assertions.Expect(office.GetByTestId("actions")).ToHaveCountAsync(0);
        await office.ScreenshotAsync(new() { Path = Shot("55-supervision-closed.png"), FullPage = true });
    }

    [Fact]
    public async Task Leader_WritesAnInstructionForTheOffice_AndFollowsTheirOwnInstructions()
    {
        var page = await app.SignInAsync("leader");
        await page.GotoAsync("/supervision/new");
        await WaitAsync(page, "新建督办事项");
        await Assertions.Expect(page.Locator("#f-leader")).ToHaveValueAsync("陈宇航 副市长");
        await Assertions.Expect(page.Locator("#f-assign")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#f-draft")).ToContainTextAsync("提交督查室交办");
        await page.Locator("#f-source").FillAsync("陈宇航副市长批示：新能源汽车零部件产业园要加快标准厂房建设，请经信局拿出倒排计划。");
        await page.ScreenshotAsync(new() { Path = Shot("56-supervision-leader-new.png"), FullPage = true });

        await page.GotoAsync("/supervision/inbox");
        await WaitAsync(page, "督办待办");
        await Assertions.Expect(page.GetByTestId("section-mine")).ToContainTextAsync("我批示的事项");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "拿出大数据产业园一期三季度招商签约清单" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("57-supervision-leader-inbox.png"), FullPage = true });
    }
}
