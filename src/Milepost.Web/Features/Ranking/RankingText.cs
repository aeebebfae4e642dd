using System.Globalization;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>The words of the red-black list, shared by the pages, the bulletin and the command line.</summary>
public static class RankingText
{
    public static string Kind(ExemptionKind k) => k switch
    {
        ExemptionKind.ForceMajeure => Lang.T("不可抗力", "Force majeure"),
        _ => Lang.T("政策性停工", "Policy stop"),
    };

    public static string List(RankingList l) => l switch
    {
        RankingList.Red => Lang.T("红榜", "Red list"),
        RankingList.Black => Lang.T("黑榜", "Black list"),
        _ => "",
    };

    public static string Report(ReportTimeliness r) => r switch
    {
        ReportTimeliness.OnTime => Lang.T("按时报送", "On time"),
        ReportTimeliness.Late => Lang.T("迟报", "Late"),
        ReportTimeliness.Opening => Lang.T("期初数据（入库前月份）", "Opening balance (before joining)"),
        _ => Lang.T("未报送", "Missing"),
    };

    /// <summary>"2020年5月" / "May 2020".</summary>
    public static string Month(YearMonth m) =>
        Lang.T($"{m.Year}年{m.Month}月", new DateTime(m.Year, m.Month, 1).ToString("MMMM yyyy", CultureInfo.InvariantCulture));

    /// <summary>A score or component as shown: two decimals.</summary>
    public static string Score(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A rate as a percentage with one decimal, or "—" when undefined.</summary>
    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    /// <summary>
    /// Movement on a list: "↑2" (two places nearer the top), "↓1", "—" (same place), "新上榜" (not on this list last
    /// month), or "" when there was no previous list to compare with.
    /// </summary>
    public static string Movement(RankingEntry e, RankingMovements? movements)
    {
        if (movements is null || e.List == RankingList.None) return "";
        var previous = movements.OfProject(e.ProjectId);
        return Places(RankingMovements.PlacesMoved(e.List, e.Position, previous));
    }

    public static string Movement(UnitRankingEntry u, RankingMovements? movements)
    {
        if (movements is null || u.List == RankingList.None) return "";
        var previous = movements.OfUnit(u.UnitId);
        return Places(RankingMovements.PlacesMoved(u.List, u.Position, previous));
    }

    private static string Places(int? moved) => moved switch
    {
        null => Lang.T("新上榜", "New"),
        0 => "—",
        > 0 => $"↑{moved}",
        _ => $"↓{-moved}",
    };
}
