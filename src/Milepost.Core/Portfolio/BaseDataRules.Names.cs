using System.Globalization;

namespace Milepost.Core.Portfolio;

/// <summary>
/// Which names a record answers to, and the rules that keep them unambiguous: the ledger import finds units, leaders,
/// programmes and categories by name, short name or alias, so among the live (not retired) records of one kind each
/// such name belongs to one record only. Divisions are found by name among the divisions of one parent (two cities of
/// a province may both have a 市中区). Comparison is exact after trimming, as the import's.
/// </summary>
public static partial class BaseDataRules
{
    public static IReadOnlyList<AnsweredName> NamesOf(DivisionInput d) => Answered(d.Name, null, null);

    public static IReadOnlyList<AnsweredName> NamesOf(UnitInput u) => Answered(u.Name, u.ShortName, u.Aliases);

    public static IReadOnlyList<AnsweredName> NamesOf(LeaderInput l) => Answered(l.Name, null, l.Aliases);

    public static IReadOnlyList<AnsweredName> NamesOf(ProgrammeInput p) => Answered(p.Name, null, p.Aliases);

    public static IReadOnlyList<AnsweredName> NamesOf(CategoryInput c) => Answered(c.Name, null, c.Aliases);

    public static NamedRecord Named(Division d) => Named(d.Code, d.Name, d.Name, null, null);

    public static NamedRecord Named(Unit u) => Named(Key(u.Id), u.Name, u.Name, u.ShortName, u.Aliases);

    /// <summary>A leader is labelled with the title, as documents name leaders (王伟副市长).</summary>
    public static NamedRecord Named(Leader l) => Named(Key(l.Id), l.Name + l.Title, l.Name, null, l.Aliases);

    public static NamedRecord Named(Programme p) => Named(Key(p.Id), p.Name, p.Name, null, p.Aliases);

    public static NamedRecord Named(Category c) => Named(Key(c.Id), c.Name, c.Name, null, c.Aliases);

    public static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    private static NamedRecord Named(string key, string label, string name, string? shortName, string? aliases) =>
        new(key, label, [.. Answered(name, shortName, aliases).Select(n => n.Name)]);

    /// <summary>The name, the short name and each alias, trimmed, each once (the first field that gives it keeps it).</summary>
    private static List<AnsweredName> Answered(string? name, string? shortName, string? aliases)
    {
        var names = new List<AnsweredName>();
        void Add(string field, string? n)
        {
            if (Clean(n) is { } v && names.All(x => x.Name != v)) names.Add(new(field, v));
        }
        Add("Name", name);
        Add("ShortName", shortName);
        foreach (var alias in AliasList.Split(aliases)) Add("Aliases", alias);
        return names;
    }

    /// <summary>
    /// Refuses every name of a record that another live record of its kind already answers to, at the field it was
    /// typed in. <paramref name="liveOthers"/> are the other records (not the record itself, not retired ones).
    /// </summary>
    public static IReadOnlyList<ValidationError> UniqueNames(BaseDataKind kind, IReadOnlyList<AnsweredName> names, IEnumerable<NamedRecord> liveOthers)
    {
        var taken = new Dictionary<string, NamedRecord>(StringComparer.Ordinal);
        foreach (var other in liveOthers)
            foreach (var n in other.Names) taken.TryAdd(n, other);
        var (zh, en) = BaseDataNames.Of(kind);
        var prefix = BaseDataNames.CodePrefix(kind);
        var errors = new List<ValidationError>();
        foreach (var n in names)
        {
            if (!taken.TryGetValue(n.Name, out var other)) continue;
            errors.Add(kind == BaseDataKind.Division
                ? new(n.Field, $"{prefix}.name.taken", $"同一上级下已有行政区划“{n.Name}”（{other.Key}）", $"The parent already has a division \"{n.Name}\" ({other.Key})")
                : new(n.Field, $"{prefix}.name.taken",
                    $"“{n.Name}”已是{zh}“{other.Label}”的名称、简称或别名，不能重复（导入台账按名称、简称和别名识别{zh}）",
                    $"\"{n.Name}\" is already a name, short name or alias of the {en} \"{other.Label}\" (imports find {en}s by them)"));
        }
        return errors;
    }

