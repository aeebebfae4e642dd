using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Scheduling;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Settings;

/// <summary>
/// The supervision office sets the portfolio's rules: warning thresholds, the working calendar and
/// (for demos and rehearsals) a fixed as-of date. Each save is one transaction with its audit event.
/// </summary>
public sealed class SettingsCommands(MilepostDb db, PortfolioClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveWarningsAsync(Actor actor, WarningSettings w, CancellationToken ct = default)
    {
        db.BeginCommand();
        Require(actor);
        var errors = new List<ValidationError>();
        void Add(string field, string zh, string en) => errors.Add(new(field, "settings.warnings", zh, en));
        if (w.YellowLagPoints > 0) Add("YellowLagPoints", "黄色预警的滞后阈值须为 0 或负数（百分点）", "The yellow lag threshold must be 0 or below");
        if (w.RedLagPoints > w.YellowLagPoints) Add("RedLagPoints", "红色预警的滞后阈值须不高于黄色预警阈值", "The red lag threshold must be at or below the yellow one");
        if (w.RedNodeOverdueDays < 0 || w.DueSoonDays < 0 || w.RedProblemOverdueDays < 0 || w.RedReportMissingDays < 0)
            Add("Days", "天数阈值不能为负数", "Day thresholds cannot be negative");
        if (w.ReportDueDay is < 1 or > 28) Add("ReportDueDay", "月报报送截止日须在每月 1 至 28 日之间", "The report due day must be 1..28");
        if (errors.Count > 0) throw new ValidationException(errors);
        await SaveAsync(actor, SettingKeys.Warnings, JsonSerializer.Serialize(w, Json), ct);
    }

    /// <summary>Weights and thresholds of the red-black list and the annual assessment (key rules.ranking); publications keep the ones they used.</summary>
    public async Task SaveRankingAsync(Actor actor, Core.Ranking.RankingSettings r, CancellationToken ct = default)
    {
        db.BeginCommand();
        Require(actor);
        var errors = r.Validate();
        if (errors.Count > 0) throw new ValidationException(errors);
        await SaveAsync(actor, SettingKeys.Ranking, JsonSerializer.Serialize(r, Json), ct);
    }

    /// <summary>The days past a problem's deadline (and after each escalation) before the daily job escalates it (key rules.problems).</summary>
    public async Task SaveProblemsAsync(Actor actor, Core.Problems.ProblemSettings p, CancellationToken ct = default)
    {
        db.BeginCommand();
        Require(actor);
        if (p.EscalationDays is < 1 or > 180)
            throw new ValidationException(new ValidationError("EscalationDays", "settings.problems", "问题自动提级的超期天数须在 1 至 180 天之间", "The escalation days must be 1..180"));
        await SaveAsync(actor, Problems.ProblemEscalationRunner.SettingKey, JsonSerializer.Serialize(p, Json), ct);
    }

    /// <summary>
    /// Reads and checks an uploaded GeoJSON boundary (key map.boundary) and stores its rings, thinned, so
    /// every map draws it without parsing the file again; a wrong file is refused whole with the reason.
    /// </summary>
    public async Task SaveBoundaryAsync(Actor actor, string fileName, string geoJson, CancellationToken ct = default)
    {
        db.BeginCommand();
        Require(actor);
        var boundary = Core.Maps.GeoBoundary.Parse(geoJson);
        await SaveAsync(actor, SettingKeys.Boundary, JsonSerializer.Serialize(BoundarySetting.From(fileName, boundary), Json), ct);
    }

    /// <summary>Removes the boundary: maps show the project points only.</summary>
    public async Task ClearBoundaryAsync(Actor actor, CancellationToken ct = default) => await RemoveAsync(actor, SettingKeys.Boundary, ct);

    /// <summary>Removes the working calendar: durations count calendar days again.</summary>
    public async Task ClearCalendarAsync(Actor actor, CancellationToken ct = default) => await RemoveAsync(actor, SettingKeys.Calendar, ct);

    private async Task RemoveAsync(Actor actor, string key, CancellationToken ct)
    {
        db.BeginCommand();
        Require(actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.Settings.FirstOrDefaultAsync(s => s.Key == key, ct) is { } existing)
        {
            db.Settings.Remove(existing);
            await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "setting.save", "Setting", key, null, existing.Value, null, ct);
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    public async Task SaveCalendarAsync(Actor actor, bool weekendsOff, string holidays, string makeUpWorkdays, CancellationToken ct = default)
    {
        db.BeginCommand();
        Require(actor);
        var errors = new List<ValidationError>();
        var h = ParseDates(holidays, "Holidays", "法定节假日", "public holidays", errors);
        var m = ParseDates(makeUpWorkdays, "MakeUpWorkdays", "调休上班日", "make-up working days", errors);
        foreach (var d in h.Intersect(m))
            errors.Add(new("MakeUpWorkdays", "settings.calendar.both", $"{d:yyyy-MM-dd} 不能既是节假日又是调休上班日", $"{d:yyyy-MM-dd} cannot be both a holiday and a make-up working day"));
        if (errors.Count > 0) throw new ValidationException(errors);
        var setting = new CalendarSetting(weekendsOff, [.. h.Order()], [.. m.Order()]);
        _ = setting.ToCalendar(); // the calendar's own checks, before anything is written
        await SaveAsync(actor, SettingKeys.Calendar, JsonSerializer.Serialize(setting, Json), ct);
    }

    /// <summary>Pins the portfolio's "today" (null returns it to the real date).</summary>
    public async Task SaveAsOfDateAsync(Actor actor, DateOnly? day, CancellationToken ct = default)
    {
        db.BeginCommand();
        Require(actor);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var existing = await db.Settings.FirstOrDefaultAsync(s => s.Key == SettingKeys.AsOfDate, ct);
        var before = existing?.Value;
        if (day is null)
        {
            if (existing is not null) db.Settings.Remove(existing);
        }
        else
        {
            await UpsertAsync(actor, SettingKeys.AsOfDate, JsonSerializer.Serialize(day.Value), ct);
        }
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "setting.save", "Setting", SettingKeys.AsOfDate, null, before, day?.ToString("yyyy-MM-dd"), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        clock.Pin(day);
    }

    /// <summary>One date per line (or separated by commas), as 2020-10-01 or 2020/10/1; each bad line is named.</summary>
    public static HashSet<DateOnly> ParseDates(string text, string field, string whatZh, string whatEn, List<ValidationError> errors)
    {
        var result = new HashSet<DateOnly>();
        var lines = (text ?? "").Replace('，', ',').Split(['\n', ','], StringSplitOptions.None);
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0) continue;
            if (DateOnly.TryParseExact(t, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                result.Add(d);
            else
                errors.Add(new(field, "settings.calendar.date", $"{whatZh}第 {i + 1} 项“{t}”不是有效日期（应如 2020-10-01）",
                    $"Item {i + 1} of the {whatEn}, \"{t}\", is not a date (write 2020-10-01)"));
        }
        return result;
    }

    private static void Require(Actor actor)
    {
        if (!actor.Is(Roles.Supervisor))
            throw new ForbiddenException("只有督查室可以修改预警规则和工作日历", "Only the supervision office may change rules and the calendar");
    }

    private async Task SaveAsync(Actor actor, string key, string value, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var before = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        await UpsertAsync(actor, key, value, ct);
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "setting.save", "Setting", key, null, before, value, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task UpsertAsync(Actor actor, string key, string value, CancellationToken ct)
    {
        var s = await db.Settings.FirstOrDefaultAsync(x => x.Key == key, ct);
        if (s is null)
        {
            db.Settings.Add(new PortfolioSetting { Key = key, Value = value, UpdatedAt = clock.UtcNow, UpdatedBy = actor.UserName, Version = 1 });
            return;
        }
        s.Value = value;
        s.UpdatedAt = clock.UtcNow;
        s.UpdatedBy = actor.UserName;
        s.Version++;
    }
}
