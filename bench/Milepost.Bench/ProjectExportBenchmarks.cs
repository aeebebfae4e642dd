using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Features.Supervision;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Bench;

/// <summary>
/// The whole project export from the database (GET /api/v1/export/projects.xlsx without the HTTP): the list's query,
/// plans, warnings and indicators for every project of the demo plus 20,000 generated ones, written as .xlsx to a
/// temporary file. The writer alone is <see cref="ExportBenchmarks"/>.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ProjectExportBenchmarks
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);
    private ServiceProvider? _services;
    private string _path = "";

    [GlobalSetup]
    public void Setup()
    {
        _services = DashboardPortfolio.Services(DashboardPortfolio.FileAsync(20_000).GetAwaiter().GetResult());
        _path = Path.Combine(Path.GetTempPath(), $"milepost-project-export-bench-{Environment.ProcessId}");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services?.Dispose();
        File.Delete(_path);
    }

    /// <summary>Every project (about 20,000 rows) with its plan, indicators and warning.</summary>
    [Benchmark]
    public Task<long> ProjectsXlsx() => ExportAsync(ExportKinds.Projects, []);

    /// <summary>The reports of 2020-01…2020-05: 110,073 rows (20,000 projects × 5 months, corrections included), each with its project's code and name.</summary>
    [Benchmark]
    public Task<long> ReportsXlsx100k() => ExportAsync(ExportKinds.Reports, [KeyValuePair.Create("from", (string?)"2020-01"), KeyValuePair.Create("to", (string?)"2020-05")]);

    private async Task<long> ExportAsync(string kind, KeyValuePair<string, string?>[] query)
    {
        using var scope = _services!.CreateScope();
        var sp = scope.ServiceProvider;
        var (db, clock, settings) = (sp.GetRequiredService<MilepostDb>(), sp.GetRequiredService<PortfolioClock>(), sp.GetRequiredService<SettingsReader>());
        var sources = new ExportSources(db, clock, sp.GetRequiredService<ProjectQueries>(), new ProblemQueries(db, clock, settings),
            new SupervisionQueries(db, clock), sp.GetRequiredService<DashboardQueries>());
        var data = await sources.GetAsync(Supervisor, new ExportRequest(kind, query));
        await using var file = new FileStream(_path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
        var rows = await ExportTable.WriteAsync(file, ExportFormat.Xlsx, ExportTable.Utf8Bom, data.Title, data.Columns, data.Rows, CancellationToken.None);
        if (kind == ExportKinds.Reports && rows < 100_000) throw new InvalidOperationException($"{rows} report rows, fewer than 100,000");
        return rows;
    }
}
