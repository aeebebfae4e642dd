using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Ledger;

public sealed class ImportFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>The project ledger import through HTTP, on the demo portfolio (岷江市), against SQLite.</summary>
public sealed class ImportProjectsTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    private const string Owner = "市交通建设投资集团有限公司", Dept = "市交通运输局", Health = "市卫生健康委", CityOwner = "市城市建设投资有限公司";

    /// <summary>A ledger as an office keeps it: title rows, a two-row header in 亿元, a total row, section rows, subtotals, every date form.</summary>
    public static byte[] Messy(string prefix, string code) => Xlsx(
        Row("岷江市2020年重点项目台账"),
        Row("填报单位：市发改委", null, null, null, null, "单位：万元"),
        Row("序号", "项目名称", "项目\n代码", "总投资（亿元）", "2020年计划投资", "建设年限", null, "业主单位", "责任单位", "联系市领导", "县（区）", "建设内容"),
        Row(null, null, null, null, null, "计划开工时间", "计划竣工时间"),
        Row("合　计", null, null, 3.5, 9100.0),
        Row("一、交通项目（2个）"),
        Row(1.0, prefix + "大桥", code, "１．２", "３，０００", "2020.3", 2022.6, Owner, Dept, "孙立群、陈宇航", "江城区", "主桥长 1.2 公里"),
        Row(2.0, prefix + "快速路", null, 1.8, "6000万元", "2020年6月", "2023年12月31日", Owner, Dept, "孙立群", "青山县", null),
        Row(null, "交通项目小计", null, 3.0, 9000.0),
        Row(null, null, null, null, null),
        Row("二、卫生健康项目"),
        Row(3.0, prefix + "医院", null, "5000万元", "100", 43891.0, new DateTime(2021, 12, 31), CityOwner, Health, "陈宇航", "新城区", null),
        Row(4.0, prefix + "社区卫生中心", null, "0.05", null, "6月", "2020.12.31", CityOwner, Health, "陈 宇 航", null, null));

    private async Task<T> DbAsync<T>(Func<MilepostDb, Task<T>> f)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        return await f(scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    private Task<(int Projects, int Units, int Categories, int Audit)> CountsAsync() => DbAsync(async db =>
        (await db.Projects.CountAsync(), await db.Units.CountAsync(), await db.Categories.CountAsync(), await db.AuditEvents.CountAsync()));

    [Fact]
    public async Task MessyLedger_ImportsToExactValues_ThenReimportLeavesAllUnchanged()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var file = Messy("甲", "2020-511800-48-01-000101");
        var response = await UploadAsync(client, file, "台账.xlsx");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var result = await response.ReadAsync<ImportResult>();
        Assert.True(result.Written);
        Assert.Equal((4, 0, 0), (result.Created, result.Updated, result.Unchanged));
        Assert.Equal([7, 8, 12, 13], result.Rows.Select(r => r.Row));

        var projects = await DbAsync(db => db.Projects.Where(p => p.Name.StartsWith("甲")).Include(p => p.Leaders).ThenInclude(l => l.Leader)
            .Include(p => p.AnnualPlans).Include(p => p.Category).Include(p => p.OwnerUnit).Include(p => p.ResponsibleUnit).AsSplitQuery().ToDictionaryAsync(p => p.Name));
        var bridge = projects["甲大桥"];
        Assert.Equal(("2020-511800-48-01-000101", "511802", "交通", Owner, Dept), (bridge.Code, bridge.DivisionCode, bridge.Category!.Name, bridge.OwnerUnit!.Name, bridge.ResponsibleUnit!.Name));
        Assert.Equal(new Money(120_000_000), bridge.TotalInvestment);
        Assert.Equal((new DateOnly(2020, 3, 1), new DateOnly(2022, 6, 30)), (bridge.PlannedStart, bridge.PlannedCompletion));
        Assert.Equal(["孙立群", "陈宇航"], bridge.Leaders.Select(l => l.Leader!.Name).Order());
        Assert.Equal("主桥长 1.2 公里", bridge.Content);
        var plan = Assert.Single(bridge.AnnualPlans);
        Assert.Equal((2020, new Money(30_000_000), (Money?)new Money(30_000_000)), (plan.Year, plan.PlannedInvestment, plan.BaselineInvestment));

        var road = projects["甲快速路"];
        Assert.Equal(("511822", new Money(180_000_000), new Money(60_000_000)), (road.DivisionCode, road.TotalInvestment, road.AnnualPlans.Single().PlannedInvestment));
        Assert.Equal((new DateOnly(2020, 6, 1), new DateOnly(2023, 12, 31)), (road.PlannedStart, road.PlannedCompletion));
        var hospital = projects["甲医院"];
        Assert.Equal(("卫生健康", "511803", new Money(50_000_000)), (hospital.Category!.Name, hospital.DivisionCode, hospital.TotalInvestment));
        Assert.Equal((new DateOnly(2020, 3, 1), new DateOnly(2021, 12, 31)), (hospital.PlannedStart, hospital.PlannedCompletion));
        // No division: the city; "陈 宇 航" padded with spaces is one name; "6月" takes the title's year.
        var centre = projects["甲社区卫生中心"];
        Assert.Equal(("511800", new Money(5_000_000), "陈宇航"), (centre.DivisionCode, centre.TotalInvestment, centre.Leaders.Single().Leader!.Name));
        Assert.Equal((new DateOnly(2020, 6, 1), new DateOnly(2020, 12, 31), 0), (centre.PlannedStart, centre.PlannedCompletion, centre.AnnualPlans.Count));

        var ids = projects.Values.Select(p => p.Id.ToString()).ToList();
        var audit = await DbAsync(db => db.AuditEvents.Where(e => e.Entity == "Project" && ids.Contains(e.EntityId)).ToListAsync());
        Assert.Equal(4, audit.Count);
        Assert.All(audit, e => Assert.Equal(("project.import.create", "supervisor"), (e.Action, e.Actor)));

        var before = await CountsAsync();
        var again = await (await UploadAsync(client, file, "台账.xlsx")).ReadAsync<ImportResult>();
        Assert.Equal((0, 0, 4), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ChangedRows_UpdateOnlyTheirFields_MatchedByCodeElseByName_WithOneAuditEventEach()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, Messy("乙", "2020-511800-48-01-000201"), "a.xlsx")).StatusCode);
        var bridgeId = await DbAsync(db => db.Projects.Where(p => p.Name == "乙大桥").Select(p => p.Id).SingleAsync());
        var file = Xlsx(
            Row("项目名称", "项目代码", "总投资（万元）", "县（区）", "计划竣工时间"),
            Row("乙大桥（更名）", "2020-511800-48-01-000201", "12,500", null, null),   // by code: renamed, new total
            Row("乙快速路", null, "18000", "青山县", "2024-06-30"),                  // by name in its division
            Row("乙医院", null, "5000", "新城区", null));                              // same as before
        var before = await CountsAsync();

        var dry = await (await UploadAsync(client, file, "b.xlsx", dryRun: true)).ReadAsync<ImportResult>();
        Assert.Equal((false, 0, 2, 1), (dry.Written, dry.Created, dry.Updated, dry.Unchanged));
        Assert.Equal(["项目名称", "总投资"], dry.Rows[0].ChangedFields);
        Assert.Equal(["计划竣工时间"], dry.Rows[1].ChangedFields);
        Assert.Equal(before, await CountsAsync());

        var result = await (await UploadAsync(client, file, "b.xlsx")).ReadAsync<ImportResult>();
        Assert.Equal((true, 2, 1), (result.Written, result.Updated, result.Unchanged));
        var bridge = await DbAsync(db => db.Projects.Include(p => p.Leaders).SingleAsync(p => p.Id == bridgeId));
        Assert.Equal(("乙大桥（更名）", new Money(125_000_000), 2), (bridge.Name, bridge.TotalInvestment, bridge.Leaders.Count));
        Assert.Equal(before.Audit + 2, (await CountsAsync()).Audit);
        var ev = await DbAsync(db => db.AuditEvents.Where(e => e.EntityId == bridgeId.ToString() && e.Entity == "Project").OrderBy(e => e.Sequence).LastAsync());
        Assert.Equal("project.import.update", ev.Action);
        Assert.Contains("\"Name\":\"乙大桥\"", ev.Before);
        Assert.Contains("\"Name\":\"乙大桥（更名）\"", ev.After);
    }

    [Fact]
    public async Task EveryKindOfError_ReachesTheUser_WithSheetRowColumn_AndNothingIsWritten()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var file = Xlsx(
            Row("项目名称", "项目代码", "总投资（万元）", "业主单位", "责任单位", "联系市领导", "县（区）", "计划开工时间", "计划竣工时间", "行业类别"),
            Row("丙一", "2020-511800-48-01-000301", "100", "不存在的公司", Dept, "孙立群", "江城区", "2020-01-01", "2020-12-31", "交通"),
            Row("丙二", null, "100", Owner, "不存在的局", "王不在", "火星区", "2020-01-01", "2021-01-01", "不存在的类别"),
            Row(null, null, "abc", Owner, Dept, "孙立群", null, "2020/13/1", null, "交通"),
            Row("丙四", "2020-511800-48-01-000301", "100", Owner, Dept, "孙立群", null, null, null, "交通"),
            Row("丙五", "12345", "100", Owner, Dept, null, null, null, null, "交通"),
            Row("丙六", null, "-5", Owner, Dept, "孙立群", null, "2021-01-01", "2020-01-01", "交通"),
            Row("丙七", null, "一百", "另一家不存在的公司", Dept, "孙立群", null, null, null, "交通"));
        var before = await CountsAsync();
        var response = await UploadAsync(client, file, "bad.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.ReadAsync<ImportResult>();
        Assert.False(result.Written);
        Assert.Equal(before, await CountsAsync());

        string At(string cell) => string.Join(" | ", result.Errors.Where(e => $"{e.Column}{e.Row}" == cell).Select(e => e.Message));
        Assert.All(result.Errors, e => Assert.Equal("项目台账", e.Sheet));
        Assert.Contains("业主单位“不存在的公司”不存在", At("D2"));
        Assert.Contains("金额无法识别", At("C4"));
        Assert.Contains("责任单位“不存在的局”不存在", At("E3"));
        Assert.Contains("联系市领导“王不在”不在市领导名单中", At("F3"));
        Assert.Contains("行政区划“火星区”不存在", At("G3"));
        Assert.Contains("日期无法识别", At("H4"));
        Assert.Contains("行业类别“不存在的类别”不存在", At("J3"));
        Assert.Contains("“项目名称”不能为空", At("A4"));
        Assert.Contains("项目代码与第2行重复", At("B5"));
        Assert.Contains("金额不能为负数", At("C7"));
        Assert.Contains("计划开工时间晚于计划竣工时间", At("H7"));
        Assert.Contains("项目代码“12345”格式不对", At("B6"));
        // A row with a bad amount has its names checked too: both errors at once, not one after the other is fixed.
        Assert.Contains("金额无法识别", At("C8"));
        Assert.Contains("业主单位“另一家不存在的公司”不存在", At("D8"));
        Assert.Contains("新建项目时“联系市领导”不能为空", At("F6"));
        var field = result.Errors.First(e => e.Column == "D" && e.Row == 2);
        Assert.Equal(("业主单位", "不存在的公司"), (field.Field, field.Value));

        // The error workbook: the sheet row for row with the reasons beside, and the list of every error.
        Assert.NotNull(result.ErrorToken);
        var download = await client.GetAsync($"/api/v1/import/errors/{result.ErrorToken}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        await using var stream = new MemoryStream(await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(["错误清单", "原表"], MiniExcel.GetSheetNames(stream));
        var list = MiniExcel.Query(stream, useHeaderRow: false, sheetName: "错误清单").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(result.Errors.Count + 1, list.Count);
        Assert.Contains(list, r => Equals(r["B"], 2d) && Equals(r["C"], "D") && Equals(r["D"], "业主单位") && Equals(r["E"], "不存在的公司"));
        var original = MiniExcel.Query(stream, useHeaderRow: false, sheetName: "原表").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(8, original.Count);
        Assert.Equal("丙一", original[1]["A"]);
        Assert.StartsWith("错误说明：D列（业主单位）：业主单位“不存在的公司”不存在", (string)original[1]["K"]!);
        // The bad cells themselves are filled red; a good cell is not.
        stream.Position = 0;
        using (var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(stream, false))
        {
            var book = doc.WorkbookPart!;
            var sheetId = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().First(s => s.Name == "原表").Id!.Value!;
            var cells = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheetId)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
            var styles = book.WorkbookStylesPart!.Stylesheet;
            string? Fill(string reference)
            {
                var style = cells.FirstOrDefault(c => c.CellReference == reference)?.StyleIndex?.Value ?? 0;
                var format = (DocumentFormat.OpenXml.Spreadsheet.CellFormat)styles.CellFormats!.ElementAt((int)style);
                var fill = (DocumentFormat.OpenXml.Spreadsheet.Fill)styles.Fills!.ElementAt((int)(format.FillId?.Value ?? 0));
                return fill.PatternFill?.ForegroundColor?.Rgb?.Value;
            }
            foreach (var bad in result.Errors.Where(e => e.Column.Length > 0)) Assert.Equal(ImportCellMarks.ErrorFill, Fill(bad.Column + bad.Row));
            Assert.Null(Fill("A2"));
            // Still a valid workbook for Excel after the marking.
            Assert.Empty(new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(doc).Where(e => e.Part?.Uri.ToString().Contains("sheet") == true || e.Part?.Uri.ToString().Contains("styles") == true)
                .Select(e => e.Description));
        }
        // Another user never gets it.
        var leader = await fx.Factory.SignInAsync("leader");
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/import/errors/{result.ErrorToken}")).StatusCode);
    }

    [Fact]
    public async Task CreateMissing_CreatesUnitsAndCategories_ButNeverLeaders()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var header = Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "联系市领导", "行业类别", "专项");
        var withStranger = Xlsx(header, Row("丁一", "100", "丁新公司", "丁新局", "王不在", "丁新类别", "丁新板块"));
        var before = await CountsAsync();
        var refused = await (await UploadAsync(client, withStranger, "c.xlsx", createMissing: true)).ReadAsync<ImportResult>();
        Assert.Equal(["E2"], refused.Errors.Select(e => e.Column + e.Row));
        Assert.Equal(before, await CountsAsync());

        var file = Xlsx(header, Row("丁一", "100", "丁新公司", "丁新局", "孙立群", "丁新类别", "丁新板块"),
            Row("丁二", "200", "丁新公司", Dept, "孙立群", "丁新类别", null));
        var dry = await (await UploadAsync(client, file, "c.xlsx", dryRun: true, createMissing: true)).ReadAsync<ImportResult>();
        Assert.Equal(["业主单位：丁新公司", "责任单位：丁新局", "专项（板块）：丁新板块", "行业类别：丁新类别"], dry.CreatedLookups);
        Assert.Equal(before, await CountsAsync());
        var result = await (await UploadAsync(client, file, "c.xlsx", createMissing: true)).ReadAsync<ImportResult>();
        Assert.Equal((true, 2), (result.Written, result.Created));
        var p = await DbAsync(db => db.Projects.Include(x => x.OwnerUnit).Include(x => x.ResponsibleUnit).Include(x => x.Programme).Include(x => x.Category).SingleAsync(x => x.Name == "丁一"));
        Assert.Equal((Milepost.Core.Portfolio.UnitKind.Owner, Milepost.Core.Portfolio.UnitKind.Department, "丁新板块", "丁新类别"),
            (p.OwnerUnit!.Kind, p.ResponsibleUnit!.Kind, p.Programme!.Name, p.Category!.Name));
        var after = await CountsAsync();
        Assert.Equal((before.Projects + 2, before.Units + 2, before.Categories + 1, before.Audit + 2 + 4), after);
    }

    [Fact]
    public async Task Csv_Utf8WithBom_AndGb18030_ReadTheSame()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var text = $"项目名称,总投资（万元）,业主单位,责任单位,联系市领导,行业类别,建设内容\r\n戊{{0}},\"1,234.5\",{Owner},{Dept},孙立群,交通,\"含引道，长 2 公里\"\r\n";
        var utf8 = await (await UploadAsync(client, Csv(string.Format(text, "甲"), new UTF8Encoding(false), bom: true), "a.csv", dryRun: true)).ReadAsync<ImportResult>();
        Assert.Equal((1, 0), (utf8.Created, utf8.Errors.Count));
        var gb = await (await UploadAsync(client, Csv(string.Format(text, "乙"), Encoding.GetEncoding("GB18030")), "b.csv")).ReadAsync<ImportResult>();
        Assert.True(gb.Written, string.Join("; ", gb.Errors));
        var p = await DbAsync(db => db.Projects.SingleAsync(x => x.Name == "戊乙"));
        Assert.Equal((new Money(12_345_000), "含引道，长 2 公里"), (p.TotalInvestment, p.Content));
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "malformed", "a.xlsx", "文件已损坏或不是 Excel 文件" },
        { "truncated", "b.xlsx", "文件已损坏或不是 Excel 文件" },
        { "bomb", "c.xlsx", "疑似压缩炸弹" },
        { "huge", "d.csv", "文件超过 50 MB" },
        { "xls", "e.xls", "不支持旧版 .xls 文件" },
        { "pdf", "f.pdf", "只能导入 .xlsx 或 .csv 文件" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task BadFiles_AreRefusedCleanly_WithNothingWritten(string kind, string name, string message)
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var good = Messy("己", "2020-511800-48-01-000601");
        byte[] bytes = kind switch
        {
            "malformed" => Encoding.UTF8.GetBytes("这不是 Excel 文件"),
            "truncated" => good[..(good.Length / 2)],
            "bomb" => ZipBomb(),
            "huge" => Encoding.ASCII.GetBytes(new string('x', (int)SheetReader.MaxBytes + 1)),
            "xls" => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            _ => Encoding.ASCII.GetBytes("%PDF-1.4"),
        };
        var before = await CountsAsync();
        var response = await UploadAsync(client, bytes, name);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, (await response.ReadAsync<ErrorBody>()).Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("dept")]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task OnlyTheSupervisorImports(string user)
    {
        var client = await fx.Factory.SignInAsync(user);
        var before = await CountsAsync();
        var response = await UploadAsync(client, Messy("庚", "2020-511800-48-01-000701"), "a.xlsx");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var after = await CountsAsync();
        // Nothing written but the refusal itself, which the audit trail records (SECURITY.md 10).
        Assert.Equal((before.Projects, before.Units, before.Categories, before.Audit + 1), after);
    }

    [Fact]
    public async Task ClashesWithExistingProjects_AreNamedAtTheirCells()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await UploadAsync(client, Messy("己", "2020-511800-48-01-000906"), "台账.xlsx")).StatusCode);
        // The hospital's 2020 plan is split by month on its page.
        await DbAsync(async db =>
        {
            var plan = await db.AnnualPlans.SingleAsync(a => db.Projects.Any(p => p.Id == a.ProjectId && p.Name == "己医院") && a.Year == 2020);
            plan.MonthlyPlan = [.. Enumerable.Repeat(new Money(83_333), 11), new Money(83_337)];
            return await db.SaveChangesAsync();
        });
        var before = await CountsAsync();
        var file = Xlsx(
            Row("岷江市2020年重点项目台账"),
            Row("项目名称", "项目代码", "县区", "年度计划投资（万元）", "专项"),
            Row("己大桥", "2020-511800-48-01-000999", "江城区", null, null),          // 3 the project of this name has another code
            Row("己医院", null, "新城区", 200.0, null),                                 // 4 a plan split by month
            Row("己快速路", null, "青山县", null, "不存在的专项"));                      // 5 unknown programme
        var response = await UploadAsync(client, file, "台账.xlsx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.ReadAsync<ImportResult>();
        Assert.Equal([
            ("B3", "import.code_conflict", "同名项目（同一行政区划）已有项目代码“2020-511800-48-01-000906”，与表中代码不一致，请核对"),
            ("D4", "import.plan_months", "该项目2020年计划已分月填报，不能用导入修改年度计划投资，请在项目页面调整分月计划"),
            ("E5", "import.unknown_programme", "专项（板块）“不存在的专项”不存在；如需新建，请勾选“自动创建缺少的单位、专项和类别”"),
        ], result.Errors.Select(e => (e.Column + e.Row, e.Code, e.Message)));

        // One project matched twice, by its name and by its code: the second row is named, and the first row's other
        // code does not leak into how the second is judged (no second, false code conflict).
        var twice = Xlsx(
            Row("项目名称", "项目代码", "县区"),
            Row("己大桥", "2020-511800-48-01-000999", "江城区"),
            Row("己大桥（更名）", "2020-511800-48-01-000906", null));
        result = await (await UploadAsync(client, twice, "台账.xlsx")).ReadAsync<ImportResult>();
        Assert.Equal([("B2", "import.code_conflict"), ("A3", "import.same_project")], result.Errors.Select(e => (e.Column + e.Row, e.Code)));
        Assert.Equal("与第2行对应的是同一个已有项目", result.Errors[1].Message);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ARowWithoutADivision_NeedsASingleTopLevelDivision()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            db.Divisions.Add(new Core.Portfolio.Division { Code = "511900", Name = "邻市" });
            await db.SaveChangesAsync();
        }
        var client = await factory.SignInAsync("supervisor");
        var response = await UploadAsync(client, Xlsx(Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "联系市领导", "行业类别"),
            Row("无区划项目", "100", Owner, Dept, "孙立群", "交通")), "台账.xlsx");
        var error = Assert.Single((await response.ReadAsync<ImportResult>()).Errors);
        Assert.Equal(("第2行", "import.no_division", "未填写行政区划，且系统中没有唯一的市级行政区划可作默认"), ($"第{error.Row}行", error.Code, error.Message));
    }
}
