using Milepost.Core.Warnings;
using Milepost.Web.Features.Dashboard;
using Charts = Milepost.Web.Shared.Charts;

namespace Milepost.Web.Features.Screen;

/// <summary>The dashboard's figures in the shapes the chart components draw (their rates are percents, the dashboard's fractions).</summary>
public static class ScreenCharts
{
    /// <summary>The map's label size on the wall (the dashboard's is 12): screen.css sets the same size on the map's text.</summary>
    public const double MapLabelSize = 17;

    /// <summary>The dashboard gives the current plan plus the baseline only when a plan was adjusted; the chart draws the baseline always.</summary>
    public static IReadOnlyList<Charts.SCurvePoint> SCurve(DashboardView v) =>
        [.. v.SCurve.Select(p => new Charts.SCurvePoint(p.Month, p.BaselineWan ?? p.PlannedWan, p.BaselineWan is null ? null : p.PlannedWan, p.CompletedWan))];

    public static IReadOnlyList<Charts.BarRow> Bars(IReadOnlyList<BreakdownRow> rows) =>
        [.. rows.Select(r => new Charts.BarRow(r.Name, r.PlanWan, r.CompletedWan))];

    /// <summary>A project without a warning evaluated (no rules tripped yet) shows as normal, as on the project pages.</summary>
    public static IReadOnlyList<Charts.MapPoint> Map(DashboardView v) =>
        [.. v.MapPoints.Select(p => new Charts.MapPoint(p.ProjectId, p.Name, p.Latitude, p.Longitude, p.Warning ?? WarningLevel.Green,
            p.AnnualPlanWan, p.CompletedWan, Percent(p.CompletionRate), p.LagPoints))];

    public static decimal? Percent(decimal? fraction) => fraction is { } f ? Math.Round(f * 100, 1) : null;
}
