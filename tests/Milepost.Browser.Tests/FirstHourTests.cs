using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using MiniExcelLibs;
using Milepost.Core;
using Milepost.Web.Hosting;
using Milepost.Web.Tests.Infrastructure;
using Milepost.Web.Tests.Ledger;
using Xunit.Abstractions;
using static Milepost.Web.Tests.BaseData.BaseDataWorkbookFiles;

namespace Milepost.Browser.Tests;

/// <summary>
/// Time to value (issue 15 item 5), the README's "用自己的台账开始" done in a browser on an install as its first start left
/// it: the three administrators sign in with their printed passwords, change them and enrol TOTP; the system
/// administrator opens the office's account and the security administrator makes it the office; the office sets up its
/// city, imports its base-data workbook and a messy ledger of this year, and finds the ledger's totals on its dashboard
/// and this month's draft 红黑榜; the administrators open and scope the accounts of the ledger's units and leaders, and
/// 首次使用 is all green. Each step and the wall time go to the test log and artifacts/first-hour.log (no timed assertion).
/// </summary>
[Collection("first-start")]
public sealed partial class FirstHourTests(FirstStartFixture app, ITestOutputHelper output)
{
    private const string Password = MilepostFactory.Password;
    private const string Office = "ducha";
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<string> _log = [];

    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private void Step(string what)
    {
        var line = $"{_clock.Elapsed:mm\\:ss} {what}";
        _log.Add(line);
        output.WriteLine(line);
    }

