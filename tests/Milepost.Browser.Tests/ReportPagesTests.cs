using Microsoft.Playwright;
using SkiaSharp;

namespace Milepost.Browser.Tests;

/// <summary>
/// The monthly report loop in the browser: the owner fills in June with a photo and submits, the supervision office
/// returns it with a comment, the owner corrects and resubmits, the office approves.
/// </summary>
[Collection("app")]
public sealed class ReportPagesTests(AppFixture app)
{
    private const string Project = "岷江至省会快速通道";

    private static string Shot(string file) => Path.Combine(AppFixture.ArtifactsDirectory, file);

    private static async Task InteractiveAsync(IPage page) =>
        await page.Locator("[data-interactive]").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    private static ILocator State(IPage page) => page.GetByTestId("report-state");

    private static byte[] SitePhoto()
    {
        using var bitmap = new SKBitmap(1200, 800);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(135, 180, 215));
            using var ground = new SKPaint { Color = new SKColor(120, 110, 95) };
            canvas.DrawRect(0, 520, 1200, 280, ground);
            using var pier = new SKPaint { Color = new SKColor(190, 190, 185) };
            for (var x = 150; x < 1200; x += 300) canvas.DrawRect(x, 300, 60, 240, pier);
            canvas.DrawRect(80, 260, 1040, 50, pier);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 85).ToArray();
    }

    [Fact]
    public async Task Owner_SubmitsWithAPhoto_SupervisorReturns_OwnerResubmits_SupervisorApproves()
    {
        var owner = await app.SignInAsync("owner");
        await owner.GotoAsync("/reports");
        await InteractiveAsync(owner);
        var may = owner.Locator("tr.ant-table-row", new() { HasText = Project }).Filter(new() { HasText = "2020年5月" });
        await Assertions.Expect(may).ToContainTextAsync("逾期 6 天");
        await Assertions.Expect(may).ToContainTextAsync("已退回");
        var june = owner.Locator("tr.ant-table-row", new() { HasText = Project }).Filter(new() { HasText = "2020年6月" });
        await Assertions.Expect(june).ToContainTextAsync("剩余 24 天");
        await owner.ScreenshotAsync(new() { Path = Shot("30-owner-inbox.png"), FullPage = true });

        await june.GetByRole(AriaRole.Button, new() { Name = "填报" }).ClickAsync();
        await Assertions.Expect(owner.GetByRole(AriaRole.Heading, new() { Name = "2020年6月月报" })).ToBeVisibleAsync();
        await Assertions.Expect(State(owner)).ToHaveTextAsync("草稿");

        // The year to date and the completion rate follow the typing.
        var ytdBefore = await owner.GetByTestId("ytd").InnerTextAsync();
        await owner.Locator("#r-investment").PressSequentiallyAsync("8600");
        await Assertions.Expect(owner.GetByTestId("ytd")).Not.ToHaveTextAsync(ytdBefore);
        await Assertions.Expect(owner.GetByTestId("rate")).ToContainTextAsync("%");

        // Progress below last month's asks for a reason, named in Chinese.
        var lastText = (await owner.Locator("tr:has(#r-progress) td").Nth(1).InnerTextAsync()).Trim().TrimEnd('%');
        var last = decimal.Parse(lastText, System.Globalization.CultureInfo.InvariantCulture);
        await owner.Locator("#r-progress").FillAsync("0");
        await Assertions.Expect(owner.Locator("#r-reason")).ToBeVisibleAsync();
        await owner.Locator("#r-submit").ClickAsync();
        await Assertions.Expect(owner.GetByTestId("errors")).ToContainTextAsync("请填写进度回退原因");
        await owner.ScreenshotAsync(new() { Path = Shot("31-report-validation.png"), FullPage = true });

        await owner.Locator("#r-progress").FillAsync((last + 2.5m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
        await owner.Locator("#r-workers").FillAsync("420");
        await owner.Locator("#r-narrative").FillAsync("K12 至 K18 段路基填筑完成，岷江特大桥主墩承台浇筑完成 4 个。");
        await owner.Locator("#r-photo").SetInputFilesAsync(new FilePayload { Name = "岷江特大桥主墩.jpg", MimeType = "image/jpeg", Buffer = SitePhoto() });
        await Assertions.Expect(owner.GetByTestId("photos").Locator("img")).ToHaveCountAsync(1);
        await owner.Locator("#r-submit").ClickAsync();
        await Assertions.Expect(State(owner)).ToHaveTextAsync("待审核");
        await owner.ScreenshotAsync(new() { Path = Shot("32-report-submitted.png"), FullPage = true });
        var reportUrl = owner.Url;

        var supervisor = await app.SignInAsync("supervisor");
        await supervisor.GotoAsync("/reports/review");
        await InteractiveAsync(supervisor);
        var row = supervisor.Locator("tr.ant-table-row", new() { HasText = Project }).Filter(new() { HasText = "2020年6月" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.GetByText("康养产业园基础设施工程")).ToBeVisibleAsync();
        await supervisor.ScreenshotAsync(new() { Path = Shot("33-review-queue.png"), FullPage = true });

        await row.GetByRole(AriaRole.Link, new() { Name = "审核" }).ClickAsync();
        await Assertions.Expect(supervisor.Locator("#r-return")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.GetByTestId("photos").Locator("img")).ToHaveCountAsync(1);
        await supervisor.Locator("#r-return").ClickAsync();
        await Assertions.Expect(supervisor.GetByTestId("errors")).ToContainTextAsync("退回时必须填写退回意见");
        await supervisor.Locator("#r-comment").FillAsync("在岗人数与劳务实名制系统记录不符，请核实后重新报送。");
        await supervisor.Locator("#r-return").ClickAsync();
        await Assertions.Expect(State(supervisor)).ToHaveTextAsync("已退回");
        await supervisor.ScreenshotAsync(new() { Path = Shot("34-report-returned.png"), FullPage = true });

        await owner.GotoAsync(reportUrl);
        await InteractiveAsync(owner);
        await Assertions.Expect(owner.GetByText("在岗人数与劳务实名制系统记录不符").First).ToBeVisibleAsync();
        await owner.Locator("#r-workers").FillAsync("386");
        await owner.ScreenshotAsync(new() { Path = Shot("35-owner-correcting.png"), FullPage = true });
        await owner.Locator("#r-submit").ClickAsync();
        await Assertions.Expect(State(owner)).ToHaveTextAsync("待审核");

        await supervisor.ReloadAsync();
        await InteractiveAsync(supervisor);
        await supervisor.Locator("#r-approve").ClickAsync();
        await Assertions.Expect(State(supervisor)).ToHaveTextAsync("已审核");
        await Assertions.Expect(supervisor.GetByText("386", new() { Exact = true })).ToBeVisibleAsync();
        await supervisor.ScreenshotAsync(new() { Path = Shot("36-report-approved.png"), FullPage = true });

        // The project's 月报 tab links to it.
        await supervisor.GetByRole(AriaRole.Link, new() { Name = Project }).First.ClickAsync();
        await supervisor.GetByRole(AriaRole.Tab, new() { Name = "月报" }).First.ClickAsync();
        await Assertions.Expect(supervisor.GetByRole(AriaRole.Link, new() { Name = "查看" }).First).ToBeVisibleAsync();
        await supervisor.ScreenshotAsync(new() { Path = Shot("37-project-reports-tab.png"), FullPage = true });
    }
}
