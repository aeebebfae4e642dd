using Milepost.Core.Projects;
using Milepost.Core.Warnings;

namespace Milepost.Web.Features.Dashboard;

/// <summary>
/// Everything the 挂图作战 dashboard shows, for one actor under one filter. Money in 万元; rates as fractions
/// (0.25 is 25 %), null when undefined; lags in percentage points (negative is behind). Aggregate rates are
/// ratios of sums (SPEC §4.1), never averages of rates. <see cref="MapPoints"/> holds at most
/// <see cref="DashboardQueries.MapPointsMax"/> projects (largest annual plan first, then id) of the
/// <see cref="MapPointsTotal"/> that have coordinates; <see cref="MapPointsMissing"/> projects have none.
/// </summary>
public sealed record DashboardView(
    DashboardFilter Filter,
    int Year,
    int Month,
    DateOnly Today,
    DashboardTiles Tiles,
    IReadOnlyList<SCurvePoint> SCurve,
    IReadOnlyDictionary<string, IReadOnlyList<BreakdownRow>> Breakdowns,
    IReadOnlyList<MapPoint> MapPoints,
    IReadOnlyList<LaggardRow> Laggards,
    IReadOnlyList<OverdueNodeRow> OverdueNodes,
    IReadOnlyList<OverdueProblemRow> OverdueProblems,
    int MapPointsTotal = 0,
    int MapPointsMissing = 0);

/// <summary>The KPI tiles (SPEC §4.1, issue 7 item 1).</summary>
public sealed record DashboardTiles(
    int Projects,
    IReadOnlyDictionary<ProjectStage, int> ByStage,
    IReadOnlyDictionary<ProjectYearClass, int> ByYearClass,
    decimal TotalInvestmentWan,
    decimal AnnualPlanWan,
    decimal YtdCompletedWan,
    decimal ExpectedToDateWan,
    decimal? CompletionRate,
    decimal? Expected,
    decimal? GapPoints,
    int NewStarts,
    int NewStartsStarted,
    decimal? StartRate,
    int Constructing,
    int Suspended,
    decimal? ResumptionRate,
    IReadOnlyDictionary<WarningLevel, int> Warnings,
    int Stale,
    int OverdueNodes,
    int OpenProblems,
    int OverdueProblems,
    int OverdueSupervisionItems);

/// <summary>
/// One month of the S-curve: cumulative planned (the current, adjusted plan, and the baseline when any plan was
/// adjusted) and cumulative completed from the counting reports; completed is null after the as-of month.
/// </summary>
public sealed record SCurvePoint(int Month, decimal PlannedWan, decimal? BaselineWan, decimal? CompletedWan);

/// <summary>One group of a breakdown (by programme, category, division or leader).</summary>
public sealed record BreakdownRow(string Key, string Name, int Projects, decimal PlanWan, decimal CompletedWan, decimal? Rate, decimal? Expected, decimal? LagPoints);

/// <summary>A project on the map; points without coordinates are left out.</summary>
public sealed record MapPoint(long ProjectId, string Name, double Latitude, double Longitude, WarningLevel? Warning,
    decimal AnnualPlanWan, decimal CompletedWan, decimal? CompletionRate, decimal? LagPoints);

public sealed record LaggardRow(long ProjectId, string Name, string ResponsibleUnit, decimal PlanWan, decimal CompletedWan, decimal? CompletionRate, decimal? Expected, decimal LagPoints);

public sealed record OverdueNodeRow(long ProjectId, string ProjectName, long NodeId, string NodeName, DateOnly PlannedFinish, int DaysOverdue);

public sealed record OverdueProblemRow(long ProblemId, long ProjectId, string ProjectName, string Description, DateOnly Deadline, int DaysOverdue);

/// <summary>The breakdown dimensions, as the keys of <see cref="DashboardView.Breakdowns"/>.</summary>
public static class BreakdownKinds
{
    public const string Programme = "programme";
    public const string Category = "category";
    public const string Division = "division";
    public const string Leader = "leader";
    public static readonly string[] All = [Programme, Category, Division, Leader];
}
