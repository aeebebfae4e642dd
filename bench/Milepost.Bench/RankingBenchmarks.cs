using BenchmarkDotNet.Attributes;
using Milepost.Core.Ranking;

namespace Milepost.Bench;

/// <summary>
/// The red-black list of a province (SPEC §8, issue 6: a draft of 100,000 eligible projects in under 2 s): the inputs
/// built from each project's facts and the list computed, then the whole draft as a publication would freeze it.
/// </summary>
[MemoryDiagnoser]
public class RankingBenchmarks
{
    private List<ProvinceProject> _projects = null!;
    private List<RankingExemption> _exemptions = null!;

    [Params(100_000)]
    public int Projects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _projects = ProvincePortfolio.Generate(Projects);
        // A handful of exemptions, as a month would have.
        _exemptions = _projects.Where(p => p.Facts.ProjectId % 5_000 == 0)
            .Select(p => new RankingExemption(p.Facts.ProjectId, ExemptionKind.PolicyStop, "政策性停工")).ToList();
        var result = Compute();
        Console.WriteLine($"// {Projects} projects: {result.Red.Count()} red, {result.Black.Count()} black " +
                          $"({result.Entries.Count(e => e.Vetoed)} vetoed), {result.Units.Count} units, " +
                          $"{result.Entries.GroupBy(e => e.Score).Max(g => g.Count())} projects on the most shared score");
    }

    /// <summary><see cref="RankingInputs.From"/> for every project, then <see cref="RankingCalculator.Compute"/>.</summary>
    [Benchmark]
    public RankingResult Compute() =>
        RankingCalculator.Compute(ProvincePortfolio.Month, ProvincePortfolio.Inputs(_projects), _exemptions, RankingSettings.Default);

    /// <summary>The draft a supervisor publishes: the same, wrapped as a snapshot, serialised canonically and hashed.</summary>
    [Benchmark]
    public string Draft()
    {
        var due = RankingInputs.DueDate(ProvincePortfolio.Month, ProvincePortfolio.ReportDueDay);
        var snapshot = RankingSnapshot.Compute(ProvincePortfolio.Month, ProvincePortfolio.AsOf, due, RankingSettings.Default,
            ProvincePortfolio.Inputs(_projects), _exemptions);
        return RankingSnapshot.Hash(snapshot.ToJson());
    }
}
