using System.Text.RegularExpressions;
using Milepost.Core.Portfolio;

namespace Milepost.Core.Ledger;

/// <summary>How a section heading found its category, in the order the steps are tried.</summary>
public enum CategoryMatchKind
{
    /// <summary>The heading is the category's name ("交通").</summary>
    Exact,
    /// <summary>The heading is one of the category's aliases.</summary>
    Alias,
    /// <summary>Equal once the generic words are gone ("交通项目", "交通类" → 交通).</summary>
    Stripped,
    /// <summary>One contains the other once the generic words are gone ("交通基础设施工程" contains 交通).</summary>
    Contains,
}

/// <summary>A heading's category, how it was found and through which of its names (the name or an alias), for the preview.</summary>
public sealed record CategoryMatch(Category Category, CategoryMatchKind How, string MatchedName);

/// <summary>
/// Maps the section headings of a ledger ("（一）交通基础设施工程", "二、产业类项目", "交通项目（12个）") to the live
/// categories. Steps, the first that finds anything decides: the exact name, an alias, both with the generic words
/// 项目/类/工程/建设 removed from their ends, then containment either way. A step that finds two categories finds
/// none (the office chooses in the preview); so does containment when two categories contain, or are contained in,
/// the heading by the same length. Names compare half-width, without spaces, case-insensitively; numbering and a
/// trailing count are removed from the heading first (<see cref="LedgerRows.SectionTitle"/>).
/// </summary>
public sealed partial class CategoryMatcher
{
    /// <summary>Containment of a single character says nothing ("交" in everything).</summary>
    public const int MinContainedLength = 2;

    private readonly List<Entry> _names = [];

    /// <summary>Retired categories are left out: a ledger is never mapped to one.</summary>
    public CategoryMatcher(IEnumerable<Category> categories)
    {
        foreach (var category in categories.Where(c => !c.IsRetired))
        {
            _names.Add(new Entry(category, category.Name, Compact(category.Name), WithoutGenericWords(category.Name), IsAlias: false));
            foreach (var alias in AliasList.Split(category.Aliases))
                _names.Add(new Entry(category, alias, Compact(alias), WithoutGenericWords(alias), IsAlias: true));
        }
    }

    /// <summary>The category of a section heading, or null when none or more than one fits.</summary>
    public CategoryMatch? Match(string heading)
    {
        var compact = Compact(LedgerRows.SectionTitle(heading));
        if (compact.Length == 0) return null;
        var core = WithoutGenericWords(compact);

        (CategoryMatchKind How, Func<Entry, bool> Fits)[] steps =
        [
            (CategoryMatchKind.Exact, n => !n.IsAlias && n.Compact == compact),
            (CategoryMatchKind.Alias, n => n.IsAlias && n.Compact == compact),
            (CategoryMatchKind.Stripped, n => n.Core == core),
        ];
        foreach (var (how, fits) in steps)
        {
            var found = _names.Where(fits).ToList();
            if (found.Count > 0) return OneCategory(found, how);
        }

        // Containment: the longest contained text wins; two categories tied for it are no match.
        var contained = _names
            .Where(n => Math.Min(n.Core.Length, core.Length) >= MinContainedLength && (core.Contains(n.Core) || n.Core.Contains(core)))
            .ToList();
        if (contained.Count == 0) return null;
        var best = contained.Max(n => Math.Min(n.Core.Length, core.Length));
        return OneCategory([.. contained.Where(n => Math.Min(n.Core.Length, core.Length) == best)], CategoryMatchKind.Contains);
    }

    /// <summary>
    /// True when two names differ only by the generic words 项目/类/工程/建设 ("交通类" and "交通", "交通项目" and
    /// "交通工程"): an import never creates the one beside the other.
    /// </summary>
    public static bool SameExceptGenericWords(string a, string b) =>
        WithoutGenericWords(a) is { Length: > 0 } core && core == WithoutGenericWords(b);

    /// <summary>
    /// A name without the generic words at its end, taken off one after another ("产业类项目" → 产业), half-width and
    /// without spaces; a name made of nothing else stays as it is ("工程").
    /// </summary>
    public static string WithoutGenericWords(string name)
    {
        var compact = Compact(name);
        var core = GenericEnd().Replace(compact, "");
        return core.Length == 0 ? compact : core;
    }

    private static CategoryMatch? OneCategory(List<Entry> found, CategoryMatchKind how) =>
        found.Select(n => n.Category).Distinct().Count() == 1 ? new CategoryMatch(found[0].Category, how, found[0].Written) : null;

    /// <summary>One name of a category (its name or an alias) as written, compact, and without generic words.</summary>
    private sealed record Entry(Category Category, string Written, string Compact, string Core, bool IsAlias);

    private static string Compact(string text) => LedgerValues.Clean(text).ToLowerInvariant();

    [GeneratedRegex(@"(?:项目|类|工程|建设)+$")]
    private static partial Regex GenericEnd();
}
