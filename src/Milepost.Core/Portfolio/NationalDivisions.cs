using System.Text;

namespace Milepost.Core.Portfolio;

/// <summary>One division of the national GB/T 2260 table; <see cref="ParentCode"/> is null for a province.</summary>
public sealed record DivisionEntry(string Code, string Name, string? ParentCode)
{
    public DivisionLevel Level => Division.LevelOf(Code);
}

/// <summary>
/// The national county-level division table (provinces, prefecture-level cities, counties), built into Milepost so an
/// office sets up its city's divisions by typing the city's name or code. The data is the 民政部 table as of
/// <see cref="Revision"/>, embedded from Portfolio/Data/gb2260.tsv (source and command in gb2260.SOURCE.md), read once
/// on first use.
/// </summary>
/// <remarks>
/// A "city" here is what one Milepost serves: a prefecture-level division (地级市, 地区, 自治州, 盟) or one of the four
/// municipalities (直辖市), whose districts and counties hang directly under it. A province that governs some counties
/// directly (湖北: 仙桃市) is no municipality: it also has prefecture-level cities.
/// </remarks>
public static class NationalDivisions
{
    /// <summary>The date the table is true of.</summary>
    public const string Revision = "2024-12-31";

    private const string ResourceName = "Milepost.Core.Portfolio.Data.gb2260.tsv";

    // The official endings of prefecture-level names, longest first; what a user types may also end in 州 (凉山州).
    private static readonly string[] NameSuffixes = ["自治州", "地区", "市", "盟"];
    private static readonly string[] TypedSuffixes = ["自治州", "地区", "市", "州", "盟"];

    private static readonly Lazy<Table> Data = new(Load);

    /// <summary>Every division, sorted by code.</summary>
    public static IReadOnlyList<DivisionEntry> All => Data.Value.Entries;

    public static DivisionEntry? ByCode(string? code) =>
        code is not null && Data.Value.ByCode.TryGetValue(code.Trim(), out var e) ? e : null;

    /// <summary>Whether the division is one Milepost can serve: prefecture-level, or a municipality.</summary>
    public static bool IsCity(DivisionEntry entry) => Data.Value.Cities.Contains(entry.Code);

    /// <summary>The province (or, for a municipality, the city itself) a city belongs to.</summary>
    public static DivisionEntry ProvinceOf(DivisionEntry city) => ByCode(city.ParentCode) ?? city;

    /// <summary>
    /// The county-level divisions (区, 县, 县级市, 旗 …) of a prefecture-level city, or a municipality's districts and
    /// counties, sorted by code; empty for anything that is not a city.
    /// </summary>
    public static IReadOnlyList<DivisionEntry> CountiesOf(string? cityCode) =>
        ByCode(cityCode) is { } city && IsCity(city) && Data.Value.Children.TryGetValue(city.Code, out var children)
            ? children.Where(c => c.Level == DivisionLevel.County).ToList()
            : [];

    /// <summary>
    /// The cities (prefecture-level and municipalities) the text names, best first, at most <paramref name="max"/>.
    /// By code: the city of that code (a county's code finds its city, a province's its cities; a shorter number
    /// matches codes that begin with it). By name, in this order, ties by code: the exact name (雅安市); the name
    /// without its ending 市/地区/自治州/盟, also when the text has one (雅安, 凉山州 → 凉山); a name that begins with
    /// the text (阿坝 → 阿坝藏族羌族自治州); a name that contains it; then the cities of a province the text names (四川).
    /// </summary>
    public static IReadOnlyList<DivisionEntry> Search(string? text, int max)
    {
        var q = (text ?? "").Trim();
        if (max <= 0 || q.Length == 0) return [];
        var t = Data.Value;
        if (q.All(char.IsAsciiDigit)) return ByNumber(t, q).Take(max).ToList();

        var typed = new[] { q, WithoutSuffix(q, TypedSuffixes) }.Distinct().ToArray();
        int? Rank(DivisionEntry city)
        {
            var shortName = ShortName(city.Name);
            if (city.Name == q) return 0;
            if (typed.Contains(shortName)) return 1;
            if (typed.Any(v => shortName.StartsWith(v, StringComparison.Ordinal))) return 2;
            if (typed.Any(v => city.Name.Contains(v, StringComparison.Ordinal))) return 3;
            // A province by its name (四川, 四川省) lists its cities; one character (安) names no province.
            if (ByCode(city.ParentCode) is { } province && typed.Any(v => v.Length >= 2 && province.Name.StartsWith(v, StringComparison.Ordinal))) return 4;
            return null;
        }
        return t.CityList.Select(c => (City: c, Rank: Rank(c))).Where(x => x.Rank is not null)
            .OrderBy(x => x.Rank).ThenBy(x => x.City.Code, StringComparer.Ordinal)
            .Take(max).Select(x => x.City).ToList();
    }

