using Milepost.Core.Portfolio;
using Milepost.Web.Features.Ledger;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// A record as the workbook leaves it: its entity (a copy of the stored record with the row applied, or a new record with a
/// placeholder id below zero), the stored record it came from, the row that gives it (none for a record the workbook
/// does not mention) and the headers of the fields that changed.
/// </summary>
public sealed class Planned<T>(T entity, T? stored, WorkbookRow? row) where T : class
{
    public T Entity { get; } = entity;
    public T? Stored { get; } = stored;
    public WorkbookRow? Row { get; } = row;
    public List<string> Changed { get; } = [];

    /// <summary>The names the row gives the record, each with the field it was typed in (for a clash to be shown there).</summary>
    public IReadOnlyList<AnsweredName> Names { get; set; } = [];

    public ImportOutcome Outcome => Stored is null ? ImportOutcome.Created : Changed.Count > 0 ? ImportOutcome.Updated : ImportOutcome.Unchanged;

    /// <summary>Sets a field to the row's value, noting its header when a stored record changes.</summary>
    public void Set<TV>(string header, TV current, TV value, Action<TV> set)
    {
        if (EqualityComparer<TV>.Default.Equals(current, value)) return;
        set(value);
        if (Stored is not null && !Changed.Contains(header)) Changed.Add(header);
    }
}

/// <summary>
/// One kind's records before and after the workbook: the stored ones (found by a row's name as the ledger import finds
/// them: the exact name, a live record before a retired one, else a live record's short name or alias), the rows'
/// records in sheet order, and every record after the import (<see cref="Final"/>), against which references and
/// the uniqueness of names are checked.
/// </summary>
public sealed class KindPlan<T> where T : class
{
    private readonly Func<T, NamedRecord> _named;
    private readonly Func<T, bool> _retired;
    private readonly Func<T, string> _name;
    private readonly Dictionary<string, List<T>> _storedByName, _storedByOther;
    private readonly Dictionary<object, int> _seen = [];
    private long _placeholder;

    public KindPlan(BaseDataKind kind, WorkbookSheet? sheet, IReadOnlyList<T> stored, Func<T, string> name, Func<T, bool> retired, Func<T, NamedRecord> named)
    {
        (Kind, Sheet, Stored, _name, _retired, _named) = (kind, sheet, stored, name, retired, named);
        (_storedByName, _storedByOther) = Index(stored);
    }

    public BaseDataKind Kind { get; }
    public WorkbookSheet? Sheet { get; }
    public IReadOnlyList<T> Stored { get; }
    public List<Planned<T>> Rows { get; } = [];
    public List<Planned<T>> Final { get; private set; } = [];

    /// <summary>An id for a new record, below zero so it is never a stored one's; replaced by the real one when written.</summary>
    public long NextPlaceholder() => --_placeholder;

    /// <summary>
    /// The stored records a name means (more than one: the row is ambiguous). Of a live and a retired record of the same
    /// name (a leader who left and a new one), <paramref name="retired"/>, the row's own mark, chooses.
    /// </summary>
    public List<T> FindStored(string name, bool? retired = null)
    {
        var found = Find(_storedByName, _storedByOther, name);
        if (retired is not { } r || !_storedByName.TryGetValue(name, out var exact)) return found;
        var marked = exact.Where(x => _retired(x) == r).ToList();
        return marked.Count > 0 ? marked : found;
    }

    /// <summary>The first row that gave the same record (a stored one by identity, a new one by name), or null; remembers this row.</summary>
    public int? Repeats(T? stored, string key, int row) => _seen.TryAdd(stored ?? (object)key, row) ? null : _seen[stored ?? (object)key];

    public Planned<T> Add(T entity, T? stored, WorkbookRow row)
    {
        var planned = new Planned<T>(entity, stored, row);
        Rows.Add(planned);
        return planned;
    }

    /// <summary>Closes the rows: the final records are the stored ones no row gives, then the rows' (new ones among them).</summary>
    public void Close()
    {
        var given = Rows.Where(r => r.Stored is not null).Select(r => r.Stored!).ToHashSet(ReferenceEqualityComparer.Instance);
        Final = [.. Stored.Where(s => !given.Contains(s)).Select(s => new Planned<T>(s, s, null)), .. Rows];
        (_finalByName, _finalByOther) = Index(Final.Select(p => p.Entity));
        _liveNames.Clear();
        foreach (var p in Final.Where(p => !_retired(p.Entity)))
            foreach (var n in _named(p.Entity).Names) Append(_liveNames, n, p);
    }

    private Dictionary<string, List<T>> _finalByName = [], _finalByOther = [];
    private readonly Dictionary<string, List<Planned<T>>> _liveNames = new(StringComparer.Ordinal);

    /// <summary>The records after the import that a reference names (a unit's parent, a programme's leader); see <see cref="FindStored"/>.</summary>
    public List<T> FindFinal(string name) => Find(_finalByName, _finalByOther, name);

    public bool IsRetired(T record) => _retired(record);

    public NamedRecord Named(T record) => _named(record);

    /// <summary>
    /// The live records after the import that answer to one of <paramref name="row"/>'s names, and were not given by a
    /// later row (that row reports the clash, so it is reported once).
    /// </summary>
    public IEnumerable<NamedRecord> Clashing(Planned<T> row) => row.Names
        .SelectMany(n => _liveNames.TryGetValue(n.Name, out var list) ? list : [])
        .Distinct()
        .Where(o => !ReferenceEquals(o, row) && (o.Row is null || o.Row.Number < row.Row!.Number))
        .Select(o => _named(o.Entity));

    private (Dictionary<string, List<T>> ByName, Dictionary<string, List<T>> ByOther) Index(IEnumerable<T> records)
    {
        var (byName, byOther) = (new Dictionary<string, List<T>>(StringComparer.Ordinal), new Dictionary<string, List<T>>(StringComparer.Ordinal));
        foreach (var r in records)
        {
            var name = _name(r).Trim();
            Append(byName, name, r);
            if (_retired(r)) continue;
            foreach (var other in _named(r).Names.Where(n => n != name)) Append(byOther, other, r);
        }
        return (byName, byOther);
    }

    private static void Append<TV>(Dictionary<string, List<TV>> index, string key, TV record)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(record);
    }

    private List<T> Find(Dictionary<string, List<T>> byName, Dictionary<string, List<T>> byOther, string name)
    {
        if (byName.TryGetValue(name, out var exact))
        {
            var live = exact.Where(r => !_retired(r)).ToList();
            return live.Count > 0 ? live : exact;
        }
        return byOther.TryGetValue(name, out var other) ? other : [];
    }
}
