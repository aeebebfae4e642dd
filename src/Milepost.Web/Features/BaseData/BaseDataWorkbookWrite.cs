using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// Writes a checked plan in the caller's transaction: every created or changed record, then one audit event each, in
/// sheet and row order. New records get their ids from the database, so what refers to them is written after them: new
/// divisions level by level (a city before its districts), then leaders, units and categories, then the units' new
/// parents and the programmes with their leaders. A changed record is applied to the stored one only if its version is
/// still the one planned on; otherwise nothing is written (<see cref="ImportErrorKinds.Changed"/>).
/// </summary>
internal sealed class BaseDataWorkbookWrite(MilepostDb db, DateTime now, Actor actor)
{
    private readonly List<(object Entity, object? Before, BaseDataKind Kind)> _audits = [];

    public async Task WriteAsync(BaseDataWorkbookPlan plan, CancellationToken ct)
    {
        db.BeginCommand();
        // The parents as planned, before the new ones among them are set aside until they have ids.
        var parents = plan.Units.Rows.Where(r => r.Outcome != ImportOutcome.Unchanged && r.Entity.ParentId < 0).Select(r => (Row: r, Parent: r.Entity.ParentId!.Value)).ToList();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var level in plan.Divisions.Rows.Where(r => r.Outcome == ImportOutcome.Created).GroupBy(r => r.Entity.Level).OrderBy(g => g.Key))
        {
            foreach (var p in level)
            {
                p.Entity.Version = 1;
                db.Divisions.Add(p.Entity);
                _audits.Add((p.Entity, null, BaseDataKind.Division));
            }
            await db.SaveChangesAsync(ct);
        }
        await UpdateAsync(plan.Divisions, ct);

        static void Later(Unit u) => u.ParentId = u.ParentId < 0 ? null : u.ParentId;
        var leaders = Create(db.Leaders, plan.Leaders, l => l.Id, l => (l.Id, l.Version) = (0, 1));
        await UpdateAsync(plan.Leaders, ct);
        var units = Create(db.Units, plan.Units, u => u.Id, u => { (u.Id, u.Version) = (0, 1); Later(u); });
        var stored = await UpdateAsync(plan.Units, ct, Later);
        Create(db.Categories, plan.Categories, c => c.Id, c => (c.Id, c.Version) = (0, 1));
        await UpdateAsync(plan.Categories, ct);
        await db.SaveChangesAsync(ct);

        // The new units and leaders have their ids now: what refers to them can be written.
        foreach (var (p, parent) in parents) (p.Stored is null ? p.Entity : stored[p.Stored.Id]).ParentId = units[parent].Id;
        void Lead(Programme g) => g.LeadLeaderId = g.LeadLeaderId < 0 ? leaders[g.LeadLeaderId.Value].Id : g.LeadLeaderId;
        Create(db.Programmes, plan.Programmes, g => g.Id, g => { (g.Id, g.Version) = (0, 1); Lead(g); });
        await UpdateAsync(plan.Programmes, ct, Lead);
        await db.SaveChangesAsync(ct);

