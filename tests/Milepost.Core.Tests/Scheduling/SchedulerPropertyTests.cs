using Milepost.Core.Scheduling;

namespace Milepost.Core.Tests.Scheduling;

/// <summary>
/// Properties of the schedule on seeded random DAGs (1–200 nodes, lags and, in some runs, progress,
/// deadlines, targets and a working calendar). The checks read only the input and the output:
/// day arithmetic is redone here by stepping through <see cref="WorkCalendar.IsWorkday"/>.
/// </summary>
public class SchedulerPropertyTests
{
    private const int Cases = 250;

    private static readonly Dictionary<string, NetworkShape> ShapesByName = new()
    {
        ["lags"] = new NetworkShape(),
        ["lags, target"] = new NetworkShape(Target: true),
        ["progress, deadlines, target"] = new NetworkShape(Progress: true, Deadlines: true, Target: true),
        ["progress, deadlines, no target"] = new NetworkShape(Progress: true, Deadlines: true),
        ["calendar"] = new NetworkShape(Calendar: true, Target: true),
        ["calendar, progress, deadlines"] = new NetworkShape(Progress: true, Deadlines: true, Target: true, Calendar: true),
    };

    public static TheoryData<string> Shapes => [.. ShapesByName.Keys];

    private static IEnumerable<(int Seed, ScheduleInput Input)> Networks(string shape, int salt) =>
        Networks(ShapesByName[shape], salt + 1000 * ShapesByName.Keys.ToList().IndexOf(shape));

