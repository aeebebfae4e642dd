using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Reports;
using Milepost.Web.Tests.Infrastructure;
using SkiaSharp;

namespace Milepost.Web.Tests.Reports;

public sealed class ReportFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The monthly report through HTTP: the review loop, corrections as revisions, photo uploads, the inbox and the queue.</summary>
public sealed partial class ReportApiTests(ReportFixture fx) : IClassFixture<ReportFixture>
{
    private const string Ours = "岷江高速公路东互通立交工程";   // the demo owner's project, all months reported
    private const string Returned = "岷江至省会快速通道";        // the demo owner's project, May returned

    private static ReportInputDto Figures(ReportDto r, decimal wan, decimal progress, string? reason = null) =>
        new(wan, progress, 300, "主线桥梁上部结构施工", "继续推进匝道施工", reason, [new FundsDto(FundingSource.Fiscal, 100)], r.Version);

    private async Task<ReportDto> ReportAsync(HttpClient client, string project, string month)
    {
        var id = await client.IdOfAsync(project);
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var m = ReportsFeature.ParseMonth(month)!.Value;
        var reportId = (await db.MonthlyReports.Where(r => r.ProjectId == id && r.Month == m).ToListAsync()).MaxBy(r => r.Revision)!.Id;
        return await (await client.GetAsync($"/api/v1/reports/{reportId}")).ReadAsync<ReportDto>();
    }

