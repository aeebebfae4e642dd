using System.Security.Cryptography;
using System.Text;

namespace Milepost.Core.Audit;

/// <summary>
/// One entry of the audit trail (SPEC §3.10). Events form a hash chain: each carries the previous
/// event's hash and its own, SHA-256 over the previous hash and the event's canonical fields, so
/// that an edit, deletion or reordering is found at the first event that no longer matches.
/// </summary>
public class AuditEvent
{
    /// <summary>Gapless sequence number, starting at 1.</summary>
    public long Sequence { get; set; }
    public DateTime TimeUtc { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityId { get; set; }
    public string? DivisionCode { get; set; }
    /// <summary>The changed fields before the change, as JSON; null when the record is new.</summary>
    public string? Before { get; set; }
    /// <summary>The changed fields after the change, as JSON.</summary>
    public string? After { get; set; }
    /// <summary>The network address the change came from; null for the system's own work (seeding, jobs).</summary>
    public string? ClientAddress { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }

    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>SHA-256 (lower-case hex) over the previous hash and the length-prefixed canonical fields.</summary>
    public static string ComputeHash(
        string previousHash, long sequence, DateTime timeUtc, string actor, string action,
        string entity, string entityId, string? divisionCode, string? before, string? after, string? clientAddress = null)
    {
        var sb = new StringBuilder();
        void Field(string? value)
        {
            // Length-prefixed so that no two different field lists share one canonical string.
            if (value is null) { sb.Append("-1:"); return; }
            sb.Append(value.Length).Append(':').Append(value);
        }
        // The value is UTC whatever its Kind: databases return it as Unspecified, which
        // ToUniversalTime would take for local time and shift by the server's offset.
        var utc = timeUtc.Kind == DateTimeKind.Local ? timeUtc.ToUniversalTime() : DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc);
        Field(previousHash);
        Field(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Field(utc.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", System.Globalization.CultureInfo.InvariantCulture));
        Field(actor);
        Field(action);
        Field(entity);
        Field(entityId);
        Field(divisionCode);
        Field(before);
        Field(after);
        // Appended only when present: events written before the address was recorded keep their hashes,
        // and removing an address still breaks the event's hash.
        if (clientAddress is not null) Field(clientAddress);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    public string ExpectedHash() =>
        ComputeHash(PreviousHash, Sequence, TimeUtc, Actor, Action, Entity, EntityId, DivisionCode, Before, After, ClientAddress);
}