    /// <summary>
    /// A unit's parent may not be the unit itself or any unit below it. <paramref name="parentOf"/> gives each unit's
    /// current parent; a loop already in the data stops the walk rather than hanging it.
    /// </summary>
    public static ValidationError? UnitParent(long? unitId, long? parentId, Func<long, long?> parentOf)
    {
        if (parentId is not { } parent || unitId is not { } id) return null;
        var seen = new HashSet<long>();
        for (long? at = parent; at is { } x && seen.Add(x); at = parentOf(x))
            if (x == id)
                return new("ParentId", "unit.parent.loop", "上级单位不能是本单位或本单位的下级单位",
                    "The parent unit cannot be the unit itself or one of the units below it");
        return null;
    }

    /// <summary>
    /// Whether <paramref name="duplicate"/> may be merged into <paramref name="keep"/>: two different records of a kind
    /// that merges (divisions do not: their codes are national facts), the kept one live.
    /// </summary>
    public static IReadOnlyList<ValidationError> CanMerge(BaseDataKind kind, NamedRecord duplicate, NamedRecord keep, bool keepRetired)
    {
        var prefix = BaseDataNames.CodePrefix(kind);
        if (kind == BaseDataKind.Division)
            return [new("", "division.merge", "行政区划不能合并（代码是国家标准），可改名或停用", "Divisions are not merged (their codes are national facts); rename or retire one")];
        if (duplicate.Key == keep.Key)
            return [new("KeepId", $"{prefix}.merge.self", $"不能把“{keep.Label}”合并到它自己", $"\"{keep.Label}\" cannot be merged into itself")];
        if (keepRetired)
            return [new("KeepId", $"{prefix}.merge.retired", $"要保留的“{keep.Label}”已停用，请先恢复它或另选一个", $"\"{keep.Label}\" is retired: restore it or choose another")];
        return [];
    }

    /// <summary>An owner unit and a responsible one are different parties: a project needs both, so they never merge.</summary>
    public static ValidationError? CanMergeUnits(Unit duplicate, Unit keep)
    {
        if (duplicate.Kind.IsResponsible() == keep.Kind.IsResponsible()) return null;
        var (d, k) = (BaseDataNames.Of(duplicate.Kind), BaseDataNames.Of(keep.Kind));
        return new("KeepId", "unit.merge.kind", $"“{duplicate.Name}”是{d.Zh}，“{keep.Name}”是{k.Zh}：业主单位不能与其他类型的单位合并",
            $"\"{duplicate.Name}\" is a {d.En} and \"{keep.Name}\" a {k.En}: owner units merge only with owner units");
    }

    /// <summary>
    /// The kept record's aliases after a merge: its own, then every name the duplicate answered to that the kept record
    /// does not (so ledgers that wrote the duplicate's names still find it). Refused when they no longer fit the column.
    /// </summary>
    public static (string? Aliases, ValidationError? Error) AliasesAfterMerge(BaseDataKind kind, NamedRecord keep, string? keepAliases, NamedRecord duplicate)
    {
        var added = duplicate.Names.Where(n => !keep.Names.Contains(n, StringComparer.Ordinal));
        var aliases = AliasList.Join(AliasList.Split(keepAliases).Concat(added));
        if ((aliases?.Length ?? 0) <= AliasesLength) return (aliases, null);
        var prefix = BaseDataNames.CodePrefix(kind);
        return (null, new("Aliases", $"{prefix}.merge.aliases",
            $"合并后“{keep.Label}”的别名将超过 {AliasesLength} 个字，请先删去一些不再使用的别名",
            $"After the merge the aliases of \"{keep.Label}\" would exceed {AliasesLength} characters; remove some first"));
    }
}
