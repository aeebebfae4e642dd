using Milepost.Core.Scheduling;

namespace Milepost.Core.Tests.Scheduling;

/// <summary>What a random network may contain.</summary>
internal sealed record NetworkShape(
    int MinLag = -3,
    int MaxLag = 5,
    bool Progress = false,
    bool Deadlines = false,
    bool Target = false,
    bool Calendar = false);

/// <summary>
/// Seeded random DAGs: nodes are created in a hidden topological order (each picks 0–4
/// predecessors among earlier ones, duplicates possible), then given in shuffled order with
/// ids that do not reveal it.
/// </summary>
internal static class RandomNetworks
{
    public static readonly DateOnly Base = new(2024, 1, 1);

    public static ScheduleInput Generate(int seed, int size, NetworkShape shape)
    {
        var rng = new Random(seed);
        var dataDate = Base.AddDays(rng.Next(0, 60));
        var ids = Enumerable.Range(0, size).Select(i => $"n{i}").OrderBy(_ => rng.Next()).ToArray();
        var nodes = new List<ScheduleNode>(size);
        for (int i = 0; i < size; i++)
        {
            int predecessorCount = i == 0 ? 0 : Math.Min(i, rng.Next(0, 5));
            var predecessors = new Dependency[predecessorCount];
            for (int k = 0; k < predecessorCount; k++)
            {
                // Mostly recent nodes, so that chains grow long; sometimes any earlier node.
                int p = rng.Next(4) == 0 ? rng.Next(i) : Math.Max(0, i - 1 - rng.Next(Math.Min(i, 8)));
                predecessors[k] = new Dependency(ids[p], rng.Next(shape.MinLag, shape.MaxLag + 1));
            }
            int duration = rng.Next(10) == 0 ? 0 : rng.Next(1, 16);
            var node = new ScheduleNode(ids[i], $"节点{i}", duration, predecessors);
            if (shape.Progress)
            {
                int roll = rng.Next(10);
                if (roll < 2)
                {
                    var start = dataDate.AddDays(-rng.Next(5, 60));
                    node = node with { ActualStart = start, ActualFinish = start.AddDays(rng.Next(0, 20)) };
                }
                else if (roll < 3)
                {
                    node = node with { ActualStart = dataDate.AddDays(-rng.Next(0, 30)) };
                }
                else if (roll < 4)
                {
                    node = node with { ActualFinish = dataDate.AddDays(-rng.Next(0, 30)) };
                }
            }
            if (shape.Deadlines && rng.Next(6) == 0)
                node = node with { Deadline = dataDate.AddDays(rng.Next(0, 150)) };
            nodes.Add(node);
        }
        var shuffled = nodes.OrderBy(_ => rng.Next()).ToList();
        DateOnly? target = shape.Target ? dataDate.AddDays(rng.Next(-10, 250)) : null;
        return new ScheduleInput(dataDate, target, shuffled, shape.Calendar ? Calendar(rng) : null);
    }

    /// <summary>Weekends off, some holidays (some on weekends) and some make-up days (some on weekdays).</summary>
    private static WorkCalendar Calendar(Random rng)
    {
        var holidays = new HashSet<DateOnly>();
        var makeUp = new HashSet<DateOnly>();
        for (int k = 0; k < 30; k++) holidays.Add(Base.AddDays(rng.Next(-30, 700)));
        for (int k = 0; k < 15; k++)
        {
            var d = Base.AddDays(rng.Next(-30, 700));
            if (!holidays.Contains(d)) makeUp.Add(d);
        }
        return new WorkCalendar(true, holidays, makeUp);
    }

    /// <summary>The same network with the nodes and each node's predecessors in another order.</summary>
    public static ScheduleInput Shuffle(ScheduleInput input, int seed)
    {
        var rng = new Random(seed);
        var nodes = input.Nodes
            .Select(n => n with { Predecessors = [.. n.Predecessors.OrderBy(_ => rng.Next())] })
            .OrderBy(_ => rng.Next())
            .ToList();
        return input with { Nodes = nodes };
    }
}
