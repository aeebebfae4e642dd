namespace Milepost.Core.Ledger;

/// <summary>
/// One kind of problem an import can find. Messages may hold {0}, {1} … filled from the error's
/// arguments (another row number, a header text). A warning is shown but does not stop the import;
/// an error means nothing is written (issue 8: validate everything first).
/// </summary>
public sealed record LedgerErrorKind(string Code, string MessageZh, string MessageEn, bool IsWarning = false);

/// <summary>Every kind of problem, so the error list, the downloadable sheet and the tests read the same words.</summary>
public static class LedgerErrorKinds
{
    public static readonly LedgerErrorKind NoHeader = new("ledger.no_header",
        "未找到表头行（应包含“项目名称”等列）", "No header row found (it should contain a column such as 项目名称 / Project name)");
    public static readonly LedgerErrorKind MissingHeader = new("ledger.missing_header",
        "缺少必填列“{0}”", "Required column \"{0}\" is missing");
    public static readonly LedgerErrorKind DuplicateHeader = new("ledger.duplicate_header",
        "列“{0}”与第{1}列重复", "Column \"{0}\" duplicates column {1}");
    public static readonly LedgerErrorKind UnknownHeader = new("ledger.unknown_header",
        "无法识别的列“{0}”，已忽略", "Unrecognised column \"{0}\", ignored", IsWarning: true);
    public static readonly LedgerErrorKind MissingValue = new("ledger.missing_value",
        "“{0}”不能为空", "{0} is required");
    public static readonly LedgerErrorKind BadDate = new("ledger.bad_date",
        "日期无法识别，应写作 2020-06-30、2020/6/30、2020.6、2020年6月30日等", "Not a date; write it as 2020-06-30, 2020/6/30, 2020.6 or 2020年6月30日");
    public static readonly LedgerErrorKind BadMonth = new("ledger.bad_month",
        "月份无法识别，应写作 2020-05、2020年5月、2020.5 或 5月", "Not a month; write it as 2020-05, 2020年5月, 2020.5 or 5月");
    public static readonly LedgerErrorKind BadNumber = new("ledger.bad_number",
        "金额无法识别，应为数字，如 1,234.5 或 3000万元", "Not an amount; write a number such as 1,234.5 or 3000万元");
    public static readonly LedgerErrorKind BadPercent = new("ledger.bad_percent",
        "进度应为 0 到 100 之间的百分数", "Progress must be a percentage between 0 and 100");
    public static readonly LedgerErrorKind NegativeAmount = new("ledger.negative_amount",
        "金额不能为负数", "The amount cannot be negative");
    public static readonly LedgerErrorKind TooPrecise = new("ledger.too_precise",
        "金额精度超过 1 元", "The amount is more precise than 1 元");
    public static readonly LedgerErrorKind StartAfterCompletion = new("ledger.start_after_completion",
        "计划开工时间晚于计划竣工时间", "The planned start is after the planned completion");
    public static readonly LedgerErrorKind AnnualPlanAboveTotal = new("ledger.annual_plan_above_total",
        "年度计划投资大于总投资，请核对单位", "The annual plan is greater than the total investment; check the units", IsWarning: true);
    public static readonly LedgerErrorKind ToDateBelowThisYear = new("ledger.to_date_below_this_year",
        "开工累计完成投资小于本年累计完成投资，请核对", "Completed since the start is less than completed this year; check the figures");
    public static readonly LedgerErrorKind DuplicateCode = new("ledger.duplicate_code",
        "项目代码与第{0}行重复", "The project code duplicates row {0}");
    public static readonly LedgerErrorKind DuplicateName = new("ledger.duplicate_name",
        "同一行政区划内项目名称与第{0}行重复", "The project name duplicates row {0} in the same division");
    public static readonly LedgerErrorKind DuplicateReport = new("ledger.duplicate_report",
        "同一项目同一月份与第{0}行重复", "The same project and month as row {0}");

    public static readonly IReadOnlyList<LedgerErrorKind> All =
    [
        NoHeader, MissingHeader, DuplicateHeader, UnknownHeader, MissingValue, BadDate, BadMonth, BadNumber, BadPercent,
        NegativeAmount, TooPrecise, StartAfterCompletion, AnnualPlanAboveTotal, ToDateBelowThisYear, DuplicateCode, DuplicateName, DuplicateReport,
    ];
}

/// <summary>
/// A bad cell (or a bad sheet, when Column is null) as the user sees it in Excel: sheet, row number
/// (1-based, as Excel shows it), column letter, the value as written and the reason.
/// </summary>
public sealed record LedgerError(string Sheet, int Row, int? Column, string? Value, LedgerErrorKind Kind, IReadOnlyList<string> Args)
{
    public LedgerError(string sheet, int row, int? column, string? value, LedgerErrorKind kind, params string[] args)
        : this(sheet, row, column, value, kind, (IReadOnlyList<string>)args) { }

    /// <summary>"A", "B" … "AA"; empty for an error about the whole row or sheet.</summary>
    public string ColumnLetter => Column is { } c ? LedgerColumns.Letter(c) : "";

    public bool IsWarning => Kind.IsWarning;

    public string MessageZh => string.Format(Kind.MessageZh, Args.ToArray<object?>());
    public string MessageEn => string.Format(Kind.MessageEn, Args.ToArray<object?>());

    /// <summary>"Sheet1!C7 …" the way the list and the log show it.</summary>
    public override string ToString() => $"{Sheet}!{ColumnLetter}{Row}: {MessageZh} [{Value}]";
}

public static class LedgerColumns
{
    /// <summary>The Excel column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA, 701 → ZZ, 702 → AAA.</summary>
    public static string Letter(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var letters = new Stack<char>();
        // Bijective base 26: there is no zero digit, so shift by one at every step.
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            letters.Push((char)('A' + (n - 1) % 26));
        return new string(letters.ToArray());
    }
}
