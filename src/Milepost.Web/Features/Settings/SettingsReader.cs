using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Scheduling;
using Milepost.Core.Warnings;
using Milepost.Data;

namespace Milepost.Web.Features.Settings;

/// <summary>The working calendar as stored in the setting portfolio.calendar.</summary>
public sealed record CalendarSetting(bool WeekendsOff, List<DateOnly> Holidays, List<DateOnly> MakeUpWorkdays)
{
    public WorkCalendar ToCalendar() => new(WeekendsOff, Holidays, MakeUpWorkdays);
}

/// <summary>Reads portfolio settings, falling back to the SPEC defaults when a key is absent.</summary>
public sealed class SettingsReader(MilepostDb db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<T?> GetAsync<T>(string key, CancellationToken ct = default) where T : class
    {
        var value = await db.Settings.AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);
        return value is null ? null : JsonSerializer.Deserialize<T>(value, Json);
    }

    /// <summary>The portfolio's working calendar, or null for plain calendar days.</summary>
    public async Task<WorkCalendar?> CalendarAsync(CancellationToken ct = default) =>
        (await GetAsync<CalendarSetting>(SettingKeys.Calendar, ct))?.ToCalendar();

    public async Task<WarningSettings> WarningsAsync(CancellationToken ct = default) =>
        await GetAsync<WarningSettings>(SettingKeys.Warnings, ct) ?? new WarningSettings();
}
