using Milepost.Core.Indicators;

namespace Milepost.Core.Projects;

/// <summary>
/// What a project had done before it joined Milepost (SPEC §4.1, opening balance): the ledger it came in with
/// says how much was completed before the year of <see cref="Through"/> and in that year up to and including
/// <see cref="Through"/>. The months up to <see cref="Through"/> have no monthly reports and are not missing
/// ones; the year-to-date and cumulative figures start from these amounts and add the reports after it.
/// One per project; a later import of the same ledger replaces it.
/// </summary>
public class OpeningBalance
{
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    /// <summary>The last month the opening figures cover (the month before the project's first report is due).</summary>
    public YearMonth Through { get; set; }
    /// <summary>Completed before the year of <see cref="Through"/> (截至上年底累计完成); null when the ledger did not say.</summary>
    public Money? CompletedBeforeYear { get; set; }
    /// <summary>Completed from January to <see cref="Through"/> (本年1-N月完成); null when the ledger did not say.</summary>
    public Money? CompletedInYear { get; set; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>As the indicators read it: an amount the ledger did not give counts as nothing.</summary>
    public OpeningFigure ToFigure() => new(Through, CompletedBeforeYear ?? Money.Zero, CompletedInYear ?? Money.Zero);
}