    [Fact]
    public async Task An_office_with_only_its_ledger_reaches_its_dashboard_and_a_draft_red_black_list()
    {
        var today = app.Factory.Services.GetRequiredService<PortfolioClock>().Today;
        var (year, through) = (today.Year, Math.Max(1, today.Month - 1));
        var ledger = ImportRealLedgerTests.Ledger("雅安", "王新民", year, through, "雅安市");
        Step($"start: an empty install as its first start left it; portfolio date {today:yyyy-MM-dd}, ledger {year} 1-{through}月");

        // 1-3. The three administrators' first sign-in: the printed password, a new one, then TOTP.
        var admin = await FirstSignInAsync("admin", "/users");
        var security = await FirstSignInAsync("security", "/users");
        await (await FirstSignInAsync("auditor", "/audit")).Context.CloseAsync();
        Step("the three administrators changed their passwords and enrolled TOTP");

        // 4-5. The office's account: opened by the system administrator, made the office by the security administrator.
        var officePassword = await OpenAccountAsync(admin, Office, "市委督查室");
        await GrantAsync(security, Office, "督查室");
        var office = await FirstSignInAsync(Office, "/start", officePassword);
        await Assertions.Expect(office.GetByTestId("firstuse-city")).ToHaveAttributeAsync("data-state", "Missing");
        Step("the office signed in and landed on 首次使用");

        // 6. The city: 雅安 and its eight districts and counties in one step.
        await office.GotoAsync("/base-data/city");
        await WaitInteractiveAsync(office);
        await office.Locator("#city-search").PressSequentiallyAsync("雅安");
        await office.GetByTestId("city-confirm").ClickAsync();
        await Assertions.Expect(office.GetByTestId("city-result")).ToContainTextAsync("新建 9", new() { Timeout = 30_000 });
        Step("the city: 雅安市 and 8 districts and counties");

        // 7. The base-data workbook: units, leaders, programmes and categories, checked, then written.
        await office.GotoAsync("/base-data?tab=units");
        await WaitInteractiveAsync(office);
        await office.Locator("#base-workbook-file").SetInputFilesAsync(Xlsx("雅安市基础数据.xlsx", BaseData()));
        await Assertions.Expect(office.GetByTestId("base-counts")).ToContainTextAsync("新增 16", new() { Timeout = 30_000 });
        await office.GetByTestId("base-confirm").ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await office.GotoAsync("/base-data?tab=units");
        await WaitInteractiveAsync(office);
        await Assertions.Expect(office.GetByTestId("base-summary")).ToContainTextAsync("共 5 条");
        Step("the base-data workbook: 5 units, 6 leaders, 2 programmes, 3 categories ");

        // 8. The ledger: a section mapped by the office, an unknown leader created, openings read.
        await office.GotoAsync("/import");
        await WaitInteractiveAsync(office);
        await office.Locator("#import-file").SetInputFilesAsync(Xlsx($"雅安市{year}年重点项目推进情况表.xlsx", ledger));
        await Assertions.Expect(office.GetByTestId("import-sections")).ToContainTextAsync("未对应，请选择", new() { Timeout = 30_000 });
        await office.GetByTestId("import-section-choice").Nth(2).SelectOptionAsync("教育");
        await office.GetByTestId("import-create-missing").CheckAsync();
        await Assertions.Expect(office.GetByTestId("import-counts")).ToContainTextAsync("新增 7", new() { Timeout = 30_000 });
        await Assertions.Expect(office.GetByTestId("import-opening")).ToContainTextAsync($"期初数据截至 {year}年{through}月");
        await office.GetByTestId("import-confirm").ClickAsync();
        await Assertions.Expect(office.GetByRole(AriaRole.Heading, new() { Name = "导入完成" })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Step("the ledger: 7 projects, one section chosen, one leader created, openings through the ledger's month");

        // 9. The dashboard shows the ledger's own totals (its 合计 row).
        var (plan, completed) = LedgerTotals(ledger);
        await office.GotoAsync($"/?year={year}&month={through}");
        var kpis = office.GetByTestId("kpis");
        await Assertions.Expect(kpis.Locator(".mp-kpi-value").First).ToHaveTextAsync("7", new() { Timeout = 30_000 });
        await Assertions.Expect(kpis).ToContainTextAsync(Money.FromWan(plan).ToWanString());
        await Assertions.Expect(kpis).ToContainTextAsync(Money.FromWan(completed).ToWanString());
        await office.ScreenshotAsync(new() { Path = Shot("first-hour-1-dashboard.png"), FullPage = true });
        Step($"the dashboard: 7 projects, plan {plan:#,0} 万元 and 1-{through}月 {completed:#,0} 万元, as the ledger's 合计");

        // 10. This month's draft red-black list.
        await office.GotoAsync($"/ranking?month={year}-{through:00}");
        await Assertions.Expect(office.GetByTestId("draft-tag")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(office.Locator(".mp-content")).ToContainTextAsync("雅安滨江大道");
        await office.ScreenshotAsync(new() { Path = Shot("first-hour-2-ranking.png"), FullPage = true });
        Step("the draft 红黑榜 of the ledger's month");

        // 11. Accounts for the units and leaders the ledger names; then 首次使用 is all green.
        foreach (var (user, name, role, scope) in Accounts)
        {
            await OpenAccountAsync(admin, user, name);
            await GrantAsync(security, user, role, scope);
        }
        await office.GotoAsync("/start");
        await Assertions.Expect(office.Locator("[data-state=Missing], [data-state=Waiting]")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        await Assertions.Expect(office.Locator("li[data-state=Done]")).ToHaveCountAsync(8);
        await office.ScreenshotAsync(new() { Path = Shot("first-hour-3-start.png"), FullPage = true });
        Step($"accounts for {Accounts.Length} units and leaders; 首次使用 all green");

        Step($"done in {_clock.Elapsed.TotalSeconds:0} s of wall time");
        await File.WriteAllLinesAsync(Path.Combine(AppFixture.ArtifactsDirectory, "first-hour.log"), _log);
        foreach (var page in new[] { admin, security, office }) await page.Context.CloseAsync();
    }

    /// <summary>The accounts the checklist asks for: each responsible and owner unit of a project, each linked leader.</summary>
    private static readonly (string User, string Name, string Role, string Scope)[] Accounts =
    [
        ("jiaotong", "市交通运输局", "责任单位", ImportRealLedgerTests.TransportDept + "（"),
        ("zhujian", "市住房城乡建设局", "责任单位", "市住房城乡建设局（"),
        ("jiaotou", "市交通建设投资集团有限公司", "业主单位", ImportRealLedgerTests.Transport + "（"),
        ("chengtou", "市城市建设投资有限公司", "业主单位", "市城市建设投资有限公司（"),
        ("linzhiyuan", "林致远", "市领导", "林致远 "), ("sunliqun", "孙立群", "市领导", "孙立群 "),
        ("chenyuhang", "陈宇航", "市领导", "陈宇航 "), ("liujingyi", "刘静怡", "市领导", "刘静怡 "),
        ("huangzhenbang", "黄振邦", "市领导", "黄振邦 "), ("wangxinmin", "王新民", "市领导", "王新民 "),
    ];

    /// <summary>The city's base data as an office would type it into the workbook: the ledger's units, leaders and categories.</summary>
    private static byte[] BaseData() => Workbook(
        Sheet("单位", Row("名称", "简称", "类型", "别名", "联系人", "联系电话"),
            Row("市发展改革委", "市发改委", "牵头部门", "发改委", null, null),
            Row(ImportRealLedgerTests.TransportDept, "市交通局", "责任单位", "交通局", null, null),
            Row("市住房城乡建设局", "市住建局", "责任单位", "市住房和城乡建设局", null, null),
            Row(ImportRealLedgerTests.Transport, "市交投集团", "业主单位", null, "杨帆", "0835-2610001"),
            Row("市城市建设投资有限公司", "市城投公司", "业主单位", null, "吴桐", "0835-2610002")),
        Sheet("市领导", Row("姓名", "职务", "班子", "排序", "分管领域"),
            Row("林致远", "市委书记", "市委", 1, "市委全面工作"),
            Row("赵明辉", "市委副书记、市长", "市政府", 2, "市政府全面工作"),
            Row("孙立群", "市委常委、常务副市长", "市政府", 3, "发展改革、财政、交通运输"),
            Row("陈宇航", "副市长", "市政府", 4, "工业和信息化、商务"),
            Row("刘静怡", "副市长", "市政府", 5, "文化旅游、教育、卫生健康"),
            Row("黄振邦", "副市长", "市政府", 6, "住房城乡建设、自然资源")),
        Sheet("专项", Row("名称", "牵头市领导", "排序"), Row("交通强市", "孙立群", 1), Row("产业发展", "陈宇航", 2)),
        Sheet("行业类别", Row("名称", "英文名", "排序", "别名"),
            Row("交通", "Transport", 1, "交通基础设施"), Row("产业", "Industry", 2, null), Row("教育", "Education", 3, null)));

    /// <summary>The plan and the year-to-date completion the ledger's 合计 row states.</summary>
    private static (decimal Plan, decimal Completed) LedgerTotals(byte[] ledger)
    {
        var total = MiniExcel.Query(new MemoryStream(ledger)).Cast<IDictionary<string, object?>>()
            .Single(r => r.TryGetValue("A", out var a) && a as string == "合计");
        return (Convert.ToDecimal(total["E"], System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToDecimal(total["F"], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A first sign-in: the password given once (printed, or shown to the system administrator), a new password, and for the
    /// administrators a TOTP key read off the page and a code from it. Returns the page where the account lands.
    /// </summary>
    private async Task<IPage> FirstSignInAsync(string user, string landing, string? initial = null)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("用户名").FillAsync(user);
        await page.GetByLabel("密码").FillAsync(initial ?? app.InitialPasswords[user]);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await page.WaitForURLAsync("**/account/change-password**");
        await page.GetByLabel("原密码").FillAsync(initial ?? app.InitialPasswords[user]);
        await page.GetByLabel("新密码", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("确认新密码").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "修改密码" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/change-password", StringComparison.Ordinal));
        if (page.Url.Contains("/account/two-factor", StringComparison.Ordinal))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "生成密钥" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("totp-qr").Locator("svg")).ToBeVisibleAsync();
            if (user == "admin") await page.ScreenshotAsync(new() { Path = Shot("first-hour-0-totp.png"), FullPage = true });
            var key = (await page.Locator("#shared-key").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
            await page.GetByLabel("应用显示的 6 位验证码").FillAsync(TestTotp.Code(key, TestTotp.CurrentStep));
            await page.GetByRole(AriaRole.Button, new() { Name = "验证并启用" }).ClickAsync();
        }
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == landing);
        return page;
    }

    /// <summary>The system administrator opens an account; returns the one-time password the page shows once.</summary>
    private static async Task<string> OpenAccountAsync(IPage admin, string user, string name)
    {
        var users = new UsersPage(admin);
        await users.OpenAsync();
        await users.CreateAsync(user, name);
        await Assertions.Expect(users.Notice).ToContainTextAsync($"账号 {user} 已开设");
        return OneTimePassword().Match(await users.Notice.InnerTextAsync()).Groups[1].Value;
    }

    /// <summary>The security administrator gives an account its role and, for a unit or leader role, its unit or leader.</summary>
    private static async Task GrantAsync(IPage security, string user, string role, string? scope = null)
    {
        var users = new UsersPage(security);
        await users.OpenAsync();
        await users.RoleOf(user, role).CheckAsync();
        if (scope is not null)
            await users.PickAsync(role == "市领导" ? users.Row(user).GetByTestId("scope").Locator(".ant-select").Nth(1) : users.UnitOf(user), scope);
        await users.SaveAccessAsync(user);
        await Assertions.Expect(users.Notice).ToContainTextAsync($"账号 {user} 的角色和数据范围已保存");
    }

    private static async Task WaitInteractiveAsync(IPage page) =>
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    private static FilePayload Xlsx(string name, byte[] bytes) =>
        new() { Name = name, MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = bytes };

    [GeneratedRegex("初始密码：(\\S+?)（")]
    private static partial Regex OneTimePassword();
}
