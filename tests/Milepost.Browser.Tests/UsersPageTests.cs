using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>
/// /users under 三权分立 (SECURITY.md 9): the system admin opens, edits, resets and disables accounts, with no say over
/// their roles or scope; the security admin assigns roles and the unit or leader together.
/// </summary>
[Collection("app")]
public sealed partial class UsersPageTests(AppFixture app)
{
    private const string Owner = "市交通建设投资集团有限公司";

    [Fact]
    public async Task SystemAdmin_OpensEditsResetsAndDisablesAnAccount()
    {
        var page = await SignInWithSecondFactorAsync("admin");
        var users = new UsersPage(page);
        await users.OpenAsync();

        // Open an account with a name only (no unit or leader field here): its one-time password is shown once.
        await Assertions.Expect(users.CreateForm.Locator(".ant-select")).ToHaveCountAsync(0);
        await users.CreateAsync("zhaoliu", "赵六");
        await Assertions.Expect(users.Notice).ToContainTextAsync("账号 zhaoliu 已开设，初始密码：");
        await Assertions.Expect(users.Notice).ToHaveTextAsync(OneTimePassword());
        await Assertions.Expect(users.Row("zhaoliu")).ToContainTextAsync("赵六");
        await Assertions.Expect(users.Row("zhaoliu")).ToContainTextAsync("待改初始密码");

        // Edit: the form comes filled in; an empty name is refused under its field, nothing saved.
        await users.EditAsync("zhaoliu");
        await Assertions.Expect(users.EditForm.Locator("#edit-display-name")).ToHaveValueAsync("赵六");
        await Assertions.Expect(users.EditForm.Locator(".ant-select")).ToHaveCountAsync(0);
        await users.EditForm.Locator("#edit-display-name").FillAsync("");
        await users.SaveEditAsync();
        await Assertions.Expect(users.EditForm.Locator(".mp-field-error")).ToHaveTextAsync("请填写姓名或单位名称");
        await Assertions.Expect(users.EditForm.Locator("#edit-display-name")).ToHaveValueAsync("");
        await Assertions.Expect(users.Row("zhaoliu")).ToContainTextAsync("赵六");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "19-users-edit.png"), FullPage = true });

        await users.EditForm.Locator("#edit-display-name").FillAsync("赵六（交投集团）");
        await users.SaveEditAsync();
        await Assertions.Expect(users.Notice).ToHaveTextAsync("账号 zhaoliu 的资料已保存。");
        await Assertions.Expect(users.EditForm).ToHaveCountAsync(0);
        await Assertions.Expect(users.Row("zhaoliu")).ToContainTextAsync("赵六（交投集团）");
        await Assertions.Expect(users.Row("owner")).ToContainTextAsync(Owner); // the admin sees units, read-only
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "保存授权" })).ToHaveCountAsync(0);

        // Reset: a new one-time password.
        await users.Row("zhaoliu").GetByRole(AriaRole.Button, new() { Name = "重置密码" }).ClickAsync();
        await Assertions.Expect(users.Notice).ToContainTextAsync("账号 zhaoliu 的新密码：");
        await Assertions.Expect(users.Notice).ToHaveTextAsync(OneTimePassword());

        // Disable: the row says so, and the button turns into 启用.
        await users.Row("zhaoliu").GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(users.Notice).ToHaveTextAsync("账号 zhaoliu 已停用，其登录会话将在一分钟内失效。");
        await Assertions.Expect(users.Row("zhaoliu")).ToContainTextAsync("已停用");
        await Assertions.Expect(users.Row("zhaoliu").GetByRole(AriaRole.Button, new() { Name = "启用" })).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "18-users.png"), FullPage = true });
    }

    [Fact]
    public async Task SystemAdminOpensAnAccount_ThenTheSecurityAdminGivesItARoleAndAUnit()
    {
        var admin = new UsersPage(await SignInWithSecondFactorAsync("admin"));
        await admin.OpenAsync();
        await admin.CreateAsync("sunqi", "孙七");
        await Assertions.Expect(admin.Notice).ToContainTextAsync("账号 sunqi 已开设");
        await Assertions.Expect(admin.Row("sunqi")).ToContainTextAsync("（未分配）");

        var page = await SignInWithSecondFactorAsync("security");
        var users = new UsersPage(page);
        await users.OpenAsync();
        foreach (var action in new[] { "编辑", "重置密码", "停用", "开设账号" })
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        // No editor on the security admin's own row.
        await Assertions.Expect(users.Row("security").Locator(".ant-select")).ToHaveCountAsync(0);
        await Assertions.Expect(users.Row("security").Locator("input[type=checkbox]")).ToHaveCountAsync(0);

        // The owner role without a unit is refused, nothing saved.
        await users.RoleOf("sunqi", "业主单位").CheckAsync();
        await Assertions.Expect(users.RoleOf("sunqi", "业主单位")).ToBeCheckedAsync();
        await users.SaveAccessAsync("sunqi");
        await Assertions.Expect(page.GetByTestId("errors")).ToContainTextAsync("业主单位角色要求账号属于一个业主单位");

        // With its unit it is saved; the row keeps both after a reload.
        await users.PickAsync(users.UnitOf("sunqi"), Owner);
        await users.SaveAccessAsync("sunqi");
        await Assertions.Expect(users.Notice).ToHaveTextAsync("账号 sunqi 的角色和数据范围已保存；其登录会话将在一分钟内失效，重新登录后生效。");
        await Assertions.Expect(page.GetByTestId("errors")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppFixture.ArtifactsDirectory, "20-users-access.png"), FullPage = true });

        await users.OpenAsync();
        await Assertions.Expect(users.RoleOf("sunqi", "业主单位")).ToBeCheckedAsync();
        await Assertions.Expect(users.RoleOf("sunqi", "督查室")).Not.ToBeCheckedAsync();
        await Assertions.Expect(users.UnitOf("sunqi")).ToContainTextAsync(Owner);
        await admin.OpenAsync();
        await Assertions.Expect(admin.Row("sunqi")).ToContainTextAsync(Owner);
        await Assertions.Expect(admin.Row("sunqi")).ToContainTextAsync("业主单位");
    }

    /// <summary>The notice with a generated password in it (16 characters).</summary>
    [GeneratedRegex("密码：\\S{16}（仅显示这一次")]
    private static partial Regex OneTimePassword();

    private async Task<IPage> SignInWithSecondFactorAsync(string user)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(Web.Tests.Infrastructure.MilepostFactory.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/account/login-2fa**");
        await page.GetByLabel("验证码").FillAsync(await app.Factory.NextCodeAsync(user, app.Factory.AuthenticatorKey(user)));
        await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        // The administrators land on user management (the dashboard is for the business roles).
        await page.WaitForURLAsync("**/users");
        return page;
    }
}

