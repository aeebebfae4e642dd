using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Ranking;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>A month's list as computed now from live data, not yet published.</summary>
/// <param name="ReportsDue">Whether the month's report due date has passed (a list can be published only then).</param>
public sealed record RankingDraft(RankingSnapshot Snapshot, bool ReportsDue, RankingPublicationInfo? Current);

/// <summary>A publication without its snapshot: what lists of publications show.</summary>
/// <param name="SupersededAt">When the next publication of the month replaced it; null for the month's current one.</param>
public sealed record RankingPublicationInfo(long Id, YearMonth Month, int Sequence, DateTime PublishedAt, string PublishedBy, string? Note,
    string Sha256, int Eligible, int RedCount, int BlackCount, DateTime? SupersededAt, long? SupersededById);

/// <summary>A publication with its frozen snapshot and the checks on it.</summary>
/// <param name="HashMatches">
/// Whether the stored snapshot still hashes to the SHA-256 that the publication's audit event recorded (and to the
/// row's own column). The event is in the hash chain, whose head is anchored outside the database, so rewriting the
/// row and its hash column together is still caught.
/// </param>
/// <param name="AuditEvent">The audit event that recorded the publication (sequence and hash), printed on the bulletin.</param>
public sealed record RankingPublicationView(RankingPublicationInfo Info, RankingSnapshot Snapshot, bool HashMatches, (long Sequence, string Hash)? AuditEvent)
{
    /// <summary>The snapshot exactly as stored: the bytes the SHA-256 covers.</summary>
    public string StoredJson { get; init; } = "";
}

/// <summary>The annual assessment of one year with the months it read and the settings it used.</summary>
public sealed record AssessmentView(int Year, IReadOnlyList<YearMonth> PublishedMonths, RankingSettings Settings, IReadOnlyList<AssessmentEntry> Entries);

/// <summary>An exemption as the draft page lists it.</summary>
public sealed record ExemptionView(long Id, long ProjectId, string ProjectName, YearMonth Month, ExemptionKind Kind, string Reason,
    string CreatedBy, DateTime CreatedAt, long Version);

/// <summary>
/// Reads the red-black list: drafts computed from live data (supervisors only), publications (every business role),
/// and the annual assessment. Everything is read in a few set-wise queries, never per project.
/// </summary>
public sealed class RankingQueries(MilepostDb db, PortfolioClock clock, SettingsReader settings)
{
    /// <summary>The latest month whose report due date has passed: the month a supervisor would publish now.</summary>
    public async Task<YearMonth> DefaultMonthAsync(CancellationToken ct = default)
    {
        var dueDay = (await settings.WarningsAsync(ct)).ReportDueDay;
        var month = YearMonth.Of(clock.Today).Previous();
        return clock.Today > RankingInputs.DueDate(month, dueDay) ? month : month.Previous();
    }

    public static void RequireReader(Actor actor)
    {
        if (!actor.HoldsBusinessData)
            throw new ForbiddenException("无权查看红黑榜", "You may not view the red-black list");
    }

