using System.Globalization;
using System.Text;
using Milepost.Core.Ledger;

namespace Milepost.Core.Portfolio;

/// <summary>A cell of the base-data workbook read as a value: the value, nothing (an empty cell), or why it cannot be read.</summary>
public readonly record struct BaseDataCell<T>(T? Value, ValidationError? Error) where T : struct
{
    public static readonly BaseDataCell<T> Empty = new(null, null);
}

/// <summary>
/// Reads the cells of the base-data workbook in the forms offices type them: codes and numbers with full-width digits or
/// spaces, a unit's kind and a leader's body by their Chinese names (and a few usual variants: 责任部门, 市人民政府), the
/// retired mark as 是/否, dates as the ledger reads them (2021-03-01, 2021年3月, 2021.3, Excel dates). Names are kept as
/// typed, only trimmed: the import finds records by them exactly, as the ledger import does. Errors carry the field,
/// so they are shown at the cell.
/// </summary>
public static class BaseDataWorkbookValues
{
    /// <summary>Text as stored: trimmed (full-width spaces too), null when blank or a placeholder such as “-” or “无”.</summary>
    public static string? Text(object? cell) => cell is DateTime d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : LedgerValues.ParseText(cell);

    /// <summary>A division code: digits only, half-width, spaces dropped (５１１８０２ and “511 802” are 511802); checked by <see cref="BaseDataRules"/>.</summary>
    public static string? Code(object? cell) => cell switch
    {
        double n when n == Math.Floor(n) && n is >= 0 and < 1e9 => n.ToString("0", CultureInfo.InvariantCulture),
        _ => Text(cell) is { } t ? Compact(t) : null,
    };

    public static BaseDataCell<UnitKind> Kind(object? cell) => Named(cell, "Kind", UnitKinds, "unit.kind.unknown",
        "单位类型“{0}”无法识别，应为牵头部门、责任单位、业主单位或县区政府", "The kind \"{0}\" is not known; write 牵头部门, 责任单位, 业主单位 or 县区政府");

    public static BaseDataCell<LeaderBody> Body(object? cell) => Named(cell, "Body", Bodies, "leader.body.unknown",
        "班子“{0}”无法识别，应为市委、市人大常委会、市政府或市政协", "The body \"{0}\" is not known; write 市委, 市人大常委会, 市政府 or 市政协");

    public static BaseDataCell<bool> Retired(object? cell)
    {
        if (cell is bool b) return new(b, null);
        if (cell is double n && n is 0 or 1) return new(n == 1, null);
        if (Text(cell) is not { } text) return BaseDataCell<bool>.Empty;
        var key = Compact(text).ToLowerInvariant();
        if (key is "是" or "已停用" or "停用" or "y" or "yes" or "true" or "1" or "√" or "✓") return new(true, null);
        if (key is "否" or "在用" or "启用" or "正常" or "n" or "no" or "false" or "0" or "×" or "✗") return new(false, null);
        return Bad<bool>(BaseDataWorkbookSheets.Retired, "workbook.retired", $"“{text}”无法识别，已停用一栏应填“是”或“否”", $"\"{text}\" is not understood; write 是 (retired) or 否");
    }

    /// <summary>An order of precedence or sort order: a whole number (its range is <see cref="BaseDataRules"/>'s to check).</summary>
    public static BaseDataCell<int> Order(object? cell, string field)
    {
        switch (cell)
        {
            case double n when n == Math.Floor(n) && Math.Abs(n) < int.MaxValue:
                return new((int)n, null);
            case double:
                break;
            default:
                if (Text(cell) is not { } text) return BaseDataCell<int>.Empty;
                if (int.TryParse(Compact(text), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return new(value, null);
                break;
        }
        var written = Text(cell);
        return Bad<int>(field, "workbook.order", $"排序“{written}”应为整数，如 1、2、3", $"The order \"{written}\" must be a whole number such as 1, 2, 3");
    }

    /// <summary>
    /// A term-of-office date in any form the ledger reads; a month alone stands for its first day at the start of a term
    /// and its last at the end (<paramref name="day"/>). <paramref name="year"/> completes a date written without one (“3月”).
    /// </summary>
    public static BaseDataCell<DateOnly> Date(object? cell, string field, int year, DayInMonth day)
    {
        var read = LedgerValues.ParseDate(cell, year, day);
        if (read.Error is { } e) return Bad<DateOnly>(field, "workbook.date", $"“{Text(cell)}”{e.MessageZh}", $"\"{Text(cell)}\": {e.MessageEn}");
        return new(read.Value, null);
    }

    /// <summary>Half-width (NFKC) and without any spaces: how codes, numbers and the names of kinds are compared.</summary>
    private static string Compact(string text) => new([.. text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c))]);

    private static BaseDataCell<T> Named<T>(object? cell, string field, IReadOnlyDictionary<string, T> names, string code, string zh, string en) where T : struct
    {
        if (Text(cell) is not { } text) return BaseDataCell<T>.Empty;
        return names.TryGetValue(Compact(text).ToLowerInvariant(), out var value)
            ? new(value, null)
            : Bad<T>(field, code, string.Format(CultureInfo.InvariantCulture, zh, text), string.Format(CultureInfo.InvariantCulture, en, text));
    }

    private static BaseDataCell<T> Bad<T>(string field, string code, string zh, string en) where T : struct =>
        new(null, new ValidationError(field, code, zh, en));

    /// <summary>Each kind by its name (the export's), its English name and the variants offices write; keys compacted and lower-case.</summary>
    private static readonly IReadOnlyDictionary<string, UnitKind> UnitKinds = Table(
        Enum.GetValues<UnitKind>().SelectMany(k => new[] { (BaseDataNames.Of(k).Zh, k), (BaseDataNames.Of(k).En, k), (k.ToString(), k) }).Concat(
        [
            ("责任部门", UnitKind.Department), ("部门", UnitKind.Department), ("牵头单位", UnitKind.LeadDepartment),
            ("业主", UnitKind.Owner), ("项目业主", UnitKind.Owner), ("建设单位", UnitKind.Owner),
            ("区县政府", UnitKind.CountyGovernment), ("县(区)政府", UnitKind.CountyGovernment), ("县区人民政府", UnitKind.CountyGovernment),
        ]));

    private static readonly IReadOnlyDictionary<string, LeaderBody> Bodies = Table(
        Enum.GetValues<LeaderBody>().SelectMany(b => new[] { (BaseDataNames.Of(b).Zh, b), (BaseDataNames.Of(b).En, b), (b.ToString(), b) }).Concat(
        [
            ("市人大", LeaderBody.PeoplesCongress), ("市人民政府", LeaderBody.Government),
        ]));

    private static Dictionary<string, T> Table<T>(IEnumerable<(string Name, T Value)> entries)
    {
        var table = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (name, value) in entries) table.TryAdd(Compact(name).ToLowerInvariant(), value);
        return table;
    }
}
