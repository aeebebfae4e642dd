using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// Changes to base data (基础数据): create and edit each kind (BaseDataCommands.Records.cs), retire, restore and delete
/// (here), merge (BaseDataCommands.Merge.cs). Each is one transaction with one audit event (entity Division, Unit,
/// Leader, Programme or Category; action e.g. unit.retire); bad input throws <see cref="ValidationException"/> and
/// writes nothing; a save based on an older version throws <see cref="ConflictException"/> naming who changed the
/// record and when; anyone but the office gets <see cref="ForbiddenException"/> (<see cref="BaseDataAccess"/>).
/// Records are retired, not deleted, once anything names them (<see cref="BaseDataReferences"/>): a retired record
/// is hidden from pickers and kept for the projects, audit events and published lists that name it.
/// </summary>
public sealed partial class BaseDataCommands(MilepostDb db, PortfolioClock clock)
{
    public async Task RetireAsync(Actor actor, BaseDataKind kind, string key, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var record = await LoadForChangeAsync(kind, key, expectedVersion, ct);
        var (zh, en) = BaseDataNames.Of(kind);
        if (IsRetired(record)) throw Refused(kind, "retire.already", $"该{zh}已经停用", $"The {en} is already retired");
        if (record is Division d && await db.Divisions.CountAsync(x => x.ParentCode == d.Code && !x.IsRetired, ct) is > 0 and var children)
            throw Refused(kind, "retire.children", $"{d.Name}下还有 {children} 个在用的下级区划，请先停用它们", $"{d.Name} has {children} live divisions below it: retire them first");
        var before = Snapshot(record);
        db.Entry(record).Property(nameof(Unit.IsRetired)).CurrentValue = true;
        await SaveAsync(actor, kind, "retire", record, before, ct);
    }

    public async Task RestoreAsync(Actor actor, BaseDataKind kind, string key, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var record = await LoadForChangeAsync(kind, key, expectedVersion, ct);
        var (zh, en) = BaseDataNames.Of(kind);
        if (!IsRetired(record)) throw Refused(kind, "restore.live", $"该{zh}没有停用", $"The {en} is not retired");
        var errors = new List<ValidationError>();
        if (record is Division d && d.ParentCode is { } parentCode
            && await db.Divisions.AsNoTracking().FirstOrDefaultAsync(x => x.Code == parentCode, ct) is { IsRetired: true } parent)
            errors.Add(new("ParentCode", "division.restore.parent", $"上级区划{parent.Name}已停用，请先恢复它", $"The parent division {parent.Name} is retired: restore it first"));
        // Its names may have been given to another record meanwhile (a merge lists a duplicate's names as aliases).
        errors.AddRange(await UniqueNamesAsync(kind, AnsweredNamesOf(record), key, ScopeOf(record), ct));
        if (errors.Count > 0) throw new ValidationException(errors);
        var before = Snapshot(record);
        db.Entry(record).Property(nameof(Unit.IsRetired)).CurrentValue = false;
        await SaveAsync(actor, kind, "restore", record, before, ct);
    }