/// <summary>The user-administration page (/users).</summary>
public sealed class UsersPage(IPage page)
{
    public ILocator Notice => page.GetByTestId("notice");
    public ILocator CreateForm => page.GetByTestId("create-form");
    public ILocator EditForm => page.GetByTestId("edit-form");

    /// <summary>Opens the page and waits for the running circuit (clicks before it are lost).</summary>
    public async Task OpenAsync()
    {
        await page.GotoAsync("/users");
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户管理" })).ToBeVisibleAsync();
    }

    /// <summary>The table row of one account, found by its user name cell.</summary>
    public ILocator Row(string userName) =>
        page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });

    public async Task CreateAsync(string userName, string displayName)
    {
        await CreateForm.GetByLabel("用户名").FillAsync(userName);
        await CreateForm.GetByLabel("姓名或单位名称").FillAsync(displayName);
        await page.GetByRole(AriaRole.Button, new() { Name = "开设账号", Exact = true }).ClickAsync();
    }

    public async Task EditAsync(string userName)
    {
        await Row(userName).GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"编辑账号 {userName}" })).ToBeVisibleAsync();
    }

    public Task SaveEditAsync() => page.GetByRole(AriaRole.Button, new() { Name = "保存修改" }).ClickAsync();

    /// <summary>The security admin's checkbox for one role in an account's row.</summary>
    public ILocator RoleOf(string userName, string role) => Row(userName).GetByTestId("roles").GetByLabel(role, new() { Exact = true });

    /// <summary>The security admin's unit select in an account's row (the leader select is below it).</summary>
    public ILocator UnitOf(string userName) => Row(userName).GetByTestId("scope").Locator(".ant-select").First;

    public Task SaveAccessAsync(string userName) => Row(userName).GetByRole(AriaRole.Button, new() { Name = "保存授权" }).ClickAsync();

    /// <summary>Chooses an option of an AntDesign select (each select renders its own list, hidden until opened).</summary>
    public async Task PickAsync(ILocator select, string option)
    {
        // A click that lands while the list is still sliding open can be lost on a loaded machine: try again
        // until the select shows the choice (checked first, so a late first click is never undone).
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if ((await select.InnerTextAsync()).Contains(option, StringComparison.Ordinal)) return;
            var item = page.Locator(".ant-select-item-option", new() { HasText = option }).Filter(new() { Visible = true });
            if (await item.CountAsync() == 0) await select.ClickAsync();
            await item.ClickAsync();
            try { await Assertions.Expect(select).ToContainTextAsync(option, new() { Timeout = 3000 }); return; }
            catch (PlaywrightException) { }
        }
        await Assertions.Expect(select).ToContainTextAsync(option);
    }
}
