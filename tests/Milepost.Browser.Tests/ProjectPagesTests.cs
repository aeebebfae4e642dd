using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>The supervision office signs in, finds the demo projects and opens one.</summary>
[Collection("app")]
public sealed class ProjectPagesTests(AppFixture app)
{
    private async Task<IPage> SignedInPageAsync(string user)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        await login.Screenshot("01-login.png");
        await login.SignInAsync(user, Web.Tests.Infrastructure.MilepostFactory.Password);
        return page;
    }

    [Fact]
    public async Task Supervisor_SeesDemoProjects_AndOpensOne()
    {
        var page = await SignedInPageAsync("supervisor");
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
        await page.WaitForURLAsync("**/projects**");
    }

    public Task Screenshot(string file) => page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, file) });
}

/// <summary>The interactive project list.</summary>
public sealed class ProjectListPage(IPage page)
{
    /// <summary>Waits until the Blazor circuit renders the table (clicks before that are lost).</summary>
    public async Task WaitAsync()
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "重点项目" })).ToBeVisibleAsync();
        await page.WaitForSelectorAsync("a.mp-project-link");
    }

    public ILocator ProjectLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public Task Screenshot(string file) => page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, file), FullPage = true });
}
