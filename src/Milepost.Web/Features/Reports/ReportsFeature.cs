using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Reports;

/// <summary>Monthly reports (月报): services and the /api/v1 endpoints, with the same commands as the pages.</summary>
public static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection s) =>
        s.AddSingleton<PhotoStore>().AddScoped<ReportQueries>().AddScoped<ReportCommands>();

    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1").WithTags("Reports").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/reports/inbox", Inbox);
        api.MapGet("/reports/review", Queue);
        api.MapGet("/reports/{reportId:long}", Get);
        api.MapPost("/projects/{id:long}/reports", Create);
        api.MapPut("/reports/{reportId:long}", Save);
        api.MapPost("/reports/{reportId:long}/submit", Submit);
        api.MapPost("/reports/{reportId:long}/approve", Approve);
        api.MapPost("/reports/{reportId:long}/return", Return);
        api.MapPost("/reports/{reportId:long}/revisions", Correct);
        // The request is cut off a little above the photo limit, before it is buffered anywhere.
        api.MapPost("/reports/{reportId:long}/photos", Upload).WithMetadata(new RequestSizeLimitAttribute(PhotoStore.MaxBytes + 256 * 1024));
        api.MapGet("/photos/{photoId:long}", (long photoId, MilepostDb db, PhotoStore store, HttpContext http, CancellationToken ct) => Photo(photoId, false, db, store, http, ct));
        api.MapGet("/photos/{photoId:long}/thumb", (long photoId, MilepostDb db, PhotoStore store, HttpContext http, CancellationToken ct) => Photo(photoId, true, db, store, http, ct));
        return e;
    }

    private static async Task<List<DueReportDto>> Inbox(ReportQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        (await q.InboxAsync(Actor.From(user), ct)).Select(r => new DueReportDto(r.ProjectId, r.ProjectName, r.Month.ToString(), r.DueDate,
            r.DaysLeft, r.ReportId, r.State, r.Revision)).ToList();

    private static async Task<Results<Ok<ReviewQueueDto>, JsonHttpResult<ErrorBody>>> Queue(ReportQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        if (!actor.Is(Roles.Supervisor))
            return TypedResults.Json(new ErrorBody(Lang.T("只有督查室可以查看审核队列", "Only the supervision office sees the review queue"), []), statusCode: 403);
        var queue = await q.QueueAsync(actor, ct);
        static QueueRowDto Row(QueueRow r) => new(r.ProjectId, r.ProjectName, r.OwnerUnit, r.Month.ToString(), r.DueDate, r.ReportId, r.State,
            r.Revision, r.SubmittedAt, r.SubmittedBy, r.DaysLate);
        return TypedResults.Ok(new ReviewQueueDto(queue.Waiting.Select(Row).ToList(), queue.ClosedMonth.ToString(), queue.LateOrMissing.Select(Row).ToList()));
    }

    private static async Task<Results<Ok<ReportDto>, NotFound>> Get(long reportId, ReportQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        await q.DetailAsync(Actor.From(user), reportId, ct) is { } d ? TypedResults.Ok(ReportDto.From(d)) : TypedResults.NotFound();

    private static async Task<Results<Created<ReportDto>, NotFound>> Create(long id, CreateReportDto body, ReportCommands c, ReportQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var reportId = await c.CreateAsync(actor, id, ParseMonth(body.Month), ct);
        return TypedResults.Created($"/api/v1/reports/{reportId}", ReportDto.From((await q.DetailAsync(actor, reportId, ct))!));
    }

    private static Task<Ok<ReportDto>> Save(long reportId, ReportInputDto body, ReportCommands c, ReportQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        Then(user, reportId, q, async a =>
        {
            await c.AuthorizeAsync(a, reportId, ReportAction.Save, ct);
            await c.SaveAsync(a, reportId, body.ToInput(), body.Version, ct);
        }, ct);

    private static Task<Ok<ReportDto>> Submit(long reportId, ReportInputDto body, ReportCommands c, ReportQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        Then(user, reportId, q, async a =>
        {
            await c.AuthorizeAsync(a, reportId, ReportAction.Submit, ct);
            await c.SubmitAsync(a, reportId, body.HasFigures ? body.ToInput() : null, body.Version, ct);
        }, ct);

    private static Task<Ok<ReportDto>> Approve(long reportId, ReviewDto body, ReportCommands c, ReportQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        Then(user, reportId, q, a => c.ApproveAsync(a, reportId, body.Comment, body.Version, ct), ct);

    private static Task<Ok<ReportDto>> Return(long reportId, ReviewDto body, ReportCommands c, ReportQueries q, ClaimsPrincipal user, CancellationToken ct) =>
        Then(user, reportId, q, a => c.ReturnAsync(a, reportId, body.Comment, body.Version, ct), ct);

    private static async Task<Created<ReportDto>> Correct(long reportId, CorrectionDto body, ReportCommands c, ReportQueries q, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var id = await c.StartCorrectionAsync(actor, reportId, body.Reason, body.Version, ct);
        return TypedResults.Created($"/api/v1/reports/{id}", ReportDto.From((await q.DetailAsync(actor, id, ct))!));
    }

    /// <summary>
    /// multipart/form-data with "file" (and "caption"). The scope and role are checked before the body is read;
    /// the antiforgery token of the signed-in session is required like any form post (SECURITY.md 18).
    /// </summary>
    private static async Task<Created<PhotoDto>> Upload(long reportId, HttpContext http, ReportCommands c, MilepostDb db, IAntiforgery antiforgery, ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user);
        var report = await db.MonthlyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || !await db.Projects.VisibleTo(actor).AnyAsync(p => p.Id == report.ProjectId, ct)) throw new NotFoundException($"report {reportId}");
        if (!actor.Is(Roles.Owner))
            throw new ForbiddenException("只有项目业主单位可以上传月报照片", "Only the project's owner unit uploads report photos");
        if (!http.Request.HasFormContentType)
            throw new ValidationException(new ValidationError("Photo", "photo.missing", "请以表单（multipart/form-data）上传照片文件", "Upload the photo as multipart/form-data"));
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException)
        {
            throw new ValidationException(new ValidationError("", "antiforgery", "页面已过期，请刷新后重新上传", "The page has expired; reload and upload again"));
        }
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(ct); }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw new ValidationException(new ValidationError("Photo", "photo.size",
                $"上传的文件超过 {PhotoStore.MaxBytes / 1024 / 1024} MB 的大小限制，未保存", $"The upload is larger than the {PhotoStore.MaxBytes / 1024 / 1024} MB limit; nothing was saved"));
        }
        var file = form.Files.GetFile("file")
                   ?? throw new ValidationException(new ValidationError("Photo", "photo.missing", "请选择要上传的照片", "Choose a photo to upload"));
        await using var stream = file.OpenReadStream();
        var id = await c.AddPhotoAsync(actor, reportId, stream, file.FileName, form["caption"].FirstOrDefault(), ct);
        var photo = await db.ReportPhotos.AsNoTracking().FirstAsync(p => p.Id == id, ct);
        return TypedResults.Created($"/api/v1/photos/{id}", PhotoDto.From(photo));
    }

    private static async Task<IResult> Photo(long photoId, bool thumb, MilepostDb db, PhotoStore store, HttpContext http, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        var photo = await db.ReportPhotos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == photoId, ct);
        if (photo is null || !await db.Projects.VisibleTo(actor).AnyAsync(p => p.Id == photo.ProjectId, ct)) return TypedResults.NotFound();
        var stream = store.Open(photo.Sha256, thumb);
        if (stream is null) return TypedResults.NotFound();
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "private, max-age=3600";
        return TypedResults.Stream(stream, thumb ? "image/jpeg" : photo.ContentType);
    }

    private static async Task<Ok<ReportDto>> Then(ClaimsPrincipal user, long reportId, ReportQueries q, Func<Actor, Task> act, CancellationToken ct)
    {
        var actor = Actor.From(user);
        await act(actor);
        return TypedResults.Ok(ReportDto.From((await q.DetailAsync(actor, reportId, ct))!));
    }

    public static YearMonth? ParseMonth(string? text) =>
        text is { Length: 7 } && int.TryParse(text[..4], CultureInfo.InvariantCulture, out var y) && text[4] == '-'
        && int.TryParse(text[5..], CultureInfo.InvariantCulture, out var m) && y is >= 1900 and <= 9999 && m is >= 1 and <= 12
            ? new YearMonth(y, m) : null;
}

