namespace Milepost.Core.Scheduling;

/// <summary>
/// The checked network of a schedule input: nodes numbered by their input position, predecessor
/// and successor lists as compressed rows (CSR: the edges of node v are [Start[v], Start[v + 1])),
/// and a topological order (Kahn). Building it refuses bad input with a
/// <see cref="ValidationException"/>.
/// </summary>
internal sealed class ScheduleNetwork
{
    /// <summary>Structural errors are reported together, up to this many.</summary>
    internal const int MaxErrors = 20;

    public required int[] PredStart { get; init; }
    public required int[] PredNode { get; init; }
    public required int[] PredLag { get; init; }
    public required int[] SuccStart { get; init; }
    public required int[] SuccNode { get; init; }
    public required int[] SuccLag { get; init; }
    /// <summary>Every node once, each after all of its predecessors.</summary>
    public required int[] Order { get; init; }

    public static ScheduleNetwork Build(IReadOnlyList<ScheduleNode> nodes)
    {
        int n = nodes.Count;
        var errors = new List<ValidationError>();
        var index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        int m = 0;
        for (int v = 0; v < n; v++)
        {
            var node = nodes[v] ?? throw new ArgumentException($"Node {v} is null.", nameof(nodes));
            m += node.Predecessors.Count;
            if (!index.TryAdd(node.Id, v))
                errors.Add(ScheduleErrors.DuplicateId(nodes[index[node.Id]], node));
            if (node.Duration < 0)
                errors.Add(ScheduleErrors.NegativeDuration(node));
            if (node.ActualStart is { } s && node.ActualFinish is { } f && f < s)
                errors.Add(ScheduleErrors.ActualOrder(node, s, f));
        }

        var predStart = new int[n + 1];
        var predNode = new int[m];
        var predLag = new int[m];
        var succCount = new int[n + 1];
        int e = 0;
        for (int v = 0; v < n; v++)
        {
            var preds = nodes[v].Predecessors;
            for (int k = 0; k < preds.Count; k++)
            {
                var dep = preds[k];
                if (!index.TryGetValue(dep.PredecessorId, out int p))
                {
                    errors.Add(ScheduleErrors.UnknownPredecessor(nodes[v], dep.PredecessorId));
                    p = v;   // a placeholder: the input is refused below
                }
                else if (p == v)
                {
                    errors.Add(ScheduleErrors.SelfDependency(nodes[v]));
                }
                predNode[e] = p;
                predLag[e] = dep.Lag;
                succCount[p]++;
                e++;
            }
            predStart[v + 1] = e;
        }
        if (errors.Count > 0)
            throw new ValidationException(errors.Count > MaxErrors ? errors[..MaxErrors] : errors);

        // Successor rows: prefix sums of the counts, then fill each row from its start.
        var succStart = new int[n + 1];
        for (int v = 0; v < n; v++) succStart[v + 1] = succStart[v] + succCount[v];
        var succNode = new int[m];
        var succLag = new int[m];
        var cursor = succCount;   // reused as the next free slot of each row
        Array.Copy(succStart, cursor, n + 1);
        for (int v = 0; v < n; v++)
        {
            for (int k = predStart[v]; k < predStart[v + 1]; k++)
            {
                int slot = cursor[predNode[k]]++;
                succNode[slot] = v;
                succLag[slot] = predLag[k];
            }
        }

        var order = TopologicalOrder(n, predStart, succStart, succNode, out var remaining);
        if (order is null)
            throw new ValidationException(ScheduleErrors.Cycle(FindCycle(nodes, predStart, predNode, remaining)));

        return new ScheduleNetwork
        {
            PredStart = predStart, PredNode = predNode, PredLag = predLag,
            SuccStart = succStart, SuccNode = succNode, SuccLag = succLag,
            Order = order,
        };
    }

    /// <summary>
    /// Kahn's algorithm; nodes without predecessors are taken in input order. Returns null when some
    /// nodes lie on or behind a cycle; <paramref name="remaining"/> then holds, per node, how many of
    /// its predecessor links were never released (&gt; 0 exactly for those nodes).
    /// </summary>
    private static int[]? TopologicalOrder(int n, int[] predStart, int[] succStart, int[] succNode, out int[] remaining)
    {
        var indegree = new int[n];
        var order = new int[n];
        int tail = 0;
        for (int v = 0; v < n; v++)
        {
            indegree[v] = predStart[v + 1] - predStart[v];
            if (indegree[v] == 0) order[tail++] = v;
        }
        for (int head = 0; head < tail; head++)
        {
            int v = order[head];
            for (int k = succStart[v]; k < succStart[v + 1]; k++)
            {
                int s = succNode[k];
                if (--indegree[s] == 0) order[tail++] = s;
            }
        }
        remaining = indegree;
        return tail == n ? order : null;
    }

    /// <summary>
    /// One cycle among the nodes Kahn could not release: each of them has a predecessor that is also
    /// unreleased, so walking predecessors must come back to a node already seen. Returned in
    /// dependency order (each node a predecessor of the next), starting at its first node in input
    /// order and ending with that node again.
    /// </summary>
    private static List<ScheduleNode> FindCycle(IReadOnlyList<ScheduleNode> nodes, int[] predStart, int[] predNode, int[] remaining)
    {
        int start = Array.FindIndex(remaining, r => r > 0);
        var seenAt = new Dictionary<int, int>();
        var walk = new List<int>();
        int v = start;
        while (!seenAt.ContainsKey(v))
        {
            seenAt[v] = walk.Count;
            walk.Add(v);
            int k = predStart[v];
            while (remaining[predNode[k]] == 0) k++;
            v = predNode[k];
        }
        // walk[seenAt[v]..] follows predecessors; reversed, each node precedes the next.
        var cycle = walk[seenAt[v]..];
        cycle.Reverse();
        int first = cycle.IndexOf(cycle.Min());
        var ordered = cycle[first..].Concat(cycle[..first]).Select(i => nodes[i]).ToList();
        ordered.Add(ordered[0]);
        return ordered;
    }
}
