using System.Globalization;
using System.Text;
using Milepost.Core.Ranking;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Shared;

namespace Milepost.Web.Cli;

/// <summary>
/// A month's red-black list as plain text for a terminal: the heading and counts, the red and black lists with every
/// component, the exemptions and the units ranking, in columns that stay aligned with Chinese names in them.
/// </summary>
internal static class RankReport
{
    public static string Render(RankingDraft draft, TimeZoneInfo zone)
    {
        var s = draft.Snapshot;
        var r = s.Result;
        var text = new StringBuilder();
        text.AppendLine(Lang.T($"{RankingText.Month(s.Month)}重点项目红黑榜（草稿，按当前数据计算）", $"Red-black list of {RankingText.Month(s.Month)} (draft, from current data)"));
        text.AppendLine(Lang.T($"数据截至：{Lang.Date(s.AsOf)}　月报报送期限：{Lang.Date(s.ReportDueDate)}",
            $"Data as of {Lang.Date(s.AsOf)}; reports due {Lang.Date(s.ReportDueDate)}"));
        var vetoed = r.Entries.Count(e => e.Vetoed && e.Rank is not null);
        text.AppendLine(Lang.T(
            $"纳入排名项目 {r.Entries.Count(e => e.Rank is not null)} 个，红榜 {r.Red.Count()} 个，黑榜 {r.Black.Count()} 个（其中一票否决 {vetoed} 个），豁免 {r.Exempted.Count()} 个，不具备排名条件 {r.Ineligible} 个",
            $"{r.Entries.Count(e => e.Rank is not null)} ranked projects: {r.Red.Count()} on the red list, {r.Black.Count()} on the black list ({vetoed} vetoed), {r.Exempted.Count()} exempted, {r.Ineligible} not eligible"));
        var w = s.Settings;
        text.AppendLine(Lang.T(
            $"评分：投资完成 {w.InvestmentWeight:0.##} 分（完成率/序时进度，封顶 1），节点按期 {w.NodeWeight:0.##} 分，月报按时报送 {w.ReportOnTimePoints:0.##} 分（迟报 {w.ReportLatePoints:0.##} 分）；红榜取 {w.RedMinScore:0.##} 分及以上前 {w.RedCount} 名，黑榜为一票否决项目及低于 {w.BlackBelowScore:0.##} 分的后 {w.BlackCount} 名",
            $"Scoring: investment {w.InvestmentWeight:0.##} (completion / expected, capped at 1), nodes on time {w.NodeWeight:0.##}, report on time {w.ReportOnTimePoints:0.##} (late {w.ReportLatePoints:0.##}); red: the top {w.RedCount} at {w.RedMinScore:0.##} or more; black: vetoed projects and the bottom {w.BlackCount} below {w.BlackBelowScore:0.##}"));
        if (s.Movement is { } m)
            text.AppendLine(Lang.T($"名次变化与 {RankingText.Month(m.PreviousMonth)} 已发布红黑榜（发布编号 {m.PreviousPublicationId}）比较",
                $"Movement against the published list of {RankingText.Month(m.PreviousMonth)} (publication {m.PreviousPublicationId})"));
        if (draft.Current is { } c)
            text.AppendLine(Lang.T($"本月红黑榜已于 {Local(c.PublishedAt, zone)} 发布（第 {c.Sequence} 次，发布编号 {c.Id}），再次发布须说明原因",
                $"This month was published at {Local(c.PublishedAt, zone)} (number {c.Sequence}, publication {c.Id}); publishing again needs a note"));
        else if (!draft.ReportsDue)
            text.AppendLine(Lang.T("月报报送期限尚未过去，暂不能发布", "The reports are not yet due; the list cannot be published yet"));

        Section(text, Lang.T("红榜", "Red list"), Projects(r.Red, s.Movement, reasons: false, w));
        Section(text, Lang.T("黑榜", "Black list"), Projects(r.Black, s.Movement, reasons: true, w));
        if (r.Exempted.Any())
            Section(text, Lang.T("豁免", "Exempted"), Table(
                [Lang.T("项目", "Project"), Lang.T("责任单位", "Responsible unit"), Lang.T("类型", "Kind"), Lang.T("理由", "Reason")], 0,
                r.Exempted.Select(e => new[] { e.Name, e.UnitName, RankingText.Kind(e.Exemption!.Kind), e.Exemption.Reason })));
        Section(text, Lang.T("责任单位排名", "Responsible units"), Table(
            [Lang.T("名次", "Rank"), Lang.T("责任单位", "Responsible unit"), Lang.T("项目数", "Projects"), Lang.T("年度计划（万元）", "Annual plan (10k yuan)"),
                Lang.T("得分", "Score"), Lang.T("榜单", "List"), Lang.T("变化", "Movement")], 0b1011101,
            r.Units.Where(u => u.Rank is not null).Select(u => new[]
            {
                Num(u.Rank), u.UnitName, Num(u.Projects), u.AnnualPlan.Wan.ToString("#,0.00", CultureInfo.InvariantCulture),
                RankingText.Score(u.Score), RankingText.List(u.List), RankingText.Movement(u, s.Movement),
            })));
        var unranked = r.Units.Count(u => u.Rank is null);
        if (unranked > 0)
            text.AppendLine().AppendLine(Lang.T($"另有 {unranked} 个责任单位纳入排名的项目不足 {s.Settings.UnitMinProjects} 个，不参加单位排名",
                $"{unranked} more units have fewer than {s.Settings.UnitMinProjects} ranked projects and are not ranked"));
        return text.ToString();
    }

