using Milepost.Core;
using Milepost.Core.Ranking;

namespace Milepost.Data;

/// <summary>
/// A published red-black list (SPEC §4.4): the frozen snapshot of one month and its SHA-256. Rows are never
/// updated or deleted (database triggers refuse it); a re-publication is a new row with the next
/// <see cref="Sequence"/>, and the month's current publication is the one with the highest sequence. The
/// summary columns repeat figures of the snapshot so that lists of publications need not read it.
/// </summary>
public class RankingPublication
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public YearMonth Month { get; set; }
    /// <summary>1 for the month's first publication, 2 for the one that superseded it, and so on.</summary>
    public int Sequence { get; set; }
    public DateTime PublishedAt { get; set; }
    public required string PublishedBy { get; set; }
    /// <summary>Why it was published again (required from the second publication on).</summary>
    public string? Note { get; set; }
    /// <summary>The canonical JSON of <see cref="RankingSnapshot"/>.</summary>
    public required string Snapshot { get; set; }
    /// <summary>SHA-256 of <see cref="Snapshot"/>'s UTF-8 bytes, lower-case hex.</summary>
    public required string Sha256 { get; set; }
    /// <summary>
    /// JSON of <see cref="UnitMonth"/>: each unit's score and red/black count, taken from the snapshot at publication, so
    /// the annual assessment reads a few kilobytes a month instead of whole snapshots. Not part of the hashed snapshot;
    /// it is derived from it and can be checked against it.
    /// </summary>
    public string? UnitSummary { get; set; }
    public int Eligible { get; set; }
    public int RedCount { get; set; }
    public int BlackCount { get; set; }
}

/// <summary>
/// A supervisor's exemption of a project from one month's list (不可抗力 or 政策性停工), with the reason published
/// beside the list. Withdrawn, never deleted: a publication may already carry it.
/// </summary>
public class RankingExemptionRecord
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public long ProjectId { get; set; }
    public YearMonth Month { get; set; }
    public ExemptionKind Kind { get; set; }
    public required string Reason { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? WithdrawnBy { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public long Version { get; set; }
}
