using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>
/// One published list as the bulletin (督查通报) prints it: the .docx, the .xlsx and the printable page all read this,
/// so the three show the same words and numbers. Everything comes from the frozen snapshot, never from live data.
/// </summary>
public sealed record BulletinModel(
    long Id,
    string City,
    string Office,
    YearMonth Month,
    DateTime PublishedAtLocal,
    string PublishedBy,
    int Sequence,
    string? Note,
    DateTime? SupersededAtLocal,
    long? SupersededById,
    RankingSnapshot Snapshot,
    string Sha256,
    bool HashMatches,
    (long Sequence, string Hash)? AuditEvent)
{
    public RankingResult Result => Snapshot.Result;
    public RankingSettings Settings => Snapshot.Settings;
    public IReadOnlyList<RankingEntry> Red => [.. Result.Red];
    public IReadOnlyList<RankingEntry> Black => [.. Result.Black];
    public IReadOnlyList<RankingEntry> Exempted => [.. Result.Exempted];
    /// <summary>Units ranked this month (enough eligible projects), in rank order.</summary>
    public IReadOnlyList<UnitRankingEntry> Units => [.. Result.Units.Where(u => u.Rank is not null).OrderBy(u => u.Rank)];
    /// <summary>Projects scored and ranked this month (eligible, not exempted).</summary>
    public int Eligible => Result.Entries.Count(e => e.Exemption is null);
    /// <summary>Vetoed projects on the black list (an exempted project's veto is not applied).</summary>
    public int Vetoed => Result.Entries.Count(e => e.Vetoed && e.Exemption is null);

    public string Title => Lang.T($"{City}重点项目建设红黑榜督查通报", $"{City} key projects: red-black list bulletin");

    /// <summary>"2020年第5期" (one issue a month); a re-publication says which edition it is.</summary>
    public string Issue => Lang.T($"{Month.Year}年第{Month.Month}期", $"{Month.Year}, issue {Month.Month}")
                           + (Sequence > 1 ? Lang.T($"（第{Sequence}版）", $" (edition {Sequence})") : "");

    public DateOnly PublishedOn => DateOnly.FromDateTime(PublishedAtLocal);

    public string Summary => Lang.T(
        $"根据各项目业主单位报送的{Month.Year}年{Month.Month}月重点项目月报和时间节点完成情况，按照红黑榜评分办法（投资完成 {Settings.InvestmentWeight:0.##} 分、"
        + $"节点完成 {Settings.NodeWeight:0.##} 分、按时报送 {Settings.ReportOnTimePoints:0.##} 分），对 {Eligible} 个纳入年度计划的重点项目进行了评分排名（另有 {Exempted.Count} 个项目经审核予以豁免，不参加排名）。"
        + $"其中 {Red.Count} 个项目列入红榜，{Black.Count} 个项目列入黑榜（一票否决 {Vetoed} 个）。现将有关情况通报如下。",
        $"From the monthly reports and time nodes of {RankingText.Month(Month)}, {Eligible} key projects with an annual plan were scored "
        + $"(investment {Settings.InvestmentWeight:0.##}, nodes {Settings.NodeWeight:0.##}, reporting {Settings.ReportOnTimePoints:0.##} points): "
        + $"{Red.Count} on the red list, {Black.Count} on the black list ({Vetoed} vetoed); {Exempted.Count} more exempted.");

    /// <summary>Why a project is on the black list: its vetoes (一票否决), or its score under the threshold.</summary>
    public string BlackReason(RankingEntry e) => e.Vetoed
        ? Lang.T("一票否决：", "Veto: ") + string.Join(Lang.T("；", "; "), e.Vetoes.Select(v => Lang.T(v.MessageZh, v.MessageEn)))
        : Lang.T($"得分 {RankingText.Score(e.Score)}，低于 {Settings.BlackBelowScore:0.##} 分",
            $"Score {RankingText.Score(e.Score)}, below {Settings.BlackBelowScore:0.##}");

    public string Movement(RankingEntry e) => RankingText.Movement(e, Snapshot.Movement);
    public string Movement(UnitRankingEntry u) => RankingText.Movement(u, Snapshot.Movement);

    /// <summary>The note under the tables: how units are ranked, and why 较上月 is empty when there was no list last month.</summary>
    public string TableNote => Snapshot.Movement is null
        ? Lang.T($"注：上月未发布红黑榜，“较上月”栏不作比较；{UnitRule}", $"Note: no list was published last month to compare with. {UnitRule}")
        : Lang.T($"注：{UnitRule}", $"Note: {UnitRule}");

    private string UnitRule => Lang.T(
        $"参评项目不少于 {Settings.UnitMinProjects} 个的责任单位参与排名，单位得分为其项目得分按年度计划加权的平均值。",
        $"Units with at least {Settings.UnitMinProjects} eligible projects are ranked; a unit's score is its projects' scores weighted by annual plan.");

    /// <summary>"2020年6月12日" in the portfolio's time zone.</summary>
    public string Date => Lang.Date(PublishedOn);

    public string Chain => AuditEvent is { } a
        ? Lang.T($"审计链头：第 {a.Sequence} 号事件 {a.Hash}", $"Audit chain head: event {a.Sequence} {a.Hash}")
        : Lang.T("审计链头：未找到发布事件", "Audit chain head: publication event not found");

    public string Fingerprint => Lang.T($"快照 SHA-256：{Sha256}", $"Snapshot SHA-256: {Sha256}");

    /// <summary>A file name like "岷江市红黑榜督查通报-2020年5月.docx".</summary>
    public string FileName(string extension) =>
        Lang.T($"{City}红黑榜督查通报-{Month.Year}年{Month.Month}月", $"red-black-list-{Month}") + (Sequence > 1 ? $"-{Sequence}" : "") + "." + extension;

    /// <summary>Reads publication <paramref name="id"/> for <paramref name="actor"/> (readers only); null when there is none.</summary>
    public static async Task<BulletinModel?> LoadAsync(RankingQueries queries, MilepostDb db, PortfolioClock clock, IOptions<MilepostOptions> options,
        Actor actor, long id, CancellationToken ct = default)
    {
        if (await queries.PublicationAsync(actor, id, ct) is not { } view) return null;
        var city = await db.Divisions.AsNoTracking().Where(d => d.ParentCode == null).OrderBy(d => d.Code).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";
        var info = view.Info;
        DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), clock.Zone);
        return new BulletinModel(info.Id, city, options.Value.IssuingOffice, info.Month, Local(info.PublishedAt), info.PublishedBy, info.Sequence,
            info.Note, info.SupersededAt is { } s ? Local(s) : null, info.SupersededById, view.Snapshot, info.Sha256, view.HashMatches, view.AuditEvent);
    }

    /// <summary>The bulletin's tables in order. Cells are strings, ints or decimals, so the .xlsx keeps numbers numeric.</summary>
    public IReadOnlyList<BulletinTable> Tables =>
    [
        new("红榜", Lang.T("一、红榜项目", "1. Red list"), [Lang.T("排名", "No."), .. ProjectHeaders, Lang.T("较上月", "Movement")],
            [.. Red.Select(e => Row([e.Position, .. Components(e), Movement(e)]))]),
        new("黑榜", Lang.T("二、黑榜项目", "2. Black list"), [Lang.T("序号", "No."), .. ProjectHeaders, Lang.T("较上月", "Movement"), Lang.T("上榜原因", "Reason")],
            [.. Black.Select(e => Row([e.Position, .. Components(e), Movement(e), BlackReason(e)]))]),
        new("豁免", Lang.T("三、豁免项目", "3. Exempted"),
            [Lang.T("序号", "No."), Lang.T("项目名称", "Project"), Lang.T("责任单位", "Unit"), Lang.T("豁免类型", "Kind"), Lang.T("豁免理由", "Reason")],
            [.. Exempted.Select((e, i) => Row([i + 1, e.Name, e.UnitName, RankingText.Kind(e.Exemption!.Kind), e.Exemption.Reason]))]),
        new("单位排名", Lang.T("四、责任单位排名", "4. Responsible units"),
            [Lang.T("排名", "Rank"), Lang.T("责任单位", "Unit"), Lang.T("参评项目数", "Projects"), Lang.T("年度计划（万元）", "Annual plan (10k yuan)"),
             Lang.T("加权得分", "Weighted score"), Lang.T("榜单", "List"), Lang.T("较上月", "Movement")],
            [.. Units.Select(u => Row([u.Rank, u.UnitName, u.Projects, u.AnnualPlan.Wan, u.Score, RankingText.List(u.List), Movement(u)]))]),
    ];

    /// <summary>Every eligible project with every component, for the spreadsheet.</summary>
    public BulletinTable All => new("全部项目", Lang.T("全部参评项目", "All eligible projects"),
        [Lang.T("总排名", "Rank"), Lang.T("项目代码", "Code"), Lang.T("项目名称", "Project"), Lang.T("责任单位", "Unit"), Lang.T("年度计划（万元）", "Annual plan (10k yuan)"),
         Lang.T("投资完成率（%）", "Completion (%)"), Lang.T("序时进度（%）", "Expected (%)"), Lang.T("投资得分", "Investment"), Lang.T("节点得分", "Nodes"),
         Lang.T("报送得分", "Reporting"), Lang.T("总分", "Score"), Lang.T("一票否决", "Veto"), Lang.T("榜单", "List"), Lang.T("榜单位次", "Position"),
         Lang.T("较上月", "Movement"), Lang.T("豁免", "Exemption")],
        [.. Result.Entries.Select(e => Row([e.Rank, e.Code, e.Name, e.UnitName, e.AnnualPlan.Wan, Pct(e.CompletionRate), Pct(e.Expected),
            e.InvestmentScore, e.NodeScore, e.ReportScore, e.Score, string.Join(Lang.T("；", "; "), e.Vetoes.Select(v => Lang.T(v.MessageZh, v.MessageEn))),
            RankingText.List(e.List), e.Position, Movement(e), e.Exemption is { } x ? $"{RankingText.Kind(x.Kind)}：{x.Reason}" : ""]))]);

    private static string[] ProjectHeaders =>
        [Lang.T("项目名称", "Project"), Lang.T("责任单位", "Unit"), Lang.T("投资得分", "Investment"), Lang.T("节点得分", "Nodes"),
         Lang.T("报送得分", "Reporting"), Lang.T("总分", "Score")];

    private static object?[] Components(RankingEntry e) => [e.Name, e.UnitName, e.InvestmentScore, e.NodeScore, e.ReportScore, e.Score];

    private static object?[] Row(object?[] cells) => cells;

    private static decimal? Pct(decimal? rate) => rate is { } r ? Math.Round(r * 100, 2) : null;

    public static string Time(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>A table of the bulletin: the sheet name, the heading it prints under, its header row and rows of cells.</summary>
public sealed record BulletinTable(string Sheet, string Heading, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows)
{
    /// <summary>A cell as printed: scores and amounts with two decimals and thousands separators (SPEC §6), empty cells as "—".</summary>
    public static string Text(object? cell) => cell switch
    {
        null => "—",
        decimal d => d.ToString("#,0.00", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() is { Length: > 0 } s ? s : "—",
    };
}
