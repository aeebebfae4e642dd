using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>A cell read as a typed value: the value, nothing (an empty cell), or the reason it could not be read.</summary>
public readonly record struct LedgerValue<T>(T? Value, LedgerErrorKind? Error) where T : struct
{
    public static readonly LedgerValue<T> Empty = new(null, null);
    public bool IsEmpty => Value is null && Error is null;
    public static LedgerValue<T> Ok(T value) => new(value, null);
    public static LedgerValue<T> Bad(LedgerErrorKind error) => new(null, error);
}

/// <summary>
/// Which day a date written to a period (a month, a ten-day part, a quarter, a half or a whole year; see
/// <see cref="LedgerPeriods"/>) stands for. Words in the cell that name an edge (底/末, 初) decide instead.
/// </summary>
public enum DayInMonth
{
    /// <summary>The period's first day: a planned start "2020.6" or "三季度" means work starts then, at the latest at its start.</summary>
    First,
    /// <summary>The period's last day: a planned completion "2020.6" or "2021年" means done by its end.</summary>
    Last,
}

/// <summary>
/// Reads the values of a ledger cell as MiniExcel and CSV give them (string, double, DateTime, null) in the
/// forms offices write: dates to the day or the month, Excel serial dates, amounts with separators,
/// full-width digits and units. Amounts become exact <see cref="Money"/> in 元 through decimal only.
/// </summary>
public static partial class LedgerValues
{
    /// <summary>Excel serial numbers taken as dates in a date column: 1954-10-03 .. 2119-01-11.</summary>
    public const double MinSerial = 20_000, MaxSerial = 80_000;

    /// <summary>
    /// A date: 2020-06-30, 2020/6/30, 2020.06.30, 20200630, 2020年6月30日, an Excel serial number or a DateTime,
    /// or a period (2020.6, 2020年6月, 6月底, 2021年12月上旬, 三季度, 上半年, 年底, 2021年 … see <see cref="LedgerPeriods"/>,
    /// completed with <paramref name="year"/> when it names none) whose first or last day <paramref name="day"/> picks.
    /// A number below the serial range is read as written: 2021 is a year, 2020.6 a month.
    /// </summary>
    public static LedgerValue<DateOnly> ParseDate(object? cell, int year, DayInMonth day)
    {
        var period = ParsePeriod(cell, year);
        return period.Value is { } p ? LedgerValue<DateOnly>.Ok(p.Day(day)) : new LedgerValue<DateOnly>(null, period.Error);
    }

    /// <summary>The period a date cell names (a single day for a full date, a serial or a DateTime); see <see cref="ParseDate"/>.</summary>
    public static LedgerValue<DatePeriod> ParsePeriod(object? cell, int year)
    {
        switch (cell)
        {
            case null: return LedgerValue<DatePeriod>.Empty;
            case DateTime dt: return OneDay(DateOnly.FromDateTime(dt));
            case DateOnly d: return OneDay(d);
            case double or int or long or decimal:
                var number = Convert.ToDouble(cell, CultureInfo.InvariantCulture);
                if (number is >= MinSerial and <= MaxSerial)
                    return OneDay(DateOnly.FromDateTime(DateTime.FromOADate(Math.Floor(number))));
                // Typed as 2020.6, Excel keeps the number; its shortest text is what the user wrote
                // (2020.10 reads back as 2020.1, January: the cell itself no longer says otherwise).
                return ParsePeriodText(number.ToString("R", CultureInfo.InvariantCulture), year);
            default:
                return ParsePeriodText(Convert.ToString(cell, CultureInfo.InvariantCulture)!, year);
        }
    }

