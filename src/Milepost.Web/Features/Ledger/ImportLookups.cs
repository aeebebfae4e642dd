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
/// With createMissing, unknown units, programmes, categories and leaders (from the name and title written) become
/// placeholders created in the import's transaction; divisions are never created (the office sets them under 基础数据).
/// </summary>
public sealed class ImportLookups
{
    public const long PendingBase = 1_000_000_000_000_000;
    public const string OwnerKind = "owner", ResponsibleKind = "responsible", ProgrammeKind = "programme", CategoryKind = "category", LeaderKind = "leader";

    private readonly bool _createMissing;
    private readonly Dictionary<string, long> _owners, _departments, _leaders, _programmes, _categories;
    private readonly Dictionary<long, string> _leaderTitles;
    private readonly Dictionary<string, string> _divisions;
    private readonly string? _rootDivision;
    private readonly CategoryMatcher _matcher;
    private readonly IReadOnlyDictionary<string, string> _sectionChoices;
    private readonly Dictionary<string, ImportSection> _sections = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Kind, string Name), LookupRef> _pending = new();
    private readonly Dictionary<long, LookupRef> _pendingById = new();
    private readonly Dictionary<string, string> _pendingLeaderTitles = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _created = new();

    private ImportLookups(bool createMissing, IReadOnlyDictionary<string, string>? sectionChoices,
        List<Unit> units, List<Leader> leaders, List<Programme> programmes, List<Category> categories, List<Division> divisions)
    {
        _createMissing = createMissing;
        _sectionChoices = sectionChoices ?? new Dictionary<string, string>();
        _matcher = new CategoryMatcher(categories);
        _leaderTitles = leaders.ToDictionary(l => l.Id, l => l.Title);
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

    /// <param name="sectionChoices">The category the office chose in the preview for a section heading, by the heading as read.</param>
    public static async Task<ImportLookups> LoadAsync(MilepostDb db, bool createMissing, CancellationToken ct,
        IReadOnlyDictionary<string, string>? sectionChoices = null) => new(createMissing, sectionChoices,
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
        if (line.Category is { } written)
            // A category cell is the category's name or alias, or differs from one only by 项目/类/工程 ("交通类" is 交通).
            category = Known(CategoryKind, written, _categories)
                ?? (_matcher.Match(written) is { How: not CategoryMatchKind.Contains } m ? new LookupRef(CategoryKind, m.Category.Name, m.Category.Id) : null)
                ?? Find(CategoryKind, written, _categories, LedgerField.Category, ImportErrorKinds.UnknownCategory, add);
        else if (line.Section is { } section) category = Section(section, add);
        else category = null;

        return new ImportRefs(division, line.Division is not null, owner, responsible, Leaders(line, add), programme, category);
    }

    /// <summary>
    /// The leaders of a row by name or alias. A title written beside a known leader that is not the leader's recorded one
    /// is a warning (the name decides). An unknown leader is an error, or with createMissing a leader to create from the
    /// name and the title written (without a title there is nothing to create the record from: an error that says so).
    /// </summary>
    private List<long> Leaders(ProjectLedgerLine line, Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        var cell = line.LeaderMentions.Count == 0 ? null
            : string.Join("、", line.LeaderMentions.Select(m => m.Title is null ? m.Name : $"{m.Name}（{m.Title}）"));
        var ids = new List<long>();
        foreach (var mention in line.LeaderMentions)
        {
            var name = mention.Name.Trim();
            if (_leaders.TryGetValue(name, out var id))
            {
                ids.Add(id);
                if (mention.Title is { } title && !LeaderTitles.Agrees(_leaderTitles[id], title))
                    add(LedgerField.Leader, ImportErrorKinds.LeaderTitleDiffers, cell, [name, title, _leaderTitles[id]]);
                continue;
            }
            if (!_createMissing) { add(LedgerField.Leader, ImportErrorKinds.UnknownLeader, cell, [name]); continue; }
            if (_pending.TryGetValue((LeaderKind, name), out var pending)) { ids.Add(pending.Id); continue; }
            if (mention.Title is not { } newTitle) { add(LedgerField.Leader, ImportErrorKinds.UnknownLeaderNoTitle, cell, [name]); continue; }
            _pendingLeaderTitles[name] = newTitle;
            ids.Add(Pending(LeaderKind, name).Id);
        }
        return ids;
    }

    /// <summary>
    /// The category of the rows under a section heading: the office's choice in the preview, else the category the heading
    /// names (<see cref="CategoryMatcher"/>: name, alias, without 项目/类/工程, containment), else with createMissing a new
    /// category named by the heading without those words; else an error. Each heading is decided once and shown in the preview.
    /// </summary>
    private LookupRef? Section(string section, Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        if (!_sections.TryGetValue(section, out var mapping))
        {
            LookupRef? found = null;
            string how;
            if (_sectionChoices.TryGetValue(section, out var chosen))
            {
                found = Known(CategoryKind, chosen, _categories);
                how = found is null ? ImportSection.None : ImportSection.Chosen;
            }
            else if (_matcher.Match(section) is { } match)
            {
                found = new LookupRef(CategoryKind, match.Category.Name, match.Category.Id);
                how = match.How.ToString().ToLowerInvariant();
            }
            else if (_createMissing)
            {
                found = Pending(CategoryKind, CategoryMatcher.WithoutGenericWords(LedgerRows.SectionTitle(section)));
                how = ImportSection.Create;
            }
            else how = ImportSection.None;
            mapping = new ImportSection(section, found?.Name ?? (how == ImportSection.None && chosen is not null ? chosen : null), how, 0) { Ref = found };
        }
        _sections[section] = mapping with { Rows = mapping.Rows + 1 };
        if (mapping.Ref is null)
            // Shown at the project's name: the heading is no cell of the row, and a ledger with sections has no category column.
            add(LedgerField.Name, mapping.Category is not null ? ImportErrorKinds.UnknownCategory : ImportErrorKinds.UnmatchedSection,
                section, [mapping.Category ?? section]);
        return mapping.Ref;
    }

    /// <summary>How each section heading of the file was mapped, in the order the headings came.</summary>
    public IReadOnlyList<ImportSection> Sections => [.. _sections.Values];

    private static LookupRef? Known(string kind, string name, Dictionary<string, long> table) =>
        table.TryGetValue(name.Trim(), out var id) ? new LookupRef(kind, name.Trim(), id) : null;

    private LookupRef Pending(string kind, string name)
    {
        if (!_pending.TryGetValue((kind, name), out var pending))
        {
            _pending[(kind, name)] = pending = new LookupRef(kind, name, PendingBase + _pending.Count);
            _pendingById[pending.Id] = pending;
        }
        return pending;
    }

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
        return Pending(kind, clean);
    }

    /// <summary>"业主单位：某公司" for each name the import creates (or would create) for these rows.</summary>
    public IReadOnlyList<string> PendingNames(IEnumerable<ImportRefs> rows) =>
        [.. Used(rows).Select(KindLabel)];

    private IEnumerable<LookupRef> Used(IEnumerable<ImportRefs> rows) => rows
        .SelectMany(r => new[] { r.Owner, r.Responsible, r.Programme, r.Category }
            .Concat(r.LeaderIds.Where(id => id >= PendingBase).Select(id => _pendingById[id])))
        .Where(r => r is not null && r.Id >= PendingBase).Select(r => r!).Distinct().OrderBy(r => r.Id);

    private string KindLabel(LookupRef r) => r.Kind switch
    {
        OwnerKind => $"业主单位：{r.Name}",
        ResponsibleKind => $"责任单位：{r.Name}",
        ProgrammeKind => $"专项（板块）：{r.Name}",
        LeaderKind => $"市领导：{r.Name}（{_pendingLeaderTitles[r.Name]}）",
        _ => $"行业类别：{r.Name}",
    };

    /// <summary>The body (四大班子) a new leader belongs to, read from the title; the office can correct it under 基础数据.</summary>
    private static LeaderBody BodyOf(string title) =>
        title.Contains("人大", StringComparison.Ordinal) ? LeaderBody.PeoplesCongress
        : title.Contains("政协", StringComparison.Ordinal) ? LeaderBody.Cppcc
        : title.StartsWith("市委", StringComparison.Ordinal) ? LeaderBody.PartyCommittee
        : LeaderBody.Government;

    /// <summary>Creates the units, programmes and categories the rows need, each with its audit event; inside the caller's transaction.</summary>
    public async Task CreatePendingAsync(MilepostDb db, Actor actor, DateTime now, IEnumerable<ImportRefs> rows, CancellationToken ct)
    {
        var used = Used(rows).ToList();
        if (used.Count == 0) return;
        var division = _rootDivision ?? rows.Select(r => r.DivisionCode).First(d => d is not null)!;
        var nextProgramme = (await db.Programmes.MaxAsync(p => (int?)p.SortOrder, ct) ?? 0) + 1;
        var nextCategory = (await db.Categories.MaxAsync(c => (int?)c.SortOrder, ct) ?? 0) + 1;
        var nextLeader = (await db.Leaders.MaxAsync(l => (int?)l.Precedence, ct) ?? 0) + 1;
        var made = new List<(LookupRef Ref, object Entity)>();
        foreach (var r in used)
        {
            object entity = r.Kind switch
            {
                OwnerKind => db.Units.Add(new Unit { DivisionCode = division, Name = r.Name, Kind = UnitKind.Owner }).Entity,
                ResponsibleKind => db.Units.Add(new Unit { DivisionCode = division, Name = r.Name, Kind = UnitKind.Department }).Entity,
                ProgrammeKind => db.Programmes.Add(new Programme { DivisionCode = division, Name = r.Name, SortOrder = nextProgramme++ }).Entity,
                LeaderKind => db.Leaders.Add(new Leader
                {
                    DivisionCode = division, Name = r.Name, Title = _pendingLeaderTitles[r.Name],
                    Body = BodyOf(_pendingLeaderTitles[r.Name]), Precedence = nextLeader++,
                }).Entity,
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
                Leader l => ("Leader", l.Id),
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
        return refs with
        {
            Owner = F(refs.Owner), Responsible = F(refs.Responsible), Programme = F(refs.Programme), Category = F(refs.Category),
            LeaderIds = [.. refs.LeaderIds.Select(id => id >= PendingBase ? _created[id] : id)],
        };
    }
}
