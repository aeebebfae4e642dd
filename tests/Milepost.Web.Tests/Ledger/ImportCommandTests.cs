using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Cli;
using Milepost.Web.Tests.Cli;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Ledger;

public sealed class ImportCliFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public async Task InitializeAsync() => await Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary><c>milepost import projects</c>, called in-process through the real command line against the demo database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ImportCommandTests(ImportCliFixture fx) : IClassFixture<ImportCliFixture>
{
    private (int Exit, string Out, string Err) Import(params string[] args) => Run("projects", args);

    private (int Exit, string Out, string Err) ImportReports(params string[] args) => Run("reports", args);

    private (int Exit, string Out, string Err) Run(string kind, string[] args) => CliRun.On(fx.Factory, ["import", kind, .. args]);

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(fx.Factory.DataDirectory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private async Task<(int Projects, int Audit)> CountsAsync()
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        return (await db.Projects.CountAsync(), await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task DryRun_ThenImport_ThenAgain_CountsOnStdout_ProgressOnStderr()
    {
        var path = Write("ledger.xlsx", ImportProjectsTests.Messy("辛", "2020-511800-48-01-000801"));
        var before = await CountsAsync();

        var dry = Import(path, "--dry-run");
        Assert.True(dry.Exit == 0, dry.Err + dry.Out);
        Assert.Contains("试导入（未写入）：工作表“项目台账”，共 4 行数据；新增 4 个、更新 0 个、不变 0 个项目", dry.Out);
        Assert.Contains("正在校验第 4 行", dry.Err);
        Assert.Equal(before, await CountsAsync());

        var real = Import(path, "--user", "supervisor");
        Assert.True(real.Exit == 0, real.Err + real.Out);
        Assert.Contains("已导入：工作表“项目台账”，共 4 行数据；新增 4 个", real.Out);
        Assert.Equal((before.Projects + 4, before.Audit + 4), await CountsAsync());

        var again = Import(path, "--lang", "en");
        Assert.Equal(0, again.Exit);
        Assert.Contains("0 created, 0 updated, 4 unchanged", again.Out);
    }

    [Fact]
    public async Task RealShapedLedger_SectionsPrinted_UnmatchedNamesTheSwitch_ThenChosenWithSectionAndCreateMissing()
    {
        var path = Write("推进情况表.xlsx", ImportRealLedgerTests.Ledger("癸", "韩子墨"));
        var before = await CountsAsync();

        var refused = Import(path);
        Assert.Equal(3, refused.Exit);
        Assert.Contains("分组“交通基础设施工程”（2 个项目）→ 交通", refused.Out);
        Assert.Contains("分组“社会民生工程”（3 个项目）→ 未对应，请用 --section 指定", refused.Out);
        Assert.Contains("项目台账!K11 “韩子墨（市长助理）”：联系市领导“韩子墨”不在市领导名单中", refused.Out);
        Assert.Contains("--create-missing", refused.Out);
        Assert.DoesNotContain("勾选", refused.Out);
        Assert.Equal(before, await CountsAsync());

        Assert.Equal(2, Import(path, "--section", "社会民生工程").Exit);    // not HEADING=CATEGORY

        var done = Import(path, "--create-missing", "--section", "社会民生工程=教育");
        Assert.True(done.Exit == 0, done.Err + done.Out);
        Assert.Contains("新增 7 个", done.Out);
        Assert.Contains("新建 市领导：韩子墨（市长助理）", done.Out);
        Assert.Contains("分组“社会民生工程”（3 个项目）→ 教育", done.Out);
        Assert.Contains("期初数据截至 2020-05", done.Out);
        Assert.Equal(before.Projects + 7, (await CountsAsync()).Projects);
    }

    [Fact]
    public async Task Errors_AreListedAsSheetCell_Exit3_NothingWritten()
    {
        var path = Write("bad.xlsx", Xlsx(
            Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "联系市领导"),
            Row("壬一", "100", "不存在的公司", "市交通运输局", "孙立群"),
            Row("壬二", "一百", "市交通建设投资集团有限公司", "市交通运输局", "孙立群")));
        var before = await CountsAsync();
        var (exit, output, _) = Import(path);
        Assert.Equal(3, exit);
        Assert.Contains("发现 3 处错误，未写入任何数据", output);
        // No category column and no section heading: the row itself is named.
        Assert.Contains("项目台账!第2行：新建项目时“项目类别”不能为空", output);
        Assert.Contains("项目台账!C2 “不存在的公司”：业主单位“不存在的公司”不存在", output);
        Assert.Contains("项目台账!B3 “一百”：金额无法识别", output);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task UnreadableFile_Exit1_BadArguments_Exit2_NotASupervisor_Exit3()
    {
        var before = await CountsAsync();
        var good = ImportProjectsTests.Messy("癸", "2020-511800-48-01-000901");
        var truncated = Import(Write("cut.xlsx", good[..(good.Length / 2)]));
        Assert.Equal(1, truncated.Exit);
        Assert.Contains("文件已损坏或不是 Excel 文件", truncated.Err);
        Assert.Equal(1, Import(Path.Combine(fx.Factory.DataDirectory, "none.xlsx")).Exit);
        Assert.Equal(2, Import(Write("a.xlsx", good), "--lang", "fr").Exit);
        var owner = Import(Write("b.xlsx", good), "--user", "owner");
        Assert.Equal(3, owner.Exit);
        Assert.Contains("不是督查室账号", owner.Err);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Reports_DryRun_ThenApproved_ThenAnErrorIsListed_Exit3()
    {
        Assert.Equal(0, Import(Write("ledger-reports.xlsx", ImportProjectsTests.Messy("寅", "2020-511800-48-01-000811"))).Exit);
        var sheet = Write("reports.xlsx", Xlsx("月报",
            Row("项目代码", "项目名称", "月份", "本月完成投资（万元）", "形象进度"),
            Row("2020-511800-48-01-000811", null, "2020-04", 100.0, "10%"),
            Row(null, "寅医院", "2020-05", 250.5, "5%")));
        var before = await CountsAsync();

        var dry = ImportReports(sheet, "--dry-run");
        Assert.True(dry.Exit == 0, dry.Err + dry.Out);
        Assert.Contains("试导入（未写入）：工作表“月报”，共 2 行数据；新增 2 份、更新 0 份、不变 0 份月报", dry.Out);
        Assert.Equal(before, await CountsAsync());

        var real = ImportReports(sheet, "--approve", "--user", "supervisor");
        Assert.True(real.Exit == 0, real.Err + real.Out);
        Assert.Contains("已导入：工作表“月报”，共 2 行数据；新增 2 份", real.Out);
        Assert.Equal(before.Audit + 2, (await CountsAsync()).Audit);
        await using (var scope = fx.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var id = await db.Projects.Where(p => p.Name == "寅医院").Select(p => p.Id).SingleAsync();
            var hospital = await db.MonthlyReports.SingleAsync(r => r.ProjectId == id);
            Assert.Equal((Core.Reports.ReportState.Approved, new Core.Money(2_505_000), 5m, "supervisor"),
                (hospital.State, hospital.CompletedInvestment, hospital.ProgressPercent, hospital.ReviewedBy));
        }

        // The approved April with another figure: refused at its cell, nothing written.
        var changed = Write("reports2.xlsx", Xlsx("月报",
            Row("项目代码", "月份", "本月完成投资（万元）"),
            Row("2020-511800-48-01-000811", "2020-04", 120.0)));
        var (exit, output, _) = ImportReports(changed);
        Assert.Equal(3, exit);
        Assert.Contains("月报!C2：该项目2020年4月月报已审核通过，其数据与表中不一致（本月完成投资）", output);
        var english = ImportReports(changed, "--lang", "en");
        Assert.Equal(3, english.Exit);
        Assert.Contains("月报!C2：The 2020-04 report is approved, with other figures (本月完成投资)", english.Out);
        Assert.Equal(before.Audit + 2, (await CountsAsync()).Audit);
    }
}
