using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>One kind of reference a merge moved: how many rows, and the first of their ids (for the audit event).</summary>
public sealed record MovedReference(string Reference, int Count, IReadOnlyList<string> Ids, string Zh, string En);

/// <summary>What a merge did: the kept record's name, and what moved to it.</summary>
public sealed record MergeOutcome(string KeptName, IReadOnlyList<MovedReference> Moved);

public sealed partial class BaseDataCommands
{
    /// <summary>Ids listed per reference in the merge's audit event (it must fit the event's 16,000 characters).</summary>
    public const int MergeIdsListed = 100;

    /// <summary>
    /// Two records that are the same (市交通局 typed once as 市交通运输局): every reference to the duplicate moves to the kept
    /// record (<see cref="BaseDataReferences"/>, without duplicate links), the duplicate's names become the kept
    /// record's aliases, and the duplicate is retired (kept for the audit events and published lists that name it).
    /// One transaction, one audit event listing what moved. Divisions are never merged.
    /// </summary>
    public async Task<MergeOutcome> MergeAsync(Actor actor, BaseDataKind kind, long duplicateId, long keepId, long expectedVersion,
        CancellationToken ct = default)
    {
        Begin(actor);
        if (kind == BaseDataKind.Division)
            throw new ValidationException(BaseDataRules.CanMerge(kind, new("", "", []), new("", "", []), false));
        var duplicate = await LoadForChangeAsync(kind, Key(duplicateId), expectedVersion, ct);
        var keep = await FindAsync(kind, Key(keepId), ct) ?? throw new NotFoundException($"{kind} {keepId}");
        var (duplicateNames, keepNames) = (Named(duplicate), Named(keep));
        var errors = BaseDataRules.CanMerge(kind, duplicateNames, keepNames, IsRetired(keep)).ToList();
        if (duplicate is Unit du && keep is Unit ku && BaseDataRules.CanMergeUnits(du, ku) is { } kindError) errors.Add(kindError);
        var (aliases, aliasError) = BaseDataRules.AliasesAfterMerge(kind, keepNames, AliasesOf(keep), duplicateNames);
        if (aliasError is not null && errors.Count == 0) errors.Add(aliasError);
        if (errors.Count > 0) throw new ValidationException(errors);

        var before = new { Duplicate = Snapshot(duplicate), Keep = Snapshot(keep) };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moved = new List<MovedReference>();
        foreach (var reference in BaseDataReferences.For(kind))
        {
            var ids = await reference.Rows(db, Key(duplicateId)).ToListAsync(ct);
            if (ids.Count == 0) continue;
            await reference.Move!(db, duplicateId, keepId, ct);
            moved.Add(new(reference.Name, ids.Count,
                [.. ids.OrderBy(i => i.Length).ThenBy(i => i, StringComparer.Ordinal).Take(MergeIdsListed)],
                string.Format(System.Globalization.CultureInfo.InvariantCulture, reference.Zh, ids.Count),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, reference.En, ids.Count)));
        }
        // A kept unit that sat below the duplicate takes the duplicate's place (it cannot be its own parent).
        if (keep is Unit keptUnit && keptUnit.ParentId == duplicateId) keptUnit.ParentId = ((Unit)duplicate).ParentId;
        db.Entry(keep).Property(nameof(Unit.Aliases)).CurrentValue = aliases;
        db.Entry(duplicate).Property(nameof(Unit.IsRetired)).CurrentValue = true;
        BumpVersion(keep);
        BumpVersion(duplicate);
        await AuditAsync(actor, kind, "merge", duplicate, before, new
        {
            KeepId = keepId, Keep = Snapshot(keep),
            Moved = moved.Select(m => new { m.Reference, m.Count, m.Ids }),
        }, ct);
        await SaveChangesAsync(kind, Key(keepId), ct);
        await tx.CommitAsync(ct);
        return new MergeOutcome(keepNames.Label, moved);
    }

    private string? AliasesOf(object record) => (string?)db.Entry(record).Property(nameof(Unit.Aliases)).CurrentValue;
}