    /// <summary>A city's name without its ending: 雅安市 → 雅安, 凉山彝族自治州 → 凉山彝族, 兴安盟 → 兴安.</summary>
    public static string ShortName(string name) => WithoutSuffix(name, NameSuffixes);

    private static string WithoutSuffix(string name, string[] suffixes)
    {
        foreach (var s in suffixes)
            // Keep at least two characters: 津市 and the like are names, not a one-character name plus 市.
            if (name.Length - s.Length >= 2 && name.EndsWith(s, StringComparison.Ordinal)) return name[..^s.Length];
        return name;
    }

    private static IEnumerable<DivisionEntry> ByNumber(Table t, string digits)
    {
        if (digits.Length != 6) return t.CityList.Where(c => c.Code.StartsWith(digits, StringComparison.Ordinal));
        if (ByCode(digits) is not { } entry) return [];
        if (IsCity(entry)) return [entry];
        if (entry.Level == DivisionLevel.County) return ByCode(entry.ParentCode) is { } parent && IsCity(parent) ? [parent] : [];
        return t.CityList.Where(c => c.ParentCode == entry.Code);
    }

    private sealed record Table(
        IReadOnlyList<DivisionEntry> Entries, IReadOnlyDictionary<string, DivisionEntry> ByCode,
        IReadOnlyDictionary<string, List<DivisionEntry>> Children, HashSet<string> Cities, IReadOnlyList<DivisionEntry> CityList);

    private static Table Load()
    {
        using var stream = typeof(NationalDivisions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from Milepost.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var entries = new List<DivisionEntry>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var parts = line.Split('\t');
            if (parts.Length != 3 || !Division.IsValidCode(parts[0]) || parts[1].Length == 0)
                throw new InvalidOperationException($"{ResourceName} line {lineNumber} is not code<TAB>name<TAB>parent: '{line}'");
            entries.Add(new DivisionEntry(parts[0], parts[1], parts[2].Length == 0 ? null : parts[2]));
        }
        var byCode = entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
        var children = entries.Where(e => e.ParentCode is not null).GroupBy(e => e.ParentCode!)
            .ToDictionary(g => g.Key, g => g.OrderBy(e => e.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        // A municipality is a province whose children are all county-level (北京: 110101 东城区 …), unlike 湖北,
        // which governs 仙桃 directly but also has prefecture-level cities.
        bool IsMunicipality(DivisionEntry e) =>
            e.Level == DivisionLevel.Province && children.TryGetValue(e.Code, out var kids) && kids.All(k => k.Level == DivisionLevel.County);
        var cityList = entries.Where(e => e.Level == DivisionLevel.City || IsMunicipality(e)).OrderBy(e => e.Code, StringComparer.Ordinal).ToList();
        return new Table(entries.OrderBy(e => e.Code, StringComparer.Ordinal).ToList(), byCode, children,
            cityList.Select(c => c.Code).ToHashSet(StringComparer.Ordinal), cityList);
    }
}
