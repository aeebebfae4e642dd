using System.Globalization;

namespace Milepost.Core.Audit;

/// <summary>What is wrong at the first bad event of an audit chain.</summary>
public enum AuditProblem
{
    None,
    /// <summary>No events at all.</summary>
    Empty,
    /// <summary>A sequence number is not the one after its predecessor (a deletion, insertion or reordering).</summary>
    SequenceGap,
    /// <summary>The event's previous hash is not the hash of the event before it.</summary>
    PreviousHashMismatch,
    /// <summary>The event's own hash does not match its fields: it was edited.</summary>
    HashMismatch,
    /// <summary>The chain ends before the anchored sequence number: its tail was cut off.</summary>
    Truncated,
    /// <summary>The event at the anchored sequence number has another hash: the chain was rewritten.</summary>
    AnchorMismatch,
}

/// <summary>
/// The outcome of <see cref="AuditChain.Verify"/>: either the whole chain verifies, or the first bad
/// event, what is wrong with it, and the message in both languages.
/// </summary>
/// <param name="FirstBadSequence">
/// The sequence number at which the chain first fails: the edited event; for a gap, the stored number
/// of the event found out of place (the one after a deleted event, the later of two swapped ones) or
/// its place when the stored number is lower; for a truncation the first missing number; for a
/// rewrite the anchored number. Null when the chain verifies or is empty.
/// </param>
/// <param name="EventsChecked">Events read up to and including the first bad one (all of them when Ok).</param>
/// <param name="Head">The hash of the last good event read (the chain head when Ok); null when none was good.</param>
public sealed record AuditVerification(
    bool Ok, long? FirstBadSequence, AuditProblem Kind, string MessageZh, string MessageEn, long EventsChecked, string? Head);

/// <summary>Verifies an audit hash chain (SPEC §3.10, SECURITY.md 12 and 13).</summary>
public static class AuditChain
{
    /// <summary>
    /// Streams through <paramref name="eventsInSequenceOrder"/> once and reports the first problem:
    /// sequence numbers must run 1, 2, 3 … without a gap, each previous hash must be the hash of the
    /// event before (the genesis hash for the first), and each hash must match the event's fields.
    /// With an anchor (a sequence number and its hash kept outside the database), the chain must
    /// reach the anchored sequence and have that hash there, so that a chain rewritten consistently
    /// from start to end, or cut short, still fails. The events are read in the given order: the
    /// caller orders them by sequence number, as stored.
    /// </summary>
    public static AuditVerification Verify(
        IEnumerable<AuditEvent> eventsInSequenceOrder, string? anchoredHead = null, long? anchoredSequence = null)
    {
        ArgumentNullException.ThrowIfNull(eventsInSequenceOrder);
        if ((anchoredHead is null) != (anchoredSequence is null))
            throw new ArgumentException("An anchor needs both its sequence number and its hash.");
        if (anchoredSequence is < 1) throw new ArgumentOutOfRangeException(nameof(anchoredSequence), "An anchored sequence starts at 1.");

        long checkedCount = 0;
        string previousHash = AuditEvent.GenesisHash;
        string? head = null;
        foreach (var e in eventsInSequenceOrder)
        {
            checkedCount++;
            long expected = checkedCount;
            if (e.Sequence != expected)
                return Bad(Math.Max(expected, e.Sequence), AuditProblem.SequenceGap,
                    $"事件序号不连续：应为 {expected}，实为 {e.Sequence}（事件被删除、插入或调换了顺序）",
                    $"Sequence gap: expected {expected}, found {e.Sequence} (an event was deleted, inserted or reordered)");
            if (!string.Equals(e.PreviousHash, previousHash, StringComparison.Ordinal))
                return Bad(e.Sequence, AuditProblem.PreviousHashMismatch,
                    $"第 {e.Sequence} 条事件的前序哈希与第 {e.Sequence - 1} 条事件的哈希不符",
                    $"Event {e.Sequence}: its previous hash does not match the hash of event {e.Sequence - 1}");
            if (!string.Equals(e.Hash, e.ExpectedHash(), StringComparison.Ordinal))
                return Bad(e.Sequence, AuditProblem.HashMismatch,
                    $"第 {e.Sequence} 条事件的哈希与其内容不符（事件被修改）",
                    $"Event {e.Sequence}: its hash does not match its content (the event was edited)");
            if (e.Sequence == anchoredSequence && !string.Equals(e.Hash, anchoredHead, StringComparison.Ordinal))
                return Bad(e.Sequence, AuditProblem.AnchorMismatch,
                    $"第 {e.Sequence} 条事件的哈希与锚定值不符（审计链被改写）",
                    $"Event {e.Sequence}: its hash differs from the anchored hash (the chain was rewritten)");
            previousHash = e.Hash;
            head = e.Hash;
        }

        if (checkedCount == 0 && anchoredSequence is null)
            return new(false, null, AuditProblem.Empty, "审计链为空：没有任何事件", "The audit chain is empty: there are no events", 0, null);
        if (checkedCount < anchoredSequence)
            return Bad(checkedCount + 1, AuditProblem.Truncated,
                $"审计链被截断：锚定到第 {Num(anchoredSequence.Value)} 条事件，实际只有 {Num(checkedCount)} 条",
                $"The audit chain was truncated: anchored at event {Num(anchoredSequence.Value)}, but it has only {Num(checkedCount)}");
        return new(true, null, AuditProblem.None,
            $"审计链完整：共 {Num(checkedCount)} 条事件，链头 {head}",
            $"The audit chain is intact: {Num(checkedCount)} events, head {head}", checkedCount, head);

        AuditVerification Bad(long sequence, AuditProblem kind, string zh, string en) =>
            new(false, sequence, kind, zh, en, checkedCount, head);
    }

    private static string Num(long n) => n.ToString(CultureInfo.InvariantCulture);
}
