namespace Milepost.Core.Ledger;

/// <summary>
/// The opening figures a project ledger row gives its project (SPEC §4.1, opening balance): what was completed
/// before the ledger's year and in that year so far. The import stores them as the project's
/// <see cref="Projects.OpeningBalance"/>; <see cref="LedgerHeader.ThisYearThrough"/> says through which month.
/// </summary>
/// <param name="CompletedBeforeYear">Completed before the year; null when the row does not say or its figures disagree.</param>
/// <param name="CompletedInYear">Completed in the year so far (本年累计), as written; null when not written.</param>
/// <param name="Error">Why the figures cannot be derived (reported at the 开工累计完成投资 cell), or null.</param>
public readonly record struct LedgerOpening(Money? CompletedBeforeYear, Money? CompletedInYear, LedgerErrorKind? Error)
{
    /// <summary>True when the row gives no opening figure at all.</summary>
    public bool IsEmpty => CompletedBeforeYear is null && CompletedInYear is null;

    /// <summary>
    /// The one rule for a row's opening figures. Before the year: 截至上年底累计 when written; else 开工累计 − 本年累计
    /// when both are written (less since the start than this year alone cannot be, and is an error); else unknown.
    /// This year: 本年累计 as written.
    /// </summary>
    public static LedgerOpening Of(Money? completedBeforeYear, Money? completedToDate, Money? completedThisYear)
    {
        if (completedBeforeYear is { } written) return new(written, completedThisYear, null);
        if (completedToDate is not { } toDate || completedThisYear is not { } thisYear) return new(null, completedThisYear, null);
        return toDate < thisYear
            ? new(null, completedThisYear, LedgerErrorKinds.ToDateBelowThisYear)
            : new(toDate - thisYear, completedThisYear, null);
    }
}
