using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Data;

namespace Milepost.Web.Shared;

/// <summary>
/// Who last changed a record and when, read from the audit trail: what a refused stale save tells the
/// user (SPEC §5: "refused with who changed it and when"). Each command words its own message.
/// </summary>
public sealed record LastChange(string Who, string When)
{
    public static readonly LastChange Unknown = new("?", "?");

    /// <param name="exceptAction">An action that is not a change of the record (a comment), left out.</param>
    public static async Task<LastChange> FindAsync(MilepostDb db, TimeZoneInfo zone, string entity, long id, CancellationToken ct, string? exceptAction = null)
    {
        var key = id.ToString(CultureInfo.InvariantCulture);
        var events = db.AuditEvents.AsNoTracking().Where(e => e.Entity == entity && e.EntityId == key);
        if (exceptAction is not null) events = events.Where(e => e.Action != exceptAction);
        var last = await events.OrderByDescending(e => e.Sequence).Select(e => new { e.Actor, e.TimeUtc }).FirstOrDefaultAsync(ct);
        return last is null ? Unknown : new(last.Actor, Format(last.TimeUtc, zone));
    }

    /// <summary>An instant of the trail (UTC) as the portfolio's local minute.</summary>
    public static string Format(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
