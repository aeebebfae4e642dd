using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Ledger;

/// <summary>
/// Monthly reports imported through HTTP on the demo portfolio (today 2020-06-11), against SQLite: each test imports
/// its own projects first (ImportProjectsTests.Messy with its own prefix), so the report states it starts from are its own.
/// </summary>
public sealed class ImportReportsTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    private async Task<T> DbAsync<T>(Func<MilepostDb, Task<T>> f)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    /// <summary>Imports the four projects of the messy ledger under <paramref name="prefix"/>; returns their ids by name.</summary>
    private async Task<(HttpClient Client, Dictionary<string, long> Ids)> ProjectsAsync(string prefix, string code)
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var response = await UploadAsync(client, ImportProjectsTests.Messy(prefix, code), "台账.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ids = await DbAsync(db => db.Projects.Where(p => p.Name.StartsWith(prefix)).ToDictionaryAsync(p => p.Name, p => p.Id));
        return (client, ids);
    }

    private static async Task<ImportResult> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadAsync<ImportResult>();
    }

    private Task<List<MonthlyReport>> ReportsAsync(IEnumerable<long> projects) => DbAsync(db =>
        db.MonthlyReports.Where(r => projects.Contains(r.ProjectId)).OrderBy(r => r.ProjectId).ThenBy(r => r.Month).ThenBy(r => r.Revision).ToListAsync());

    /// <summary>A month's sheet as offices compile it: a title with the month, a unit line, a two-row header, a total row, every way of naming the project.</summary>
    private static byte[] MaySheet(string prefix, string code) => Xlsx("5月月报",
        Row("岷江市2020年重点项目月报"),
        Row(null, null, null, null, null, "单位：万元"),
        Row("序号", "项目代码", "项目名称", "县（区）", "月份", "完成投资", null, "形象进度", "进展情况"),
        Row(null, null, null, null, null, "本月", "累计"),
        Row("合计", null, null, null, null, 3500.0, 4700.0),
        Row(1.0, code, prefix + "大桥", null, "2020年4月", "１，２００", "1200", "35%", "主桥桩基施工"),
        Row(2.0, code, null, null, "2020.5", 1500.0, 2700.0, "40%", "主桥承台施工"),
        Row(3.0, null, prefix + "快速路", "青山县", "5月", "800万元", null, "主体施工", "路基完成 3 公里"),
        Row(4.0, null, prefix + "医院", null, "2020-05", "0.05亿元", null, 0.3, null));

    [Fact]
    public async Task MessySheet_ImportsAsSubmittedReports_ToExactValues_ThenReimportLeavesAllUnchanged()
    {
        var (client, ids) = await ProjectsAsync("月甲", "2020-511800-48-01-000901");
        var file = MaySheet("月甲", "2020-511800-48-01-000901");
        var auditBefore = await DbAsync(db => db.AuditEvents.CountAsync());

        var dry = await OkAsync(await UploadReportsAsync(client, file, "月报.xlsx", dryRun: true));
        Assert.Equal((4, 0, 0, false), (dry.Created, dry.Updated, dry.Unchanged, dry.Written));
        Assert.Equal(["2020-04", "2020-05", "2020-05", "2020-05"], dry.Rows.Select(r => r.Month));
        Assert.Empty(await ReportsAsync(ids.Values));

        var result = await OkAsync(await UploadReportsAsync(client, file, "月报.xlsx"));
        Assert.Equal((4, true), (result.Created, result.Written));
        // Row 7 names the project by code alone; row 6's name agrees with its code: no warning about names.
        Assert.DoesNotContain(result.Warnings, w => w.Code == "import.name_mismatch");
        var reports = await ReportsAsync(ids.Values);
        Assert.All(reports, r => Assert.Equal((ReportState.Submitted, "supervisor", 1), (r.State, r.SubmittedBy, r.Revision)));
        var bridge = reports.Where(r => r.ProjectId == ids["月甲大桥"]).ToList();
        Assert.Equal([(new YearMonth(2020, 4), new Money(12_000_000), 35m, "主桥桩基施工"), (new YearMonth(2020, 5), new Money(15_000_000), 40m, "主桥承台施工")],
            bridge.Select(r => (r.Month, r.CompletedInvestment, r.ProgressPercent, r.Narrative)));
        // Progress in words goes into the narrative; with no earlier report the percentage is 0.
        var road = reports.Single(r => r.ProjectId == ids["月甲快速路"]);
        Assert.Equal((new Money(8_000_000), 0m, "形象进度：主体施工\n路基完成 3 公里"), (road.CompletedInvestment, road.ProgressPercent, road.Narrative));
        // 0.05 亿元 in a 万元 column, and 0.3 as Excel keeps a percentage cell.
        var hospital = reports.Single(r => r.ProjectId == ids["月甲医院"]);
        Assert.Equal((new Money(5_000_000), 30m, (string?)null), (hospital.CompletedInvestment, hospital.ProgressPercent, hospital.Narrative));

        var audit = await DbAsync(db => db.AuditEvents.OrderBy(e => e.Sequence).Skip(auditBefore).ToListAsync());
        Assert.Equal(4, audit.Count);
        Assert.All(audit, e => Assert.Equal(("report.import.create", "MonthlyReport", "supervisor"), (e.Action, e.Entity, e.Actor)));
        Assert.Equal(reports.Select(r => r.Id.ToString()).Order(), audit.Select(e => e.EntityId).Order());

        var again = await OkAsync(await UploadReportsAsync(client, file, "月报.xlsx"));
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(auditBefore + 4, await DbAsync(db => db.AuditEvents.CountAsync()));
    }

    [Fact]
    public async Task EveryErrorKind_IsNamedAtItsCell_AndNothingIsWritten()
    {
        var (client, ids) = await ProjectsAsync("月乙", "2020-511800-48-01-000902");
        // A second 月乙医院 in another division makes the bare name ambiguous.
        var second = Xlsx(Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "联系市领导", "行业类别", "县区"),
            Row("月乙医院", "100", "市城市建设投资有限公司", "市卫生健康委", "陈宇航", "卫生健康", "江城区"));
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, second, "台账.xlsx")).StatusCode);
        await DbAsync(async db =>
        {
            db.MonthlyReports.Add(Report(ids["月乙快速路"], 4, 12_000_000, 50m, ReportState.Approved));
            db.MonthlyReports.Add(Report(ids["月乙社区卫生中心"], 5, 1_000_000, 10m, ReportState.Submitted));
            return await db.SaveChangesAsync();
        });
        var before = (await DbAsync(db => db.MonthlyReports.CountAsync()), await DbAsync(db => db.AuditEvents.CountAsync()));

        var file = Xlsx("月报",
            Row("项目代码", "项目名称", "月份", "本月完成投资（万元）", "形象进度", "进展情况"),
            Row("2020-000000-00-00-000000", null, "2020-05", 100.0, null, null),      // 2 unknown code
            Row(null, "无此项目", "2020-05", 100.0, null, null),                        // 3 unknown name
            Row(null, "月乙医院", "2020-05", 100.0, null, null),                        // 4 two projects of that name
            Row("2020-511800-48-01-000902", null, "2020-07", 100.0, null, null),      // 5 July has not begun
            Row(null, "月乙快速路", "2020-05", 100.0, "30%", null),                     // 6 below April's 50% without a reason
            Row(null, "月乙快速路", "2020-04", 900.0, null, null),                      // 7 April is approved with 1,200
            Row(null, "月乙社区卫生中心", "2020-05", 200.0, null, null),                // 8 May is awaiting review with 100
            Row("2020-511800-48-01-000902", "月乙大桥", "2020-06", 5.0, null, null),  // 9 good
            Row(null, "月乙大桥", "2020-06", 5.0, null, null),                          // 10 the same project and month as row 9
            Row(null, "月乙大桥", "2020-03", 5.0, null, new string('长', 4001)),        // 11 narrative too long
            Row("2020-000000-00-00-000001", null, "十三月", 5.0, null, null));          // 12 a bad month and an unknown code, both named
        var response = await UploadReportsAsync(client, file, "月报.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.ReadAsync<ImportResult>();
        Assert.False(result.Written);
        Assert.Equal([
            ("A2", "import.unknown_project_code"), ("B3", "import.unknown_project_name"), ("B4", "import.ambiguous_project"),
            ("C5", "import.future_month"), ("E6", "import.rule"), ("D7", "import.report_approved"), ("D8", "import.report_submitted"),
            ("B10", "import.same_report"), ("F11", "import.rule"), ("A12", "import.unknown_project_code"), ("C12", "ledger.bad_month"),
        ], result.Errors.Select(e => (e.Column + e.Row, e.Code)));
        string Message(int row) => result.Errors.Single(e => e.Row == row).Message;
        Assert.Equal("找不到项目代码为“2020-000000-00-00-000000”的项目", Message(2));
        Assert.StartsWith("名称为“月乙医院”的项目不止一个（新城区、江城区）", Message(4));
        Assert.Equal("2020年7月尚未开始，不能填报月报", Message(5));
        Assert.Equal("形象进度 30% 低于上月的 50%，请填写进度回退原因", Message(6));
        Assert.StartsWith("该项目2020年4月月报已审核通过，其数据与表中不一致（本月完成投资）", Message(7));
        Assert.StartsWith("该项目2020年5月月报已报送、正等待审核，其数据与表中不一致（本月完成投资）", Message(8));
        Assert.Equal("与第9行重复（同一项目、同一月份）", Message(10));
        Assert.Equal("本月进展情况不能超过 4000 字", Message(11));
        Assert.Equal(before, (await DbAsync(db => db.MonthlyReports.CountAsync()), await DbAsync(db => db.AuditEvents.CountAsync())));
        Assert.NotNull(result.ErrorToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/import/errors/{result.ErrorToken}")).StatusCode);
    }

    [Fact]
    public async Task ReportsFollowTheWorkflow_ReturnedIsResubmitted_ApproveRecordsTheReview_AgreeingApprovedIsLeftAlone()
    {
        var (client, ids) = await ProjectsAsync("月丙", "2020-511800-48-01-000903");
        await DbAsync(async db =>
        {
            db.MonthlyReports.Add(Report(ids["月丙大桥"], 4, 3_000_000, 20m, ReportState.Approved));
            db.MonthlyReports.Add(Report(ids["月丙大桥"], 5, 1_000_000, 25m, ReportState.Returned));
            db.MonthlyReports.Add(Report(ids["月丙医院"], 5, 2_000_000, 15m, ReportState.Submitted));
            return await db.SaveChangesAsync();
        });
        var file = Xlsx("月报",
            Row("项目名称", "月份", "本月完成投资（万元）", "形象进度", "进度回退原因"),
            Row("月丙大桥", "2020年4月", 300.0, "20%", null),
            Row("月丙大桥", "2020年5月", 400.0, "18%", "设计变更，部分桩基返工"),
            Row("月丙医院", "2020年5月", 200.0, null, null),
            Row("月丙快速路", "2020年5月", 50.0, null, null));

        var result = await OkAsync(await UploadReportsAsync(client, file, "月报.xlsx", approve: true));
        Assert.Equal((1, 2, 1), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal(["本月完成投资", "形象进度", "进度回退原因", "报送并审核通过"], result.Rows.Single(r => r.Row == 3).ChangedFields);
        Assert.Equal(["审核通过"], result.Rows.Single(r => r.Row == 4).ChangedFields);
        Assert.Equal(["报送并审核通过"], result.Rows.Single(r => r.Row == 5).ChangedFields);

        var reports = await ReportsAsync(ids.Values);
        var may = reports.Single(r => r.ProjectId == ids["月丙大桥"] && r.Month == new YearMonth(2020, 5));
        Assert.Equal((ReportState.Approved, new Money(4_000_000), 18m, "设计变更，部分桩基返工", "supervisor", "supervisor"),
            (may.State, may.CompletedInvestment, may.ProgressPercent, may.ProgressReason, may.SubmittedBy, may.ReviewedBy));
        var hospital = reports.Single(r => r.ProjectId == ids["月丙医院"]);
        Assert.Equal((ReportState.Approved, new Money(2_000_000), 15m), (hospital.State, hospital.CompletedInvestment, hospital.ProgressPercent));
        Assert.Equal(ReportState.Approved, reports.Single(r => r.ProjectId == ids["月丙快速路"]).State);
        Assert.Equal(3, reports.Count(r => r.ProjectId == ids["月丙大桥"] || r.ProjectId == ids["月丙医院"]));
        var actions = await DbAsync(db => db.AuditEvents.Where(e => e.Entity == "MonthlyReport").OrderByDescending(e => e.Sequence).Take(3).Select(e => e.Action).ToListAsync());
        Assert.Equal(["report.import.create", "report.import.update", "report.import.update"], actions.Order());
    }

    [Fact]
    public async Task BlankCellsKeepTheReport_WordsJoinItsNarrative_AnUnfilledDraftTakesLastMonthsProgress_FundsStayInTheAudit()
    {
        var (client, ids) = await ProjectsAsync("月丁", "2020-511800-48-01-000904");
        await DbAsync(async db =>
        {
            db.MonthlyReports.Add(Report(ids["月丁大桥"], 4, 3_000_000, 60m, ReportState.Approved));
            var returned = Report(ids["月丁大桥"], 5, 1_000_000, 65m, ReportState.Returned);
            returned.Narrative = "承台混凝土浇筑完成";
            returned.FundsReceived.Add(new ReportFunds { DivisionCode = "511800", Source = Core.Projects.FundingSource.SpecialBond, Amount = new Money(2_000_000) });
            db.MonthlyReports.Add(returned);
            db.MonthlyReports.Add(Report(ids["月丁医院"], 4, 1_000_000, 40m, ReportState.Approved));
            db.MonthlyReports.Add(Report(ids["月丁医院"], 5, 0, 0m, ReportState.Draft)); // created by the owner, never filled in
            return await db.SaveChangesAsync();
        });
        object?[][] rows =
        [
            Row("项目名称", "县区", "月份", "本月完成投资（万元）", "形象进度", "进展情况"),
            Row("月丁大桥", null, "2020-05", 120.0, "主体施工", null),
            Row("月丁医院", null, "2020-05", 80.0, null, null),
        ];
        var refused = await UploadReportsAsync(client, Xlsx("月报", [.. rows, Row("月丁快速路", "江城区", "2020-05", 10.0, null, null)]), "月报.xlsx", dryRun: true);
        var errors = (await refused.ReadAsync<ImportResult>()).Errors;
        // 月丁快速路 is in 青山县: the error says where it is.
        Assert.Equal([("B4", "江城区没有名称为“月丁快速路”的项目（该名称的项目在：青山县），请核对县区或填写项目代码")], errors.Select(e => (e.Column + e.Row, e.Message)));

        var result = await OkAsync(await UploadReportsAsync(client, Xlsx("月报", rows), "月报.xlsx"));
        Assert.Equal(2, result.Updated);
        var reports = await ReportsAsync(ids.Values);
        var bridge = reports.Single(r => r.ProjectId == ids["月丁大桥"] && r.Month == new YearMonth(2020, 5));
        Assert.Equal((ReportState.Submitted, new Money(1_200_000), 65m, "形象进度：主体施工\n承台混凝土浇筑完成"),
            (bridge.State, bridge.CompletedInvestment, bridge.ProgressPercent, bridge.Narrative));
        var hospital = reports.Single(r => r.ProjectId == ids["月丁医院"] && r.Month == new YearMonth(2020, 5));
        Assert.Equal((ReportState.Submitted, new Money(800_000), 40m), (hospital.State, hospital.CompletedInvestment, hospital.ProgressPercent));
        var audit = await DbAsync(db => db.AuditEvents.SingleAsync(e => e.Entity == "MonthlyReport" && e.EntityId == bridge.Id.ToString()));
        Assert.Contains("\"Source\":\"SpecialBond\"", audit.Before);
        Assert.Contains("\"Source\":\"SpecialBond\"", audit.After);
    }

    [Fact]
    public async Task AWriteThatMeetsAnotherUsersRow_IsTheChangedError_NotAFailure()
    {
        var (_, ids) = await ProjectsAsync("月戊", "2020-511800-48-01-000905");
        await DbAsync(async db =>
        {
            db.MonthlyReports.Add(Report(ids["月戊大桥"], 5, 1_000_000, 10m, ReportState.Submitted));
            return await db.SaveChangesAsync();
        });
        // What the import's write does when an owner has created the month's report since the check: the same (project, month, revision).
        var error = await Assert.ThrowsAsync<ValidationException>(() => DbAsync(db => ImportErrorKinds.UnlessChangedAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.MonthlyReports.Add(Report(ids["月戊大桥"], 5, 2_000_000, 10m, ReportState.Submitted));
            await SqliteBulkInsert.SaveAddedAsync<MonthlyReport>(db);
            await tx.CommitAsync();
            return 0;
        })));
        Assert.Equal("导入过程中数据已被他人修改，未导入任何数据，请重新导入", Assert.Single(error.Errors).MessageZh);
        Assert.Single(await ReportsAsync([ids["月戊大桥"]]));
    }

    [Fact]
    public async Task ANameThatDisagreesWithTheCode_IsAWarning_AndTheCodeDecides()
    {
        var (client, ids) = await ProjectsAsync("月己", "2020-511800-48-01-000907");
        var result = await OkAsync(await UploadReportsAsync(client, Xlsx("月报", Row("项目代码", "项目名称", "月份", "本月完成投资（万元）"),
            Row("2020-511800-48-01-000907", "月己医院", "2020-05", 10.0)), "月报.xlsx"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(("B2", "项目代码“2020-511800-48-01-000907”对应的项目是“月己大桥”，与表中名称不一致，以项目代码为准，请核对"), (warning.Column + warning.Row, warning.Message));
        Assert.Equal(ids["月己大桥"], Assert.Single(await ReportsAsync(ids.Values)).ProjectId);
    }

    [Fact]
    public async Task CsvInGb18030_ImportsLikeTheWorkbook()
    {
        var (client, ids) = await ProjectsAsync("月庚", "2020-511800-48-01-000908");
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var text = "项目代码,项目名称,月份,本月完成投资（万元）,形象进度,进展情况\r\n" +
                   "2020-511800-48-01-000908,月庚大桥,2020年5月,\"1,234.5\",50%,\"桩基完成，承台施工\"\r\n";
        var result = await OkAsync(await UploadReportsAsync(client, Csv(text, System.Text.Encoding.GetEncoding("GB18030")), "月报.csv"));
        Assert.Equal(1, result.Created);
        var report = Assert.Single(await ReportsAsync(ids.Values));
        Assert.Equal((new YearMonth(2020, 5), new Money(12_345_000), 50m, "桩基完成，承台施工"), (report.Month, report.CompletedInvestment, report.ProgressPercent, report.Narrative));
    }

    [Fact]
    public async Task OnlyTheOffice_MayImportReports()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var response = await UploadReportsAsync(owner, Xlsx(Row("项目名称", "月份", "本月完成投资")), "月报.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static MonthlyReport Report(long project, int month, long yuan, decimal progress, ReportState state) => new()
    {
        ProjectId = project, DivisionCode = "511800", Month = new YearMonth(2020, month), Revision = 1, State = state, Version = 1,
        CompletedInvestment = new Money(yuan), ProgressPercent = progress,
        SubmittedAt = state == ReportState.Draft ? null : new DateTime(2020, month + 1, 3, 1, 0, 0, DateTimeKind.Utc), SubmittedBy = "owner",
    };
}

/// <summary>The templates on the import page: every column of each is one the import reads, and an empty template imports as nothing.</summary>
public sealed class ImportTemplateTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    [Theory]
    [InlineData("projects", "项目台账", 13)]
    [InlineData("reports", "月报", 9)]
    public async Task Template_HeadersAreAllRecognised_AndItImportsAsNothing(string kind, string sheet, int columns)
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var response = await client.GetAsync($"/api/v1/import/template/{kind}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        await using var stream = new MemoryStream(bytes);
        Assert.Equal([sheet], MiniExcelLibs.MiniExcel.GetSheetNames(stream));
        var header = MiniExcelLibs.MiniExcel.Query(stream, useHeaderRow: false).Cast<IDictionary<string, object?>>().First().Values.ToList();
        var found = Core.Ledger.LedgerHeader.Find(sheet, [header], kind == "projects" ? Core.Ledger.LedgerFieldTable.Projects : Core.Ledger.LedgerFieldTable.Reports);
        Assert.Empty(found.Errors);
        Assert.Equal(columns, found.Columns.Count(c => c.Field is { } f && f != Core.Ledger.LedgerField.Ignored));

        var imported = await (kind == "projects" ? UploadAsync(client, bytes, "模板.xlsx", dryRun: true) : UploadReportsAsync(client, bytes, "模板.xlsx", dryRun: true));
        var result = await imported.ReadAsync<ImportResult>();
        Assert.Equal((HttpStatusCode.OK, 0, 0), (imported.StatusCode, result.RowsRead, result.Errors.Count));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/import/template/other")).StatusCode);
    }
}
