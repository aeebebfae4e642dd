using System.Text.Json;
using System.Text.Encodings.Web;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Audit;

namespace Milepost.Data;

/// <summary>
/// Appends audit events to the hash chain inside the caller's transaction, so that a change and
/// its audit event are committed together or not at all (SPEC §3.10).
/// </summary>
/// <remarks>
/// It never writes the anchor file: that would anchor events a rollback then discards. After a
/// commit, <see cref="AuditAnchor.AnchorHeadAsync"/> anchors the head outside the database.
/// </remarks>
public static class AuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep Chinese readable in the trail
        WriteIndented = false,
    };

    public static string? ToJson(object? value) => value is null ? null : JsonSerializer.Serialize(value, Json);

    /// <summary>
    /// Serializes appends across connections on PostgreSQL. The key is fixed: 0x4D696C65706F7374,
    /// "Milepost" in ASCII, so no other lock of the application can collide with it by accident.
    /// </summary>
    private const string PostgresAppendLock = "SELECT pg_advisory_xact_lock(5578108796408918900)";

    /// <summary>Adds one event after the current chain head; the caller saves and commits.</summary>
    /// <remarks>
    /// Concurrent writers never fork the chain: the sequence number is the primary key, so two events
    /// after the same head cannot both commit. To make the second writer wait rather than fail, call
    /// this inside a transaction (every command of the application opens one): on PostgreSQL it takes
    /// a transaction-scoped advisory lock before reading the head, held until commit or rollback, and
    /// under READ COMMITTED the head read after the lock sees the previous holder's commit; on SQLite,
    /// Microsoft.Data.Sqlite begins transactions IMMEDIATE, which takes the write lock at BEGIN, and
    /// busy_timeout (<see cref="SqliteDurability"/>) makes the next writer wait for it.
    /// </remarks>
    public static async Task<AuditEvent> AppendAsync(
        MilepostDb db, DateTime nowUtc, string actor, string action, string entity, string entityId,
        string? divisionCode, object? before, object? after, CancellationToken ct = default)
    {
        if (db.Database.CurrentTransaction is not null && db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync(PostgresAppendLock, ct);
        // PostgreSQL keeps microseconds: hash what both databases will hand back.
        nowUtc = new DateTime(nowUtc.Ticks - nowUtc.Ticks % 10, DateTimeKind.Utc);
        // The head may already be pending in this unit of work (several events in one transaction). Events are only
        // ever added here, so the pending head is the last one appended while it is still unsaved; checking that one
        // entry keeps an import of 20,000 events linear (scanning the change tracker for each was quadratic).
        var pending = db.LastAppended is { } last && db.Entry(last).State == EntityState.Added ? last : null;
        var head = pending ?? await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
        var sequence = (head?.Sequence ?? 0) + 1;
        var previous = head?.Hash ?? AuditEvent.GenesisHash;
        var beforeJson = ToJson(before);
        var afterJson = ToJson(after);
        var ev = new AuditEvent
        {
            Sequence = sequence,
            TimeUtc = nowUtc,
            Actor = actor,
            Action = action,
            Entity = entity,
            EntityId = entityId,
            DivisionCode = divisionCode,
            Before = beforeJson,
            After = afterJson,
            ClientAddress = db.ClientAddress,
            PreviousHash = previous,
            Hash = AuditEvent.ComputeHash(previous, sequence, nowUtc, actor, action, entity, entityId, divisionCode, beforeJson, afterJson, db.ClientAddress),
        };
        db.AuditEvents.Add(ev);
        db.LastAppended = ev;
        return ev;
    }
}
