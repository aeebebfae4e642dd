using System.IO.Compression;
using System.Net;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Ranking;
using Milepost.Data;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Milepost.Web.Tests.Ranking;

/// <summary>
/// The demo's May 2020 list published once, after one project was renamed to a spreadsheet formula (as a hostile
/// owner could name it); the bulletin's files and page are read back and checked against the frozen snapshot.
/// </summary>
public sealed class BulletinFixture : IAsyncLifetime
{
    public const string Formula = "=HYPERLINK(\"http://x\")";
    public MilepostFactory Factory { get; } = new();
    public long Id { get; private set; }
    public RankingSnapshot Snapshot { get; private set; } = default!;
    public string Sha256 { get; private set; } = "";
    public string AuditHash { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Factory.InitializeAccountsAsync();
        var supervisor = await Factory.SignInAsync("supervisor");
        var draft = RankingSnapshot.FromJson(await supervisor.GetStringAsync("/api/v1/rankings/2020-05/draft"));
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var renamed = draft.Result.Red.Last().ProjectId;
            await db.Projects.Where(p => p.Id == renamed).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, Formula));
        }
        var response = await supervisor.PostJsonAsync("/api/v1/rankings/2020-05/publications", new PublishDto("5月红黑榜正式发布"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Id = (await response.ReadAsync<JsonElement>()).GetProperty("id").GetInt64();
        using var s2 = Factory.Services.CreateScope();
        var db2 = s2.ServiceProvider.GetRequiredService<MilepostDb>();
        var row = await db2.RankingPublications.SingleAsync(p => p.Id == Id);
        (Snapshot, Sha256) = (RankingSnapshot.FromJson(row.Snapshot), row.Sha256);
        AuditHash = await db2.AuditEvents.Where(e => e.Action == RankingCommands.PublishAction && e.EntityId == Id.ToString())
            .Select(e => e.Hash).SingleAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class BulletinTests(BulletinFixture fx) : IClassFixture<BulletinFixture>
{
    private RankingResult Result => fx.Snapshot.Result;

    [Fact]
    public async Task Docx_ListsEveryRedAndBlackProject_WithItsScoresAndReasons_InNamedChineseStyles()
    {
        var leader = await fx.Factory.SignInAsync("leader");
        var response = await leader.GetAsync($"/ranking/publications/{fx.Id}/bulletin.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("岷江市红黑榜督查通报-2020年5月.docx", response.Content.Headers.ContentDisposition?.FileNameStar);

        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        // Word refuses a document that breaks the schema, so the file must validate (as Office 2019 reads it).
        var invalid = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(invalid.Count == 0, string.Join("\n", invalid));
        var body = doc.MainDocumentPart!.Document!.Body!;
        var text = body.InnerText;
        Assert.Contains("岷江市重点项目建设红黑榜督查通报", text);
        Assert.Contains("2020年第5期", text);
        Assert.Contains("市委督查室", text);
        Assert.Contains($"{Result.Entries.Count(e => e.Exemption is null)} 个纳入年度计划的重点项目", text);

        var tables = body.Elements<Table>().Select(Cells).ToList();
        var red = tables[0];
        Assert.Equal(["排名", "项目名称", "责任单位", "投资得分", "节点得分", "报送得分", "总分", "较上月"], red[0]);
        Assert.Equal(Result.Red.Select(e => new[] { e.Position.ToString(), e.Name, e.UnitName, Score(e.InvestmentScore), Score(e.NodeScore),
            Score(e.ReportScore), Score(e.Score) }), red.Skip(1).Select(r => r[..7]));
        Assert.Contains(red, r => r[1] == BulletinFixture.Formula);   // a name is printed as written, never evaluated

        var black = tables[1];
        Assert.Equal(Result.Black.Select(e => e.Name), black.Skip(1).Select(r => r[1]));
        Assert.Equal(Result.Black.Select(e => Score(e.Score)), black.Skip(1).Select(r => r[6]));
        var vetoed = Result.Black.First(e => e.Vetoed);
        Assert.Equal("岷江会议会展中心", vetoed.Name);
        Assert.Equal("一票否决：" + string.Join("；", vetoed.Vetoes.Select(v => v.MessageZh)), black.Single(r => r[1] == vetoed.Name)[^1]);
        var low = Result.Black.First(e => !e.Vetoed);
        Assert.Equal($"得分 {Score(low.Score)}，低于 60 分", black.Single(r => r[1] == low.Name)[^1]);
        var units = tables[^1];
        Assert.Equal(Result.Units.Where(u => u.Rank is not null).OrderBy(u => u.Rank).Select(u => u.UnitName), units.Skip(1).Select(r => r[1]));

        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!.Elements<Style>().ToDictionary(s => s.StyleId!.Value!);
        Assert.Equal("仿宋_GB2312", styles[BulletinDocx.BodyStyle].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.Equal("黑体", styles[BulletinDocx.HeadingStyle].StyleRunProperties!.RunFonts!.EastAsia!.Value);
        Assert.All(body.Descendants<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.ParagraphStyleId));
        var margins = body.GetFirstChild<SectionProperties>()!.GetFirstChild<PageMargin>()!;
        Assert.Equal((2098, 1984, 1588u, 1474u), (margins.Top!.Value, margins.Bottom!.Value, margins.Left!.Value, margins.Right!.Value));

        var footer = doc.MainDocumentPart.FooterParts.Single().Footer!.InnerText;
        Assert.Contains(fx.Sha256, footer);
        Assert.Contains(fx.AuditHash, footer);
    }

    [Fact]
    public async Task Xlsx_RoundTripsTheSnapshot_WithNumbersAsNumbers_AndFormulasEscaped()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var response = await owner.GetAsync($"/ranking/publications/{fx.Id}/bulletin.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(["红榜", "黑榜", "豁免", "单位排名", "全部项目"], MiniExcel.GetSheetNames(new MemoryStream(bytes)));

        var all = Rows(bytes, "全部项目");
        Assert.Equal(Result.Entries.Count, all.Count);
        foreach (var (e, row) in Result.Entries.Zip(all))
        {
            Assert.Equal(e.Name.StartsWith('=') ? "'" + e.Name : e.Name, row["项目名称"]);
            Assert.Equal(e.UnitName, row["责任单位"]);
            Assert.Equal((e.InvestmentScore, e.NodeScore, e.ReportScore, e.Score),
                (Number(row["投资得分"]), Number(row["节点得分"]), Number(row["报送得分"]), Number(row["总分"])));
            Assert.Equal(e.AnnualPlan.Wan, Number(row["年度计划（万元）"]));
            Assert.Equal(e.Rank, row["总排名"] is null ? null : (int)Number(row["总排名"]));
        }
        Assert.Contains(all, r => (string?)r["项目名称"] == "'" + BulletinFixture.Formula);
        Assert.Equal(Result.Red.Select(e => e.ProjectId).Count(), Rows(bytes, "红榜").Count);
        var black = Rows(bytes, "黑榜");
        Assert.Equal(Result.Black.Select(e => e.Name), black.Select(r => r["项目名称"]));
        Assert.StartsWith("一票否决：", (string)black.Single(r => (string?)r["项目名称"] == "岷江会议会展中心")["上榜原因"]!);

        // No cell of any sheet is a formula, and scores are numeric cells (no t="s"/"str" on them).
        using var zip = new ZipArchive(new MemoryStream(bytes));
        foreach (var sheet in zip.Entries.Where(z => z.FullName.StartsWith("xl/worksheets/sheet", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(sheet.Open());
            var xml = await reader.ReadToEndAsync();
            Assert.DoesNotContain("<x:f", xml);
            Assert.DoesNotContain("<f>", xml);
        }
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+86 123", "'+86 123")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("岷江会议会展中心", "岷江会议会展中心")]
    [InlineData("a=b", "a=b")]
    public void XlsxText_StartingLikeAFormula_IsEscapedWithAQuote(string text, string written) =>
        Assert.Equal(written, BulletinXlsx.Cell(text));

    [Fact]
    public void XlsxNumbers_StayNumbers() => Assert.Equal(41.65m, BulletinXlsx.Cell(41.65m));

    [Fact]
    public async Task EachDownload_IsAnExportInTheAuditTrail()
    {
        var dept = await fx.Factory.SignInAsync("dept");
        foreach (var (url, kind) in new[] { ($"/ranking/publications/{fx.Id}/bulletin.xlsx", "bulletin"), ("/assessment/2020.xlsx", "assessment") })
        {
            Assert.Equal(HttpStatusCode.OK, (await dept.GetAsync(url)).StatusCode);
            using var scope = fx.Factory.Services.CreateScope();
            var last = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync();
            Assert.Equal(("export", "Export", kind, "dept"), (last.Action, last.Entity, last.EntityId, last.Actor));
            Assert.Contains("\"Bytes\":", last.After);
        }
    }

    [Fact]
    public async Task AssessmentXlsx_ShowsEveryComponentOfEveryUnit_AsTheAssessmentComputesIt()
    {
        var owner = await fx.Factory.SignInAsync("owner");
        var view = JsonSerializer.Deserialize<JsonElement>(await owner.GetStringAsync("/api/v1/assessments/2020"));
        var response = await owner.GetAsync("/assessment/2020.xlsx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("2020年度重点项目责任单位考核.xlsx", response.Content.Headers.ContentDisposition?.FileNameStar);
        var rows = Rows(await response.Content.ReadAsByteArrayAsync(), "年度考核");
        var entries = view.GetProperty("entries").EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.Equal(entries.Count, rows.Count);
        foreach (var (e, row) in entries.Zip(rows))
        {
            Assert.Equal(e.GetProperty("unitName").GetString(), row["责任单位"]);
            Assert.Equal(e.GetProperty("redAppearances").GetInt32(), (int)Number(row["红榜次数"]));
            Assert.Equal(e.GetProperty("blackAppearances").GetInt32(), (int)Number(row["黑榜次数"]));
            Assert.Equal(-e.GetProperty("blackPoints").GetDecimal(), Number(row["黑榜扣分（每次 2 分）"]));
            Assert.Equal(e.GetProperty("itemsOverdue").GetInt32(), (int)Number(row["督办事项逾期数"]));
            if (e.GetProperty("total").ValueKind == JsonValueKind.Number)
                Assert.Equal(e.GetProperty("total").GetDecimal(), Number(row["年度总分"]));
        }
        Assert.Contains(rows, r => r["5月得分"] is not null);
    }

    [Fact]
    public async Task Page_PrintsTheNoticeWithItsHashAndAuditChainHead()
    {
        var dept = await fx.Factory.SignInAsync("dept");
        var html = WebUtility.HtmlDecode(await dept.GetStringAsync($"/ranking/publications/{fx.Id}/bulletin"));
        Assert.Contains("岷江市重点项目建设红黑榜督查通报", html);
        Assert.Contains(fx.Sha256, html);
        Assert.Contains(fx.AuditHash, html);
        // 打印 is a data-print button served by print.js: the CSP refuses inline handlers (issue 16).
        Assert.Contains("data-print", html);
        Assert.DoesNotContain("onclick=", html);
        Assert.Contains("print", html[html.IndexOf("<script", StringComparison.Ordinal)..]);
        Assert.Contains("@page { size: A4", html);
        foreach (var e in Result.Red.Concat(Result.Black)) Assert.Contains(e.Name, html);
        Assert.DoesNotContain("mp-side", html);   // no application menu on the paper
    }

    [Theory]
    [InlineData("supervisor", HttpStatusCode.OK)]
    [InlineData("owner", HttpStatusCode.OK)]
    [InlineData("admin", HttpStatusCode.Forbidden)]
    [InlineData("security", HttpStatusCode.Forbidden)]
    public async Task Downloads_AreForReadersOfPublishedLists(string user, HttpStatusCode expected)
    {
        var client = await fx.Factory.SignInAsync(user);
        Assert.Equal(expected, (await client.GetAsync($"/ranking/publications/{fx.Id}/bulletin.docx")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/ranking/publications/{fx.Id}/bulletin.xlsx")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync("/assessment/2020.xlsx")).StatusCode);
        var page = await client.GetAsync($"/ranking/publications/{fx.Id}/bulletin");
        if (expected == HttpStatusCode.OK) Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        else Assert.Contains("/account/denied", page.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UnknownPublication_Is404_ForFilesAndPage()
    {
        var leader = await fx.Factory.SignInAsync("leader");
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/ranking/publications/999999/bulletin.docx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/ranking/publications/999999/bulletin.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await leader.GetAsync("/ranking/publications/999999/bulletin")).StatusCode);
    }

    private static string Score(decimal d) => RankingText.Score(d);

    private static decimal Number(object? cell) => Convert.ToDecimal(cell, System.Globalization.CultureInfo.InvariantCulture);

    private static List<string[]> Cells(Table t) =>
        [.. t.Elements<TableRow>().Select(r => r.Elements<TableCell>().Select(c => c.InnerText).ToArray())];

    private static List<IDictionary<string, object?>> Rows(byte[] xlsx, string sheet) =>
        [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>()];
}
