using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Browser.Tests;

/// <summary>
/// The office signs in to an empty install and lands on 首次使用, which shows every step still to take with a link,
/// on a desktop and on a phone; it follows the link to the ledger import.
/// </summary>
public sealed class FirstUsePageTests(EmptyAppFixture app) : IClassFixture<EmptyAppFixture>, IAsyncLifetime
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    public async Task InitializeAsync()
    {
        // The office's account as the administrators would have opened and granted it.
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        if (await users.FindByNameAsync("office") is not null) return;
        var office = new MilepostUser { UserName = "office", DisplayName = "市委督查室" };
        Assert.True((await users.CreateAsync(office, MilepostFactory.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(office, Roles.Supervisor)).Succeeded);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Signs the office in at the given width and waits for the checklist it lands on to run interactively.</summary>
    private async Task<IPage> SignInAsync(int width, int height)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("office");
        await page.GetByLabel("密码").FillAsync(MilepostFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/start");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        return page;
    }

    [Fact]
    public async Task Office_lands_on_the_checklist_of_an_empty_install_and_follows_it_to_the_import()
    {
        var page = await SignInAsync(1440, 900);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "首次使用" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("firstuse-summary")).ToContainTextAsync("共 8 项，已完成 0 项");
        await Assertions.Expect(page.Locator(".mp-firstuse-item")).ToHaveCountAsync(8);
        await Assertions.Expect(page.GetByTestId("firstuse-city")).ToHaveAttributeAsync("data-state", "Missing");
        await Assertions.Expect(page.GetByTestId("firstuse-city")).ToContainTextAsync("尚未设置本市");
        await Assertions.Expect(page.GetByTestId("firstuse-city").GetByRole(AriaRole.Link, new() { Name = "设置本市" })).ToHaveAttributeAsync("href", "/base-data/city");
        await Assertions.Expect(page.GetByTestId("firstuse-accounts")).ToHaveAttributeAsync("data-state", "Waiting");
        await Assertions.Expect(page.GetByTestId("firstuse-accounts").GetByTestId("ask")).ToContainTextAsync("请系统管理员（admin）在“用户管理”中开设账号");
        await Assertions.Expect(page.GetByTestId("firstuse-accounts").GetByRole(AriaRole.Link)).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mp-nav").GetByRole(AriaRole.Link, new() { Name = "首次使用" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Shot("100-first-use-1440.png"), FullPage = true });

        await page.GetByTestId("firstuse-projects").GetByRole(AriaRole.Link, new() { Name = "导入台账" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/import");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "导入项目台账" })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task On_a_phone_each_step_reads_top_to_bottom()
    {
        var page = await SignInAsync(390, 844);
        var city = page.GetByTestId("firstuse-city");
        await Assertions.Expect(city).ToBeVisibleAsync();
        // Nothing wider than the screen, the red bar above included: the steps, their explanations and buttons stay inside 390 px.
        Assert.Equal(390, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"));
        await Assertions.Expect(page.Locator(".mp-nav").GetByRole(AriaRole.Link, new() { Name = "首次使用" })).ToBeVisibleAsync();
        var box = await city.GetByRole(AriaRole.Link, new() { Name = "设置本市" }).BoundingBoxAsync();
        Assert.True(box is { } b && b.X + b.Width <= 390, $"the button ends at {box?.X + box?.Width}");
        await page.ScreenshotAsync(new() { Path = Shot("101-first-use-390.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}

/// <summary>The demo city's checklist: its base data, projects and plans done, accounts missing for most units.</summary>
[Collection("app")]
public sealed class FirstUseDemoPageTests(AppFixture app)
{
    [Fact]
    public async Task Office_finds_the_demo_city_set_up_but_for_the_accounts()
    {
        var page = await app.SignInAsync("supervisor");
        await page.Locator(".mp-nav").GetByRole(AriaRole.Link, new() { Name = "首次使用" }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/start");
        await Assertions.Expect(page.GetByTestId("firstuse-city")).ToContainTextAsync("岷江市，下辖 4 个县（市、区）");
        await Assertions.Expect(page.GetByTestId("firstuse-annualplans")).ToHaveAttributeAsync("data-state", "Done");
        await Assertions.Expect(page.GetByTestId("firstuse-accounts")).ToHaveAttributeAsync("data-state", "Missing");
        await Assertions.Expect(page.GetByTestId("firstuse-summary")).ToContainTextAsync("已完成 7 项");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "102-first-use-demo.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
