using BenchmarkDotNet.Attributes;
using Milepost.Core.Scheduling;

namespace Milepost.Bench;

/// <summary>Both passes of <see cref="Scheduler.Schedule"/>, id mapping and validation included.</summary>
[MemoryDiagnoser]
public class SchedulerBenchmarks
{
    private ScheduleInput _input = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Nodes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _input = RandomNetwork.Generate(Nodes);
        int dependencies = _input.Nodes.Sum(n => n.Predecessors.Count);
        Console.WriteLine($"// {Nodes} nodes, {dependencies} dependencies");
    }

    [Benchmark]
    public ScheduleResult Schedule() => Scheduler.Schedule(_input);
}
