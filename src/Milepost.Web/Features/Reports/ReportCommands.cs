using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Reports;

/// <summary>
/// The monthly report's workflow (SPEC §3.4): the owner drafts, saves and submits its own projects' reports and
/// starts corrections; the supervisor approves or returns them. Each step is one transaction with its audit event;
/// a record outside the actor's scope is "not found", a step the actor may not take is forbidden, an illegal step
/// or bad figures are a validation error, and a stale version is a conflict.
/// </summary>
public sealed class ReportCommands(MilepostDb db, PortfolioClock clock, PhotoStore photos, ReportQueries queries)
{
    public async Task<long> CreateAsync(Actor actor, long projectId, YearMonth? month, CancellationToken ct = default)
    {
        db.BeginCommand();
        var project = await db.Projects.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException($"project {projectId}");
        RequireOwner(actor);
        if (month is not { } m)
            throw new ValidationException(new ValidationError("Month", "report.month.required", "请选择报告月份", "Choose the month"));
        if (m > YearMonth.Of(clock.Today))
            throw new ValidationException(new ValidationError("Month", "report.month.future",
                $"{m.Year}年{m.Month}月尚未开始，不能填报", $"{m} has not begun; it cannot be reported yet"));
        if (await db.MonthlyReports.AnyAsync(r => r.ProjectId == projectId && r.Month == m, ct))
            throw new ValidationException(new ValidationError("Month", "report.month.exists",
                $"该项目{m.Year}年{m.Month}月的月报已存在，请打开原月报填报或更正", $"The report for {m} exists already; open it instead"));
        var report = new MonthlyReport
        {
            ProjectId = projectId, DivisionCode = project.DivisionCode, Month = m, Revision = 1, State = ReportState.Draft, Version = 1,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.MonthlyReports.Add(report);
        await db.SaveChangesAsync(ct);
        await Audit(actor, "report.create", report, null, Snapshot(report), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return report.Id;
    }

    public async Task SaveAsync(Actor actor, long id, ReportInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var report = await LoadAsync(actor, id, expectedVersion, ReportAction.Save, ct);
        var before = Snapshot(report);
        await ApplyAsync(report, input, ct);
        await SaveAsync(actor, "report.save", report, before, ct);
    }

    /// <summary>Saves the figures (when given) and submits in one step, as the form's 报送 button does.</summary>
    public async Task SubmitAsync(Actor actor, long id, ReportInput? input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var report = await LoadAsync(actor, id, expectedVersion, ReportAction.Submit, ct);
        var before = Snapshot(report);
        if (input is not null) await ApplyAsync(report, input, ct);
        else await ValidateAsync(report, ToInput(report), ct);
        report.State = ReportWorkflow.Next(report.State, ReportAction.Submit);
        report.SubmittedAt = clock.UtcNow;
        report.SubmittedBy = actor.UserName;
        report.ReviewComment = null;
        await SaveAsync(actor, "report.submit", report, before, ct);
    }

    /// <summary>Approves; a correction's approval supersedes the revision it corrects in the same transaction.</summary>
    public async Task ApproveAsync(Actor actor, long id, string? comment, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var report = await LoadAsync(actor, id, expectedVersion, ReportAction.Approve, ct);
        var before = Snapshot(report);
        report.State = ReportWorkflow.Next(report.State, ReportAction.Approve);
        Reviewed(actor, report, comment);
        var older = await db.MonthlyReports.Where(r => r.ProjectId == report.ProjectId && r.Month == report.Month
                                                       && r.Revision < report.Revision && r.SupersededById == null).ToListAsync(ct);
        foreach (var o in older)
        {
            o.SupersededById = report.Id;
            o.Version++;
        }
        await SaveAsync(actor, "report.approve", report, before, ct, new { supersedes = older.Select(o => o.Id).ToList() });
    }

    public async Task ReturnAsync(Actor actor, long id, string? comment, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var report = await LoadAsync(actor, id, expectedVersion, ReportAction.Return, ct);
        if (string.IsNullOrWhiteSpace(comment))
            throw new ValidationException(new ValidationError("ReviewComment", "report.comment.required",
                "退回时必须填写退回意见，说明需要修改的内容", "A comment saying what to correct is required to return a report"));
        if (comment.Trim().Length > 2000)
            throw new ValidationException(new ValidationError("ReviewComment", "report.comment.long", "退回意见不能超过 2000 字", "The comment is limited to 2000 characters"));
        var before = Snapshot(report);
        report.State = ReportWorkflow.Next(report.State, ReportAction.Return);
        Reviewed(actor, report, comment);
        await SaveAsync(actor, "report.return", report, before, ct);
    }

    /// <summary>Starts a correction of an approved report: a new revision in Draft with its figures; the approved one stays as it is.</summary>
    public async Task<long> StartCorrectionAsync(Actor actor, long id, string? reason, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var report = await LoadAsync(actor, id, expectedVersion, ReportAction.StartCorrection, ct);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationException(new ValidationError("Reason", "report.correction.reason", "请填写更正原因", "Give the reason for the correction"));
        var next = await db.MonthlyReports.Where(r => r.ProjectId == report.ProjectId && r.Month == report.Month).MaxAsync(r => r.Revision, ct) + 1;
        if (next != report.Revision + 1)
            throw new ValidationException(new ValidationError("State", "report.correction.open",
                "该月月报已有正在进行的更正版本，请在该版本上继续修改", "A correction of this month is already open"));
        var copy = new MonthlyReport
        {
            ProjectId = report.ProjectId, DivisionCode = report.DivisionCode, Month = report.Month, Revision = next, State = ReportState.Draft,
            CompletedInvestment = report.CompletedInvestment, ProgressPercent = report.ProgressPercent, WorkersOnSite = report.WorkersOnSite,
            Narrative = report.Narrative, NextMonthPlan = report.NextMonthPlan, ProgressReason = report.ProgressReason, Version = 1,
            FundsReceived = report.FundsReceived.Select(f => new ReportFunds { DivisionCode = f.DivisionCode, Source = f.Source, Amount = f.Amount }).ToList(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.MonthlyReports.Add(copy);
        await db.SaveChangesAsync(ct);
        await Audit(actor, "report.correct", copy, Snapshot(report), new { reason = reason.Trim(), corrects = report.Id, revision = Snapshot(copy) }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return copy.Id;
    }

    /// <summary>Adds a site photo to a report the owner may still edit. A refused file leaves no row and no file.</summary>
    public async Task<long> AddPhotoAsync(Actor actor, long reportId, Stream content, string? fileName, string? caption, CancellationToken ct = default)
    {
        db.BeginCommand();
        var report = await LoadAsync(actor, reportId, null, ReportAction.Save, ct);
        if (caption?.Trim().Length > 200)
            throw new ValidationException(new ValidationError("Caption", "photo.caption.long", "照片说明不能超过 200 字", "The caption is limited to 200 characters"));
        var stored = await photos.SaveAsync(content, fileName, ct);
        var photo = new ReportPhoto
        {
            ReportId = report.Id, ProjectId = report.ProjectId, DivisionCode = report.DivisionCode, Sha256 = stored.Sha256,
            ContentType = stored.ContentType, SizeBytes = stored.SizeBytes, Width = stored.Width, Height = stored.Height,
            FileName = stored.FileName, Caption = string.IsNullOrWhiteSpace(caption) ? null : caption.Trim(),
            UploadedBy = actor.UserName, UploadedAt = clock.UtcNow,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ReportPhotos.Add(photo);
        await db.SaveChangesAsync(ct);
        await Audit(actor, "report.photo", report, null,
            new { photo.Id, photo.FileName, photo.Sha256, photo.ContentType, photo.SizeBytes, photo.Width, photo.Height, photo.Caption }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return photo.Id;
    }

    /// <summary>Checks scope, role and state for a step before its input is even read (404, then 403, then 400).</summary>
    public Task AuthorizeAsync(Actor actor, long id, ReportAction action, CancellationToken ct = default) => LoadAsync(actor, id, null, action, ct);

    private async Task<MonthlyReport> LoadAsync(Actor actor, long id, long? expectedVersion, ReportAction action, CancellationToken ct)
    {
        var report = await db.MonthlyReports.Include(r => r.FundsReceived).FirstOrDefaultAsync(r => r.Id == id, ct)
                     ?? throw new NotFoundException($"report {id}");
        if (!await db.Projects.VisibleTo(actor).AnyAsync(p => p.Id == report.ProjectId, ct)) throw new NotFoundException($"report {id}");
        if (action is ReportAction.Approve or ReportAction.Return)
        {
            if (!actor.Is(Roles.Supervisor))
                throw new ForbiddenException("只有督查室可以审核月报", "Only the supervision office reviews monthly reports");
        }
        else RequireOwner(actor);
        if (expectedVersion is { } v && report.Version != v) throw await ConflictAsync(id, ct);
        ReportWorkflow.Next(report.State, action, report.SupersededById is not null);
        return report;
    }

    private static void RequireOwner(Actor actor)
    {
        if (!actor.Is(Roles.Owner))
            throw new ForbiddenException("只有项目业主单位可以填报、报送和更正月报", "Only the project's owner unit fills in, submits and corrects reports");
    }

    private void Reviewed(Actor actor, MonthlyReport report, string? comment)
    {
        report.ReviewedAt = clock.UtcNow;
        report.ReviewedBy = actor.UserName;
        report.ReviewComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
    }

    private async Task ApplyAsync(MonthlyReport report, ReportInput input, CancellationToken ct)
    {
        await ValidateAsync(report, input, ct);
        report.CompletedInvestment = input.CompletedInvestment;
        report.ProgressPercent = input.ProgressPercent;
        report.WorkersOnSite = input.WorkersOnSite;
        report.Narrative = Clean(input.Narrative);
        report.NextMonthPlan = Clean(input.NextMonthPlan);
        report.ProgressReason = Clean(input.ProgressReason);
        var wanted = input.Funds.Where(f => f.Amount != Money.Zero).ToDictionary(f => f.Source, f => f.Amount);
        report.FundsReceived.RemoveAll(f => !wanted.ContainsKey(f.Source));
        foreach (var (source, amount) in wanted)
        {
            if (report.FundsReceived.FirstOrDefault(f => f.Source == source) is { } existing) existing.Amount = amount;
            else report.FundsReceived.Add(new ReportFunds { DivisionCode = report.DivisionCode, Source = source, Amount = amount });
        }
    }

    private async Task ValidateAsync(MonthlyReport report, ReportInput input, CancellationToken ct)
    {
        var others = (await db.MonthlyReports.AsNoTracking().Where(r => r.ProjectId == report.ProjectId && r.Month != report.Month).ToListAsync(ct))
            .Select(queries.Figure).ToList();
        var last = IndicatorCalculator.CountingReports(others, report.Month.Previous()).LastOrDefault()?.ProgressPercent;
        var errors = ReportRules.Validate(input, last);
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static ReportInput ToInput(MonthlyReport r) => new(r.CompletedInvestment, r.ProgressPercent, r.WorkersOnSite, r.Narrative,
        r.NextMonthPlan, r.ProgressReason, r.FundsReceived.Select(f => new FundsInput(f.Source, f.Amount)).ToList());

    private async Task SaveAsync(Actor actor, string action, MonthlyReport report, object before, CancellationToken ct, object? extra = null)
    {
        report.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor, action, report, before, extra is null ? Snapshot(report) : new { report = Snapshot(report), extra }, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(report.Id, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, "MonthlyReport", id, ct);
        // Reports loaded in bulk (the demo, imports) have no event yet: the row's own reviewer or submitter is the last hand.
        if (who == LastChange.Unknown.Who && await db.MonthlyReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } row && (row.ReviewedAt ?? row.SubmittedAt) is { } at)
            (who, when) = (row.ReviewedBy ?? row.SubmittedBy ?? "?", LastChange.Format(at, clock.Zone));
        return new ConflictException(
            $"该月报已由 {who} 于 {when} 修改，您的修改未保存。请刷新后重新操作。",
            $"{who} changed this report at {when}; your changes were not saved. Reload and try again.");
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>What a report's audit events record; the import records the same.</summary>
    internal static object Snapshot(MonthlyReport r) => new
    {
        r.ProjectId, Month = r.Month.ToString(), r.Revision, State = r.State.ToString(), CompletedInvestmentYuan = r.CompletedInvestment.Yuan,
        r.ProgressPercent, r.WorkersOnSite, r.Narrative, r.NextMonthPlan, r.ProgressReason, r.ReviewComment, r.SupersededById, r.Version,
        Funds = r.FundsReceived.OrderBy(f => f.Source).Select(f => new { Source = f.Source.ToString(), f.Amount.Yuan }).ToList(),
    };

    private Task Audit(Actor actor, string action, MonthlyReport r, object? before, object after, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, action, "MonthlyReport",
            r.Id.ToString(CultureInfo.InvariantCulture), r.DivisionCode, before, after, ct);
}