public sealed record DueReportDto(long ProjectId, string ProjectName, string Month, DateOnly DueDate, int DaysLeft, long? ReportId, ReportState? State, int Revision);

public sealed record QueueRowDto(long ProjectId, string ProjectName, string? OwnerUnit, string Month, DateOnly DueDate, long? ReportId,
    ReportState? State, int Revision, DateTime? SubmittedAt, string? SubmittedBy, int DaysLate);

public sealed record ReviewQueueDto(IReadOnlyList<QueueRowDto> Waiting, string ClosedMonth, IReadOnlyList<QueueRowDto> LateOrMissing);

public sealed record CreateReportDto(string? Month);

public sealed record ReviewDto(string? Comment, long Version);

public sealed record CorrectionDto(string? Reason, long Version);

public sealed record FundsDto(FundingSource Source, decimal AmountWan);

/// <summary>The figures as a client sends them; money in 万元. Unknown fields (state, review, revision) are ignored.</summary>
public sealed record ReportInputDto(decimal? CompletedInvestmentWan, decimal? ProgressPercent, int? WorkersOnSite, string? Narrative,
    string? NextMonthPlan, string? ProgressReason, IReadOnlyList<FundsDto>? Funds, long Version)
{
    public bool HasFigures => CompletedInvestmentWan is not null || ProgressPercent is not null;

    public ReportInput ToInput()
    {
        if (CompletedInvestmentWan is null || ProgressPercent is null)
            throw new ValidationException([
                .. CompletedInvestmentWan is null ? [new ValidationError("CompletedInvestment", "report.investment.required", "请填写当月完成投资", "Investment completed in the month is required")] : Array.Empty<ValidationError>(),
                .. ProgressPercent is null ? [new ValidationError("ProgressPercent", "report.progress.required", "请填写形象进度", "Physical progress is required")] : Array.Empty<ValidationError>(),
            ]);
        return new(Money.FromWan(CompletedInvestmentWan.Value), ProgressPercent.Value, WorkersOnSite ?? 0, Narrative, NextMonthPlan, ProgressReason,
            (Funds ?? []).Select(f => new FundsInput(f.Source, Money.FromWan(f.AmountWan))).ToList());
    }
}

