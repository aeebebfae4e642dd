using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Shared;

namespace Milepost.Bench;

/// <summary>
/// Server time of the 挂图作战 dashboard (everything GET /api/v1/dashboard computes) for the supervisor, who sees every
/// project: the demo city (15 projects) and the demo plus 20,000 generated projects with 36 monthly reports each.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class DashboardBenchmarks
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);
    private ServiceProvider? _services;

    [Params(0, 20_000)]
    public int Generated { get; set; }

    /// <summary>false: the whole dashboard; true: one programme (a quarter of the projects or so).</summary>
    [Params(false, true)]
    public bool OneProgramme { get; set; }

    [GlobalSetup]
    public void Setup() => _services = DashboardPortfolio.Services(DashboardPortfolio.FileAsync(Generated).GetAwaiter().GetResult());

    [GlobalCleanup]
    public void Cleanup() => _services?.Dispose();

    [Benchmark]
    public async Task<int> Dashboard()
    {
        using var scope = _services!.CreateScope();
        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>()
            .GetAsync(Supervisor, new DashboardFilter { ProgrammeId = OneProgramme ? 1 : null });
        return view.Tiles.Projects;
    }
}
