using System.Globalization;
using Milepost.Core.Warnings;

namespace Milepost.Web.Shared.Charts;

/// <summary>One month of an S-curve, amounts cumulative from January in 万元; null where nothing is known yet (a future month's completion).</summary>
public sealed record SCurvePoint(int Month, decimal? PlannedBaseline, decimal? PlannedAdjusted, decimal? Completed)
{
    public string Label => Lang.IsEnglish ? CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(Month) : $"{Month}月";
}

/// <summary>One row of a plan-versus-completed bar chart (万元); <paramref name="Href"/> is the list the row counts.</summary>
public sealed record BarRow(string Name, decimal Plan, decimal Completed, string? Href = null)
{
    /// <summary>Completion rate in percent, or null without a plan.</summary>
    public decimal? Rate => Plan > 0 ? Math.Round(Completed / Plan * 100, 1) : null;
}

/// <summary>A project on the map with the figures of its tooltip: annual plan and completed year to date in 万元, rate and lag in percent / points.</summary>
public sealed record MapPoint(
    long Id, string Name, double Latitude, double Longitude, WarningLevel Level,
    decimal AnnualPlan, decimal Completed, decimal? Rate, decimal? LagPoints)
{
    public string Href => $"/projects/{Id}";
}

/// <summary>Formatting shared by the charts: 万元 with thousands separators, percents to one decimal, SVG numbers invariant.</summary>
public static class ChartFormat
{
    public const string FontFamily = "\"Noto Sans CJK SC\", \"Microsoft YaHei\", \"PingFang SC\", sans-serif";

    public static string Svg(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Wan(decimal? v) => v is { } x ? x.ToString(x % 1 == 0 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture) : "—";

    public static string Wan(double v) => v.ToString(Math.Abs(v % 1) < 1e-9 ? "#,0" : "#,0.##", CultureInfo.InvariantCulture);

    public static string Percent(decimal? v) => v is { } x ? x.ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>A lag in percentage points with its sign: −12.5 个百分点 reads as behind.</summary>
    public static string Lag(decimal? v) => v is { } x
        ? (x > 0 ? "+" : x < 0 ? "−" : "") + Math.Abs(x).ToString("0.0", CultureInfo.InvariantCulture) + Lang.T(" 个百分点", " pts")
        : "—";

    public static string LevelColor(WarningLevel l) => l switch
    {
        WarningLevel.Red => "#d4380d",
        WarningLevel.Yellow => "#d48806",
        _ => "#389e0d",
    };

    public static string LevelName(WarningLevel l) => l switch
    {
        WarningLevel.Red => Lang.T("红色预警", "Red"),
        WarningLevel.Yellow => Lang.T("黄色预警", "Yellow"),
        _ => Lang.T("正常", "Normal"),
    };
}