public sealed record PhotoDto(long Id, string FileName, string ContentType, long SizeBytes, int Width, int Height, string? Caption, string UploadedBy, DateTime UploadedAt)
{
    public static PhotoDto From(ReportPhoto p) => new(p.Id, p.FileName, p.ContentType, p.SizeBytes, p.Width, p.Height, p.Caption, p.UploadedBy, p.UploadedAt);
}

public sealed record RevisionDto(long Id, int Revision, ReportState State, long? SupersededById, decimal CompletedInvestmentWan, decimal ProgressPercent);

public sealed record ReportDto(
    long Id, long ProjectId, string ProjectName, string Month, int Revision, long? SupersededById, ReportState State,
    decimal CompletedInvestmentWan, decimal ProgressPercent, int WorkersOnSite, string? Narrative, string? NextMonthPlan, string? ProgressReason,
    IReadOnlyList<FundsDto> Funds, DateOnly DueDate, DateTime? SubmittedAt, string? SubmittedBy, DateTime? ReviewedAt, string? ReviewedBy,
    string? ReviewComment, decimal YearToDateWan, decimal? CompletionRate, decimal AnnualPlanWan, IReadOnlyList<PhotoDto> Photos,
    IReadOnlyList<RevisionDto> Revisions, long Version)
{
    public static ReportDto From(ReportDetail d)
    {
        var r = d.Report;
        var ytd = d.YearToDate(r.CompletedInvestment);
        return new(r.Id, r.ProjectId, d.ProjectName, r.Month.ToString(), r.Revision, r.SupersededById, r.State, r.CompletedInvestment.Wan,
            r.ProgressPercent, r.WorkersOnSite, r.Narrative, r.NextMonthPlan, r.ProgressReason,
            r.FundsReceived.OrderBy(f => f.Source).Select(f => new FundsDto(f.Source, f.Amount.Wan)).ToList(), d.DueDate, r.SubmittedAt,
            r.SubmittedBy, r.ReviewedAt, r.ReviewedBy, r.ReviewComment, ytd.Wan, ReportRules.CompletionRate(ytd, d.AnnualPlan), d.AnnualPlan.Wan,
            r.Photos.OrderBy(p => p.Id).Select(PhotoDto.From).ToList(),
            d.Revisions.Select(x => new RevisionDto(x.Id, x.Revision, x.State, x.SupersededById, x.CompletedInvestment.Wan, x.ProgressPercent)).ToList(),
            r.Version);
    }
}
