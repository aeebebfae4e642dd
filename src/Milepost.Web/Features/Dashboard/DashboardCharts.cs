using Milepost.Core.Warnings;
using Milepost.Web.Shared.Charts;

namespace Milepost.Web.Features.Dashboard;

/// <summary>
/// The dashboard's figures in the shapes the shared chart components draw (the same components the
/// project page and the big screen use), so every page draws a figure from one source.
/// </summary>
public static class DashboardCharts
{
    /// <summary>The S-curve: the baseline is the year-start plan; the adjusted plan only when some plan was adjusted.</summary>
    public static IReadOnlyList<Shared.Charts.SCurvePoint> SCurve(DashboardView v) =>
        [.. v.SCurve.Select(p => new Shared.Charts.SCurvePoint(p.Month, p.BaselineWan ?? p.PlannedWan, p.BaselineWan is null ? null : p.PlannedWan, p.CompletedWan))];

    /// <summary>A breakdown as bars of plan against completed, each bar linking to the projects it counts.</summary>
    public static IReadOnlyList<BarRow> Bars(IReadOnlyList<BreakdownRow> rows, Func<string, string>? link = null) =>
        [.. rows.Select(r => new BarRow(r.Name, r.PlanWan, r.CompletedWan, link?.Invoke(r.Key)))];

    /// <summary>The map's points (the charts take rates in percent, the dashboard gives fractions); a project with no warning evaluated is drawn as normal.</summary>
    public static IReadOnlyList<Shared.Charts.MapPoint> Map(DashboardView v) =>
        [.. v.MapPoints.Select(p => new Shared.Charts.MapPoint(p.ProjectId, p.Name, p.Latitude, p.Longitude, p.Warning ?? WarningLevel.Green,
            p.AnnualPlanWan, p.CompletedWan, Percent(p.CompletionRate), p.LagPoints))];

    /// <summary>A fraction as the charts' percent, to one decimal.</summary>
    public static decimal? Percent(decimal? fraction) => fraction is { } f ? Math.Round(f * 100, 1) : null;
}
