using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Cli;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Cli;
using Milepost.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Milepost.Web.Tests.Ledger;

public sealed class ExportCliFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public string Folder { get; } = Directory.CreateTempSubdirectory("milepost-export-cli").FullName;

    public async Task InitializeAsync() => await Factory.InitializeAccountsAsync();

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary><c>milepost export</c>, called in-process through the real command line against the demo database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExportCommandTests(ExportCliFixture fx) : IClassFixture<ExportCliFixture>
{
    private (int Exit, string Out, string Err) Export(params string[] args) => CliRun.On(fx.Factory, ["export", .. args]);

    private string PathOf(string name) => Path.Combine(fx.Folder, name);

    private async Task<long> ExportEventsAsync()
    {
        using var scope = fx.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.LongCountAsync(e => e.Action == ExportService.AuditAction);
    }

    [Fact]
    public async Task Projects_AsADepartment_WritesTheSameRowsAsTheWebExport_AndAudits()
    {
        var file = PathOf("dept.xlsx");
        var (exit, output, error) = Export("projects", "--format", "xlsx", "--output", file, "--user", "dept");
        Assert.True(exit == 0, error);
        Assert.Contains("已导出", output);
        var web = await (await fx.Factory.SignInAsync("dept")).GetByteArrayAsync("/api/v1/export/projects.xlsx");
        static List<string> Rows(Stream s) => [.. s.Query(useHeaderRow: false).Cast<IDictionary<string, object?>>().Select(r => string.Join("|", r.Values))];
        await using (var cli = File.OpenRead(file))
            Assert.Equal(Rows(new MemoryStream(web)), Rows(cli));
        Assert.False(File.Exists(file + ".part"));
        using var scope = fx.Factory.Services.CreateScope();
        var ev = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.Where(e => e.Action == "export").OrderByDescending(e => e.Sequence).FirstAsync(e => e.Actor == "dept");
        Assert.Equal("projects", ev.EntityId);
    }

    [Fact]
    public async Task Problems_AsCsvInGb18030_WithoutAUser_RunsWithTheOfficesViewAsCli()
    {
        var file = PathOf("problems.csv");
        var (exit, _, error) = Export("problems", "--format", "csv", "--encoding", "gb18030", "--output", file, "--overdue", "true");
        Assert.True(exit == 0, error);
        var text = ExportTable.Gb18030.GetString(await File.ReadAllBytesAsync(file));
        Assert.StartsWith("编号,项目名称,问题类别,问题描述,牵头部门", text);
        using var scope = fx.Factory.Services.CreateScope();
        var ev = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.Where(e => e.Action == "export").OrderByDescending(e => e.Sequence).FirstAsync();
        Assert.Equal(CliDatabase.CliActor, ev.Actor);
        Assert.Contains("\"overdue\":\"true\"", ev.After);
    }

    [Theory]
    [InlineData("widgets", "--format", "xlsx", "导出种类“widgets”无效")]
    [InlineData("projects", "--format", "pdf", "--format 只能是 xlsx 或 csv")]
    [InlineData("projects", "--year", "20x0", "筛选条件 year=“20x0”无效")]
    [InlineData("reports", "--from", "2020-13", "筛选条件 from=“2020-13”无效")]
    [InlineData("projects", "--user", "nobody", "账号“nobody”不存在")]
    [InlineData("projects", "--user", "auditor", "导出仅向业务用户开放")]
    [InlineData("projects", "--encoding", "gb18030", "--encoding 只用于 csv")]
    public async Task WrongArguments_Exit2_WithAChineseMessage_AndWriteNothing(string kind, string option, string value, string message)
    {
        var file = PathOf($"refused-{Guid.NewGuid():N}.xlsx");
        var before = await ExportEventsAsync();
        var (exit, _, error) = Export(kind, option, value, "--output", file);
        Assert.Equal(2, exit);
        Assert.Contains(message, error);
        Assert.False(File.Exists(file));
        Assert.False(File.Exists(file + ".part"));
        Assert.Equal(before, await ExportEventsAsync());
    }
}

public sealed class ExportLinksTests
{
    [Theory]
    [InlineData("http://h/projects?programme=2&division=511802&page=3", "projects", "xlsx", "/api/v1/export/projects.xlsx?programme=2&division=511802")]
    [InlineData("http://h/problems?overdue=true&dept=7", "problems", "csv", "/api/v1/export/problems.csv?overdue=true&dept=7")]
    [InlineData("http://h/supervision", "supervision", "xlsx", "/api/v1/export/supervision.xlsx")]
    [InlineData("http://h/projects?q=%E4%BA%A7%E4%B8%9A%E5%9B%AD", "projects", "csv", "/api/v1/export/projects.csv?q=%E4%BA%A7%E4%B8%9A%E5%9B%AD")]
    public void TheLink_CarriesThePagesFilters_ButNotItsPage(string pageUri, string kind, string format, string expected) =>
        Assert.Equal(expected, ExportLinks.Href(kind, format, pageUri));
}