    private static List<string> Projects(IEnumerable<RankingEntry> entries, RankingMovements? movement, bool reasons, RankingSettings settings)
    {
        string[] header =
        [
            Lang.T("位次", "No."), Lang.T("项目", "Project"), Lang.T("责任单位", "Responsible unit"), Lang.T("投资", "Investment"),
            Lang.T("节点", "Nodes"), Lang.T("报送", "Report"), Lang.T("总分", "Score"), Lang.T("变化", "Movement"),
        ];
        if (reasons) header = [.. header, Lang.T("原因", "Reasons")];
        return Table(header, 0b11111001, entries.Select(e =>
        {
            string[] row =
            [
                Num(e.Position), e.Name, e.UnitName, RankingText.Score(e.InvestmentScore), RankingText.Score(e.NodeScore),
                RankingText.Score(e.ReportScore), RankingText.Score(e.Score), RankingText.Movement(e, movement),
            ];
            return reasons ? [.. row, Reasons(e, settings)] : row;
        }));
    }

    /// <summary>Why an entry is on the black list: its vetoes, else its score below the line.</summary>
    private static string Reasons(RankingEntry e, RankingSettings s) => e.Vetoed
        ? string.Join(Lang.T("；", "; "), e.Vetoes.Select(v => Lang.T(v.MessageZh, v.MessageEn)))
        : Lang.T($"总分 {RankingText.Score(e.Score)} 分，低于 {s.BlackBelowScore:0.##} 分且居后 {s.BlackCount} 名",
            $"Score {RankingText.Score(e.Score)}, below {s.BlackBelowScore:0.##} and among the lowest {s.BlackCount}");

    private static void Section(StringBuilder text, string title, List<string> lines)
    {
        text.AppendLine().AppendLine($"【{title}】");
        if (lines.Count <= 1) text.AppendLine(Lang.T("（无）", "(none)"));
        else foreach (var line in lines) text.AppendLine(line);
    }

    /// <summary>
    /// Rows padded to their widest cell, two spaces apart. Bit i of <paramref name="rightAligned"/> (from the left,
    /// bit 0 = first column) right-aligns a column of figures. The last column is not padded.
    /// </summary>
    internal static List<string> Table(string[] header, int rightAligned, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = new int[header.Length];
        foreach (var row in all)
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], Width(row[i]));
        return all.Select(row =>
        {
            var line = new StringBuilder();
            for (var i = 0; i < row.Length; i++)
            {
                var pad = new string(' ', widths[i] - Width(row[i]));
                var right = (rightAligned >> i & 1) == 1;
                if (i > 0) line.Append("  ");
                if (right) line.Append(pad).Append(row[i]);
                else line.Append(row[i]).Append(i == row.Length - 1 ? "" : pad);
            }
            return line.ToString();
        }).ToList();
    }

    /// <summary>Terminal columns: East Asian wide and full-width characters take two (Unicode UAX #11), the rest one.</summary>
    internal static int Width(string text)
    {
        var width = 0;
        foreach (var ch in text)
            width += ch is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3'
                or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6'
                ? 2 : 1;
        return width;
    }

    private static string Num(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "—";

    private static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
