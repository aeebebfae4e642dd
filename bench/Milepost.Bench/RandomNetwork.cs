using Milepost.Core.Scheduling;

namespace Milepost.Bench;

/// <summary>
/// Seeded random networks: a DAG built in a hidden topological order, each node taking 0–4
/// predecessors (2 on average) among earlier ones, three times in four among the 50 before it (so
/// that chains grow long) and else anywhere before it, with lags −2..5 and durations 0..30 days.
/// The nodes are then given in a random order, with ids that do not reveal the hidden one, and the
/// objects are allocated in that input order with their own id strings, as a JSON reader or a
/// database query would hand them over.
/// </summary>
public static class RandomNetwork
{
    public static ScheduleInput Generate(int nodes, int seed = 20201001)
    {
        var rng = new Random(seed);

        // The structure, in the hidden topological order.
        var predecessors = new (int Node, int Lag)[nodes][];
        var durations = new int[nodes];
        for (int i = 0; i < nodes; i++)
        {
            int count = i == 0 ? 0 : Math.Min(i, rng.Next(0, 5));
            predecessors[i] = new (int, int)[count];
            for (int k = 0; k < count; k++)
            {
                int p = rng.Next(4) == 0 ? rng.Next(i) : i - 1 - rng.Next(Math.Min(i, 50));
                predecessors[i][k] = (p, rng.Next(-2, 6));
            }
            durations[i] = rng.Next(0, 31);
        }

        // Ids and input positions that say nothing about the hidden order.
        var label = Enumerable.Range(0, nodes).ToArray();
        rng.Shuffle(label);
        var order = Enumerable.Range(0, nodes).ToArray();
        rng.Shuffle(order);

        var list = new ScheduleNode[nodes];
        for (int position = 0; position < nodes; position++)
        {
            int i = order[position];
            var dependencies = new Dependency[predecessors[i].Length];
            for (int k = 0; k < dependencies.Length; k++)
                dependencies[k] = new Dependency(Id(label[predecessors[i][k].Node]), predecessors[i][k].Lag);
            list[position] = new ScheduleNode(Id(label[i]), $"节点{label[i]}", durations[i], dependencies);
        }
        var dataDate = new DateOnly(2020, 1, 1);
        return new ScheduleInput(dataDate, dataDate.AddDays(3 * 365), list);
    }

    private static string Id(int label) => $"N{label:D6}";
}
