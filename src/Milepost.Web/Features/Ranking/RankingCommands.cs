using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>
/// Publishing the red-black list and exempting projects from it. Each is one transaction with its audit event.
/// A publication is a new row holding the frozen snapshot and its SHA-256; it is never updated.
/// </summary>
public sealed class RankingCommands(MilepostDb db, PortfolioClock clock, RankingQueries queries)
{
    public const string AuditEntity = "RankingPublication";
    public const string PublishAction = "ranking.publish";
    public const int MaxNote = 500;

    /// <summary>
    /// Computes the month's list from today's data and publishes it. Refused before the month's report due date has
    /// passed (the reporting score would not be final), and, when the month is already published, without a note
    /// saying why it is published again. With <paramref name="draftSha256"/> (the hash of the draft the supervisor looked
    /// at), refused when the data changed since, so what is frozen is what was seen. The list is computed before the
    /// write transaction opens: a province's draft takes seconds, and other writers must not wait for it.
    /// </summary>
    public async Task<long> PublishAsync(Actor actor, YearMonth month, string? note, CancellationToken ct = default, string? draftSha256 = null)
    {
        db.BeginCommand();
        RankingQueries.RequireSupervisor(actor);
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > MaxNote)
            throw new ValidationException([new("Note", "ranking.note.long", $"重新发布说明不能超过 {MaxNote} 字", $"The note is limited to {MaxNote} characters")]);

        var draft = await queries.ComputeAsync(month, ct);
        var monthZh = $"{month.Year}年{month.Month}月";
        if (!draft.ReportsDue)
            throw new ValidationException([new("Month", "ranking.month.open",
                $"{monthZh}月报的报送期限（{draft.Snapshot.ReportDueDate:yyyy-MM-dd}）尚未过去，报送得分还不能确定，暂不能发布",
                $"The reports for {month} are due {draft.Snapshot.ReportDueDate:yyyy-MM-dd}; the list can be published only after that day")]);
        if (draft.Current is not null && note is null)
            throw new ValidationException([new("Note", "ranking.note.required",
                $"{monthZh}红黑榜已于 {Local(draft.Current.PublishedAt)} 发布，重新发布须说明原因",
                $"The list for {month} was published at {Local(draft.Current.PublishedAt)}; say why it is published again")]);

        if (draftSha256 is not null && !string.Equals(RankingSnapshot.Hash(draft.Snapshot.ToJson()), draftSha256.Trim(), StringComparison.OrdinalIgnoreCase))
            throw new ConflictException($"您查看草稿之后，{monthZh}的月报、节点或豁免又有变化，榜单已不同。请刷新草稿核对后再发布",
                $"The data changed after you looked at the draft of {month}; reload it, check it and publish again");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Someone may have published the month while the list was computed: their edition is not what this note answers.
        var sequence = await db.RankingPublications.Where(p => p.Month == month).MaxAsync(p => (int?)p.Sequence, ct) ?? 0;
        if (sequence != (draft.Current?.Sequence ?? 0))
            throw new ConflictException($"{monthZh}红黑榜刚刚已由他人发布，请刷新后查看", $"Someone else has just published the list for {month}; reload to see it");
        var id = await WriteAsync(actor.UserName, actor.DisplayName, draft.Snapshot, sequence + 1, clock.UtcNow, note, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>
    /// Writes the publication row and its audit event inside the caller's transaction. The demo seeds earlier months
    /// through this with the day they would have been published.
    /// </summary>
    internal async Task<long> WriteAsync(string userName, string displayName, RankingSnapshot snapshot, int sequence, DateTime publishedAtUtc,
        string? note, CancellationToken ct)
    {
        var json = snapshot.ToJson();
        var result = snapshot.Result;
        var month = snapshot.Month;
        var publication = new RankingPublication
        {
            DivisionCode = await DivisionAsync(ct),
            Month = month,
            Sequence = sequence,
            PublishedAt = publishedAtUtc,
            PublishedBy = displayName,
            Note = note,
            Snapshot = json,
            Sha256 = RankingSnapshot.Hash(json),
            UnitSummary = RankingQueries.SummaryJson(UnitMonth.Of(result)),
            Eligible = result.Entries.Count,
            RedCount = result.Red.Count(),
            BlackCount = result.Black.Count(),
        };
        db.RankingPublications.Add(publication);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique (division, month, sequence) index: someone else published the month meanwhile.
            throw new ConflictException($"{month.Year}年{month.Month}月红黑榜刚刚已由他人发布，请刷新后查看",
                $"Someone else has just published the list for {month}; reload to see it");
        }
        await AuditTrail.AppendAsync(db, clock.UtcNow, userName, PublishAction, AuditEntity,
            publication.Id.ToString(CultureInfo.InvariantCulture), publication.DivisionCode, null,
            new { Month = month.ToString(), publication.Sequence, publication.Sha256, publication.Eligible, publication.RedCount, publication.BlackCount, publication.Note },
            ct);
        await db.SaveChangesAsync(ct);
        return publication.Id;
    }

