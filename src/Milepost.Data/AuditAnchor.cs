using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Milepost.Data;

/// <summary>One anchored chain head: the sequence number, its hash, and when it was anchored.</summary>
public sealed record AuditAnchorLine(long Sequence, string Hash, DateTime TimeUtc);

/// <summary>
/// Keeps the audit chain head outside the database's reach (SECURITY.md 13): an append-only text
/// file <c>audit-anchor.txt</c> under the data directory, one line per anchor,
/// <c>sequence hash utc-time</c>. Someone who rewrites the whole chain consistently in the database
/// still fails against the last anchored head. The file is written after commits, never inside a
/// transaction: a rolled-back event must not be anchored.
/// </summary>
public static class AuditAnchor
{
    public const string FileName = "audit-anchor.txt";

    public static string PathIn(string dataDir) => Path.Combine(dataDir, FileName);

    /// <summary>Appends one anchor line (creating the file, mode 0600 on Unix, and the folder if needed).</summary>
    public static async Task AppendAsync(string dataDir, long sequence, string hash, DateTime nowUtc, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (hash.Length != 64 || !hash.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("An anchored hash is 64 lower-case hex digits.", nameof(hash));
        Directory.CreateDirectory(dataDir);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"{sequence} {hash} {DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc):yyyy-MM-ddTHH:mm:ss.fffffffZ}\n");
        var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using var file = new FileStream(PathIn(dataDir), options);
        await file.WriteAsync(Encoding.ASCII.GetBytes(line), ct);
        await file.FlushAsync(ct);
        file.Flush(flushToDisk: true);
    }

    /// <summary>The last anchor in the file; null when there is no file or no line yet.</summary>
    /// <exception cref="FormatException">A line is not <c>sequence hash utc-time</c>.</exception>
    public static AuditAnchorLine? ReadLatest(string dataDir)
    {
        var path = PathIn(dataDir);
        if (!File.Exists(path)) return null;
        AuditAnchorLine? latest = null;
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0) continue;
            var parts = line.Split(' ');
            if (parts.Length != 3
                || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) || sequence < 1
                || parts[1].Length != 64 || !parts[1].All(char.IsAsciiHexDigitLower)
                || !DateTime.TryParseExact(parts[2], "yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture,
                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
                throw new FormatException($"{path}, line {number}: expected \"sequence hash utc-time\", found \"{line}\".");
            // The chain only grows: a later line with a lower sequence is itself a sign of tampering.
            if (latest is not null && sequence < latest.Sequence)
                throw new FormatException($"{path}, line {number}: sequence {sequence} is below the earlier anchor {latest.Sequence}.");
            latest = new AuditAnchorLine(sequence, parts[1], time);
        }
        return latest;
    }

    /// <summary>
    /// Anchors the committed chain head if it is newer than the file's last line; returns the head
    /// anchored, or null when there was nothing new. Call it after committing, not inside a transaction.
    /// </summary>
    public static async Task<AuditAnchorLine?> AnchorHeadAsync(MilepostDb db, string dataDir, DateTime nowUtc, CancellationToken ct = default)
    {
        var head = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
        if (head is null) return null;
        var latest = ReadLatest(dataDir);
        if (latest is not null && latest.Sequence >= head.Sequence) return null;
        await AppendAsync(dataDir, head.Sequence, head.Hash, nowUtc, ct);
        return new AuditAnchorLine(head.Sequence, head.Hash, nowUtc);
    }
}
