namespace Milepost.Core.Approvals;

/// <summary>One approved item as the statistics see it: what kind, which authority, how many days.</summary>
public sealed record ApprovalSample(ApprovalKind Kind, string Authority, int DaysTaken);

/// <summary>
/// Days taken by one group of approved items (one kind or one authority). The median of an even
/// count is the mean of the two middle values, so it may end in .5.
/// </summary>
public sealed record ApprovalDaysRow<TKey>(TKey Key, int Count, double Median, int Max, double Mean);

/// <summary>Days taken per approval kind and per authority (SPEC §3.8): count, median, maximum and mean.</summary>
public static class ApprovalStatistics
{
    /// <summary>
    /// The samples of the approved items among <paramref name="items"/>: items without both dates
    /// (not yet submitted or not yet approved) have taken no measurable time and are left out.
    /// </summary>
    public static IReadOnlyList<ApprovalSample> Samples(IEnumerable<ApprovalItem> items) =>
        items.Where(i => i.State == ApprovalState.Approved && i.DaysTaken is > 0)
            .Select(i => new ApprovalSample(i.Kind, i.Authority, i.DaysTaken!.Value)).ToList();

    /// <summary>Rows per kind, in the order of the kinds (the order of the approval chain).</summary>
    public static IReadOnlyList<ApprovalDaysRow<ApprovalKind>> ByKind(IEnumerable<ApprovalSample> samples) =>
        samples.GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => Row(g.Key, g.Select(s => s.DaysTaken))).ToList();

    /// <summary>Rows per authority, the slowest (highest median) first; ties by name.</summary>
    public static IReadOnlyList<ApprovalDaysRow<string>> ByAuthority(IEnumerable<ApprovalSample> samples) =>
        samples.GroupBy(s => s.Authority.Trim()).Select(g => Row(g.Key, g.Select(s => s.DaysTaken)))
            .OrderByDescending(r => r.Median).ThenBy(r => r.Key, StringComparer.Ordinal).ToList();

    /// <summary>All samples together, or null when there are none.</summary>
    public static ApprovalDaysRow<string>? Overall(IReadOnlyCollection<ApprovalSample> samples) =>
        samples.Count == 0 ? null : Row("", samples.Select(s => s.DaysTaken));

    public static double Median(IReadOnlyList<int> sortedValues)
    {
        if (sortedValues.Count == 0) throw new ArgumentException("The median of no values is undefined.", nameof(sortedValues));
        var mid = sortedValues.Count / 2;
        return sortedValues.Count % 2 == 1 ? sortedValues[mid] : (sortedValues[mid - 1] + sortedValues[mid]) / 2.0;
    }

    private static ApprovalDaysRow<TKey> Row<TKey>(TKey key, IEnumerable<int> days)
    {
        var sorted = days.Order().ToList();
        return new ApprovalDaysRow<TKey>(key, sorted.Count, Median(sorted), sorted[^1], Math.Round(sorted.Average(), 1));
    }
}
