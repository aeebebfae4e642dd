using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Features.Reports;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Ledger;

/// <summary>
/// A ledger shaped as offices really write it (issue 15 item 4), imported into the demo city (today 2020-06-11):
/// leaders with their titles in every form, dates as periods (年中, 上半年, 三季度, 2021年, 2022年底 …), opening balances
/// (截至上年底累计完成, 2020年/1-5月完成投资) and section headings that name categories only loosely.
/// </summary>
public sealed class ImportRealLedgerTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    public const string Transport = "市交通建设投资集团有限公司", TransportDept = "市交通运输局", City = "市城市建设投资有限公司", Housing = "市住房城乡建设局";

    /// <summary>Seven projects under three sections; "社会民生工程" matches no category of the demo city.</summary>
    /// <param name="newLeader">A leader not on the list (each test its own: the fixture's database is shared).</param>
    /// <param name="year">The ledger's year (its dates are written relative to it), <paramref name="through"/> the last month
    /// of its year-to-date column, and <paramref name="city"/> the city in its title: the demo's by default.</param>
    public static byte[] Ledger(string p, string newLeader, int year = 2020, int through = 5, string city = "岷江市")
    {
        string Y(int after) => (year + after).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Xlsx(
            Row($"{city}{Y(0)}年重点项目推进情况表"),
            Row(null, null, null, null, null, null, null, null, null, null, null, "单位：万元"),
            Row("序号", "项目名称", "总投资", "截至上年底累计完成投资", $"{Y(0)}年", null, "建设年限", null, "业主单位", "责任单位", "联系市领导", "备注"),
            Row(null, null, null, null, "计划投资", $"1-{through}月完成投资", "开工时间", "竣工时间"),
            Row("合计", null, 91_000.0, 12_000.0, 24_000.0, 5_300.0),
            Row("（一）交通基础设施工程"),
            Row(1.0, p + "滨江大道", 30_000.0, 10_000.0, 8_000.0, 3_000.0, "年中", $"{Y(2)}年底", Transport, TransportDept, "孙立群（常务副市长）", null),
            Row(2.0, p + "物流大道", 12_000.0, null, 4_000.0, 1_000.0, "上半年", $"{Y(1)}.12", Transport, TransportDept, "副市长陈宇航、孙立群", null),
            Row("（二）产业类项目"),
            Row(3.0, p + "标准厂房", 8_000.0, null, 3_000.0, null, "三季度", $"{Y(1)}年", City, Housing, "陈宇航 副市长", null),
            Row(4.0, p + "数据中心", 15_000.0, 2_000.0, 3_000.0, 500.0, "下半年", "12月底", City, Housing, newLeader + "（市长助理）", "新增领导"),
            Row("（三）社会民生工程"),
            Row(5.0, p + "第二中学", 6_000.0, null, 2_000.0, 300.0, $"{Y(0)}.3", $"{Y(1)}年底", City, Housing, "黄振邦（市长）", null),
            Row(6.0, p + "社区医院", 5_000.0, null, 2_000.0, 500.0, $"{Y(0)}年4月", "年底", City, Housing, "刘静怡(副市长)/黄振邦", null),
            Row(7.0, p + "体育公园", 15_000.0, null, 2_000.0, null, "一季度", $"{Y(2)}年6月底", City, Housing, "林致远（市委书记）", null));
    }

    private async Task<T> DbAsync<T>(Func<IServiceProvider, MilepostDb, Task<T>> f)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    [Fact]
    public async Task WithoutCreation_EachUnknownIsReportedAtItsCell_AndNothingIsWritten()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var before = await DbAsync((_, db) => db.Projects.CountAsync());
        var response = await UploadAsync(client, Ledger("乙", "周建华"), "推进情况表.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.ReadAsync<ImportResult>();

        Assert.False(result.Written);
        Assert.Equal(before, await DbAsync((_, db) => db.Projects.CountAsync()));
        var leader = Assert.Single(result.Errors, e => e.Code == "import.unknown_leader");
        Assert.Equal((11, "K"), (leader.Row, leader.Column));
        Assert.Contains("自动创建", leader.Message, StringComparison.Ordinal);    // the web door names its checkbox
        // The section nobody could map is an error on each of its three rows, at the name column, saying what to do.
        Assert.Equal([(13, "B"), (14, "B"), (15, "B")], result.Errors.Where(e => e.Code == "import.unmatched_section").Select(e => (e.Row, e.Column)));
        var warning = Assert.Single(result.Warnings, w => w.Code == "import.leader_title");
        Assert.Equal((13, "K"), (warning.Row, warning.Column));
        Assert.Contains("副市长", warning.Message, StringComparison.Ordinal);
        // The demo's category 交通 has the alias 交通基础设施: the heading is that alias once 工程 is taken off.
        Assert.Equal(
            [("交通基础设施工程", "交通", "stripped", 2), ("产业类项目", "产业", "stripped", 2), ("社会民生工程", (string?)null, ImportSection.None, 3)],
            result.Sections.Select(s => (s.Section, s.Category, s.How, s.Rows)));
    }

    [Fact]
    public async Task WithCreationAndAChosenSection_AllSevenImportExactly_WithTheirOpenings()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var choices = new Dictionary<string, string> { ["社会民生工程"] = "教育" };
        var dry = await (await UploadAsync(client, Ledger("丙", "王新民"), "推进情况表.xlsx", dryRun: true, createMissing: true, sections: choices)).ReadAsync<ImportResult>();
        Assert.False(dry.HasErrors, string.Join("\n", dry.Errors));
        Assert.Equal(["市领导：王新民（市长助理）"], dry.CreatedLookups);
        Assert.Equal("2020-05", dry.OpeningThrough);
        Assert.Equal(ImportSection.Chosen, dry.Sections.Single(s => s.Section == "社会民生工程").How);

        var response = await UploadAsync(client, Ledger("丙", "王新民"), "推进情况表.xlsx", createMissing: true, sections: choices);
        var result = await response.ReadAsync<ImportResult>();
        Assert.True(result.Written, string.Join("\n", result.Errors));
        Assert.Equal(7, result.Created);

        var projects = await DbAsync((_, db) => db.Projects.AsNoTracking().Where(x => x.Name.StartsWith("丙"))
            .Include(x => x.Leaders).ThenInclude(l => l.Leader).Include(x => x.Category).Include(x => x.AnnualPlans).AsSplitQuery()
            .ToDictionaryAsync(x => x.Name));
        string Leaders(string name) => string.Join("、", projects[name].Leaders.Select(l => l.Leader!.Name).Order(StringComparer.Ordinal));
        DateOnly D(int y, int m, int d) => new(y, m, d);
        Assert.Equal((D(2020, 6, 1), D(2022, 12, 31), "交通", "孙立群"), Fields("丙滨江大道"));
        Assert.Equal((D(2020, 1, 1), D(2021, 12, 31), "交通", string.Join("、", new[] { "孙立群", "陈宇航" }.Order(StringComparer.Ordinal))), Fields("丙物流大道"));
        Assert.Equal((D(2020, 7, 1), D(2021, 12, 31), "产业", "陈宇航"), Fields("丙标准厂房"));
        Assert.Equal((D(2020, 7, 1), D(2020, 12, 31), "产业", "王新民"), Fields("丙数据中心"));
        Assert.Equal((D(2020, 3, 1), D(2021, 12, 31), "教育", "黄振邦"), Fields("丙第二中学"));
        Assert.Equal((D(2020, 4, 1), D(2020, 12, 31), "教育", string.Join("、", new[] { "刘静怡", "黄振邦" }.Order(StringComparer.Ordinal))), Fields("丙社区医院"));
        Assert.Equal((D(2020, 1, 1), D(2022, 6, 30), "教育", "林致远"), Fields("丙体育公园"));
        (DateOnly?, DateOnly?, string, string) Fields(string name) =>
            (projects[name].PlannedStart, projects[name].PlannedCompletion, projects[name].Category!.Name, Leaders(name));

        var created = await DbAsync((_, db) => db.Leaders.AsNoTracking().SingleAsync(l => l.Name == "王新民"));
        Assert.Equal(("市长助理", Core.Portfolio.LeaderBody.Government), (created.Title, created.Body));

        // Openings: every new project joined through May; amounts only where the ledger gave them.
        var openings = await DbAsync((_, db) => db.OpeningBalances.AsNoTracking().ToDictionaryAsync(o => o.ProjectId));
        var bridge = openings[projects["丙滨江大道"].Id];
        Assert.Equal((new YearMonth(2020, 5), Money.FromWan(10_000), Money.FromWan(3_000)), (bridge.Through, bridge.CompletedBeforeYear, bridge.CompletedInYear));
        var park = openings[projects["丙体育公园"].Id];
        Assert.Equal((new YearMonth(2020, 5), (Money?)null, (Money?)null), (park.Through, park.CompletedBeforeYear, park.CompletedInYear));

        // The project page and the review queue read them: year to date as of May is the ledger's 1-5月, and May is not missing.
        var ids = projects.Values.Select(x => x.Id).ToList();
        var (status, queue, may) = await DbAsync(async (sp, _) =>
        {
            var supervisor = new Actor("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);
            return (await sp.GetRequiredService<ProjectStatusService>().ForProjectsAsync(ids),
                await sp.GetRequiredService<ReportQueries>().QueueAsync(supervisor),
                await sp.GetRequiredService<RankingQueries>().DraftAsync(supervisor, new YearMonth(2020, 5)));
        });
        Assert.Equal(Money.FromWan(3_000), status[projects["丙滨江大道"].Id].Indicators.YtdCompleted);
        Assert.Equal(Money.FromWan(13_000), status[projects["丙滨江大道"].Id].Indicators.Ac);
        Assert.Equal(Money.FromWan(5_300), Money.Sum(ids.Select(id => status[id].Indicators.YtdCompleted)));
        Assert.DoesNotContain(queue.LateOrMissing, r => ids.Contains(r.ProjectId));
        Assert.All(may.Snapshot.Inputs.Where(i => ids.Contains(i.ProjectId)), i => Assert.Equal(ReportTimeliness.Opening, i.Report));

        // One audit event per project, carrying its opening; the history reads it in words.
        var events = await DbAsync((_, db) => db.AuditEvents.AsNoTracking().Where(e => e.Action == "project.import.create" && e.After!.Contains("丙滨江大道")).ToListAsync());
        Assert.Contains("\"Opening\"", Assert.Single(events).After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinceStartAndThisYear_GiveTheAmountBeforeTheYear_AndAReportedProjectRefusesAnOpening()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var file = Xlsx(
            Row("项目名称", "总投资", "开工累计完成投资", "本年累计完成", "年度计划投资", "业主单位", "责任单位", "联系市领导", "项目类别", "计划开工时间", "计划竣工时间"),
            Row("丁污水管网", 9_000.0, 4_200.0, 700.0, 2_000.0, City, Housing, "刘静怡", "市政公用", "2019.5", "2021年底"),
            Row("丁旧账", 9_000.0, 300.0, 700.0, 2_000.0, City, Housing, "刘静怡", "市政公用", "2019.5", "2021年底"));
        var bad = await (await UploadAsync(client, file, "台账.xlsx", dryRun: true)).ReadAsync<ImportResult>();
        var below = Assert.Single(bad.Errors);
        Assert.Equal((3, "C"), (below.Row, below.Column));      // since the start less than this year alone

        var good = Xlsx(Row("项目名称", "总投资", "开工累计完成投资", "本年累计完成", "年度计划投资", "业主单位", "责任单位", "联系市领导", "项目类别", "计划开工时间", "计划竣工时间"),
            Row("丁污水管网", 9_000.0, 4_200.0, 700.0, 2_000.0, City, Housing, "刘静怡", "市政公用", "2019.5", "2021年底"));
        var result = await (await UploadAsync(client, good, "台账.xlsx")).ReadAsync<ImportResult>();
        Assert.True(result.Written, string.Join("\n", result.Errors));
        var opening = await DbAsync((_, db) => db.OpeningBalances.AsNoTracking().SingleAsync(o => db.Projects.Any(x => x.Id == o.ProjectId && x.Name == "丁污水管网")));
        // 本年累计 names no month: through the last closed month of the day of the import (May 2020).
        Assert.Equal((new YearMonth(2020, 5), Money.FromWan(3_500), Money.FromWan(700)), (opening.Through, opening.CompletedBeforeYear, opening.CompletedInYear));

        // A demo project with reports from January cannot take an opening through May: refused at the opening's cell.
        var reported = await DbAsync((_, db) => db.Projects.AsNoTracking()
            .Where(x => x.Code != null && db.MonthlyReports.Any(r => r.ProjectId == x.Id && r.Month == new YearMonth(2020, 1) && r.State != Core.Reports.ReportState.Draft))
            .Select(x => new { x.Code, x.Name }).FirstAsync());
        var again = await (await UploadAsync(client, Xlsx(Row("项目代码", "项目名称", "本年累计完成"), Row(reported.Code, reported.Name, 100.0)), "台账.xlsx", dryRun: true))
            .ReadAsync<ImportResult>();
        var refusal = Assert.Single(again.Errors);
        Assert.Equal(("import.opening_after_reports", "C"), (refusal.Code, refusal.Column));
    }
}
