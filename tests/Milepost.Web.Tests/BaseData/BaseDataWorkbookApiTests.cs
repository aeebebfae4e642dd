using System.IO.Compression;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Infrastructure;
using Milepost.Web.Tests.Ledger;
using static Milepost.Web.Tests.BaseData.BaseDataWorkbookFiles;

namespace Milepost.Web.Tests.BaseData;

/// <summary>The three doors of the base-data workbook: export, template and import, for the supervision office alone.</summary>
public sealed class BaseDataWorkbookApiTests(ImportFixture fx) : IClassFixture<ImportFixture>
{
    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, bool dryRun, string fileName = "基础数据.xlsx") =>
        ImportFiles.PostAsync(client, bytes, fileName, $"/api/v1/base/workbook?dryRun={(dryRun ? "true" : "false")}");

    [Fact]
    public async Task Export_IsOneWorkbook_HeaderFrozen_Audited_AndImportsBackUnchanged()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var exports = await db.AuditEvents.CountAsync(e => e.Action == "export" && e.EntityId == "base");

        var response = await client.GetAsync(BaseDataWorkbookApi.ExportPath);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ImportErrorWorkbook.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("基础数据-", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(exports + 1, await db.AuditEvents.CountAsync(e => e.Action == "export" && e.EntityId == "base"));

        using (var read = new MemoryStream(bytes))
        {
            var units = MiniExcel.Query(read, sheetName: "单位").Cast<IDictionary<string, object?>>().ToList();
            Assert.Equal(["名称", "简称", "类型", "上级单位", "别名", "联系人", "联系电话", "已停用"], units[0].Values.Select(v => (string?)v));
            Assert.Contains(units, u => (string?)u["A"] == "市交通运输局" && (string?)u["C"] == "责任单位" && (string?)u["H"] == "否");
            var leaders = MiniExcel.Query(read, sheetName: "市领导").Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(leaders, l => (string?)l["A"] == "林致远" && (string?)l["C"] == "市委");
        }
        using (var zip = new ZipArchive(new MemoryStream(bytes)))
            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
            {
                using var text = new StreamReader(sheet.Open());
                Assert.Contains("state=\"frozen\"", await text.ReadToEndAsync());
            }

        var back = await UploadAsync(client, bytes, dryRun: true);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var result = await back.ReadAsync<BaseDataWorkbookResult>();
        Assert.Equal((0, 0, false), (result.Created, result.Updated, result.Written));
        Assert.Equal(await db.Units.CountAsync(), result.Sheets.Single(s => s.Sheet == "单位").Unchanged);
    }

    [Fact]
    public async Task Template_HasEverySheet_NoRecords_AndANotesSheet_ThatImportsAsNothing()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var response = await client.GetAsync("/api/v1/base/workbook/template.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        using (var read = new MemoryStream(bytes))
        {
            Assert.Equal(["行政区划", "单位", "市领导", "专项", "行业类别", "填写说明"], MiniExcel.GetSheetNames(read));
            Assert.Single(MiniExcel.Query(read, sheetName: "专项"));
            Assert.Contains(MiniExcel.Query(read, useHeaderRow: true, sheetName: "填写说明").Cast<IDictionary<string, object?>>(),
                r => (string?)r["列"] == "类型" && (string?)r["填写说明"] == "牵头部门、责任单位、业主单位或县区政府");
        }
        var result = await (await UploadAsync(client, bytes, dryRun: true)).ReadAsync<BaseDataWorkbookResult>();
        Assert.Equal((0, 0, 0, 0), (result.Errors.Count, result.Warnings.Count, result.Created, result.Unchanged));
    }

    [Fact]
    public async Task Import_WithErrors_Is422_NothingWritten_AndTheErrorWorkbookMarksTheCells()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var units = await db.Units.CountAsync();
        var bad = Workbook(
            Sheet("说明", Row("随便写的说明")),
            Sheet("单位", Row("名称", "类型", "电话号码"), Row("市新单位甲", "主管部门"), Row("市新单位乙", "业主单位")));

        var response = await UploadAsync(client, bad, dryRun: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var result = await response.ReadAsync<BaseDataWorkbookResult>();
        var error = Assert.Single(result.Errors);
        Assert.Equal(("单位", 2, "B", "类型", "主管部门"), (error.Sheet, error.Row, error.Column, error.Field, error.Value));
        Assert.Equal(["workbook.sheet.unknown", "workbook.header.unknown"], result.Warnings.Select(w => w.Code));
        Assert.Equal(units, await db.Units.CountAsync());

        var download = await client.GetAsync($"/api/v1/import/errors/{result.ErrorToken}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var workbook = await download.Content.ReadAsByteArrayAsync();
        using var read = new MemoryStream(workbook);
        Assert.Equal(["错误清单", "单位"], MiniExcel.GetSheetNames(read));
        Assert.Contains(MiniExcel.Query(read, sheetName: "错误清单").Cast<IDictionary<string, object?>>(),
            r => (string?)r["A"] == "单位" && (string?)r["C"] == "B" && ((string?)r["F"])!.Contains("单位类型“主管部门”无法识别"));
        using var doc = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(workbook), false);
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Single(s => s.Name == "单位");
        var cell = ((DocumentFormat.OpenXml.Packaging.WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>()
            .Single(c => c.CellReference == "B2");
        var format = (DocumentFormat.OpenXml.Spreadsheet.CellFormat)book.WorkbookStylesPart!.Stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
        var fill = (DocumentFormat.OpenXml.Spreadsheet.Fill)book.WorkbookStylesPart.Stylesheet.Fills!.ElementAt((int)format.FillId!.Value);
        Assert.Equal(ImportCellMarks.ErrorFill, fill.PatternFill!.ForegroundColor!.Rgb!.Value);
    }

    [Fact]
    public async Task Import_RefusesWhatIsNoWorkbook_BeforeReadingARow()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var csv = await UploadAsync(client, "名称,类型\n市新单位,业主单位\n"u8.ToArray(), dryRun: true, "单位.csv");
        Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
        Assert.Contains("只能导入 Excel 工作簿", await csv.Content.ReadAsStringAsync());
        var bomb = await UploadAsync(client, ImportFiles.ZipBomb(), dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, bomb.StatusCode);
        Assert.Contains("压缩炸弹", await bomb.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("leader")]
    [InlineData("dept")]
    [InlineData("owner")]
    [InlineData("admin")]
    [InlineData("auditor")]
    public async Task OthersThanTheOffice_Get403_AndNothingIsExportedOrWritten(string user)
    {
        var client = await fx.Factory.SignInAsync(user);
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var before = (await db.AuditEvents.CountAsync(e => e.Action == "export"), await db.Units.CountAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(BaseDataWorkbookApi.ExportPath)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/base/workbook/template.xlsx")).StatusCode);
        using var form = new MultipartFormDataContent { { new ByteArrayContent(Workbook(Sheet("单位", Row("名称", "类型"), Row("市越权单位", "业主单位")))), "file", "x.xlsx" } };
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/v1/base/workbook?dryRun=false", form)).StatusCode);
        Assert.Equal(before, (await db.AuditEvents.CountAsync(e => e.Action == "export"), await db.Units.CountAsync()));
    }
}

/// <summary>The base-data export counts against the same per-user limit as the lists' exports, on a server of its own.</summary>
public sealed class BaseDataExportRateLimitTests
{
    [Fact]
    public async Task AfterTwentyExportsInAMinute_TheWorkbookGets429_WithTheExportMessage()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var supervisor = await factory.SignInAsync("supervisor");
        for (var i = 0; i < 19; i++)
            Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/v1/export/statistics.csv")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync(BaseDataWorkbookApi.ExportPath)).StatusCode);
        var refused = await supervisor.GetAsync(BaseDataWorkbookApi.ExportPath);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("导出过于频繁，请一分钟后再试。", await refused.Content.ReadAsStringAsync());
    }
}
