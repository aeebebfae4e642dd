using Milepost.Core;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>The annual assessment (SPEC §4.5) as a workbook: every unit with every component, then how it was computed.</summary>
public static class AssessmentXlsx
{
    public static byte[] Write(AssessmentView a)
    {
        var s = a.Settings;
        var months = a.PublishedMonths.OrderBy(m => m).ToList();
        var headers = new List<string>
        {
            Lang.T("排名", "Rank"), Lang.T("责任单位", "Unit"), Lang.T("计分月数", "Months scored"), Lang.T("月度平均得分", "Mean monthly score"),
            Lang.T("红榜次数", "Red entries"), Lang.T($"红榜加分（每次 {s.AssessmentRedPoints:0.##} 分）", $"Red points ({s.AssessmentRedPoints:0.##} each)"),
            Lang.T("黑榜次数", "Black entries"), Lang.T($"黑榜扣分（每次 {s.AssessmentBlackPoints:0.##} 分）", $"Black points ({s.AssessmentBlackPoints:0.##} each)"),
            Lang.T("督办事项按期办结数", "Items closed on time"), Lang.T($"按期办结加分（每项 {s.AssessmentItemOnTimePoints:0.##} 分）", $"On-time points ({s.AssessmentItemOnTimePoints:0.##} each)"),
            Lang.T("督办事项逾期数", "Items overdue"), Lang.T($"逾期扣分（每项 {s.AssessmentItemOverduePoints:0.##} 分）", $"Overdue points ({s.AssessmentItemOverduePoints:0.##} each)"),
            Lang.T("年度总分", "Total"),
        };
        headers.AddRange(months.Select(m => Lang.T($"{m.Month}月得分", $"{m} score")));
        var rows = a.Entries.Select(e => new object?[]
        {
            e.Rank, e.UnitName, e.Months.Count, e.MeanScore, e.RedAppearances, e.RedPoints, e.BlackAppearances, -e.BlackPoints,
            e.ItemsClosedOnTime, e.ItemsOnTimePoints, e.ItemsOverdue, -e.ItemsOverduePoints, e.Total,
        }.Concat(months.Select(m => (object?)e.Months.FirstOrDefault(x => x.Month == m)?.Score)).ToArray()).ToList();

        var notes = new BulletinTable(Lang.T("计分说明", "Method"), "", [Lang.T("项目", "Item"), Lang.T("内容", "Value")],
        [
            [Lang.T("考核年度", "Year"), a.Year],
            [Lang.T("计入的红黑榜月份", "Published months counted"), months.Count == 0 ? Lang.T("（无）", "(none)") : string.Join("、", months.Select(RankingText.Month))],
            [Lang.T("计分公式", "Formula"), Lang.T("年度总分 = 月度平均得分 + 红榜加分 − 黑榜扣分 + 按期办结加分 − 逾期扣分",
                "Total = mean monthly score + red points − black points + on-time points − overdue points")],
        ]);
        return BulletinXlsx.Workbook([new BulletinTable(Lang.T("年度考核", "Assessment"), "", headers, rows), notes]);
    }
}