    private async Task<int> AuditCountAsync(long reportId)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var key = reportId.ToString();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.CountAsync(e => e.Entity == "MonthlyReport" && e.EntityId == key);
    }

    [Fact]
    public async Task ReviewLoop_SubmitReturnResubmitApprove_OneAuditEventPerStep()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var project = await owner.IdOfAsync(Ours);

        var created = await owner.PostJsonAsync($"/api/v1/projects/{project}/reports", new CreateReportDto("2020-06"));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var r = await created.ReadAsync<ReportDto>();
        Assert.Equal(ReportState.Draft, r.State);
        var may = await ReportAsync(owner, Ours, "2020-05");

        var submitted = await owner.PostJsonAsync($"/api/v1/reports/{r.Id}/submit", Figures(r, 2500, 70));
        Assert.Equal(HttpStatusCode.OK, submitted.StatusCode);
        r = await submitted.ReadAsync<ReportDto>();
        Assert.Equal(ReportState.Submitted, r.State);
        // The year to date is derived: May's year to date plus June's figure.
        Assert.Equal(may.YearToDateWan + 2500, r.YearToDateWan);

        // The owner cannot review; the supervisor cannot return without saying why.
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PostJsonAsync($"/api/v1/reports/{r.Id}/approve", new ReviewDto(null, r.Version))).StatusCode);
        var noComment = await supervisor.PostJsonAsync($"/api/v1/reports/{r.Id}/return", new ReviewDto(" ", r.Version));
        Assert.Equal(HttpStatusCode.BadRequest, noComment.StatusCode);
        Assert.Equal("ReviewComment", (await noComment.ReadAsync<ErrorBody>()).Errors.Single().Field);

        var back = await supervisor.PostJsonAsync($"/api/v1/reports/{r.Id}/return", new ReviewDto("在岗人数与考勤记录不符，请核实", r.Version));
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        r = await (await owner.GetAsync($"/api/v1/reports/{r.Id}")).ReadAsync<ReportDto>();
        Assert.Equal(ReportState.Returned, r.State);
        Assert.Equal("在岗人数与考勤记录不符，请核实", r.ReviewComment);

        // A returned report cannot be approved until it is sent again.
        var early = await supervisor.PostJsonAsync($"/api/v1/reports/{r.Id}/approve", new ReviewDto(null, r.Version));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains("已退回", (await early.ReadAsync<ErrorBody>()).Errors.Single().Message);

        r = await (await owner.PostJsonAsync($"/api/v1/reports/{r.Id}/submit", Figures(r, 2500, 70) with { WorkersOnSite = 280 })).ReadAsync<ReportDto>();
        Assert.Equal(ReportState.Submitted, r.State);
        Assert.Null(r.ReviewComment);

        var approved = await supervisor.PostJsonAsync($"/api/v1/reports/{r.Id}/approve", new ReviewDto(null, r.Version));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        r = await approved.ReadAsync<ReportDto>();
        Assert.Equal(ReportState.Approved, r.State);
        Assert.Equal(280, r.WorkersOnSite);
        // create, submit, return, resubmit, approve: the refusals wrote nothing.
        Assert.Equal(5, await AuditCountAsync(r.Id));
    }

    [Fact]
    public async Task ReportPage_OffersToRaiseAProblemFromTheReport_ToThoseWhoMayRaiseOne()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var report = await ReportAsync(owner, "岷江至省会快速通道", "2020-04");
        var link = $"/problems/new?projectId={report.ProjectId}&amp;reportId={report.Id}";
        Assert.Contains(link, await owner.GetStringAsync($"/reports/{report.Id}"));
        // A leader reads the report but raises no problems (SPEC §1), so is not offered to.
        var leader = await fx.Factory.SignInAsync("leader");
        var page = await leader.GetStringAsync($"/reports/{report.Id}");
        Assert.Contains("岷江至省会快速通道", page);
        Assert.DoesNotContain(link, page);
    }

    [Fact]
    public async Task StaleVersion_IsAConflictNamingWhoChangedIt_AndNothingIsOverwritten()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var r = await ReportAsync(owner, Returned, "2020-05");
        Assert.Equal(HttpStatusCode.OK, (await owner.PutJsonAsync($"/api/v1/reports/{r.Id}", Figures(r, 10, 99) with { WorkersOnSite = 111 })).StatusCode);
        var response = await owner.PutJsonAsync($"/api/v1/reports/{r.Id}", Figures(r, 10, 99) with { WorkersOnSite = 222 });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("owner", (await response.ReadAsync<ErrorBody>()).Message);
        Assert.Equal(111, (await (await owner.GetAsync($"/api/v1/reports/{r.Id}")).ReadAsync<ReportDto>()).WorkersOnSite);
    }

    [Fact]
    public async Task Correction_IsANewRevision_TheApprovedOneStaysReadableUntilReplaced()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var march = await ReportAsync(owner, Ours, "2020-03");
        Assert.Equal(ReportState.Approved, march.State);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PutJsonAsync($"/api/v1/reports/{march.Id}", Figures(march, 1, 50))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostJsonAsync($"/api/v1/reports/{march.Id}/revisions", new CorrectionDto("", march.Version))).StatusCode);

        var started = await owner.PostJsonAsync($"/api/v1/reports/{march.Id}/revisions", new CorrectionDto("监理复核后调整计量", march.Version));
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var rev2 = await started.ReadAsync<ReportDto>();
        Assert.Equal((2, ReportState.Draft), (rev2.Revision, rev2.State));
        Assert.Equal(march.CompletedInvestmentWan, rev2.CompletedInvestmentWan);
        // Only one open correction at a time.
        Assert.Equal(HttpStatusCode.BadRequest, (await owner.PostJsonAsync($"/api/v1/reports/{march.Id}/revisions", new CorrectionDto("再次更正", march.Version))).StatusCode);

        rev2 = await (await owner.PostJsonAsync($"/api/v1/reports/{rev2.Id}/submit", Figures(rev2, march.CompletedInvestmentWan + 50, march.ProgressPercent))).ReadAsync<ReportDto>();
        var stillOld = await (await owner.GetAsync($"/api/v1/reports/{march.Id}")).ReadAsync<ReportDto>();
        Assert.Equal((ReportState.Approved, (long?)null), (stillOld.State, stillOld.SupersededById));

        var approved = await supervisor.PostJsonAsync($"/api/v1/reports/{rev2.Id}/approve", new ReviewDto("同意更正", rev2.Version));
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var old = await (await owner.GetAsync($"/api/v1/reports/{march.Id}")).ReadAsync<ReportDto>();
        Assert.Equal(rev2.Id, old.SupersededById);
        Assert.Equal(march.CompletedInvestmentWan, old.CompletedInvestmentWan); // kept as it was
        Assert.Equal(2, old.Revisions.Count);
        // April's year to date now counts the corrected March once.
        var april = await ReportAsync(owner, Ours, "2020-04");
        var aprilRev1 = april.Revisions.Single(x => x.Revision == 1);
        Assert.Equal(march.YearToDateWan + 50 + aprilRev1.CompletedInvestmentWan, (await (await owner.GetAsync($"/api/v1/reports/{aprilRev1.Id}")).ReadAsync<ReportDto>()).YearToDateWan);
    }

    [Fact]
    public async Task Save_ProgressBelowLastMonthWithoutReason_IsRefused_WithAReasonItIsKept()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var r = await ReportAsync(owner, Returned, "2020-05");
        var refused = await owner.PutJsonAsync($"/api/v1/reports/{r.Id}", Figures(r, -1, 0.5m));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var fields = (await refused.ReadAsync<ErrorBody>()).Errors.Select(e => e.Field).Order().ToList();
        Assert.Equal(["CompletedInvestment", "ProgressReason"], fields);
        var saved = await owner.PutJsonAsync($"/api/v1/reports/{r.Id}", Figures(r, 1, 0.5m, "桥梁荷载试验不合格，已完工程量重新核定"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(0.5m, (await saved.ReadAsync<ReportDto>()).ProgressPercent);
    }

    [Fact]
    public async Task Inbox_OfTheOwner_ShowsMayOverdueAndJuneDue()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var inbox = await (await owner.GetAsync("/api/v1/reports/inbox")).ReadAsync<List<DueReportDto>>();
        var may = inbox.Single(r => r.ProjectName == Returned && r.Month == "2020-05");
        Assert.Equal((new DateOnly(2020, 6, 5), -6, ReportState.Returned), (may.DueDate, may.DaysLeft, may.State!.Value));
        var june = inbox.Single(r => r.ProjectName == Returned && r.Month == "2020-06");
        Assert.Equal((new DateOnly(2020, 7, 5), 24, (ReportState?)null), (june.DueDate, june.DaysLeft, june.State));
        // Only the owner's own projects, and no approved month.
        Assert.All(inbox, r => Assert.Contains(r.ProjectName, new[] { Ours, Returned }));
        Assert.DoesNotContain(inbox, r => r.State == ReportState.Approved);
    }

    [Fact]
    public async Task Queue_ListsWaitingOldestFirst_AndTheLateAndMissingOfMay()
    {
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var q = await (await supervisor.GetAsync("/api/v1/reports/review")).ReadAsync<ReviewQueueDto>();
        Assert.Contains(q.Waiting, r => r.ProjectName == Ours && r.Month == "2020-05");
        Assert.Equal(q.Waiting.OrderBy(r => r.SubmittedAt).Select(r => r.ReportId), q.Waiting.Select(r => r.ReportId));
        Assert.Equal("2020-05", q.ClosedMonth);
        var missing = q.LateOrMissing.Single(r => r.ProjectName == "康养产业园基础设施工程");
        Assert.Equal((6, (DateTime?)null), (missing.DaysLate, missing.SubmittedAt));
        Assert.Equal(4, q.LateOrMissing.Single(r => r.ProjectName == "大数据产业园一期").DaysLate);
        Assert.Contains(q.LateOrMissing, r => r.ProjectName == Returned && r.State == ReportState.Returned);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fx.Factory.SignInAsync("owner")).GetAsync("/api/v1/reports/review")).StatusCode);
    }

    [Fact]
    public async Task OtherUnitsReports_AreNotFound_EvenForTheirPhotos()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var supervisor = await fx.Factory.SignInAsync("supervisor");
        var theirs = await ReportAsync(supervisor, "大数据产业园一期", "2020-05");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/reports/{theirs.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.PostJsonAsync($"/api/v1/reports/{theirs.Id}/submit", new ReportInputDto(1, 1, 1, null, null, null, null, theirs.Version))).StatusCode);
        var page = await owner.GetAsync($"/reports/{theirs.Id}");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("大数据产业园一期", await page.Content.ReadAsStringAsync());
    }

    // ---- photos ----

    private static byte[] Png(int w = 640, int h = 480)
    {
        using var bitmap = new SKBitmap(w, h);
        using (var canvas = new SKCanvas(bitmap)) canvas.Clear(new SKColor(40, 120, 200));
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, long reportId, byte[] bytes, string name, bool token = true)
    {
        var page = await client.GetStringAsync("/reports");
        using var form = new MultipartFormDataContent();
        if (token) form.Add(new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", name);
        form.Add(new StringContent("1号墩柱施工"), "caption");
        return await client.PostAsync($"/api/v1/reports/{reportId}/photos", form);
    }

    private (int Rows, int Files) Stored()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var rows = scope.ServiceProvider.GetRequiredService<MilepostDb>().ReportPhotos.Count();
        var dir = Path.Combine(fx.Factory.DataDirectory, "photos");
        var files = Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Length : 0;
        return (rows, files);
    }

    [Fact]
    public async Task Upload_ARenamedExe_AnOversizedFile_AndATruncatedJpeg_AreRefused_AndNothingIsStored()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var r = await ReportAsync(owner, Returned, "2020-05");
        var before = Stored();

        var exe = new byte[4096];
        "MZ"u8.CopyTo(exe);
        var response = await UploadAsync(owner, r.Id, exe, "现场照片.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.ReadAsync<ErrorBody>()).Errors.Single();
        Assert.Contains("现场照片.jpg", error.Message);
        Assert.Contains("不是 JPEG 或 PNG", error.Message);

        var big = new byte[PhotoStore.MaxBytes + 1];
        new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }.CopyTo(big, 0);
        response = await UploadAsync(owner, r.Id, big, "big.jpg");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("10 MB", (await response.ReadAsync<ErrorBody>()).Errors.Single().Message);

        var cut = Png()[..200];
        response = await UploadAsync(owner, r.Id, cut, "cut.png");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        // Without the session's antiforgery token the form post is refused as well.
        Assert.Equal(HttpStatusCode.BadRequest, (await UploadAsync(owner, r.Id, Png(), "ok.png", token: false)).StatusCode);
        Assert.Equal(before, Stored());
    }

    [Fact]
    public async Task Upload_APng_IsStoredByHash_WithAThumbnail_AndServedOnlyWithinScope()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var r = await ReportAsync(owner, Returned, "2020-05");
        var bytes = Png();
        var response = await UploadAsync(owner, r.Id, bytes, "../../etc/site.png");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var photo = await response.ReadAsync<PhotoDto>();
        Assert.Equal(("site.png", "image/png", 640, 480, "1号墩柱施工"), (photo.FileName, photo.ContentType, photo.Width, photo.Height, photo.Caption));

        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var path = Path.Combine(fx.Factory.DataDirectory, "photos", sha[..2], sha);
        Assert.True(File.Exists(path));
        Assert.True(File.Exists(path + ".thumb.jpg"));

        var get = await owner.GetAsync($"/api/v1/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("image/png", get.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", get.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(bytes, await get.Content.ReadAsByteArrayAsync());
        var thumb = await owner.GetAsync($"/api/v1/photos/{photo.Id}/thumb");
        Assert.Equal("image/jpeg", thumb.Content.Headers.ContentType!.MediaType);
        using (var decoded = SKBitmap.Decode(await thumb.Content.ReadAsByteArrayAsync())) Assert.Equal(PhotoStore.ThumbWidth, decoded.Width);

        // The department of another sector and the admins never get the bytes.
        var other = await fx.Factory.SignInAsync("admin");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/photos/{photo.Id}")).StatusCode);
        var report = await (await owner.GetAsync($"/api/v1/reports/{r.Id}")).ReadAsync<ReportDto>();
        Assert.Contains(report.Photos, p => p.Id == photo.Id);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
