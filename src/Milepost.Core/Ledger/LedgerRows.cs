using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>What a row under the header is.</summary>
public enum LedgerRowKind
{
    /// <summary>Every cell empty or whitespace.</summary>
    Blank,
    /// <summary>A 合计 / 小计 / 总计 / 累计 row: its figures are sums of the rows above, never a project.</summary>
    Total,
    /// <summary>A heading such as "一、交通项目" that groups the rows under it.</summary>
    Section,
    /// <summary>A project (or report) row.</summary>
    Data,
}

/// <summary>A data row: its 1-based row number as Excel shows it, its cells by field, and the section it sits in.</summary>
/// <param name="Section">The name of the last section row above it, numbering removed ("交通项目"), or null.</param>
public sealed record LedgerRow(int RowNumber, IReadOnlyDictionary<LedgerField, LedgerCell> Cells, string? Section)
{
    public object? this[LedgerField field] => Cells.TryGetValue(field, out var cell) ? cell.Value : null;
}

/// <summary>The raw value of one cell and where it sits (0-based column, for the error's letter).</summary>
public sealed record LedgerCell(int Column, object? Value, MoneyUnit Unit);

/// <summary>Sorts the rows under a header into blank, total, section and data rows, and carries sections down.</summary>
public static partial class LedgerRows
{
    /// <summary>Total labels are looked for in this many leading cells (序号, 项目名称 and one more).</summary>
    public const int LabelColumns = 3;

    /// <summary>
    /// The data rows among the rows that follow the header; <paramref name="rows"/> starts at
    /// <see cref="LedgerHeader.DataStartRow"/>. Lazy, so a large sheet streams through.
    /// </summary>
    public static IEnumerable<LedgerRow> Read(LedgerHeader header, IEnumerable<IReadOnlyList<object?>> rows)
    {
        string? section = null;
        var rowNumber = header.DataStartRow;
        foreach (var row in rows)
        {
            var (kind, name) = Classify(row, header);
            if (kind == LedgerRowKind.Section) section = name;
            else if (kind == LedgerRowKind.Data) yield return ToRow(header, rowNumber, row, section);
            rowNumber++;
        }
    }

    /// <summary>What a row is; for a section row, also its name without numbering.</summary>
    public static (LedgerRowKind Kind, string? SectionName) Classify(IReadOnlyList<object?> row, LedgerHeader header)
    {
        var filled = new List<int>();
        for (var c = 0; c < row.Count; c++)
            if (!IsEmpty(row[c])) filled.Add(c);
        if (filled.Count == 0) return (LedgerRowKind.Blank, null);

        foreach (var c in filled.Where(c => c < LabelColumns))
            if (row[c] is string s && IsTotalLabel(s)) return (LedgerRowKind.Total, null);

        if (filled.All(c => c < 2) && SectionName(row, filled, header) is { } name)
            return (LedgerRowKind.Section, name);
        return (LedgerRowKind.Data, null);
    }

    /// <summary>"合计", "总 计", "一、交通项目小计", "全市合计：" — a label that ends in a total word.</summary>
    public static bool IsTotalLabel(string text)
    {
        var clean = Regex.Replace(text.Normalize(NormalizationForm.FormKC), @"\s+", "").TrimEnd(':', '：');
        return clean.Length <= 30 && TotalWord().IsMatch(clean);
    }

    /// <summary>True for null and for text that is only whitespace.</summary>
    public static bool IsEmpty(object? cell) => cell is null || cell is string s && string.IsNullOrWhiteSpace(s);

    private static string? SectionName(IReadOnlyList<object?> row, List<int> filled, LedgerHeader header)
    {
        var texts = filled.Select(c => row[c]).ToList();
        var nameColumn = header.ColumnOf(LedgerField.Name)?.Index;
        if (texts.Count == 1 && texts[0] is string only)
        {
            var clean = only.Normalize(NormalizationForm.FormKC).Trim();
            // "一、交通项目", "(一)产业项目", "1. 新开工项目": numbered headings, in whichever column.
            if (SectionNumbering().Match(clean) is { Success: true } m && m.Length < clean.Length)
                return Tidy(clean[m.Length..]);
            // An unnumbered heading sits left of the name column, where a project never writes text alone.
            if (nameColumn is { } n && filled[0] < n) return Tidy(clean);
            return null;
        }
        // "一" | "交通项目" split over the 序号 and name columns: the number must be a Chinese numeral,
        // since "1" | "某道路" is a project row with everything else missing (its errors must be shown).
        if (texts is [string number, string title] && ChineseNumber().IsMatch(number.Normalize(NormalizationForm.FormKC).Trim()))
            return Tidy(title.Normalize(NormalizationForm.FormKC).Trim());
        return null;
    }

    /// <summary>
    /// A heading as a section name: half-width, its numbering ("一、", "（一）", "1.", "第一部分") and a trailing count
    /// "（12个）" and colon removed — "（一）交通基础设施工程（12个）：" → "交通基础设施工程".
    /// </summary>
    public static string SectionTitle(string heading)
    {
        var clean = heading.Normalize(NormalizationForm.FormKC).Trim();
        var numbering = SectionNumbering().Match(clean);
        return Tidy(numbering.Success && numbering.Length < clean.Length ? clean[numbering.Length..] : clean);
    }

    /// <summary>Drops a trailing count "（12个）" and colon, so the name can be looked up as a category or programme.</summary>
    private static string Tidy(string name) =>
        TrailingCount().Replace(name.Trim().TrimEnd(':', '：').TrimEnd(), "").Trim().TrimEnd(':', '：').Trim();

    private static LedgerRow ToRow(LedgerHeader header, int rowNumber, IReadOnlyList<object?> row, string? section)
    {
        var cells = new Dictionary<LedgerField, LedgerCell>();
        foreach (var column in header.Columns)
            if (column.Field is { } field and not LedgerField.Ignored && !cells.ContainsKey(field))
                cells[field] = new LedgerCell(column.Index, column.Index < row.Count ? row[column.Index] : null, column.Unit);
        return new LedgerRow(rowNumber, cells, section);
    }

    [GeneratedRegex(@"(合计|小计|总计|累计)$")]
    private static partial Regex TotalWord();
    [GeneratedRegex(@"^(?:[一二三四五六七八九十]+[、.．]|\([一二三四五六七八九十]+\)[、.]?|第[一二三四五六七八九十]+[部分类章节]*[、.:：]?|\d{1,2}[、.](?!\d))\s*")]
    private static partial Regex SectionNumbering();
    [GeneratedRegex(@"^[一二三四五六七八九十]+[、.]?$|^\([一二三四五六七八九十]+\)$")]
    private static partial Regex ChineseNumber();
    [GeneratedRegex(@"\(共?\d+个(?:项目)?\)$")]
    private static partial Regex TrailingCount();
}