    /// <summary>Takes a project off one month's list for force majeure or a policy stop; the reason is published with the list.</summary>
    public async Task<long> ExemptAsync(Actor actor, long projectId, YearMonth month, ExemptionKind kind, string? reason, CancellationToken ct = default)
    {
        db.BeginCommand();
        RankingQueries.RequireSupervisor(actor);
        var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => new { p.Id, p.DivisionCode, p.Name })
                          .FirstOrDefaultAsync(ct) ?? throw new NotFoundException($"project {projectId}");
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(kind))
            errors.Add(new("Kind", "ranking.exemption.kind", "请选择豁免类型（不可抗力或政策性停工）", "Choose the kind: force majeure or policy stop"));
        if (string.IsNullOrWhiteSpace(reason))
            errors.Add(new("Reason", "ranking.exemption.reason", "请填写豁免理由，理由将随红黑榜一并公布", "Give the reason; it is published with the list"));
        else if (reason.Trim().Length > 500)
            errors.Add(new("Reason", "ranking.exemption.long", "豁免理由不能超过 500 字", "The reason is limited to 500 characters"));
        if (await db.RankingExemptions.AnyAsync(e => e.ProjectId == projectId && e.Month == month && e.WithdrawnAt == null, ct))
            errors.Add(new("ProjectId", "ranking.exemption.duplicate", $"“{project.Name}”{month.Year}年{month.Month}月已有豁免",
                $"\"{project.Name}\" is already exempted for {month}"));
        if (errors.Count > 0) throw new ValidationException(errors);

        var record = new RankingExemptionRecord
        {
            DivisionCode = project.DivisionCode, ProjectId = projectId, Month = month, Kind = kind, Reason = reason!.Trim(),
            CreatedBy = actor.DisplayName, CreatedAt = clock.UtcNow, Version = 1,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.RankingExemptions.Add(record);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index on exemptions in force: another supervisor exempted the project for the month meanwhile.
            throw new ValidationException([new("ProjectId", "ranking.exemption.duplicate", $"“{project.Name}”{month.Year}年{month.Month}月已有豁免",
                $"\"{project.Name}\" is already exempted for {month}")]);
        }
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "ranking.exempt", "RankingExemption",
            record.Id.ToString(CultureInfo.InvariantCulture), record.DivisionCode, null, Snapshot(record), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record.Id;
    }

    /// <summary>Withdraws an exemption; publications that already carry it keep it.</summary>
    public async Task WithdrawExemptionAsync(Actor actor, long id, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RankingQueries.RequireSupervisor(actor);
        var record = await db.RankingExemptions.FirstOrDefaultAsync(e => e.Id == id && e.WithdrawnAt == null, ct)
                     ?? throw new NotFoundException($"exemption {id}");
        if (record.Version != expectedVersion) throw await ConflictAsync(id, ct);
        var before = Snapshot(record);
        record.WithdrawnAt = clock.UtcNow;
        record.WithdrawnBy = actor.DisplayName;
        record.Version = expectedVersion + 1;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "ranking.exempt.withdraw", "RankingExemption",
            id.ToString(CultureInfo.InvariantCulture), record.DivisionCode, before, Snapshot(record), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(id, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<string> DivisionAsync(CancellationToken ct) =>
        await db.Divisions.AsNoTracking().Where(d => d.ParentCode == null).OrderBy(d => d.Code).Select(d => d.Code).FirstOrDefaultAsync(ct)
        ?? "000000";

    private string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, clock.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, "RankingExemption", id, ct);
        return new ConflictException($"该豁免已由 {who} 于 {when} 修改，请刷新后再操作", $"{who} changed this exemption at {when}; reload and try again");
    }

    private static object Snapshot(RankingExemptionRecord e) => new
    {
        e.ProjectId, Month = e.Month.ToString(), Kind = e.Kind.ToString(), e.Reason, e.CreatedBy, e.WithdrawnBy, e.WithdrawnAt, e.Version,
    };
}
