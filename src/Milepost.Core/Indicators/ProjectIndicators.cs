using Milepost.Core.Projects;

namespace Milepost.Core.Indicators;

/// <summary>
/// The indicators of one project for year Y as of month m (SPEC §4.1). Rates are fractions (0.25 is 25 %)
/// kept at full precision; round them for display only (<see cref="IndicatorFormat"/>). An undefined
/// value is null, never NaN and never a silent 0.
/// </summary>
/// <param name="YtdCompleted">Completed investment of the months 1..m of Y, from the reports that count.</param>
/// <param name="AnnualPlan">The annual plan of Y.</param>
/// <param name="ExpectedToDate">What the plan expects done by the end of m (<see cref="ExpectedPlan"/>), rounded to 元; 0 before the planned start.</param>
/// <param name="CompletionRate">YtdCompleted / AnnualPlan; null when the plan is 0.</param>
/// <param name="Expected">序时进度 (<see cref="ExpectedPlan"/>): monthly plans 1..m / AnnualPlan (null when the plan is 0), or without a split the
/// plan's even spread from the planned start month to December or the planned completion; null before the planned start month.</param>
/// <param name="LagPoints">(CompletionRate − Expected) × 100 in percentage points; negative is behind; null when either is null.</param>
/// <param name="NodeOnTimeRatio">(on time + 0.5 × late) / due, weighted by node weight; 1 when none is due; null when the due nodes weigh 0.</param>
/// <param name="NodesDue">Nodes with a planned finish on or before the last day of m.</param>
/// <param name="Pv">Planned value in 万元: TotalInvestment × <see cref="PlannedProgressToDate"/>; null without a planned year-end progress.</param>
/// <param name="Ev">Earned value in 万元: TotalInvestment × the latest reported physical progress; null when nothing is reported.</param>
/// <param name="Ac">Actual cost: completed investment of every reported month up to m, all years.</param>
/// <param name="Spi">Ev / Pv; null when either is null or Pv is 0.</param>
/// <param name="Cpi">Ev / Ac; null when Ev is null or Ac is 0.</param>
public sealed record ProjectIndicators(
    long ProjectId,
    Money YtdCompleted,
    Money AnnualPlan,
    Money ExpectedToDate,
    decimal? CompletionRate,
    decimal? Expected,
    decimal? LagPoints,
    decimal? NodeOnTimeRatio,
    int NodesDue,
    decimal? Pv,
    decimal? Ev,
    Money Ac,
    decimal? Spi,
    decimal? Cpi)
{
    /// <summary>The month the indicators are taken as of (year Y, month m).</summary>
    public required YearMonth AsOf { get; init; }
    public required Money TotalInvestment { get; init; }
    /// <summary>Whether <see cref="Expected"/> came from the monthly plans (false: the m/12 fallback).</summary>
    public required bool UsesMonthlyPlan { get; init; }
    /// <summary>Due nodes finished on or before their planned finish.</summary>
    public required int NodesOnTime { get; init; }
    /// <summary>Due nodes finished after their planned finish, by the end of m.</summary>
    public required int NodesLate { get; init; }
    /// <summary>The numerator of <see cref="NodeOnTimeRatio"/>: Σ weight × (1 on time, 0.5 late, 0 not finished).</summary>
    public required decimal NodeScore { get; init; }
    /// <summary>The denominator of <see cref="NodeOnTimeRatio"/>: Σ weight of the due nodes.</summary>
    public required decimal NodesDueWeight { get; init; }
    /// <summary>Physical progress at the start of Y, per cent: the latest report before Y, or 0 when there is none.</summary>
    public required decimal ProgressAtYearStart { get; init; }
    /// <summary>
    /// Planned physical progress by the end of m, per cent: start + (planned year end − start) × <see cref="Expected"/>.
    /// The plan gives only the year-end target, so this assumes physical progress follows the
    /// investment plan through the year; for a project that starts in Y (start 0) it is year end × expected.
    /// </summary>
    public required decimal? PlannedProgressToDate { get; init; }
    /// <summary>The latest reported physical progress up to m, per cent; null when nothing is reported.</summary>
    public required decimal? ReportedProgress { get; init; }
    /// <summary>Funds received to date, all sources.</summary>
    public required Money FundsReceived { get; init; }
    /// <summary>资金到位率: FundsReceived / TotalInvestment; null when the total investment is 0.</summary>
    public required decimal? FundsInPlaceRate { get; init; }
    /// <summary>Funds received and in-place rate for each of the five sources, in the order of <see cref="FundingSource"/>.</summary>
    public required IReadOnlyList<FundsInPlace> FundsBySource { get; init; }

    /// <summary><see cref="Pv"/> as money (rounded to 元).</summary>
    public Money? PvAmount => Pv is { } v ? Money.FromWan(v) : null;
    /// <summary><see cref="Ev"/> as money (rounded to 元).</summary>
    public Money? EvAmount => Ev is { } v ? Money.FromWan(v) : null;
}

/// <summary>Funds received to date from one source, and that amount over the total investment.</summary>
public sealed record FundsInPlace(FundingSource Source, Money Received, decimal? Rate);