        foreach (var (entity, before, kind) in _audits)
        {
            var (id, division) = Key(entity);
            var action = $"{BaseDataNames.CodePrefix(kind)}.workbook.{(before is null ? "create" : "update")}";
            await AuditTrail.AppendAsync(db, now, actor.UserName, action, kind.ToString(), id, division, before, Snapshot(entity), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>Adds the kind's new records, made ready by <paramref name="prepare"/> (ids cleared, version 1); returns them by placeholder.</summary>
    private Dictionary<long, T> Create<T>(DbSet<T> set, KindPlan<T> plan, Func<T, long> id, Action<T> prepare) where T : class
    {
        var created = new Dictionary<long, T>();
        foreach (var p in plan.Rows.Where(r => r.Outcome == ImportOutcome.Created))
        {
            created[id(p.Entity)] = p.Entity;
            prepare(p.Entity);
            set.Add(p.Entity);
            _audits.Add((p.Entity, null, plan.Kind));
        }
        return created;
    }

    /// <summary>
    /// Applies each changed record to the stored one, tracked, if its version is still the one planned on; <paramref name="fix"/>
    /// sets aside what cannot be written yet or maps a placeholder. Returns the tracked records by id (divisions have codes: none).
    /// </summary>
    private async Task<Dictionary<long, T>> UpdateAsync<T>(KindPlan<T> plan, CancellationToken ct, Action<T>? fix = null) where T : class
    {
        var changed = plan.Rows.Where(r => r.Outcome == ImportOutcome.Updated).ToList();
        if (changed.Count == 0) return [];
        var keys = changed.Select(p => Key(p.Stored!).Id).ToList();
        var ids = plan.Kind == BaseDataKind.Division ? [] : keys.Select(k => long.Parse(k, CultureInfo.InvariantCulture)).ToList();
        var tracked = plan.Kind == BaseDataKind.Division
            ? await db.Set<T>().Where(e => keys.Contains(EF.Property<string>(e, nameof(Division.Code)))).ToListAsync(ct)
            : await db.Set<T>().Where(e => ids.Contains(EF.Property<long>(e, nameof(Unit.Id)))).ToListAsync(ct);
        var byKey = tracked.ToDictionary(e => Key(e).Id);
        foreach (var p in changed)
        {
            var version = Version(p.Stored!);
            if (!byKey.TryGetValue(Key(p.Stored!).Id, out var entity) || Version(entity) != version)
                throw new ValidationException(new ValidationError("", ImportErrorKinds.Changed.Code,
                    $"{plan.Sheet!.Name}第{p.Row!.Number}行：导入过程中该{BaseDataNames.Of(plan.Kind).Zh}已被他人修改，未导入任何数据，请重新导入",
                    $"{plan.Sheet.Name} row {p.Row.Number}: someone changed this {BaseDataNames.Of(plan.Kind).En} during the import; nothing was imported, import again"));
            var before = Snapshot(entity);
            var entry = db.Entry(entity);
            entry.CurrentValues.SetValues(p.Entity);
            entry.Property(nameof(Unit.Version)).CurrentValue = version + 1;
            fix?.Invoke(entity);
            _audits.Add((entity, before, plan.Kind));
        }
        return plan.Kind == BaseDataKind.Division ? [] : tracked.ToDictionary(e => long.Parse(Key(e).Id, CultureInfo.InvariantCulture));
    }

    private static long Version(object e) => e switch
    {
        Division d => d.Version,
        Unit u => u.Version,
        Leader l => l.Version,
        Programme p => p.Version,
        Category c => c.Version,
        _ => throw new ArgumentException(e.GetType().Name),
    };

    private static (string Id, string? Division) Key(object e) => e switch
    {
        Division d => (d.Code, d.Code),
        Unit u => (Id(u.Id), u.DivisionCode),
        Leader l => (Id(l.Id), l.DivisionCode),
        Programme p => (Id(p.Id), p.DivisionCode),
        Category c => (Id(c.Id), null),
        _ => throw new ArgumentException(e.GetType().Name),
    };

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fields an audit event records before and after.</summary>
    public static object Snapshot(object e) => e switch
    {
        Division d => new { d.Code, d.Name, d.ParentCode, Level = d.Level.ToString(), d.IsRetired, d.Version },
        Unit u => new { u.Name, u.ShortName, Kind = u.Kind.ToString(), u.ParentId, u.Aliases, u.ContactPerson, u.ContactPhone, u.DivisionCode, u.IsRetired, u.Version },
        Leader l => new { l.Name, l.Title, Body = l.Body.ToString(), l.Precedence, l.Fields, l.InOfficeFrom, l.InOfficeTo, l.Aliases, l.DivisionCode, l.IsRetired, l.Version },
        Programme p => new { p.Name, p.LeadLeaderId, p.SortOrder, p.Aliases, p.DivisionCode, p.IsRetired, p.Version },
        Category c => new { c.Name, c.NameEn, c.SortOrder, c.Aliases, c.IsRetired, c.Version },
        _ => throw new ArgumentException(e.GetType().Name),
    };
}