    /// <summary>Deletes a record nothing names (one typed by mistake); otherwise refuses saying what uses it.</summary>
    public async Task DeleteAsync(Actor actor, BaseDataKind kind, string key, long expectedVersion, CancellationToken ct = default)
    {
        Begin(actor);
        var record = await LoadForChangeAsync(kind, key, expectedVersion, ct);
        var before = Snapshot(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Checked inside the transaction: on SQLite it holds the write lock, on PostgreSQL the foreign keys refuse a late reference.
        if (await BaseDataReferences.InUseAsync(db, kind, key, ct) is { } use)
            throw Refused(kind, "delete.in-use", use.Zh, use.En);
        db.Remove(record);
        await AuditAsync(actor, kind, "delete", record, before, null, ct);
        await SaveChangesAsync(kind, key, ct);
        await tx.CommitAsync(ct);
    }

    private void Begin(Actor actor)
    {
        db.BeginCommand();
        BaseDataAccess.Require(actor, BaseDataOperation.Change);
    }

    private static string Key(long id) => BaseDataRules.Key(id);

    /// <summary>The record, tracked; null when there is none with that key.</summary>
    private async Task<object?> FindAsync(BaseDataKind kind, string key, CancellationToken ct)
    {
        if (kind == BaseDataKind.Division) return await db.Divisions.FirstOrDefaultAsync(d => d.Code == key, ct);
        if (!long.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        return kind switch
        {
            BaseDataKind.Unit => await db.Units.FirstOrDefaultAsync(u => u.Id == id, ct),
            BaseDataKind.Leader => await db.Leaders.FirstOrDefaultAsync(l => l.Id == id, ct),
            BaseDataKind.Programme => await db.Programmes.FirstOrDefaultAsync(p => p.Id == id, ct),
            _ => await db.Categories.FirstOrDefaultAsync(c => c.Id == id, ct),
        };
    }

    private async Task<object> LoadForChangeAsync(BaseDataKind kind, string key, long expectedVersion, CancellationToken ct)
    {
        var record = await FindAsync(kind, key, ct) ?? throw new NotFoundException($"{kind} {key}");
        if (VersionOf(record) != expectedVersion) throw await ConflictAsync(kind, key, ct);
        return record;
    }

    private async Task<T> LoadForChangeAsync<T>(BaseDataKind kind, string key, long expectedVersion, CancellationToken ct) =>
        (T)await LoadForChangeAsync(kind, key, expectedVersion, ct);

    private bool IsRetired(object record) => (bool)db.Entry(record).Property(nameof(Unit.IsRetired)).CurrentValue!;

    private long VersionOf(object record) => (long)db.Entry(record).Property(nameof(Unit.Version)).CurrentValue!;

    private void BumpVersion(object record) => db.Entry(record).Property(nameof(Unit.Version)).CurrentValue = VersionOf(record) + 1;

    private static ValidationException Refused(BaseDataKind kind, string code, string zh, string en) =>
        new(new ValidationError("", $"{BaseDataNames.CodePrefix(kind)}.{code}", zh, en));

    private async Task AddAsync(Actor actor, BaseDataKind kind, object record, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(record);
        await SaveChangesAsync(kind, "0", ct); // the new id, for the audit event
        await AuditAsync(actor, kind, "create", record, null, Snapshot(record), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task SaveAsync(Actor actor, BaseDataKind kind, string action, object record, object before, CancellationToken ct)
    {
        BumpVersion(record);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditAsync(actor, kind, action, record, before, Snapshot(record), ct);
        await SaveChangesAsync(kind, KeyOf(record), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Saves; the WHERE Version = loaded of a record someone saved meanwhile matches nothing, and that is a conflict.</summary>
    private async Task SaveChangesAsync(BaseDataKind kind, string key, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(kind, key, ct);
        }
        catch (DbUpdateException)
        {
            // A constraint refused it after our checks passed: another user saved the same name, or (PostgreSQL's foreign
            // keys) something began to name a record being deleted. Nothing was written.
            var (zh, en) = BaseDataNames.Of(kind);
            throw new ConflictException($"该{zh}刚被他人修改或引用（如同名记录已保存），您的操作未保存。请刷新后重试。",
                $"Someone has just changed or referred to this {en} (a record of the same name may have been saved); nothing was saved. Reload and try again.");
        }
    }

    private async Task<ConflictException> ConflictAsync(BaseDataKind kind, string key, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, kind.ToString(), long.Parse(key, CultureInfo.InvariantCulture), ct);
        var (zh, en) = BaseDataNames.Of(kind);
        return new ConflictException($"该{zh}已由 {who} 于 {when} 修改，您的修改未保存。请刷新后重新操作。",
            $"{who} changed this {en} at {when}; your changes were not saved. Reload and try again.");
    }

    private Task AuditAsync(Actor actor, BaseDataKind kind, string action, object record, object? before, object? after, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, $"{BaseDataNames.CodePrefix(kind)}.{action}", kind.ToString(),
            KeyOf(record), DivisionOf(record), before, after, ct);

    private static string KeyOf(object record) => record switch
    {
        Division d => d.Code,
        Unit u => Key(u.Id),
        Leader l => Key(l.Id),
        Programme p => Key(p.Id),
        Category c => Key(c.Id),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    private static string? DivisionOf(object record) => record switch
    {
        Division d => d.Code,
        Unit u => u.DivisionCode,
        Leader l => l.DivisionCode,
        Programme p => p.DivisionCode,
        _ => null,
    };

    /// <summary>Where a record's names must be unique: among a division's siblings, else (for the retired-name check) its division.</summary>
    private static string? ScopeOf(object record) => record is Division d ? d.ParentCode : DivisionOf(record);

    private static NamedRecord Named(object record) => record switch
    {
        Division d => BaseDataRules.Named(d),
        Unit u => BaseDataRules.Named(u),
        Leader l => BaseDataRules.Named(l),
        Programme p => BaseDataRules.Named(p),
        Category c => BaseDataRules.Named(c),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    /// <summary>The names a stored record answers to, at the fields they would be typed in.</summary>
    private static IReadOnlyList<AnsweredName> AnsweredNamesOf(object record) => record switch
    {
        Division d => BaseDataRules.NamesOf(new DivisionInput(d.Code, d.Name, d.ParentCode)),
        Unit u => BaseDataRules.NamesOf(new UnitInput(u.Name, u.ShortName, u.Kind, u.ParentId, u.Aliases, null, null)),
        Leader l => BaseDataRules.NamesOf(new LeaderInput(l.Name, l.Title, l.Body, l.Precedence, null, null, null, l.Aliases)),
        Programme p => BaseDataRules.NamesOf(new ProgrammeInput(p.Name, p.LeadLeaderId, p.SortOrder, p.Aliases)),
        Category c => BaseDataRules.NamesOf(new CategoryInput(c.Name, c.NameEn, c.SortOrder, c.Aliases)),
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };

    /// <summary>The fields an audit event records before and after a change.</summary>
    internal static object Snapshot(object record) => record switch
    {
        Division d => new { d.Code, d.Name, d.ParentCode, d.IsRetired, d.Version },
        Unit u => new
        {
            u.Name, u.ShortName, Kind = u.Kind.ToString(), u.ParentId, u.DivisionCode, Aliases = AliasList.Split(u.Aliases),
            u.ContactPerson, u.ContactPhone, u.IsRetired, u.Version,
        },
        Leader l => new
        {
            l.Name, l.Title, Body = l.Body.ToString(), l.Precedence, l.Fields, l.InOfficeFrom, l.InOfficeTo, l.DivisionCode,
            Aliases = AliasList.Split(l.Aliases), l.IsRetired, l.Version,
        },
        Programme p => new { p.Name, p.LeadLeaderId, p.SortOrder, p.DivisionCode, Aliases = AliasList.Split(p.Aliases), p.IsRetired, p.Version },
        Category c => new { c.Name, c.NameEn, c.SortOrder, Aliases = AliasList.Split(c.Aliases), c.IsRetired, c.Version },
        _ => throw new ArgumentOutOfRangeException(nameof(record)),
    };
}
