using Microsoft.Playwright;

namespace Milepost.Browser.Tests;

/// <summary>
/// 基础数据 (/base-data) as the office uses it on the demo city: find a unit, add one with a mistake and correct it, merge
/// the duplicate into the unit it repeats, catch a leader's term typed backwards, and add, retire, restore and delete a
/// category. Each action is checked by what the page then shows; the page never logs a console error.
/// </summary>
[Collection("app")]
public sealed class BaseDataPageTests(AppFixture app)
{
    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    [Fact]
    public async Task Office_adds_corrects_merges_retires_restores_and_deletes_records()
    {
        var page = await app.SignInAsync("supervisor");
        var errors = ConsoleErrors.Watch(page);
        var data = new BaseDataPage(page);

        // Units: the live ones; a retired unit appears only when asked for.
        await data.OpenAsync("units");
        await Assertions.Expect(page.Locator("nav.mp-nav a.active")).ToHaveTextAsync("基础数据");
        // The office's whole menu (首次使用 included) fits the bar at 1440 px: no item hides behind the account's links.
        Assert.True(await page.Locator("nav.mp-nav").EvaluateAsync<bool>("n => n.scrollWidth <= n.clientWidth"), "the menu overflows at 1440 px");
        await Assertions.Expect(data.Row("市交通运输局")).ToContainTextAsync("市交通局");
        await Assertions.Expect(data.Row("市城乡规划局")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Shot("base-1-units-1440.png"), FullPage = true });
        await page.Locator("#base-q").FillAsync("规划");
        await page.GetByLabel("显示已停用").CheckAsync();
        await page.GetByTestId("base-search").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await Assertions.Expect(data.Row("市城乡规划局")).ToContainTextAsync("已停用");
        Assert.Contains("q=%E8%A7%84%E5%88%92", page.Url);
        Assert.Contains("retired=true", page.Url);

