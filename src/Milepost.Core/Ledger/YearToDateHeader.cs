using System.Globalization;
using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>
/// What the header of a this-year column says about its months: "1-9月完成投资", "1至9月累计完成", "1~9月完成",
/// "1—9月累计完成投资" run from January through September; a year written in it ("2021年1-9月完成投资", or "2021年"
/// over "1-9月完成投资") says which year. "本年累计完成投资" names no month.
/// </summary>
public static partial class YearToDateHeader
{
    /// <summary>True when a normalised header (see <see cref="LedgerHeader.Normalise"/>) names January to a month's completion.</summary>
    public static bool NamesMonths(string normalised) =>
        MonthsCompleted().Match(normalised) is { Success: true } m && Month(m) is not null;

    /// <summary>The last month of "1-N月" in a header as written (N, 1–12), or null when it names none.</summary>
    public static int? ThroughMonth(string written) =>
        Span().Match(LedgerValues.Clean(written)) is { Success: true } m ? Month(m) : null;

    /// <summary>The year written in a header ("2021年/1-9月完成投资" → 2021), or null.</summary>
    public static int? Year(string written) =>
        YearWord().Match(LedgerValues.Clean(written)) is { Success: true } m ? int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture) : null;

    private static int? Month(Match m) =>
        int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) is var month and >= 1 and <= 12 ? month : null;

    // 1-9月, 1~9月 (～ folds to ~), 1至9月, 1到9月, and the dashes NFKC leaves alone (— – ―).
    private const string Months = @"1(?:-|~|至|到|—|–|―)(?<m>\d{1,2})月份?";

    [GeneratedRegex("^(?:本年|今年|当年)?" + Months + "(?:累计)?完成(?:投资)?(?:额)?$")]
    private static partial Regex MonthsCompleted();
    [GeneratedRegex(Months)]
    private static partial Regex Span();
    [GeneratedRegex(@"(?<y>(?:19|20)\d\d)年")]
    private static partial Regex YearWord();
}