    private static LedgerValue<DatePeriod> ParsePeriodText(string written, int year)
    {
        var text = Clean(written);
        if (IsBlankText(text)) return LedgerValue<DatePeriod>.Empty;
        if (LedgerPeriods.Parse(text, year) is { } period) return LedgerValue<DatePeriod>.Ok(period);
        if (text.Length == 5 && double.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var serial)
            && serial is >= MinSerial and <= MaxSerial)
            return OneDay(DateOnly.FromDateTime(DateTime.FromOADate(serial)));
        return LedgerValue<DatePeriod>.Bad(LedgerErrorKinds.BadDate);
    }

    private static LedgerValue<DatePeriod> OneDay(DateOnly day) => LedgerValue<DatePeriod>.Ok(new DatePeriod(day, day));

    /// <summary>A report month: 2020-05, 2020/5, 2020.5, 202005, 2020年5月, 5月 (with <paramref name="year"/>), a serial or a DateTime.</summary>
    public static LedgerValue<YearMonth> ParseMonth(object? cell, int year)
    {
        // A report covers one month: "5月底" names a day of May, but "二季度" or "2020" name no single month.
        var period = ParsePeriod(cell, year);
        if (period.Value is { IsWithinOneMonth: true } p) return LedgerValue<YearMonth>.Ok(YearMonth.Of(p.First));
        if (period.IsEmpty) return LedgerValue<YearMonth>.Empty;
        if (cell is string s && CompactMonth().Match(Clean(s)) is { Success: true } m && Int(m, "m") is >= 1 and <= 12 && Int(m, "y") >= 1900)
            return LedgerValue<YearMonth>.Ok(new YearMonth(Int(m, "y"), Int(m, "m")));
        if (cell is double n && n is >= 190001 and <= 999912 && n == Math.Floor(n) && (int)n % 100 is >= 1 and <= 12)
            return LedgerValue<YearMonth>.Ok(YearMonth.FromInt((int)n));
        return LedgerValue<YearMonth>.Bad(LedgerErrorKinds.BadMonth);
    }

    /// <summary>
    /// An amount, non-negative, in <paramref name="unit"/> unless the cell names its own ("1.2亿元",
    /// "3000万元", "￥1,000元"): full-width digits, thousands separators and spaces allowed. More precise
    /// than 1 元 is refused rather than rounded — a figure that precise is almost always a wrong unit.
    /// </summary>
    public static LedgerValue<Money> ParseMoney(object? cell, MoneyUnit unit)
    {
        decimal amount;
        switch (cell)
        {
            case null: return LedgerValue<Money>.Empty;
            case double d:
                if (double.IsNaN(d) || double.IsInfinity(d) || Math.Abs(d) >= 1e17) return LedgerValue<Money>.Bad(LedgerErrorKinds.BadNumber);
                // Excel holds 15 significant digits, and so does the double → decimal conversion: a formula's
                // 0.30000000000000004 is the 0.3 the cell shows, not a figure finer than 1 元.
                amount = (decimal)d;
                break;
            case int or long or decimal:
                amount = Convert.ToDecimal(cell, CultureInfo.InvariantCulture);
                break;
            default:
                var text = Clean(Convert.ToString(cell, CultureInfo.InvariantCulture)!);
                if (IsBlankText(text)) return LedgerValue<Money>.Empty;
                var m = Amount().Match(text);
                if (!m.Success
                    || !decimal.TryParse(m.Groups["n"].Value.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out amount))
                    return LedgerValue<Money>.Bad(LedgerErrorKinds.BadNumber);
                if (m.Groups["u"].Success) unit = MoneyUnits.Parse(m.Groups["u"].Value)!.Value;
                break;
        }
        if (amount < 0) return LedgerValue<Money>.Bad(LedgerErrorKinds.NegativeAmount);
        decimal yuan;
        try { yuan = amount * unit.YuanPer(); }
        catch (OverflowException) { return LedgerValue<Money>.Bad(LedgerErrorKinds.BadNumber); }
        if (yuan >= 9e18m) return LedgerValue<Money>.Bad(LedgerErrorKinds.BadNumber);
        if (yuan != decimal.Truncate(yuan)) return LedgerValue<Money>.Bad(LedgerErrorKinds.TooPrecise);
        return LedgerValue<Money>.Ok(new Money((long)yuan));
    }

    /// <summary>
    /// Physical progress as a percentage 0..100: "45%", "45", 45, or 0.45 as Excel stores a cell formatted as
    /// a percentage (a number at most 1 with no % sign is read that way). Empty for descriptive text.
    /// </summary>
    public static LedgerValue<decimal> ParsePercent(object? cell)
    {
        decimal value;
        switch (cell)
        {
            case null: return LedgerValue<decimal>.Empty;
            case double d:
                value = decimal.Parse(d.ToString("R", CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture);
                if (value is > 0 and <= 1) value *= 100;
                break;
            default:
                var text = Clean(Convert.ToString(cell, CultureInfo.InvariantCulture)!);
                var m = PercentText().Match(text);
                if (!m.Success) return LedgerValue<decimal>.Empty; // "主体完工" is progress in words, kept as text
                value = decimal.Parse(m.Groups["n"].Value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                break;
        }
        return value is >= 0 and <= 100 ? LedgerValue<decimal>.Ok(value) : LedgerValue<decimal>.Bad(LedgerErrorKinds.BadPercent);
    }

    /// <summary>Text as it will be stored: trimmed, inner runs of spaces kept; null when blank or a placeholder dash.</summary>
    public static string? ParseText(object? cell)
    {
        var text = cell switch
        {
            null => null,
            string s => s.Trim(),
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            _ => Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim(),
        };
        return string.IsNullOrEmpty(text) || IsBlankText(Clean(text)) ? null : text;
    }

    /// <summary>Half-width (NFKC: １２３４．５， → 1234.5,), no spaces, and a full-width ￥ folded to ¥.</summary>
    public static string Clean(string text) =>
        WhiteSpace().Replace(text.Normalize(NormalizationForm.FormKC), "");

    /// <summary>Offices fill an unknown cell with a dash or a slash; it means empty, not a bad value.</summary>
    private static bool IsBlankText(string clean) => clean is "" or "-" or "--" or "—" or "——" or "/" or "无";

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})$")]
    private static partial Regex CompactMonth();
    [GeneratedRegex(@"^(?:¥|rmb|RMB|人民币)?(?<n>[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?<u>亿元|万元|元|亿|万)?$")]
    private static partial Regex Amount();
    [GeneratedRegex(@"^(?:完成)?(?<n>[-+]?\d+(?:\.\d+)?)%?$")]
    private static partial Regex PercentText();
}