    /// <summary>Whether the actor may see every project's inputs behind the scores: those who see every project anyway.</summary>
    public static bool SeesInputs(Actor actor) => actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader);

    public static void RequireSupervisor(Actor actor)
    {
        if (!actor.Is(Roles.Supervisor))
            throw new ForbiddenException("只有督查室可以计算、豁免和发布红黑榜", "Only the supervision office may compute, exempt and publish the red-black list");
    }

    /// <summary>The list of <paramref name="month"/> from today's data, with movement against the month before's current publication.</summary>
    public async Task<RankingDraft> DraftAsync(Actor actor, YearMonth month, CancellationToken ct = default)
    {
        RequireSupervisor(actor);
        return await ComputeAsync(month, ct);
    }

    /// <summary>
    /// The draft without the role check: for the publish command and the command line, which check their own. The
    /// inputs are read as of <paramref name="asOf"/> (default: the portfolio's today); the demo seeds earlier months'
    /// lists as of the day they would have been published.
    /// </summary>
    internal async Task<RankingDraft> ComputeAsync(YearMonth month, CancellationToken ct, DateOnly? asOf = null)
    {
        CheckYear(month.Year);
        var rules = await RankingSettingsAsync(ct);
        var dueDay = (await settings.WarningsAsync(ct)).ReportDueDay;
        var today = asOf ?? clock.Today;
        var due = RankingInputs.DueDate(month, dueDay);
        var inputs = await InputsAsync(month, today, dueDay, ct);
        var exemptions = await db.RankingExemptions.AsNoTracking()
            .Where(e => e.Month == month && e.WithdrawnAt == null).OrderBy(e => e.Id)
            .Select(e => new RankingExemption(e.ProjectId, e.Kind, e.Reason)).ToListAsync(ct);
        var snapshot = RankingSnapshot.Compute(month, today, due, rules, inputs, exemptions);

        var previous = await CurrentPublicationAsync(month.Previous(), ct);
        if (previous is not null)
            snapshot = snapshot with { Movement = RankingMovements.Compare(previous.Snapshot.Result, previous.Info.Id, snapshot.Result) };
        var current = await PublicationsAsync(month, ct);
        return new RankingDraft(snapshot, today > due, current.FirstOrDefault(p => p.SupersededAt is null));
    }

    private static readonly JsonSerializerOptions SummaryOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new YearMonthJson() },
    };

    /// <summary>The per-unit summary stored with a publication (<see cref="RankingPublication.UnitSummary"/>).</summary>
    public static string SummaryJson(UnitMonth summary) => JsonSerializer.Serialize(summary, SummaryOptions);

    private sealed class YearMonthJson : System.Text.Json.Serialization.JsonConverter<YearMonth>
    {
        public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            YearMonth.TryParse(reader.GetString(), out var m) ? m : throw new JsonException($"not a month: {reader.GetString()}");
        public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }

    /// <summary>Lists are kept for the years 2000–2100; anything else is a typing error, answered with a message (not a 500).</summary>
    public static void CheckYear(int year)
    {
        if (year is < 2000 or > 2100)
            throw new ValidationException(new ValidationError("Year", "ranking.year.range", $"年份 {year} 超出范围（2000—2100 年）", $"Year {year} is out of range (2000–2100)"));
    }

    public async Task<RankingSettings> RankingSettingsAsync(CancellationToken ct = default) =>
        await settings.GetAsync<RankingSettings>(SettingKeys.Ranking, ct) ?? RankingSettings.Default;

    /// <summary>
    /// The inputs of every project with an annual plan for the month's year (cancelled ones included, so the
    /// snapshot shows why they were left out): the reports of the year up to the month, and all nodes.
    /// </summary>
    private async Task<List<RankingInput>> InputsAsync(YearMonth month, DateOnly today, int dueDay, CancellationToken ct)
    {
        var year = month.Year;
        var plans = await db.AnnualPlans.AsNoTracking().Where(a => a.Year == year)
            .Select(a => new { a.ProjectId, a.PlannedInvestment, a.MonthlyPlan, a.PlannedProgressPercent }).ToListAsync(ct);
        var planned = plans.Select(p => p.ProjectId).ToHashSet();
        var projects = await db.Projects.AsNoTracking().Where(p => db.AnnualPlans.Any(a => a.ProjectId == p.Id && a.Year == year))
            .Select(p => new { p.Id, p.Code, p.Name, p.ResponsibleUnitId, Unit = p.ResponsibleUnit!.Name, p.Stage, p.TotalInvestment, p.ActualStart, p.PlannedStart, p.PlannedCompletion })
            .ToListAsync(ct);
        var months = Enumerable.Range(1, month.Month).Select(m => new YearMonth(year, m)).ToList();
        var reports = (await db.MonthlyReports.AsNoTracking()
                .Where(r => months.Contains(r.Month) && db.AnnualPlans.Any(a => a.ProjectId == r.ProjectId && a.Year == year))
                .Select(r => new { r.ProjectId, r.Month, r.CompletedInvestment, r.ProgressPercent, r.State, r.SubmittedAt, r.Revision })
                .ToListAsync(ct))
            .ToLookup(r => r.ProjectId);
        var nodes = (await db.TimeNodes.AsNoTracking()
                .Where(n => db.AnnualPlans.Any(a => a.ProjectId == n.ProjectId && a.Year == year))
                .Select(n => new { n.ProjectId, n.Name, n.PlannedFinish, n.ActualFinish, n.Weight }).ToListAsync(ct))
            .ToLookup(n => n.ProjectId);
        var planOf = plans.ToDictionary(p => p.ProjectId);
        var openings = await OpeningFigures.ForAsync(db, db.AnnualPlans.Where(a => a.Year == year).Select(a => a.ProjectId), ct);

        var inputs = new List<RankingInput>(projects.Count);
        foreach (var p in projects.Where(p => planned.Contains(p.Id)))
        {
            var plan = planOf[p.Id];
            var figures = reports[p.Id].Select(r => new ReportFigure(r.Month, r.CompletedInvestment, r.ProgressPercent,
                r.State == ReportState.Approved, SubmittedOn(r.State, r.SubmittedAt, today), r.Revision)).ToList();
            var facts = new ProjectFacts(p.Id, p.TotalInvestment, plan.PlannedInvestment, plan.MonthlyPlan ?? [], plan.PlannedProgressPercent,
                figures, nodes[p.Id].Select(n => new NodeFigure(n.PlannedFinish, n.ActualFinish, n.Weight)).ToList(), [],
                p.Stage, ProjectYearClass.Continuing, p.ActualStart)
            { Opening = openings.GetValueOrDefault(p.Id), PlannedStart = p.PlannedStart, PlannedCompletion = p.PlannedCompletion };
            inputs.Add(RankingInputs.From(facts, p.Code, p.Name, p.ResponsibleUnitId, p.Unit,
                nodes[p.Id].Select(n => new VetoNode(n.Name, n.PlannedFinish, n.ActualFinish)).ToList(),
                month, today, dueDay, p.Stage == ProjectStage.Cancelled));
        }
        // Input order is part of the frozen snapshot: fix it so that a recomputation gives the same bytes.
        inputs.Sort((a, b) => a.ProjectId.CompareTo(b.ProjectId));
        return inputs;
    }

    // As the indicators read it: a returned report is not submitted; a portfolio pinned to an as-of date may
    // receive submissions at a later real time, and they count as of that day.
    private DateOnly? SubmittedOn(ReportState state, DateTime? at, DateOnly today)
    {
        if (state is not (ReportState.Submitted or ReportState.Approved) || at is not { } t) return null;
        var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(t, clock.Zone));
        return day < today ? day : today;
    }

    /// <summary>Every publication of the month, newest first.</summary>
    public async Task<IReadOnlyList<RankingPublicationInfo>> PublicationsAsync(YearMonth month, CancellationToken ct = default) =>
        Infos(await db.RankingPublications.AsNoTracking().Where(p => p.Month == month)
            .Select(p => new PublicationRow(p.Id, p.Month, p.Sequence, p.PublishedAt, p.PublishedBy, p.Note, p.Sha256, p.Eligible, p.RedCount, p.BlackCount))
            .ToListAsync(ct));

    /// <summary>Every publication of every month, newest month first, for the history list.</summary>
    public async Task<IReadOnlyList<RankingPublicationInfo>> AllPublicationsAsync(Actor actor, CancellationToken ct = default)
    {
        RequireReader(actor);
        return Infos(await db.RankingPublications.AsNoTracking()
            .Select(p => new PublicationRow(p.Id, p.Month, p.Sequence, p.PublishedAt, p.PublishedBy, p.Note, p.Sha256, p.Eligible, p.RedCount, p.BlackCount))
            .ToListAsync(ct));
    }

    private sealed record PublicationRow(long Id, YearMonth Month, int Sequence, DateTime PublishedAt, string PublishedBy, string? Note,
        string Sha256, int Eligible, int RedCount, int BlackCount);

    private static List<RankingPublicationInfo> Infos(List<PublicationRow> rows) =>
        rows.GroupBy(r => r.Month).SelectMany(g =>
            {
                var ordered = g.OrderBy(r => r.Sequence).ToList();
                return ordered.Select((r, i) =>
                {
                    var next = i + 1 < ordered.Count ? ordered[i + 1] : null;
                    return new RankingPublicationInfo(r.Id, r.Month, r.Sequence, r.PublishedAt, r.PublishedBy, r.Note, r.Sha256,
                        r.Eligible, r.RedCount, r.BlackCount, next?.PublishedAt, next?.Id);
                });
            })
            .OrderByDescending(p => p.Month).ThenByDescending(p => p.Sequence).ToList();

    public async Task<RankingPublicationView?> PublicationAsync(Actor actor, long id, CancellationToken ct = default)
    {
        RequireReader(actor);
        var month = await db.RankingPublications.AsNoTracking().Where(p => p.Id == id).Select(p => (YearMonth?)p.Month).FirstOrDefaultAsync(ct);
        return month is { } m ? await LoadAsync(id, m, ct) : null;
    }

    /// <summary>The month's current publication (the highest sequence), or null when the month was never published.</summary>
    public async Task<RankingPublicationView?> CurrentPublicationAsync(YearMonth month, CancellationToken ct = default)
    {
        var id = await db.RankingPublications.AsNoTracking().Where(p => p.Month == month)
            .OrderByDescending(p => p.Sequence).Select(p => (long?)p.Id).FirstOrDefaultAsync(ct);
        return id is { } i ? await LoadAsync(i, month, ct) : null;
    }

    private async Task<RankingPublicationView> LoadAsync(long id, YearMonth month, CancellationToken ct)
    {
        var row = await db.RankingPublications.AsNoTracking().SingleAsync(p => p.Id == id, ct);
        var info = (await PublicationsAsync(month, ct)).Single(p => p.Id == id);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ev = await db.AuditEvents.AsNoTracking()
            .Where(e => e.Entity == RankingCommands.AuditEntity && e.EntityId == key && e.Action == RankingCommands.PublishAction)
            .Select(e => new { e.Sequence, e.Hash, e.After }).FirstOrDefaultAsync(ct);
        var hash = RankingSnapshot.Hash(row.Snapshot);
        var matches = hash == row.Sha256 && ev?.After is { } after && RecordedHash(after) == hash;
        return new RankingPublicationView(info, RankingSnapshot.FromJson(row.Snapshot), matches, ev is null ? null : (ev.Sequence, ev.Hash))
        {
            StoredJson = row.Snapshot,
        };
    }

    private static string? RecordedHash(string after)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(after);
            return doc.RootElement.TryGetProperty("Sha256", out var h) ? h.GetString() : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// The annual assessment of <paramref name="year"/> (SPEC §4.5) from the current publication of each month of the year,
    /// the year's supervision items by lead unit, and today's settings. Months never published do not count.
    /// </summary>
    public async Task<AssessmentView> AssessmentAsync(Actor actor, int year, CancellationToken ct = default)
    {
        RequireReader(actor);
        CheckYear(year);
        var rules = await RankingSettingsAsync(ct);
        var months = Enumerable.Range(1, 12).Select(m => new YearMonth(year, m)).ToList();
        var current = (await db.RankingPublications.AsNoTracking().Where(p => months.Contains(p.Month))
                .Select(p => new { p.Id, p.Month, p.Sequence }).ToListAsync(ct))
            .GroupBy(p => p.Month).Select(g => g.MaxBy(p => p.Sequence)!.Id).ToList();
        // Each publication's per-unit summary, a few kilobytes; a row without one (none are written so) falls back to its snapshot.
        var rows = await db.RankingPublications.AsNoTracking().Where(p => current.Contains(p.Id))
            .Select(p => new { p.Id, p.UnitSummary }).ToListAsync(ct);
        var lists = new List<UnitMonth>();
        foreach (var r in rows)
            lists.Add(r.UnitSummary is { } summary
                ? JsonSerializer.Deserialize<UnitMonth>(summary, SummaryOptions)!
                : UnitMonth.Of(RankingSnapshot.FromJson(await db.RankingPublications.Where(p => p.Id == r.Id).Select(p => p.Snapshot).SingleAsync(ct)).Result));
        lists.Sort((x, y) => x.Month.CompareTo(y.Month));
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        // A draft was never assigned to its unit: it counts neither way.
        var items = await db.SupervisionItems.AsNoTracking()
            .Where(i => i.Deadline >= first && i.Deadline <= last && i.State != Core.Supervision.SupervisionState.Draft)
            .Select(i => new AssessmentItem(i.LeadUnitId, i.Deadline, i.ClosedOn)).ToListAsync(ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var entries = AnnualAssessment.Compute(year, lists, items, names, clock.Today, rules);
        return new AssessmentView(year, lists.Select(l => l.Month).ToList(), rules, entries);
    }

    /// <summary>The month's exemptions in force (not withdrawn), oldest first.</summary>
    public async Task<IReadOnlyList<ExemptionView>> ExemptionsAsync(Actor actor, YearMonth month, CancellationToken ct = default)
    {
        RequireSupervisor(actor);
        return await db.RankingExemptions.AsNoTracking().Where(e => e.Month == month && e.WithdrawnAt == null).OrderBy(e => e.Id)
            .Join(db.Projects, e => e.ProjectId, p => p.Id, (e, p) => new ExemptionView(e.Id, e.ProjectId, p.Name, e.Month, e.Kind, e.Reason, e.CreatedBy, e.CreatedAt, e.Version))
            .ToListAsync(ct);
    }
}
