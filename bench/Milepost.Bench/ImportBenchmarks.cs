using System.Data;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Reports;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Bench;

/// <summary>
/// Issue 8 item 4: a ledger of 20,000 project rows (.xlsx, title and two header rows) read, checked and, for
/// <see cref="Import"/>, written in one transaction with 20,000 audit events, on a SQLite file. Each iteration of
/// Import starts from a database without projects (the audit trail, append-only, keeps growing).
/// </summary>
[MemoryDiagnoser]
public class ImportBenchmarks
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
        _dir = Directory.CreateTempSubdirectory("milepost-import-bench-").FullName;
        _services = Portfolio(_dir);
        _file = Path.Combine(_dir, "ledger.xlsx");
        WriteLedger(_file, Rows);
    }

    /// <summary>A SQLite file with a province's divisions, ten leaders, 80 units and 8 categories, and the services an import needs.</summary>
    public static ServiceProvider Portfolio(string dir)
    {
        var s = new ServiceCollection();
        s.AddMilepostDb(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "milepost.db")}");
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(Options.Create(new MilepostOptions()));
        s.AddSingleton<PortfolioClock>();
        s.AddScoped<SettingsReader>().AddScoped<ReportQueries>();
        s.AddScoped<ProjectImport>().AddScoped<ReportImport>();
        var services = s.BuildServiceProvider();
        using var scope = services.CreateScope();
        var ctx = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        ctx.Database.Migrate();
        ctx.Divisions.Add(new Division { Code = "510000", Name = "某省" });
        ctx.Divisions.AddRange(Enumerable.Range(1, 20).Select(i => new Division { Code = $"51{i:00}00", Name = $"第{i}市", ParentCode = "510000" }));
        ctx.Leaders.AddRange(Enumerable.Range(1, 10).Select(i => new Leader { DivisionCode = "510000", Name = $"领导{i}", Title = "副省长" }));
        ctx.Units.AddRange(Enumerable.Range(1, 50).Select(i => new Unit { DivisionCode = "510000", Name = $"业主{i}", Kind = UnitKind.Owner }));
        ctx.Units.AddRange(Enumerable.Range(1, 30).Select(i => new Unit { DivisionCode = "510000", Name = $"部门{i}", Kind = UnitKind.Department }));
        ctx.Categories.AddRange(Enumerable.Range(1, 8).Select(i => new Category { Name = $"类别{i}", SortOrder = i }));
        ctx.SaveChanges();
        return services;
    }

    /// <summary>The ledger: a title row, a two-row header (总投资 in 亿元, 建设年限 over 开工/竣工), then the projects 2020-510000-48-01-000001….</summary>
    public static void WriteLedger(string path, int rows)
    {
        var table = new DataTable("台账");
        foreach (var c in new[] { "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l" }) table.Columns.Add(c, typeof(object));
        table.Rows.Add("某省2020年重点项目台账");
        table.Rows.Add("序号", "项目名称", "项目代码", "总投资（亿元）", "2020年计划投资（万元）", "建设年限", null, "业主单位", "责任单位", "联系市领导", "县（区）", "行业类别");
        table.Rows.Add(null, null, null, null, null, "计划开工时间", "计划竣工时间");
        for (var i = 1; i <= rows; i++)
            table.Rows.Add(i, $"项目{i:00000}", $"2020-510000-48-01-{i:000000}", (i % 97 + 1) / 10.0, $"{i % 500 + 100}", $"2020.{i % 12 + 1}", $"2023年{i % 12 + 1}月",
                $"业主{i % 50 + 1}", $"部门{i % 30 + 1}", $"领导{i % 10 + 1}、领导{(i + 3) % 10 + 1}", $"第{i % 20 + 1}市", $"类别{i % 8 + 1}");
        using var stream = File.Create(path);
        stream.SaveAs(table, printHeader: false, sheetName: "台账");
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
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        db.Database.ExecuteSqlRaw("DELETE FROM \"ProjectLeaders\"; DELETE FROM \"AnnualPlans\"; DELETE FROM \"Projects\";");
    }

    private async Task<ImportResult> RunAsync(bool dryRun)
    {
        using var scope = _services.CreateScope();
        await using var stream = File.OpenRead(_file);
        using var source = await SheetReader.OpenAsync(stream, "ledger.xlsx");
        var result = await scope.ServiceProvider.GetRequiredService<ProjectImport>().RunAsync(Supervisor, source, dryRun, false);
        if (result.HasErrors || result.Created + result.Unchanged != Rows) throw new InvalidOperationException(string.Join("\n", result.Errors.Take(5)));
        return result;
    }

    /// <summary>Read, check and compare every row; write nothing.</summary>
    [Benchmark]
    public Task<ImportResult> DryRun() => RunAsync(dryRun: true);

    /// <summary>The same, then 20,000 projects with their leaders and plans and 20,000 audit events in one transaction.</summary>
    [Benchmark]
    public Task<ImportResult> Import() => RunAsync(dryRun: false);
}
