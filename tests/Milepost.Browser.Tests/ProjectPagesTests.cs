using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>The supervision office signs in, finds the demo projects and opens one.</summary>
[Collection("app")]
public sealed class ProjectPagesTests(AppFixture app)
{
    [Fact]
    public async Task Supervisor_SeesDemoProjects_AndOpensOne()
    {
        var page = await app.SignInAsync("supervisor", loginScreenshot: "01-login.png");
        await page.GotoAsync("/projects");
        var list = new ProjectListPage(page);
        await list.WaitAsync();
        foreach (var name in new[] { "岷江高速公路东互通立交工程", "大数据产业园一期", "国际体育赛事中心", "岷江国际陆港（无水港）" })
            await Assertions.Expect(list.ProjectLink(name)).ToBeVisibleAsync();
        await list.Screenshot("02-project-list.png");

        await list.ProjectLink("岷江至省会快速通道").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "岷江至省会快速通道" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("市交通建设投资集团有限公司").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "03-project-detail.png"), FullPage = true });

        await page.GetByRole(AriaRole.Tab, new() { Name = "时间节点" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "可行性研究报告批复" }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "04-project-nodes.png"), FullPage = true });

        // English is one click away and keeps the page.
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Time nodes" })).ToBeVisibleAsync();
        await page.GotoAsync("/projects");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Key projects" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "09-project-list-en.png"), FullPage = true });
    }
}

/// <summary>The supervision office corrects a project, its plan and its stage through the forms.</summary>
[Collection("app")]
public sealed class ProjectFormsTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    [Fact]
    public async Task Supervisor_EditsAProject_SeesChineseValidation_ThenSaves()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/projects");
        var list = new ProjectListPage(page);
        await list.WaitAsync();
        await list.OpenProjectAsync("古城历史文化旅游街区");
        await page.GetByRole(AriaRole.Button, new() { Name = "编辑项目" }).ClickAsync();

        var name = page.Locator("#f-name");
        await Assertions.Expect(name).ToHaveValueAsync("古城历史文化旅游街区");
        await name.FillAsync("");
        var total = page.Locator("#f-total");
        await total.FillAsync("-5");
        await total.PressAsync("Tab");
        await page.Locator("#f-save").ClickAsync();
        var errors = page.GetByTestId("errors");
        await Assertions.Expect(errors).ToContainTextAsync("项目名称不能为空");
        await Assertions.Expect(errors).ToContainTextAsync("总投资不能为负数");
        await page.ScreenshotAsync(new() { Path = Shot("05-edit-validation.png"), FullPage = true });

        await name.FillAsync("古城历史文化旅游街区（二期）");
        await total.FillAsync("46000");
        await total.PressAsync("Tab");
        await page.Locator("#f-save").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "古城历史文化旅游街区（二期）" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("46,000.00 万元")).ToBeVisibleAsync();

        // The history says who changed what, in words.
        await page.GetByRole(AriaRole.Tab, new() { Name = "变更记录" }).ClickAsync();
        await Assertions.Expect(page.GetByText("市委督查室 李督查 将 名称 由 古城历史文化旅游街区 改为 古城历史文化旅游街区（二期）")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("市委督查室 李督查 将 总投资 由 45,000.00 万元 改为 46,000.00 万元")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("14-history.png"), FullPage = true });

        // Saved from the interactive page: the audit event names the browser's address, not none.
        using var scope = app.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Milepost.Data.MilepostDb>();
        var saved = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "project.update" && e.After!.Contains("古城历史文化旅游街区（二期）")).SingleAsync();
        Assert.Equal("127.0.0.1", saved.ClientAddress);
    }

    [Fact]
    public async Task Supervisor_AdjustsAPlanWithWrongMonths_IsToldTheDifference()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/projects");
        var list = new ProjectListPage(page);
        await list.WaitAsync();
        await list.OpenProjectAsync("国际体育赛事中心");
        await page.GetByRole(AriaRole.Tab, new() { Name = "年度计划" }).ClickAsync();
        await Assertions.Expect(page.GetByText("78,000.00 万元")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("06-annual-plan.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "调整年度计划" }).ClickAsync();
        var january = page.GetByTestId("plan-form").Locator(".mp-month-grid input").First;
        await january.FillAsync("9999");
        await january.PressAsync("Tab");
        await page.GetByTestId("plan-form").GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("与年度计划投资 78,000.00 万元不一致");
        await page.ScreenshotAsync(new() { Path = Shot("07-plan-validation.png"), FullPage = true });
    }

    [Fact]
    public async Task Supervisor_SeesTheRulesAndCalendar_AndABadDateIsNamed()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/projects");
        await new ProjectListPage(page).WaitAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "规则设置" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "规则与日历设置" })).ToBeVisibleAsync();
        await page.GetByText("使用工作日历").ClickAsync();
        await page.GetByTestId("calendar-form").Locator("textarea").First.FillAsync("2020-10-01\n2020-10-32");
        await page.GetByRole(AriaRole.Button, new() { Name = "保存工作日历" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("第 2 项“2020-10-32”不是有效日期");
        await page.ScreenshotAsync(new() { Path = Shot("13-settings.png"), FullPage = true });
    }

    [Fact]
    public async Task Supervisor_ResumesASuspendedProject()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/projects");
        var list = new ProjectListPage(page);
        await list.WaitAsync();
        await list.OpenProjectAsync("城区供水管网改造工程");
        await page.GetByRole(AriaRole.Tab, new() { Name = "项目阶段" }).ClickAsync();
        var form = page.GetByTestId("transition-form");
        await form.Locator(".ant-select").ClickAsync();
        await page.Locator(".ant-select-item-option", new() { HasText = "在建" }).ClickAsync();
        await form.GetByPlaceholder("原因").FillAsync("管线迁改方案已确定，恢复施工");
        await form.GetByRole(AriaRole.Button, new() { Name = "确认变更" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "管线迁改方案已确定，恢复施工" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("08-lifecycle.png"), FullPage = true });
    }
}