    private static IEnumerable<(int Seed, ScheduleInput Input)> Networks(NetworkShape shape, int salt)
    {
        for (int seed = 1; seed <= Cases; seed++)
        {
            int size = seed <= 20 ? seed : 1 + new Random(seed * 7919 + salt).Next(200);
            yield return (seed, RandomNetworks.Generate(seed * 31 + salt, size, shape));
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EarlyDates_AreTight(string name)
    {
        foreach (var (seed, input) in Networks(name, 0))
        {
            var result = Scheduler.Schedule(input);
            var days = new Days(input.Calendar);
            var byId = ById(result);
            long dataDate = days.Start(input.DataDate);
            foreach (var node in input.Nodes)
            {
                var s = byId[node.Id];
                string where = $"{name}, seed {seed}, node {node.Id}";
                if (node.ActualFinish is { } af)
                {
                    Assert.True(s.EarlyFinish == af, where);
                    if (node.ActualStart is { } actualStart) Assert.True(s.EarlyStart == actualStart, where);
                    else Assert.True(days.Start(s.EarlyStart) == days.Finish(af) - Span(node), $"{where}: started d - 1 days before");
                    continue;
                }
                if (node.ActualStart is { } started)
                {
                    Assert.True(s.EarlyStart == started, where);
                    Assert.True(days.Finish(s.EarlyFinish) == Math.Max(days.Start(started) + Span(node), dataDate), where);
                    continue;
                }
                // Not started: at the data date or exactly where the latest predecessor lets it start.
                long start = days.Start(s.EarlyStart);
                Assert.True(days.IsWorkday(s.EarlyStart), where);
                var bounds = node.Predecessors.Select(d => days.Finish(byId[d.PredecessorId].EarlyFinish) + d.Lag + 1).Append(dataDate).ToList();
                Assert.True(bounds.All(b => start >= b), $"{where}: starts before a predecessor allows");
                Assert.True(bounds.Contains(start), $"{where}: early start is not tight");
                Assert.True(days.Finish(s.EarlyFinish) == start + Span(node), where);
            }
            Assert.Equal(result.Nodes.Max(n => n.EarlyFinish), result.LatestEarlyFinish);
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void LateDates_AreTight_AndFloatsFollow(string name)
    {
        foreach (var (seed, input) in Networks(name, 100))
        {
            var result = Scheduler.Schedule(input);
            var days = new Days(input.Calendar);
            var byId = ById(result);
            var successors = input.Nodes
                .SelectMany(n => n.Predecessors.Select(d => (Of: d.PredecessorId, Node: n.Id, d.Lag)))
                .ToLookup(e => e.Of);
            Assert.Equal(input.Target ?? result.LatestEarlyFinish, result.Target);
            long target = days.Finish(result.Target);
            foreach (var node in input.Nodes)
            {
                var s = byId[node.Id];
                string where = $"{name}, seed {seed}, node {node.Id}";
                long finish = days.Finish(s.LateFinish);
                Assert.True(days.IsWorkday(s.LateFinish) && days.IsWorkday(s.LateStart), where);
                var bounds = successors[node.Id].Select(e => days.Start(byId[e.Node].LateStart) - e.Lag - 1).Append(target).ToList();
                if (node.Deadline is { } deadline) bounds.Add(days.Finish(deadline));
                Assert.True(bounds.All(b => finish <= b), $"{where}: finishes after a successor, the target or the deadline allows");
                Assert.True(bounds.Contains(finish), $"{where}: late finish is not tight");

                long earlyFinish = days.Finish(s.EarlyFinish);
                long earlyStart = Math.Min(days.Start(s.EarlyStart), earlyFinish);
                Assert.True(days.Start(s.LateStart) == finish - (earlyFinish - earlyStart), $"{where}: late start");
                Assert.True(s.TotalFloat == days.Start(s.LateStart) - earlyStart, $"{where}: float");
                Assert.True(s.Critical == (s.TotalFloat <= 0), where);
            }

            int minFloat = result.Nodes.Min(n => n.TotalFloat);
            Assert.Equal(Math.Max(0, -minFloat), result.CompressionDays);
            var path = minFloat < 0
                ? result.Nodes.Where(n => n.TotalFloat == minFloat)
                    .OrderBy(n => n.EarlyStart).ThenBy(n => n.EarlyFinish).ThenBy(n => n.Id, StringComparer.Ordinal)
                    .Select(n => n.Id).ToList()
                : [];
            Assert.Equal(path, result.CompressionPath);
        }
    }

    [Theory]
    [InlineData(0, "a node without predecessors")]
    [InlineData(-3, "a node starting on the data date")]
    public void TargetAtLatestEarlyFinish_NoNegativeFloat_AndACriticalChainSpansTheNetwork(int minLag, string chainStart)
    {
        // With negative lags a node can start on the data date although it has predecessors (the
        // overlap would start it earlier): the critical chain may then begin there.
        foreach (var (seed, input) in Networks(new NetworkShape(MinLag: minLag), minLag + 200))
        {
            var result = Scheduler.Schedule(input);
            var byId = ById(result);
            string where = $"seed {seed}";
            Assert.All(result.Nodes, n => Assert.True(n.TotalFloat >= 0, $"{where}, node {n.Id}"));
            Assert.Equal(0, result.CompressionDays);

            bool IsStart(ScheduleNode n) => minLag >= 0 ? n.Predecessors.Count == 0 : byId[n.Id].EarlyStart == input.DataDate;
            var critical = input.Nodes.Where(n => byId[n.Id].Critical).ToDictionary(n => n.Id);
            // Walk forward over critical nodes from the chain starts; some must reach a node finishing last.
            var reached = new HashSet<string>(critical.Values.Where(IsStart).Select(n => n.Id));
            var successors = critical.Values.SelectMany(n => n.Predecessors.Select(d => (d.PredecessorId, n.Id))).ToLookup(e => e.PredecessorId, e => e.Id);
            var queue = new Queue<string>(reached);
            while (queue.TryDequeue(out var id))
                foreach (var next in successors[id])
                    if (reached.Add(next)) queue.Enqueue(next);
            Assert.True(reached.Any(id => byId[id].EarlyFinish == result.LatestEarlyFinish),
                $"{where}: no critical chain from {chainStart} to a node finishing last");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Result_DoesNotDependOnInputOrder(string name)
    {
        foreach (var (seed, input) in Networks(name, 300))
        {
            var result = Scheduler.Schedule(input);
            var again = Scheduler.Schedule(RandomNetworks.Shuffle(input, seed));

            Assert.Equal(result.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal), again.Nodes.OrderBy(n => n.Id, StringComparer.Ordinal));
            Assert.Equal(result.CompressionDays, again.CompressionDays);
            Assert.Equal(result.CompressionPath, again.CompressionPath);
            Assert.Equal(result.LatestEarlyFinish, again.LatestEarlyFinish);
            Assert.Equal(result.Target, again.Target);
            // And the output follows the input's order.
            Assert.Equal(input.Nodes.Select(n => n.Id), result.Nodes.Select(n => n.Id));
        }
    }

    [Fact]
    public void Generator_CoversTheCasesThePropertiesAreAbout()
    {
        // The properties above are only as good as the networks: check that they hold what matters.
        var all = Networks(new NetworkShape(Progress: true, Deadlines: true, Target: true), 0).Select(x => x.Input).ToList();
        var results = all.Select(Scheduler.Schedule).ToList();
        var nodes = all.SelectMany(i => i.Nodes).ToList();

        Assert.True(all.Count >= 200);
        Assert.Contains(all, i => i.Nodes.Count >= 150);
        Assert.Contains(nodes, n => n.Predecessors.Any(d => d.Lag < 0));
        Assert.Contains(nodes, n => n.Duration == 0);
        Assert.Contains(nodes, n => n.ActualStart is not null && n.ActualFinish is null);
        Assert.Contains(nodes, n => n.ActualFinish is not null);
        Assert.Contains(nodes, n => n.Deadline is not null);
        Assert.Contains(results, r => r.CompressionDays > 0);
        Assert.Contains(results, r => r.CompressionDays == 0);
        Assert.Contains(results, r => r.Nodes.Count(n => n.Critical) > 5);
    }

    private static Dictionary<string, NodeSchedule> ById(ScheduleResult result) => result.Nodes.ToDictionary(n => n.Id);

    private static int Span(ScheduleNode node) => Math.Max(node.Duration - 1, 0);

    /// <summary>
    /// Day numbers, or with a calendar working-day ordinals counted by stepping through
    /// <see cref="WorkCalendar.IsWorkday"/>: a start counts from the first working day on or after
    /// a date, a finish as the last working day on or before it.
    /// </summary>
    private sealed class Days(WorkCalendar? calendar)
    {
        private static readonly DateOnly From = RandomNetworks.Base.AddDays(-4000);
        private const int Length = 12000;
        private readonly long[]? _before = calendar is null ? null : Count(calendar);

        private static long[] Count(WorkCalendar calendar)
        {
            var before = new long[Length + 1];
            for (int i = 0; i < Length; i++)
                before[i + 1] = before[i] + (calendar.IsWorkday(From.AddDays(i)) ? 1 : 0);
            return before;
        }

        public bool IsWorkday(DateOnly d) => calendar?.IsWorkday(d) ?? true;

        public long Start(DateOnly d) => _before is null ? d.DayNumber : _before[d.DayNumber - From.DayNumber];

        public long Finish(DateOnly d) => _before is null ? d.DayNumber : _before[d.DayNumber - From.DayNumber + 1] - 1;
    }
}
