using System.Data;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Bench;

/// <summary>
/// Issue 8 item 2 at scale: a month's sheet of 20,000 monthly reports (code, month, amount, progress, narrative) for
/// the 20,000 projects of <see cref="ImportBenchmarks"/>, checked against the months before and, for
/// <see cref="Import"/>, written in one transaction with 20,000 audit events. Each iteration of Import starts without reports.
/// </summary>
[MemoryDiagnoser]
public class ReportImportBenchmarks
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);
    private string _dir = null!;
    private string _file = null!;
    private ServiceProvider _services = null!;

    [Params(20_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("milepost-report-import-bench-").FullName;
        _services = ImportBenchmarks.Portfolio(_dir);
        var ledger = Path.Combine(_dir, "ledger.xlsx");
        ImportBenchmarks.WriteLedger(ledger, Rows);
        using (var scope = _services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));
            using var stream = File.OpenRead(ledger);
            using var source = SheetReader.OpenAsync(stream, "ledger.xlsx").GetAwaiter().GetResult();
            var projects = scope.ServiceProvider.GetRequiredService<ProjectImport>().RunAsync(Supervisor, source, false, false).GetAwaiter().GetResult();
            if (projects.Created != Rows) throw new InvalidOperationException("the ledger did not import");
        }
        _file = Path.Combine(_dir, "reports.xlsx");
        var table = new DataTable("5月月报");
        foreach (var c in new[] { "a", "b", "c", "d", "e", "f" }) table.Columns.Add(c, typeof(object));
        table.Rows.Add("某省2020年5月重点项目月报");
        table.Rows.Add("项目代码", "项目名称", "月份", "本月完成投资（万元）", "形象进度", "进展情况");
        for (var i = 1; i <= Rows; i++)
            table.Rows.Add($"2020-510000-48-01-{i:000000}", $"项目{i:00000}", "2020年5月", $"{i % 300 + 10}.5", $"{i % 90 + 5}%", $"第{i}号项目主体施工，完成产值 {i % 300 + 10}.5 万元");
        using var output = File.Create(_file);
        output.SaveAs(table, printHeader: false, sheetName: "5月月报");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    [IterationSetup(Target = nameof(Import))]
    public void Empty()
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<MilepostDb>().Database.ExecuteSqlRaw("DELETE FROM \"MonthlyReports\";");
    }

    private async Task<ImportResult> RunAsync(bool dryRun)
    {
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));
        await using var stream = File.OpenRead(_file);
        using var source = await SheetReader.OpenAsync(stream, "reports.xlsx");
        var result = await scope.ServiceProvider.GetRequiredService<ReportImport>().RunAsync(Supervisor, source, dryRun, false);
        if (result.HasErrors || result.Created + result.Unchanged != Rows) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
        return result;
    }

    /// <summary>Read, find each project, check each report against the rules; write nothing.</summary>
    [Benchmark]
    public Task<ImportResult> DryRun() => RunAsync(dryRun: true);

    /// <summary>The same, then 20,000 submitted reports and 20,000 audit events in one transaction.</summary>
    [Benchmark]
    public Task<ImportResult> Import() => RunAsync(dryRun: false);
}
