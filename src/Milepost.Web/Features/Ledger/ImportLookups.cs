using Microsoft.EntityFrameworkCore;
using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ledger;

/// <summary>A name looked up: its id, or a placeholder (at or above <see cref="ImportLookups.PendingBase"/>) for one the import will create.</summary>
public sealed record LookupRef(string Kind, string Name, long Id);

/// <summary>The names of one row resolved to ids; null where the row leaves the field as it is.</summary>
/// <param name="DivisionExplicit">True when the row names its division (so an existing project moves to it).</param>
public sealed record ImportRefs(string? DivisionCode, bool DivisionExplicit, LookupRef? Owner, LookupRef? Responsible,
    IReadOnlyList<long> LeaderIds, LookupRef? Programme, LookupRef? Category);

/// <summary>
/// Units, leaders, programmes, categories and divisions by name, short name or alias (exact after trimming), loaded once per import.
/// With createMissing, unknown units, programmes and categories become placeholders created in the import's
/// transaction; leaders and divisions are never created.
/// </summary>
public sealed class ImportLookups
{
    public const long PendingBase = 1_000_000_000_000_000;
    public const string OwnerKind = "owner", ResponsibleKind = "responsible", ProgrammeKind = "programme", CategoryKind = "category";

    private readonly bool _createMissing;
    private readonly Dictionary<string, long> _owners, _departments, _leaders, _programmes, _categories;
    private readonly Dictionary<string, string> _divisions;
    private readonly string? _rootDivision;
    private readonly Dictionary<(string Kind, string Name), LookupRef> _pending = new();
    private readonly Dictionary<long, long> _created = new();

