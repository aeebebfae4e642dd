using Milepost.Core.Projects;

namespace Milepost.Core.Indicators;

/// <summary>
/// One monthly report as the indicators see it (SPEC §3.4). A month may have several figures
/// (revisions); for each month the indicators use the approved figure with the highest
/// <see cref="Revision"/>, else the submitted one with the highest revision. A figure that is
/// neither approved nor submitted (<see cref="SubmittedOn"/> null: a draft, or a returned report
/// the caller chose to pass with its date cleared) does not count.
/// </summary>
/// <param name="Month">The month the report covers.</param>
/// <param name="Completed">Investment completed in that month.</param>
/// <param name="ProgressPercent">Physical progress (形象进度) at month end, per cent 0..100, cumulative.</param>
/// <param name="Approved">Whether a supervisor approved this revision.</param>
/// <param name="SubmittedOn">The day it was first submitted, in the portfolio's time zone; null when never submitted.</param>
/// <param name="Revision">Revision number, 1 for the first; a correction of an approved report is a higher revision.</param>
public sealed record ReportFigure(YearMonth Month, Money Completed, decimal ProgressPercent, bool Approved, DateOnly? SubmittedOn, int Revision = 1)
{
    // The initialiser sets the field directly, so both it and the init accessor (used by `with`) check.
    public decimal ProgressPercent { get; init => field = Percent(value, nameof(ProgressPercent)); } = Percent(ProgressPercent, nameof(ProgressPercent));

    /// <summary>Counts for the indicators: approved, or at least submitted.</summary>
    public bool Counts => Approved || SubmittedOn is not null;

    internal static decimal Percent(decimal value, string name) =>
        value is >= 0 and <= 100 ? value : throw new ArgumentOutOfRangeException(name, value, "a percentage must be between 0 and 100");
}

/// <summary>
/// A time node as the on-time ratio sees it. Finishes are inclusive days (SPEC §3.3). A node without a
/// planned finish is never due. <see cref="Weight"/> (≥ 0) weighs the node in the ratio; with the
/// default weight 1 the ratio is the plain count of SPEC §4.1.
/// </summary>
public sealed record NodeFigure(DateOnly? PlannedFinish, DateOnly? ActualFinish, decimal Weight = 1)
{
    public decimal Weight { get; init => field = Check(value); } = Check(Weight);

    private static decimal Check(decimal weight) =>
        weight >= 0 ? weight : throw new ArgumentOutOfRangeException(nameof(Weight), weight, "a node weight cannot be negative");
}

/// <summary>
/// Funds received (到位资金) from one source. Several figures of one source add up. When
/// <see cref="Month"/> is given, a figure of a month after the as-of month is left out, so the
/// caller may pass the funds of every report; when it is null the amount counts as received to date.
/// </summary>
public sealed record FundsFigure(FundingSource Source, Money Received, YearMonth? Month = null);

/// <summary>
/// The plain facts of one project that the indicators of SPEC §4.1 are computed from, for year Y
/// (the year of the as-of month). Not an EF entity: the web layer projects its rows into this.
/// </summary>
/// <param name="TotalInvestment">总投资.</param>
/// <param name="AnnualPlan">The approved current annual plan for Y (年度计划投资).</param>
/// <param name="MonthlyPlan">Twelve monthly planned amounts of Y (January first), or empty when the plan is not split.</param>
/// <param name="PlannedProgressPercent">Planned physical progress at the end of Y, per cent 0..100; null when not set.</param>
/// <param name="Reports">
/// The monthly reports to date, of Y and of earlier years: the year-to-date figures use the months of Y only,
/// while the earned-value figures (AC, EV, progress at the start of Y) use every month given. Reports of months the
/// <see cref="Opening"/> covers do not count.
/// </param>
/// <param name="Nodes">The project's time nodes.</param>
/// <param name="Funds">Funds received to date by source.</param>
/// <param name="Stage">The project's lifecycle stage now (at the as-of date).</param>
/// <param name="YearClass">The project's class for Y (新开工 / 续建 / 竣工 / 前期).</param>
/// <param name="ActualStart">The actual start (开工) date, if it has started.</param>
public sealed record ProjectFacts(
    long ProjectId,
    Money TotalInvestment,
    Money AnnualPlan,
    IReadOnlyList<Money> MonthlyPlan,
    decimal? PlannedProgressPercent,
    IReadOnlyList<ReportFigure> Reports,
    IReadOnlyList<NodeFigure> Nodes,
    IReadOnlyList<FundsFigure> Funds,
    ProjectStage Stage,
    ProjectYearClass YearClass,
    DateOnly? ActualStart)
{
    public IReadOnlyList<Money> MonthlyPlan { get; init => field = CheckMonths(value); } = CheckMonths(MonthlyPlan);

    public decimal? PlannedProgressPercent { get; init => field = CheckProgress(value); } = CheckProgress(PlannedProgressPercent);

    public bool HasMonthlyPlan => MonthlyPlan.Count == 12;

    /// <summary>The opening balance the project joined with (ledger import), or null: see <see cref="OpeningFigure"/>.</summary>
    public OpeningFigure? Opening { get; init; }

    /// <summary>The planned start (计划开工): without a monthly split the plan is expected from its month (<see cref="ExpectedPlan"/>).</summary>
    public DateOnly? PlannedStart { get; init; }

    /// <summary>The planned completion (计划竣工): without a monthly split the plan is expected by its month at the latest.</summary>
    public DateOnly? PlannedCompletion { get; init; }

    private static IReadOnlyList<Money> CheckMonths(IReadOnlyList<Money> months) => months.Count is 0 or 12 ? months
        : throw new ArgumentException($"a monthly plan has 12 months or none, not {months.Count}", nameof(MonthlyPlan));

    private static decimal? CheckProgress(decimal? percent) =>
        percent is { } v ? ReportFigure.Percent(v, nameof(PlannedProgressPercent)) : null;
}
