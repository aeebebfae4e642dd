using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Milepost.Web.Tests.Ledger;

/// <summary>
/// The demo portfolio with three projects renamed to spreadsheet formulas (as a hostile owner could name them), read back
/// through the export endpoints by several roles. Each account stays under the export rate limit (20 a minute).
/// </summary>
public sealed class ExportFixture : IAsyncLifetime
{
    public static readonly string[] Formulas = ["=HYPERLINK(\"http://x\",\"点此\")", "+1+1", "@SUM(A1:A9)"];
    public MilepostFactory Factory { get; } = new();
    public Dictionary<string, HttpClient> Clients { get; } = [];

    public async Task InitializeAsync()
    {
        await Factory.InitializeAccountsAsync();
        foreach (var user in new[] { "supervisor", "leader", "dept", "owner", "auditor", "admin", "security" })
            Clients[user] = await Factory.SignInAsync(user);
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var ids = await db.Projects.OrderBy(p => p.Id).Select(p => p.Id).Take(Formulas.Length).ToListAsync();
        for (var i = 0; i < ids.Count; i++)
        {
            var (id, name) = (ids[i], Formulas[i]);
            await db.Projects.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Name, name));
        }
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

public sealed class ExportTests(ExportFixture fx) : IClassFixture<ExportFixture>
{
    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes) =>
        [.. new MemoryStream(bytes).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>()];

    private static List<string> Headers(byte[] xlsx) =>
        [.. ((IDictionary<string, object?>)new MemoryStream(xlsx).Query(useHeaderRow: false).First()).Values.Select(v => v?.ToString() ?? "")];

    private async Task<HttpResponseMessage> GetAsync(string user, string url)
    {
        var response = await fx.Clients[user].GetAsync(url);
        return response;
    }

    private async Task<byte[]> BytesAsync(string user, string url)
    {
        var response = await GetAsync(user, url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadAsByteArrayAsync();
    }

    [Fact]
    public async Task Projects_Xlsx_UnderAFilter_HasTheListsRowsInItsOrder_WithChineseHeadersAndUnits()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var programme = await db.Projects.Where(p => p.ProgrammeId != null).GroupBy(p => p.ProgrammeId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var list = await fx.Clients["supervisor"].ListAsync($"programmeId={programme}&pageSize=200");
        Assert.InRange(list.Items.Count, 2, 14);

        var xlsx = await BytesAsync("supervisor", $"/api/v1/export/projects.xlsx?programme={programme}");
        Assert.Equal(["项目代码", "项目名称", "行政区划", "专项", "类别", "业主单位", "责任单位", "联系市领导", "总投资（万元）", "年度计划（万元）",
            "年度完成（万元）", "完成率（%）", "阶段", "计划开工", "计划竣工", "预警"], Headers(xlsx));
        var rows = ReadXlsx(xlsx);
        Assert.Equal(list.Items.Count, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            var (row, item) = (rows[i], list.Items[i]);
            Assert.Equal(item.Code, row["项目代码"]?.ToString());
            Assert.Equal(item.Name.StartsWith('=') || item.Name.StartsWith('+') || item.Name.StartsWith('@') ? "'" + item.Name : item.Name, row["项目名称"]);
            Assert.Equal(item.ResponsibleUnitName, row["责任单位"]);
            Assert.Equal(string.Join("、", item.Leaders), row["联系市领导"]?.ToString() ?? "");
            // Money stays a number (万元, two decimals), not text.
            Assert.Equal(Math.Round(item.TotalInvestmentWan, 2), Convert.ToDecimal(row["总投资（万元）"]));
            // Dates are date cells (sortable as dates in Excel), not text.
            Assert.Equal(item.PlannedStart?.ToDateTime(TimeOnly.MinValue), (DateTime?)row["计划开工"]);
        }
    }

    [Fact]
    public async Task Csv_IsUtf8WithBom_AndGb18030DecodesToTheSameText_QuotedAsRfc4180()
    {
        var utf8 = await BytesAsync("leader", "/api/v1/export/projects.csv");
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, utf8[..3]);
        var text = new UTF8Encoding(false).GetString(utf8[3..]);
        Assert.StartsWith("项目代码,项目名称,行政区划,专项,类别,业主单位,责任单位,联系市领导,总投资（万元）", text);
        Assert.EndsWith("\r\n", text);

        var response = await GetAsync("leader", "/api/v1/export/projects.csv?encoding=gb18030");
        Assert.Equal("gb18030", response.Content.Headers.ContentType?.CharSet);
        var gb = await response.Content.ReadAsByteArrayAsync();
        Assert.NotEqual(0xEF, gb[0]);
        Assert.Equal(text, ExportTable.Gb18030.GetString(gb));
        // A field with a quote or comma is quoted, its quotes doubled.
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"点此\"\")\"", text);
    }

    [Fact]
    public async Task FormulaNames_ComeBackAsText_InXlsxAndCsv_AndNoCellIsAFormula()
    {
        var xlsx = await BytesAsync("owner", "/api/v1/export/projects.xlsx");
        var supervisorXlsx = await BytesAsync("supervisor", "/api/v1/export/projects.xlsx");
        var names = ReadXlsx(supervisorXlsx).Select(r => r["项目名称"]?.ToString()).ToList();
        foreach (var f in ExportFixture.Formulas) Assert.Contains("'" + f, names);
        foreach (var file in new[] { xlsx, supervisorXlsx })
            Assert.DoesNotContain("<f>", SheetXml(file));
        var csv = Encoding.UTF8.GetString(await BytesAsync("supervisor", "/api/v1/export/projects.csv"));
        Assert.Contains(",'+1+1,", csv);
        Assert.Contains(",'@SUM(A1:A9),", csv);
        Assert.DoesNotContain(",+1+1,", csv);
    }

    private static string SheetXml(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Xlsx_FreezesTheHeaderRow_AndSetsColumnWidths()
    {
        var xml = SheetXml(await BytesAsync("dept", "/api/v1/export/problems.xlsx"));
        Assert.Contains("state=\"frozen\"", xml);
        Assert.Contains("ySplit=\"1\"", xml);
        Assert.Contains("topLeftCell=\"A2\"", xml);
        // The description column (D) is wide, the number column (A) narrow.
        // (MiniExcel adds Excel's cell padding, 5 pixels, to the width in characters.)
        Assert.Matches("<x:col min=\"4\" max=\"4\" width=\"48\\.7\\d*\" hidden=\"0\" customWidth=\"1\"", xml);
        Assert.Matches("<x:col min=\"1\" max=\"1\" width=\"8\\.7\\d*\" hidden=\"0\" customWidth=\"1\"", xml);
    }

    [Fact]
    public async Task Department_ExportsOnlyItsProjects_AsItsListShowsThem()
    {
        var list = await fx.Clients["dept"].ListAsync("pageSize=200");
        var rows = ReadXlsx(await BytesAsync("dept", "/api/v1/export/projects.xlsx"));
        Assert.NotEmpty(rows);
        Assert.Equal(list.Items.Select(i => i.Code).ToList(), rows.Select(r => r["项目代码"]?.ToString()).ToList());
        Assert.All(rows, r => Assert.Equal(list.Items[0].ResponsibleUnitName, r["责任单位"]));
        var all = ReadXlsx(await BytesAsync("leader", "/api/v1/export/projects.xlsx"));
        Assert.True(all.Count > rows.Count);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("admin")]
    [InlineData("security")]
    public async Task AdminRolesAndAuditor_AreRefused_ForEveryKind(string user)
    {
        foreach (var kind in ExportKinds.All)
            foreach (var ext in new[] { "xlsx", "csv" })
            {
                var response = await GetAsync(user, $"/api/v1/export/{kind}.{ext}");
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
                Assert.Contains("导出仅向业务用户开放", await response.Content.ReadAsStringAsync());
            }
    }

    [Fact]
    public async Task Export_WritesOneAuditEvent_WithKindFiltersAndRowCount()
    {
        var response = await GetAsync("supervisor", "/api/v1/export/overdue-nodes.csv?division=511800");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var ev = await db.AuditEvents.AsNoTracking().Where(e => e.Action == "export" && e.EntityId == "overdue-nodes").OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal("supervisor", ev.Actor);
        using var after = JsonDocument.Parse(ev.After!);
        Assert.Equal(lines.Length - 1, after.RootElement.GetProperty("Rows").GetInt64());
        Assert.Equal("csv", after.RootElement.GetProperty("Format").GetString());
        Assert.Equal("511800", after.RootElement.GetProperty("Filters").GetProperty("division").GetString());
    }

    [Fact]
    public async Task FileName_IsChinese_WithTheDate_AsRfc5987()
    {
        var response = await GetAsync("supervisor", "/api/v1/export/supervision.xlsx");
        var name = response.Content.Headers.ContentDisposition?.FileNameStar;
        Assert.Matches(@"^督办事项清单-\d{4}-\d{2}-\d{2}\.xlsx$", name);
    }

    [Fact]
    public async Task Statistics_AreTheDashboardsBreakdowns_ByCategoryAndDivision()
    {
        var dashboard = JsonDocument.Parse(await fx.Clients["leader"].GetStringAsync("/api/v1/dashboard/?year=2020")).RootElement;
        var rows = ReadXlsx(await BytesAsync("leader", "/api/v1/export/statistics.xlsx?year=2020"));
        var expected = new List<(string, string, decimal)>();
        foreach (var (key, by) in new[] { ("category", "按类别"), ("division", "按行政区划") })
            foreach (var b in dashboard.GetProperty("breakdowns").GetProperty(key).EnumerateArray())
                expected.Add((by, b.GetProperty("name").GetString()!, Math.Round(b.GetProperty("completedWan").GetDecimal(), 2)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, rows.Select(r => (r["统计口径"]!.ToString()!, r["名称"]!.ToString()!, Convert.ToDecimal(r["完成投资（万元）"]))).ToList());
        Assert.Contains("序时进度（%）", rows[0].Keys);
        Assert.Contains("差距（百分点）", rows[0].Keys);
    }

    [Fact]
    public async Task Problems_Supervision_Reports_And_OverdueNodes_HaveTheListsRowCounts()
    {
        var ledger = JsonDocument.Parse(await fx.Clients["leader"].GetStringAsync("/api/v1/problems/?overdue=true")).RootElement;
        Assert.Equal(ledger.GetProperty("rows").GetArrayLength(), ReadXlsx(await BytesAsync("leader", "/api/v1/export/problems.xlsx?overdue=true")).Count);

        var items = JsonDocument.Parse(await fx.Clients["leader"].GetStringAsync("/api/v1/supervision/")).RootElement;
        Assert.Equal(items.GetProperty("total").GetInt32(), ReadXlsx(await BytesAsync("leader", "/api/v1/export/supervision.xlsx")).Count);

        var nodes = JsonDocument.Parse(await fx.Clients["leader"].GetStringAsync("/api/v1/dashboard/records/overdue-nodes")).RootElement;
        Assert.Equal(nodes.GetProperty("total").GetInt32(), ReadXlsx(await BytesAsync("leader", "/api/v1/export/overdue-nodes.xlsx")).Count);

        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var reports = await db.MonthlyReports.Where(r => r.SupersededById == null).Select(r => r.Month).ToListAsync();
        var inRange = reports.Count(m => m.Year == 2020 && m.Month is >= 2 and <= 4);
        var rows = ReadXlsx(await BytesAsync("leader", "/api/v1/export/reports.xlsx?from=2020-02&to=2020-04"));
        Assert.Equal(inRange, rows.Count);
        Assert.All(rows, r => Assert.InRange(string.CompareOrdinal(r["月份"]!.ToString(), "2020-02"), 0, 2));
    }

    [Fact]
    public async Task BadFilters_Get400_NamingTheParameter_AndNothingIsAudited()
    {
        using var scope = fx.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var before = await db.AuditEvents.CountAsync(e => e.Action == "export");
        var response = await GetAsync("owner", "/api/v1/export/reports.csv?from=2020-13&division=51");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("from", body);
        Assert.Contains("行政区划代码应为 6 位数字", body);
        Assert.Equal(HttpStatusCode.NotFound, (await GetAsync("owner", "/api/v1/export/unknown.xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync("owner", "/api/v1/export/projects.csv?encoding=latin1")).StatusCode);
        Assert.Equal(before, await db.AuditEvents.CountAsync(e => e.Action == "export"));
    }
}

/// <summary>The export rate limit, on a server of its own so no other test's exports count against it.</summary>
public sealed class ExportRateLimitTests
{
    [Fact]
    public async Task TheTwentyFirstExportInAMinute_Gets429_WithAChineseMessage_OtherUsersUnaffected()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var leader = await factory.SignInAsync("leader");
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK, (await leader.GetAsync("/api/v1/export/statistics.csv")).StatusCode);
        var refused = await leader.GetAsync("/api/v1/export/statistics.csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("导出过于频繁，请一分钟后再试。", await refused.Content.ReadAsStringAsync());
        var owner = await factory.SignInAsync("owner");
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/api/v1/export/statistics.csv")).StatusCode);
    }
}
