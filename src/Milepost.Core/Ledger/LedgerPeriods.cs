using System.Globalization;
using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>
/// The days a date cell names, both included: one day ("2020-06-30"), a ten-day part of a month ("6月上旬"),
/// a month ("2020.6"), a quarter ("三季度"), a half ("上半年") or a year ("2021年"). A planned start takes
/// <see cref="First"/>, a planned completion <see cref="Last"/> (see <see cref="DayInMonth"/>).
/// </summary>
public readonly record struct DatePeriod
{
    public DatePeriod(DateOnly first, DateOnly last)
    {
        if (last < first) throw new ArgumentException("A period cannot end before it starts.", nameof(last));
        (First, Last) = (first, last);
    }

    public DateOnly First { get; }
    public DateOnly Last { get; }

    public DateOnly Day(DayInMonth day) => day == DayInMonth.First ? First : Last;

    /// <summary>True when the period lies within one calendar month (a report month may be written as "5月底", not "二季度").</summary>
    public bool IsWithinOneMonth => First.Year == Last.Year && First.Month == Last.Month;

    public static DatePeriod OfMonth(int year, int month) => new(new DateOnly(year, month, 1), new YearMonth(year, month).LastDay);
}

/// <summary>
/// Reads the text of a date cell as a <see cref="DatePeriod"/>. The text comes cleaned (half-width, no spaces).
/// Rules, each one the way offices write target dates:
/// <list type="bullet">
/// <item>A leading 力争 / 争取 / 预计 / 确保 / 计划 / 拟 (optionally with 于) is a hope about the date, not part of it.</item>
/// <item>A trailing 底 / 末 (also 底前, 末以前: "done by the end") narrows the period to its last day, 初 to its first:
///   "6月底", "2021年底前", "年末", "三季度末", "上半年末". With no year, the ledger's year is meant ("年底").</item>
/// <item>上旬 / 中旬 / 下旬 are days 1–10, 11–20 and 21 to the month's end.</item>
/// <item>年中 is June (a start on June 1, a completion on June 30); 上半年 January–June; 下半年 July–December.</item>
/// <item>一季度 … 四季度, 第三季度, Q3 (with or without a year in front) are the quarter's three months.</item>
/// <item>"2021年", "2021年度" and a bare "2021" are the whole year: only 1900–2099, so that "6" or "1234" stay bad dates.</item>
/// </list>
/// </summary>
public static partial class LedgerPeriods
{
    /// <summary>The period <paramref name="clean"/> names, or null when it is not a date; <paramref name="year"/> completes one without a year.</summary>
    public static DatePeriod? Parse(string clean, int year)
    {
        var text = Hope().Replace(clean, "");
        var edge = Edge().Match(text);
        if (!edge.Success) return Period(text, year, bareYearWord: false);
        var core = edge.Groups["core"].Value;
        // An edge on a single day ("2020年6月30日底") is not a form anyone writes: a bad date, not a guess.
        if (IsDay(core) || Period(core, year, bareYearWord: true) is not { } p) return null;
        return edge.Groups["edge"].Value == "初" ? new DatePeriod(p.First, p.First) : new DatePeriod(p.Last, p.Last);
    }

    private static bool IsDay(string core) => FullDate().IsMatch(core) || CompactDate().IsMatch(core);

    private static DatePeriod? Period(string text, int year, bool bareYearWord)
    {
        Match m;
        if ((m = FullDate().Match(text)).Success || (m = CompactDate().Match(text)).Success)
            return Day(Int(m, "y"), Int(m, "m"), Int(m, "d"));
        if ((m = MonthOnly().Match(text)).Success)
            return Month(m.Groups["y"].Success ? Int(m, "y") : year, Int(m, "m"), m.Groups["ten"].Value);
        if ((m = YearOnly().Match(text)).Success)
            return m.Groups["y"].Success ? Months(Int(m, "y"), 1, 12) : bareYearWord ? Months(year, 1, 12) : null;
        if ((m = MidYear().Match(text)).Success)
            return Months(YearOr(m, year), 6, 6);
        if ((m = Half().Match(text)).Success)
            return m.Groups["h"].Value == "上" ? Months(YearOr(m, year), 1, 6) : Months(YearOr(m, year), 7, 12);
        if ((m = Quarter().Match(text)).Success)
        {
            var q = m.Groups["q"].Value switch { "一" or "1" => 1, "二" or "2" => 2, "三" or "3" => 3, _ => 4 };
            return Months(YearOr(m, year), 3 * q - 2, 3 * q);
        }
        return null;
    }

    private static DatePeriod? Day(int y, int m, int d) =>
        y is >= 1900 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m)
            ? new DatePeriod(new DateOnly(y, m, d), new DateOnly(y, m, d))
            : null;

    private static DatePeriod? Month(int y, int m, string tenDays)
    {
        if (y is < 1900 or > 9999 || m is < 1 or > 12) return null;
        var month = DatePeriod.OfMonth(y, m);
        return tenDays switch
        {
            "上" => new DatePeriod(month.First, new DateOnly(y, m, 10)),
            "中" => new DatePeriod(new DateOnly(y, m, 11), new DateOnly(y, m, 20)),
            "下" => new DatePeriod(new DateOnly(y, m, 21), month.Last),
            _ => month,
        };
    }

    private static DatePeriod? Months(int y, int from, int to) =>
        y is >= 1900 and <= 9999 ? new DatePeriod(new DateOnly(y, from, 1), new YearMonth(y, to).LastDay) : null;

    private static int YearOr(Match m, int year) => m.Groups["y"].Success ? Int(m, "y") : year;

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?:力争|争取|预计|确保|计划|拟)于?")]
    private static partial Regex Hope();
    [GeneratedRegex(@"^(?<core>.+?)(?<edge>底|末|初)(?:以?前)?$")]
    private static partial Regex Edge();
    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})|年(?<m>\d{1,2})月(?<d>\d{1,2})[日号]?)$")]
    private static partial Regex FullDate();
    [GeneratedRegex(@"^(?<y>\d{4})(?<m>\d{2})(?<d>\d{2})$")]
    private static partial Regex CompactDate();
    [GeneratedRegex(@"^(?:(?<y>\d{4})(?:[-/.](?<m>\d{1,2})|年(?<m>\d{1,2})月份?)|(?<m>\d{1,2})月份?)(?:(?<ten>上|中|下)旬)?$")]
    private static partial Regex MonthOnly();
    [GeneratedRegex(@"^(?:(?<y>(?:19|20)\d\d)(?:年度?|年年)?|年)$")]
    private static partial Regex YearOnly();
    [GeneratedRegex(@"^(?:(?<y>\d{4})年年?|年)中$")]
    private static partial Regex MidYear();
    [GeneratedRegex(@"^(?:(?<y>\d{4})年)?(?<h>上|下)半年$")]
    private static partial Regex Half();
    [GeneratedRegex(@"^(?:(?<y>\d{4})(?:年|[-/.])?)?(?:第?(?<q>[一二三四1-4])季度?|[Qq](?<q>[1-4]))$")]
    private static partial Regex Quarter();
}