    private ImportLookups(bool createMissing, List<Unit> units, List<Leader> leaders, List<Programme> programmes, List<Category> categories, List<Division> divisions)
    {
        _createMissing = createMissing;
        // Every name a live record answers to: its name first, then its short name and aliases (a merged duplicate's
        // names are aliases of the record kept, so a ledger that still writes them finds it). Retired records are not
        // matched: they are kept for history, not for new rows.
        static Dictionary<string, long> ByName<T>(IEnumerable<T> items, Func<T, IEnumerable<string?>> names, Func<T, long> id)
        {
            var d = new Dictionary<string, long>(StringComparer.Ordinal);
            var list = items.ToList();
            for (var pass = 0; pass < 2; pass++)
                foreach (var i in list)
                    foreach (var n in names(i).Skip(pass == 0 ? 0 : 1).Take(pass == 0 ? 1 : int.MaxValue))
                        if (!string.IsNullOrWhiteSpace(n)) d.TryAdd(n.Trim(), id(i));
            return d;
        }
        var live = units.Where(u => !u.IsRetired).ToList();
        static IEnumerable<string?> UnitNames(Unit u) => [u.Name, u.ShortName, .. AliasList.Split(u.Aliases)];
        _owners = ByName(live.Where(u => u.Kind == UnitKind.Owner), UnitNames, u => u.Id);
        _departments = ByName(live.Where(u => u.Kind.IsResponsible()), UnitNames, u => u.Id);
        _leaders = ByName(leaders.Where(l => !l.IsRetired), l => [l.Name, .. AliasList.Split(l.Aliases)], l => l.Id);
        _programmes = ByName(programmes.Where(p => !p.IsRetired), p => [p.Name, .. AliasList.Split(p.Aliases)], p => p.Id);
        _categories = ByName(categories.Where(c => !c.IsRetired), c => [c.Name, .. AliasList.Split(c.Aliases)], c => c.Id);
        _divisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in divisions.Where(d => !d.IsRetired)) { _divisions.TryAdd(d.Name.Trim(), d.Code); _divisions.TryAdd(d.Code, d.Code); }
        var roots = divisions.Where(d => d.ParentCode is null && !d.IsRetired).ToList();
        _rootDivision = roots.Count == 1 ? roots[0].Code : null;
    }

    public static async Task<ImportLookups> LoadAsync(MilepostDb db, bool createMissing, CancellationToken ct) => new(createMissing,
        await db.Units.AsNoTracking().ToListAsync(ct), await db.Leaders.AsNoTracking().ToListAsync(ct),
        await db.Programmes.AsNoTracking().ToListAsync(ct), await db.Categories.AsNoTracking().ToListAsync(ct),
        await db.Divisions.AsNoTracking().ToListAsync(ct));

    public string? RootDivision => _rootDivision;

    /// <summary>Resolves the names of a row, reporting each unknown one at its cell.</summary>
    public ImportRefs Resolve(ProjectLedgerLine line, Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        string? division = null;
        if (line.Division is { } dn)
        {
            if (_divisions.TryGetValue(dn.Trim(), out var code)) division = code;
            else add(LedgerField.Division, ImportErrorKinds.UnknownDivision, dn, [dn.Trim()]);
        }
        else if (_rootDivision is null) add(LedgerField.Division, ImportErrorKinds.NoDefaultDivision, null, []);
        else division = _rootDivision;

        var owner = Find(OwnerKind, line.Owner, _owners, LedgerField.Owner, ImportErrorKinds.UnknownOwner, add);
        var responsible = Find(ResponsibleKind, line.ResponsibleUnit, _departments, LedgerField.ResponsibleUnit, ImportErrorKinds.UnknownResponsible, add);
        var programme = Find(ProgrammeKind, line.Programme, _programmes, LedgerField.Programme, ImportErrorKinds.UnknownProgramme, add);
        LookupRef? category;
        if (line.Category is not null)
            category = Find(CategoryKind, line.Category, _categories, LedgerField.Category, ImportErrorKinds.UnknownCategory, add);
        else if (line.Section is { } section)
            // "交通项目" is filed under the category 交通: the heading names the category plus a word for "projects".
            category = Known(CategoryKind, section, _categories) ?? Known(CategoryKind, StripSectionWord(section), _categories)
                ?? Find(CategoryKind, StripSectionWord(section), _categories, LedgerField.Category, ImportErrorKinds.UnknownCategory, add);
        else category = null;

        var leaders = new List<long>();
        foreach (var name in line.Leaders)
            if (_leaders.TryGetValue(name.Trim(), out var id)) leaders.Add(id);
            else add(LedgerField.Leader, ImportErrorKinds.UnknownLeader, string.Join("、", line.Leaders), [name]);
        return new ImportRefs(division, line.Division is not null, owner, responsible, leaders, programme, category);
    }

    public static string StripSectionWord(string section)
    {
        foreach (var word in new[] { "类项目", "项目", "类" })
            if (section.Length > word.Length && section.EndsWith(word, StringComparison.Ordinal)) return section[..^word.Length];
        return section;
    }

    private static LookupRef? Known(string kind, string name, Dictionary<string, long> table) =>
        table.TryGetValue(name.Trim(), out var id) ? new LookupRef(kind, name.Trim(), id) : null;

    private LookupRef? Find(string kind, string? name, Dictionary<string, long> table, LedgerField field, LedgerErrorKind unknown,
        Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        if (name is null) return null;
        var clean = name.Trim();
        if (table.TryGetValue(clean, out var id)) return new LookupRef(kind, clean, id);
        if (!_createMissing)
        {
            add(field, unknown, name, [clean]);
            return null;
        }
        if (!_pending.TryGetValue((kind, clean), out var pending))
            _pending[(kind, clean)] = pending = new LookupRef(kind, clean, PendingBase + _pending.Count);
        return pending;
    }

    /// <summary>"业主单位：某公司" for each name the import creates (or would create) for these rows.</summary>
    public IReadOnlyList<string> PendingNames(IEnumerable<ImportRefs> rows) =>
        [.. Used(rows).Select(r => $"{KindLabel(r.Kind)}：{r.Name}")];

    private static IEnumerable<LookupRef> Used(IEnumerable<ImportRefs> rows) => rows
        .SelectMany(r => new[] { r.Owner, r.Responsible, r.Programme, r.Category })
        .Where(r => r is not null && r.Id >= PendingBase).Select(r => r!).Distinct().OrderBy(r => r.Id);

    private static string KindLabel(string kind) => kind switch
    {
        OwnerKind => "业主单位",
        ResponsibleKind => "责任单位",
        ProgrammeKind => "专项（板块）",
        _ => "行业类别",
    };

    /// <summary>Creates the units, programmes and categories the rows need, each with its audit event; inside the caller's transaction.</summary>
    public async Task CreatePendingAsync(MilepostDb db, Actor actor, DateTime now, IEnumerable<ImportRefs> rows, CancellationToken ct)
    {
        var used = Used(rows).ToList();
        if (used.Count == 0) return;
        var division = _rootDivision ?? rows.Select(r => r.DivisionCode).First(d => d is not null)!;
        var nextProgramme = (await db.Programmes.MaxAsync(p => (int?)p.SortOrder, ct) ?? 0) + 1;
        var nextCategory = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1;
        var made = new List<(LookupRef Ref, object Entity)>();
        foreach (var r in used)
        {
            object entity = r.Kind switch
            {
                OwnerKind => db.Units.Add(new Unit { DivisionCode = division, Name = r.Name, Kind = UnitKind.Owner }).Entity,
                ResponsibleKind => db.Units.Add(new Unit { DivisionCode = division, Name = r.Name, Kind = UnitKind.Department }).Entity,
                ProgrammeKind => db.Programmes.Add(new Programme { DivisionCode = division, Name = r.Name, SortOrder = nextProgramme++ }).Entity,
                _ => db.Categories.Add(new Category { Name = r.Name, SortOrder = nextCategory++ }).Entity,
            };
            made.Add((r, entity));
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        foreach (var (r, entity) in made)
        {
            var (name, id) = entity switch
            {
                Unit u => ("Unit", u.Id),
                Programme p => ("Programme", p.Id),
                Category c => ("Category", c.Id),
                _ => throw new InvalidOperationException(),
            };
            _created[r.Id] = id;
            await AuditTrail.AppendAsync(db, now, actor.UserName, name.ToLowerInvariant() + ".import.create", name,
                id.ToString(System.Globalization.CultureInfo.InvariantCulture), division, null, new { r.Name, Kind = r.Kind }, ct);
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The refs with every placeholder replaced by the id created for it.</summary>
    public ImportRefs Final(ImportRefs refs)
    {
        LookupRef? F(LookupRef? r) => r is not null && r.Id >= PendingBase ? r with { Id = _created[r.Id] } : r;
        return refs with { Owner = F(refs.Owner), Responsible = F(refs.Responsible), Programme = F(refs.Programme), Category = F(refs.Category) };
    }
}
