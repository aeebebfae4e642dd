using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>The auditor signs in with a second factor and verifies the audit chain.</summary>
[Collection("app")]
public sealed class AuditorTests(AppFixture app)
{
    [Fact]
    public async Task Auditor_SignsInWithTwoFactor_AndFindsTheChainIntact()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("auditor");
        await page.GetByLabel("密码").FillAsync(Web.Tests.Infrastructure.MilepostFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();

        // No session yet: the second factor comes first.
        await page.WaitForURLAsync("**/account/login-2fa**");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "15-login-2fa.png") });
        var code = await app.Factory.NextCodeAsync("auditor", app.Factory.AuthenticatorKey("auditor"));
        await page.GetByLabel("验证码").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        // The auditor lands on the audit trail, the only page of the role.
        await page.WaitForURLAsync("**/audit");

        await page.GotoAsync("/audit");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审计日志" })).ToBeVisibleAsync();
        // A click before the circuit is connected is lost: click until the verification answers.
        var result = page.GetByTestId("verify-result");
        for (var attempt = 0; attempt < 10 && await result.CountAsync() == 0; attempt++)
        {
            await page.Locator("#audit-verify").ClickAsync();
            try { await result.WaitForAsync(new() { Timeout = 2000 }); } catch (TimeoutException) { }
        }
        await Assertions.Expect(result).ToContainTextAsync("审计链完整");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "16-audit.png"), FullPage = true });
    }

    [Fact]
    public async Task SystemAdmin_SeesTheAccounts_ButNoBusinessData()
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync("admin");
        await page.GetByLabel("密码").FillAsync(Web.Tests.Infrastructure.MilepostFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login-2fa**");
        await page.GetByLabel("验证码").FillAsync(await app.Factory.NextCodeAsync("admin", app.Factory.AuthenticatorKey("admin")));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        // The administrator lands on user management.
        await page.WaitForURLAsync("**/users");
        await page.GotoAsync("/users");
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = "supervisor", Exact = true })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "17-users.png"), FullPage = true });
    }
}
