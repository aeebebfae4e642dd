namespace Milepost.Core.Ledger;

/// <summary>
/// A sheet being read: its header and its data rows parsed one by one. <see cref="Results"/> streams the
/// source rows and can be enumerated once only, so a 20,000-row sheet never sits in memory.
/// </summary>
/// <param name="Year">The year that completes "6月底" and "5月": the title's ("2020年…台账"), else the one passed in.</param>
public sealed record LedgerSheetRead<T>(LedgerHeader Header, int Year, IEnumerable<LedgerResult<T>> Results) where T : class
{
    /// <summary>The last month the sheet's this-year completion column covers, if it says (<see cref="LedgerHeader.ThisYearThrough"/>).</summary>
    public YearMonth? ThisYearThrough => Header.ThisYearThrough(Year);
}

/// <summary>The whole pure pipeline over one sheet: header, row classification, typed lines, duplicates within the file.</summary>
public static class LedgerSheet
{
    /// <summary>Reads a project ledger. Nothing comes out of Results when the header is not usable (see Header.Errors).</summary>
    public static LedgerSheetRead<ProjectLedgerLine> ReadProjects(string sheet, IEnumerable<IReadOnlyList<object?>> rows, int defaultYear) =>
        Read(sheet, rows, defaultYear, LedgerFieldTable.Projects, LedgerLines.ParseProject, (d, line, h) => d.Add(line, h));

    /// <summary>Reads monthly reports the same way.</summary>
    public static LedgerSheetRead<MonthlyReportLine> ReadReports(string sheet, IEnumerable<IReadOnlyList<object?>> rows, int defaultYear) =>
        Read(sheet, rows, defaultYear, LedgerFieldTable.Reports, LedgerLines.ParseReport, (d, line, h) => d.Add(line, h));

    private static LedgerSheetRead<T> Read<T>(
        string sheet, IEnumerable<IReadOnlyList<object?>> rows, int defaultYear, LedgerFieldTable table,
        Func<string, LedgerRow, int, LedgerResult<T>> parse,
        Func<LedgerDuplicates, T, LedgerHeader, IReadOnlyList<LedgerError>> duplicatesOf) where T : class
    {
        var source = rows.GetEnumerator();
        var top = new List<IReadOnlyList<object?>>();
        while (top.Count < LedgerHeader.SearchRows && source.MoveNext()) top.Add(source.Current);

        var header = LedgerHeader.Find(sheet, top, table);
        var year = header.TitleYear ?? defaultYear;
        if (!header.IsUsable)
        {
            source.Dispose();
            return new LedgerSheetRead<T>(header, year, []);
        }
        var below = top.Skip(header.DataStartRow - 1).Concat(Rest(source));
        return new LedgerSheetRead<T>(header, year, Parse(sheet, header, year, below, parse, duplicatesOf));
    }

    private static IEnumerable<LedgerResult<T>> Parse<T>(
        string sheet, LedgerHeader header, int year, IEnumerable<IReadOnlyList<object?>> below,
        Func<string, LedgerRow, int, LedgerResult<T>> parse,
        Func<LedgerDuplicates, T, LedgerHeader, IReadOnlyList<LedgerError>> duplicatesOf) where T : class
    {
        var duplicates = new LedgerDuplicates(sheet);
        foreach (var row in LedgerRows.Read(header, below))
        {
            var result = parse(sheet, row, year);
            if (result.Line is null) { yield return result; continue; }
            var found = duplicatesOf(duplicates, result.Line, header);
            // A duplicate is an error: the row is not imported, and the first of the pair stays as it was.
            yield return found.Count == 0 ? result : new LedgerResult<T>(null, [.. result.Errors, .. found], result.Draft);
        }
    }

    private static IEnumerable<IReadOnlyList<object?>> Rest(IEnumerator<IReadOnlyList<object?>> source)
    {
        using (source)
            while (source.MoveNext())
                yield return source.Current;
    }
}
