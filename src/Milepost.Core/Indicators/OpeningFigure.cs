namespace Milepost.Core.Indicators;

/// <summary>
/// A project's opening balance as the indicators see it (SPEC §4.1): it joined Milepost with its completed investment
/// before the year of <see cref="Through"/> and in that year up to and including <see cref="Through"/>, instead of
/// monthly reports for those months. The rules of this type are the only place that decides how an opening counts:
/// <list type="bullet">
/// <item>the months up to <see cref="Through"/> are covered: they owe no report (never missing, never late), and a report
/// of such a month, if one was entered after all, does not count beside the opening (it would count twice);</item>
/// <item>as of a month from <see cref="Through"/> on, <see cref="InYear"/> is part of the year-to-date figure of
/// <see cref="Through"/>'s year and of the S-curve at <see cref="Through"/>; both amounts are part of the cumulative
/// completed investment (AC);</item>
/// <item>as of a month before <see cref="Through"/> the project had not joined, and the opening counts for nothing.</item>
/// </list>
/// </summary>
/// <param name="Through">The last month the opening covers.</param>
/// <param name="BeforeYear">Completed before January of <see cref="Through"/>'s year (截至上年底累计完成).</param>
/// <param name="InYear">Completed from January to <see cref="Through"/> (本年1-N月完成).</param>
public sealed record OpeningFigure(YearMonth Through, Money BeforeYear, Money InYear)
{
    /// <summary>True when month <paramref name="month"/> is covered by the opening: it owes no report.</summary>
    public bool Covers(YearMonth month) => month <= Through;

    /// <summary>What the opening adds to the year-to-date completed investment of <paramref name="asOf"/>'s year as of that month.</summary>
    public Money YearToDate(YearMonth asOf) => asOf.Year == Through.Year && asOf >= Through ? InYear : Money.Zero;

    /// <summary>What the opening adds to the cumulative completed investment as of <paramref name="asOf"/>.</summary>
    public Money Cumulative(YearMonth asOf) => asOf >= Through ? BeforeYear + InYear : Money.Zero;

    /// <summary>True when month <paramref name="month"/> owes a report under <paramref name="opening"/> (any month does without one).</summary>
    public static bool Owes(OpeningFigure? opening, YearMonth month) => opening is null || !opening.Covers(month);
}
