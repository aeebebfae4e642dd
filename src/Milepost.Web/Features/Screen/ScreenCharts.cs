using Milepost.Web.Features.Dashboard;

namespace Milepost.Web.Features.Screen;

/// <summary>How the wall display draws the charts (their data comes from <see cref="DashboardCharts"/>, as on the dashboard).</summary>
public static class ScreenCharts
{
    /// <summary>The map's label size on the wall (the dashboard's is 12): screen.css sets the same size on the map's text.</summary>
    public const double MapLabelSize = 17;
}