/// <summary>挂图作战: the Gantt chart of a project whose target cannot be met, and rescheduling after an edit.</summary>
[Collection("app")]
public sealed class GanttTests(AppFixture app)
{
    [Fact]
    public async Task Gantt_ShowsTheCriticalPath_AndTheCompressionNeeded_ThenReschedulesAnEdit()
    {
        var page = await app.SignInAsync("supervisor");
        await page.GotoAsync("/projects");
        var list = new ProjectListPage(page);
        await list.WaitAsync();
        await list.OpenProjectAsync("岷江会议会展中心");
        await page.GetByRole(AriaRole.Tab, new() { Name = "时间节点" }).ClickAsync();

        var gantt = page.GetByTestId("gantt");
        await Assertions.Expect(gantt).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("compression")).ToContainTextAsync("需压缩");
        await Assertions.Expect(page.GetByTestId("compression")).ToContainTextAsync("主体工程施工");
        Assert.True(await gantt.Locator("rect[data-critical=true]").CountAsync() >= 2);
        await Assertions.Expect(gantt.Locator("[data-testid=gantt-today]")).ToHaveCountAsync(1);
        await gantt.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "10-gantt.png") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "11-nodes-tab.png"), FullPage = true });

        // Lengthen the main works: the completion node moves, and the page says so.
        var mainWorks = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = "主体工程施工", Exact = true }) });
        await mainWorks.GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        var duration = page.Locator("#n-duration");
        var days = int.Parse(await duration.InputValueAsync());
        await duration.FillAsync((days + 20).ToString());
        await duration.PressAsync("Tab");
        await page.Locator("#n-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("moved")).ToContainTextAsync("竣工验收");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "12-rescheduled.png"), FullPage = true });
    }
}

/// <summary>The static login page.</summary>
public sealed class LoginPage(IPage page)
{
    public Task OpenAsync() => page.GotoAsync("/account/login");

    public async Task SignInAsync(string user, string password)
    {
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        // Where a role lands depends on the install (挂图作战, or 首次使用 on an empty one): wait until the form has gone.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/login");
    }

    public Task Screenshot(string file) => page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, file) });
}

/// <summary>The interactive project list.</summary>
public sealed class ProjectListPage(IPage page)
{
    /// <summary>Waits until the Blazor circuit renders the table (clicks before that are lost).</summary>
    public async Task WaitAsync()
    {
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "重点项目" })).ToBeVisibleAsync();
        await page.WaitForSelectorAsync("a.mp-project-link");
    }

    /// <summary>Opens a project from the list and waits for its page.</summary>
    public async Task OpenProjectAsync(string name)
    {
        await ProjectLink(name).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Tab).First).ToBeVisibleAsync();
    }

    public ILocator ProjectLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public Task Screenshot(string file) => page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, file), FullPage = true });
}
