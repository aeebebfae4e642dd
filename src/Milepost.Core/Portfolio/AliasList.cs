namespace Milepost.Core.Portfolio;

/// <summary>
/// The other names of a unit, leader, programme or category, kept as one text column: one name per line.
/// Offices type them separated by 、，,；; or new lines; each is trimmed, blanks and repeats dropped.
/// </summary>
public static class AliasList
{
    private static readonly char[] Separators = ['\n', '\r', '、', '，', ',', '；', ';'];

    public static IReadOnlyList<string> Split(string? aliases) =>
        aliases is null ? [] : [.. aliases.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>The stored form: one per line, or null when there are none.</summary>
    public static string? Join(IEnumerable<string> names)
    {
        var list = Split(string.Join('\n', names));
        return list.Count == 0 ? null : string.Join('\n', list);
    }
}
