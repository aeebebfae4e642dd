using System.Text;
using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>One column of the header: where it is, what it said, what it means and the unit its amounts are in.</summary>
/// <param name="Index">0-based column index.</param>
/// <param name="Text">The header as written; for a two-row header, parent and child joined with "/".</param>
/// <param name="Field">The field it matched, or null when no synonym matched.</param>
/// <param name="Unit">The money unit of the column: its own "(亿元)", else the sheet's "单位：万元", else 万元.</param>
public sealed record LedgerColumn(int Index, string Text, LedgerField? Field, MoneyUnit Unit);

/// <summary>
/// The header of a sheet, found below its title rows. Offices put a title ("岷江市2020年重点项目台账") and a
/// "填报单位：… 单位：万元" line above the headers, and often a second header row under merged parents
/// ("总投资" over "合计 / 其中：中央资金"); this reads them all.
/// </summary>
/// <param name="HeaderRow">1-based row of the (first) header row, as Excel shows it; 0 when none was found.</param>
/// <param name="DataStartRow">1-based row of the first row after the header.</param>
/// <param name="TitleYear">A year written in the title rows ("2020年"), the default year for "6月底".</param>
public sealed partial record LedgerHeader(
    string Sheet,
    LedgerFieldTable Table,
    int HeaderRow,
    int DataStartRow,
    IReadOnlyList<LedgerColumn> Columns,
    int? TitleYear,
    IReadOnlyList<LedgerError> Errors)
{
    /// <summary>How many rows from the top are searched for the header.</summary>
    public const int SearchRows = 20;

    /// <summary>True when the sheet can be read: a header was found and nothing but warnings was reported.</summary>
    public bool IsUsable => HeaderRow > 0 && Errors.All(e => e.IsWarning);

    public LedgerColumn? ColumnOf(LedgerField field) => Columns.FirstOrDefault(c => c.Field == field);

    /// <summary>
    /// The last month the <see cref="LedgerField.CompletedThisYear"/> column covers: "2021年/1-9月完成投资" → 2021-09.
    /// Its year is the one in the column's header, else the title's (<see cref="TitleYear"/>), else
    /// <paramref name="defaultYear"/>. Null without such a column or when it names no month ("本年累计完成投资"):
    /// the import then decides (the last closed month).
    /// </summary>
    public YearMonth? ThisYearThrough(int defaultYear) =>
        ColumnOf(LedgerField.CompletedThisYear) is { } column && YearToDateHeader.ThroughMonth(column.Text) is { } month
            ? new YearMonth(YearToDateHeader.Year(column.Text) ?? TitleYear ?? defaultYear, month)
            : null;

    /// <summary>
    /// Finds the header among the first rows of a sheet (pass at least the first <see cref="SearchRows"/>
    /// rows, or all of them when there are fewer). The header is the row matching most known fields;
    /// a following row of text under merged parents is read as a second header row.
    /// </summary>
    public static LedgerHeader Find(string sheet, IReadOnlyList<IReadOnlyList<object?>> topRows, LedgerFieldTable table)
    {
        var best = -1;
        var bestCount = 1; // one match is not a header: a title "项目台账" would qualify otherwise
        for (var r = 0; r < Math.Min(topRows.Count, SearchRows); r++)
        {
            var count = Matches(topRows[r], table);
            if (count > bestCount) (best, bestCount) = (r, count);
        }
        if (best < 0)
            return new LedgerHeader(sheet, table, 0, 1, [], null, [new LedgerError(sheet, 1, null, null, LedgerErrorKinds.NoHeader)]);
        // The lower row of a two-row header may name more fields than the upper one ("项目名称" above, and
        // "2021年" merged over "计划投资" and "1-9月完成投资"): the header starts at the row it hangs under.
        if (best > 0 && Matches(topRows[best - 1], table) > 0 && IsChildRow(topRows[best - 1], topRows[best], table))
            best--;

        var titles = topRows.Take(best).SelectMany(row => row.OfType<string>()).ToList();
        var sheetUnit = titles.Select(TitleUnit).FirstOrDefault(u => u is not null) ?? MoneyUnit.Wan;
        var titleYear = titles.Select(TitleYearOf).FirstOrDefault(y => y is not null);

        var parent = topRows[best];
        var child = best + 1 < topRows.Count && IsChildRow(parent, topRows[best + 1], table) ? topRows[best + 1] : null;
        var columns = ReadColumns(parent, child, table, sheetUnit);
        var headerRow = best + 1;
        return new LedgerHeader(sheet, table, headerRow, headerRow + (child is null ? 1 : 2), columns, titleYear,
            Check(sheet, headerRow, columns, table));
    }

    /// <summary>
    /// Puts a header text in the form the synonym table is keyed by: half-width (全角 brackets, spaces and
    /// letters folded by NFKC), no whitespace or line breaks, lower case, a leading year ("2020年度") and a
    /// money unit in brackets removed; the unit is returned beside it.
    /// </summary>
    public static (string Text, MoneyUnit? Unit) Normalise(string header)
    {
        var text = WhiteSpace().Replace(header.Normalize(NormalizationForm.FormKC), "").ToLowerInvariant();
        MoneyUnit? unit = null;
        var bracket = UnitInBrackets().Match(text);
        if (bracket.Success)
        {
            unit = MoneyUnits.Parse(bracket.Groups[1].Value);
            text = text.Remove(bracket.Index, bracket.Length);
        }
        text = LeadingYear().Replace(text, "").TrimEnd('*', ':', '：');
        return (text, unit);
    }

    private static int Matches(IReadOnlyList<object?> row, LedgerFieldTable table) =>
        row.Count(cell => cell is string s && table.Match(Normalise(s).Text) is { } f && f != LedgerField.Ignored);

    private static bool IsChildRow(IReadOnlyList<object?> parent, IReadOnlyList<object?> child, LedgerFieldTable table)
    {
        var cells = child.Select((cell, i) => (cell, i)).Where(x => !LedgerRows.IsEmpty(x.cell)).ToList();
        // A data row has numbers or dates; a second header row is text only, and either sits under a
        // merged parent (an empty cell beside it) or reads as a known header itself.
        // Nor is it a header row when it writes under the parent's own "项目名称": that is a project's name.
        var writesAName = Enumerable.Range(0, Math.Min(parent.Count, child.Count)).Any(i =>
            parent[i] is string s && table.Match(Normalise(s).Text) == LedgerField.Name && !LedgerRows.IsEmpty(child[i]));
        return cells.Count > 0
               && !writesAName
               && cells.All(x => x.cell is string)
               && cells.Any(x => x.i >= parent.Count || LedgerRows.IsEmpty(parent[x.i])
                                 || table.Match(Normalise((string)x.cell!).Text) is not null);
    }

    private static List<LedgerColumn> ReadColumns(IReadOnlyList<object?> parentRow, IReadOnlyList<object?>? childRow, LedgerFieldTable table, MoneyUnit sheetUnit)
    {
        var columns = new List<LedgerColumn>();
        var width = Math.Max(parentRow.Count, childRow?.Count ?? 0);
        string? spanning = null; // the parent text that a merged cell spreads over the columns to its right
        for (var c = 0; c < width; c++)
        {
            var own = Text(parentRow, c);
            var sub = childRow is null ? null : Text(childRow, c);
            if (own is not null) spanning = own;
            var parent = own ?? (sub is not null ? spanning : null);
            if (parent is null && sub is null) continue;

            var (field, unit, written) = sub is null
                ? Match(table, parent!)
                : MatchChild(table, parent, sub);
            columns.Add(new LedgerColumn(c, written, field, unit ?? sheetUnit));
        }
        return columns;
    }

    private static (LedgerField?, MoneyUnit?, string) Match(LedgerFieldTable table, string text)
    {
        var (normal, unit) = Normalise(text);
        return (table.Match(normal), unit, text);
    }

    private static (LedgerField?, MoneyUnit?, string) MatchChild(LedgerFieldTable table, string? parent, string child)
    {
        var written = parent is null ? child : parent + "/" + child;
        var (c, childUnit) = Normalise(child);
        var parentUnit = parent is null ? null : Normalise(parent).Unit;
        // Both joined when they name a field, since a parent qualifies its child ("截至上年底" over "累计完成投资" is
        // not the since-the-start 累计完成投资); then the child alone ("计划开工时间" under "总投资" in some sheets);
        // then "合计" under a parent meaning the parent itself ("其中" + "中央资金" stays unknown).
        var p = parent is null ? null : Normalise(parent).Text;
        if (p is { Length: > 0 } && table.Match(p + c) is { } joined) return (joined, childUnit ?? parentUnit, written);
        if (table.Match(c) is { } field) return (field, childUnit ?? parentUnit, written);
        if (p is null) return (null, childUnit, written);
        if (c is "合计" or "小计" or "总计" or "计" or "金额" && table.Match(p) is { } whole)
            return (whole, childUnit ?? parentUnit, written);
        return (null, childUnit ?? parentUnit, written);
    }

    private static List<LedgerError> Check(string sheet, int row, List<LedgerColumn> columns, LedgerFieldTable table)
    {
        var errors = new List<LedgerError>();
        var seen = new Dictionary<LedgerField, LedgerColumn>();
        foreach (var column in columns)
        {
            if (column.Field is not { } field)
                errors.Add(new LedgerError(sheet, row, column.Index, column.Text, LedgerErrorKinds.UnknownHeader, column.Text));
            else if (field != LedgerField.Ignored && !seen.TryAdd(field, column))
                errors.Add(new LedgerError(sheet, row, column.Index, column.Text, LedgerErrorKinds.DuplicateHeader,
                    column.Text, LedgerColumns.Letter(seen[field].Index)));
        }
        foreach (var field in table.Required.Where(f => !seen.ContainsKey(f)))
            errors.Add(new LedgerError(sheet, row, null, null, LedgerErrorKinds.MissingHeader, LedgerFieldTable.Label(field)));
        if (table.OneOfRequired.Count > 0 && !table.OneOfRequired.Any(seen.ContainsKey))
            errors.Add(new LedgerError(sheet, row, null, null, LedgerErrorKinds.MissingHeader, LedgerFieldTable.Labels(table.OneOfRequired)));
        return errors;
    }

    private static string? Text(IReadOnlyList<object?> row, int c) =>
        c < row.Count && row[c] is { } cell && !LedgerRows.IsEmpty(cell) ? Convert.ToString(cell, System.Globalization.CultureInfo.InvariantCulture)!.Trim() : null;

    private static MoneyUnit? TitleUnit(string title)
    {
        var m = UnitLine().Match(WhiteSpace().Replace(title.Normalize(NormalizationForm.FormKC), ""));
        return m.Success ? MoneyUnits.Parse(m.Groups[1].Value) : null;
    }

    private static int? TitleYearOf(string title)
    {
        var m = YearInTitle().Match(title.Normalize(NormalizationForm.FormKC));
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
    [GeneratedRegex(@"\((?:单位:?)?(元|万元|亿元)\)")]
    private static partial Regex UnitInBrackets();
    [GeneratedRegex(@"^(?:19|20)\d\d年度?")]
    private static partial Regex LeadingYear();
    [GeneratedRegex(@"单位[:：](元|万元|亿元)")]
    private static partial Regex UnitLine();
    [GeneratedRegex(@"((?:19|20)\d\d)年")]
    private static partial Regex YearInTitle();
}