        // A new unit with a bad phone number is refused at that field, and nothing is saved; corrected, it is added.
        await data.OpenAsync("units");
        await page.GetByTestId("base-new").ClickAsync();
        var form = page.GetByTestId("base-create");
        await form.Locator("[data-field=Name]").FillAsync("浏览器测试交通局");
        await form.Locator("[data-field=Kind]").SelectOptionAsync(new SelectOptionValue { Label = "责任单位" });
        await form.Locator("[data-field=ContactPhone]").FillAsync("0835-交通");
        await form.GetByTestId("base-save").ClickAsync();
        await Assertions.Expect(form.Locator(".mp-field-error")).ToContainTextAsync("联系电话只能包含数字");
        await Assertions.Expect(data.Row("浏览器测试交通局")).ToHaveCountAsync(0);
        await form.Locator("[data-field=ContactPhone]").FillAsync("0835-2610099");
        await form.GetByTestId("base-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("已新增“浏览器测试交通局”");
        await Assertions.Expect(data.Row("浏览器测试交通局")).ToContainTextAsync("0835-2610099");

        // 市发展改革委 leads no project but problems name it: 删除 is refused under its row, saying what uses it.
        await data.Row("市发展改革委").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await page.GetByTestId("delete-confirm").GetByRole(AriaRole.Button, new() { Name = "确认删除" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("row-error")).ToContainTextAsync("问题");
        await Assertions.Expect(data.Row("市发展改革委")).ToHaveCountAsync(1);

        // It was the transport bureau typed again: merge it into 市交通运输局, whose aliases then include its name.
        await data.Row("浏览器测试交通局").GetByRole(AriaRole.Button, new() { Name = "合并到…" }).ClickAsync();
        await page.Locator("#merge-q").PressSequentiallyAsync("交通运输局");
        var candidates = page.GetByTestId("merge-candidates");
        await Assertions.Expect(candidates.Locator("label")).ToHaveCountAsync(1);
        await candidates.GetByText("市交通运输局（市交通局）").ClickAsync();
        await Assertions.Expect(page.GetByTestId("merge-panel")).ToContainTextAsync("保留“市交通运输局（市交通局）”，停用“浏览器测试交通局”");
        await page.ScreenshotAsync(new() { Path = Shot("base-2-merge-1440.png"), FullPage = true });
        await page.GetByTestId("merge-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("已把“浏览器测试交通局”合并到“市交通运输局”");
        await Assertions.Expect(data.Row("浏览器测试交通局")).ToHaveCountAsync(0);
        await Assertions.Expect(data.Row("市交通运输局")).ToContainTextAsync("浏览器测试交通局");

        // Leaders: a term that ends before it begins is refused under 任职止, and the leader keeps his term.
        await page.GetByTestId("tab-leaders").ClickAsync();
        await data.WaitAsync();
        await Assertions.Expect(page.GetByTestId("tab-leaders")).ToHaveAttributeAsync("aria-selected", "true");
        await data.Row("陈宇航").GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
        var edit = page.Locator("tr.mp-base-open");
        await edit.Locator("[data-field=InOfficeTo]").FillAsync("2017-12-31");
        await edit.GetByTestId("base-save").ClickAsync();
        await Assertions.Expect(edit.Locator(".mp-field-error")).ToContainTextAsync("任职止 2017-12-31 早于任职起 2018-01-20");
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Shot("base-3-leader-error-390.png"), FullPage = true });
        await page.SetViewportSizeAsync(1440, 900);
        await edit.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Assertions.Expect(data.Row("陈宇航")).ToContainTextAsync("2018-01-20 起");

        // Categories: a blank name is refused; 水利 is added, retired (hidden), restored and, used by nothing, deleted.
        await data.OpenAsync("categories");
        await page.GetByTestId("base-new").ClickAsync();
        form = page.GetByTestId("base-create");
        await form.GetByTestId("base-save").ClickAsync();
        await Assertions.Expect(form.Locator(".mp-field-error")).ToContainTextAsync("请填写行业类别名称");
        await form.Locator("[data-field=Name]").FillAsync("浏览器测试水利");
        await form.Locator("[data-field=Aliases]").FillAsync("浏览器测试水务\n浏览器测试水利工程");
        await form.GetByTestId("base-save").ClickAsync();
        await Assertions.Expect(data.Row("浏览器测试水利")).ToContainTextAsync("浏览器测试水务、浏览器测试水利工程");
        await data.Row("浏览器测试水利").GetByRole(AriaRole.Button, new() { Name = "停用" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("已停用“浏览器测试水利”");
        await Assertions.Expect(data.Row("浏览器测试水利")).ToHaveCountAsync(0);
        await page.GetByLabel("显示已停用").CheckAsync();
        await page.GetByTestId("base-search").GetByRole(AriaRole.Button, new() { Name = "搜索" }).ClickAsync();
        await data.Row("浏览器测试水利").GetByRole(AriaRole.Button, new() { Name = "恢复" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("已恢复“浏览器测试水利”");
        await Assertions.Expect(data.Row("浏览器测试水利")).ToContainTextAsync("在用");
        await data.Row("浏览器测试水利").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
        await page.GetByTestId("delete-confirm").GetByRole(AriaRole.Button, new() { Name = "确认删除" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("已删除“浏览器测试水利”");
        await Assertions.Expect(data.Row("浏览器测试水利")).ToHaveCountAsync(0);
        // A category in use offers no 删除: it can only be retired.
        await Assertions.Expect(data.Row("交通").GetByRole(AriaRole.Button, new() { Name = "删除" })).ToHaveCountAsync(0);

        // An address typed by hand (?retired=1, a page past the end or not a number) still shows the list.
        await page.GotoAsync("/base-data?tab=units&retired=1&page=abc");
        await data.WaitAsync();
        await Assertions.Expect(data.Row("市城乡规划局")).ToContainTextAsync("已停用");
        await page.GotoAsync("/base-data?tab=units&page=99");
        await data.WaitAsync();
        await Assertions.Expect(data.Row("市交通运输局")).ToHaveCountAsync(1);

        // Divisions: the tree indented under the city, with the way to bring in the districts; then a phone's width.
        await data.OpenAsync("divisions");
        await Assertions.Expect(data.Row("新城区")).ToContainTextAsync("县级");
        await Assertions.Expect(page.GetByTestId("base-city")).ToHaveAttributeAsync("href", "/base-data/city");
        await page.SetViewportSizeAsync(390, 844);
        await data.OpenAsync("units");
        await page.ScreenshotAsync(new() { Path = Shot("base-4-units-390.png"), FullPage = true });

        // In English.
        await page.SetViewportSizeAsync(1440, 900);
        await page.GetByRole(AriaRole.Link, new() { Name = "English" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Base data", Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("tab-units")).ToHaveTextAsync("Units");
        await page.ScreenshotAsync(new() { Path = Shot("base-5-en-1440.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "中文" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "基础数据", Exact = true })).ToBeVisibleAsync(new() { Timeout = 30_000 });

        Assert.True(errors.Count == 0, "Console errors: " + string.Join("\n", errors));
        await page.Context.CloseAsync();
    }
}

/// <summary>/base-data: a tab, its rows by the name in them.</summary>
public sealed class BaseDataPage(IPage page)
{
    public async Task OpenAsync(string tab)
    {
        await page.GotoAsync("/base-data?tab=" + tab);
        await WaitAsync();
    }

    /// <summary>Waits for the circuit (clicks before it are lost) and the table.</summary>
    public async Task WaitAsync()
    {
        await page.WaitForSelectorAsync("[data-interactive]", new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });
        await Assertions.Expect(page.GetByTestId("base-table")).ToBeVisibleAsync();
    }

    /// <summary>The row whose name cell is exactly <paramref name="name"/>.</summary>
    public ILocator Row(string name) =>
        page.GetByTestId("base-row").Filter(new() { Has = page.Locator("td").GetByText(name, new() { Exact = true }) });
}
