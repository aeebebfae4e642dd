namespace Milepost.Core.Scheduling;

/// <summary>
/// Backward scheduling (倒排工期) by the critical path method, SPEC §3.3 and §4.2.
/// </summary>
/// <remarks>
/// <para>Days are whole and a finish is the last day of work (inclusive): a node of duration d that
/// starts on S finishes on S + d − 1, and a successor with lag L starts on the predecessor's finish
/// + L + 1 (with lag 0, the next day). A milestone (duration 0) occupies one day with no work: its
/// finish is its start.</para>
/// <para>Forward pass, from the data date, predecessors first:</para>
/// <list type="bullet">
/// <item>a finished node (actual finish set) keeps its actual start and finish;</item>
/// <item>a started node (actual start only) keeps its actual start and finishes on
/// max(start + d − 1, data date): work not done is not done before the data date;</item>
/// <item>a node not started starts on max(data date, max over its predecessors of their early finish
/// + lag + 1) and finishes d − 1 days later.</item>
/// </list>
/// <para>Backward pass, from the target (the input's target, else the latest early finish),
/// successors first: late finish LF = min(target, own deadline, min over successors of their late
/// start − lag − 1); late start LS = LF − d + 1 (a milestone's LS = LF; for a started or finished
/// node the span from early start to early finish stands in for d − 1, so LS − ES = LF − EF always).
/// Total float = LS − ES; critical means float ≤ 0. A negative float says the target (or a
/// deadline) cannot be met without compressing the schedule by that many days; the nodes with the
/// most negative float are the path to compress.</para>
/// <para>With a <see cref="WorkCalendar"/>, durations, lags and floats count working days: dates are
/// numbered by working day, the passes run on those numbers, and the numbers are turned back into
/// dates. A start (the data date, an actual start) on a day off counts from the next working day; a
/// finish (target, deadline, actual finish) on a day off counts as the last working day before it
/// (and a node done entirely on days off counts as done on that day). Without a calendar every day
/// is a working day.</para>
/// <para>Refused, with a <see cref="ValidationException"/> (codes in <see cref="ScheduleErrors"/>):
/// duplicate ids, negative durations, a node that is its own predecessor, unknown predecessors,
/// an actual finish before the actual start (up to 20 of these together), then a dependency cycle
/// (naming the nodes of one cycle in order), and schedules beyond the range of
/// <see cref="DateOnly"/>.</para>
/// <para>Time and memory are linear in nodes + dependencies: ids are mapped once, adjacency is kept
/// in arrays, and both passes walk one topological order.</para>
/// </remarks>
public static class Scheduler
{
    public static ScheduleResult Schedule(ScheduleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var nodes = input.Nodes;
        var net = ScheduleNetwork.Build(nodes);
        var days = new DayIndex(input.Calendar);
        int n = nodes.Count;
        var (order, predStart, predNode, predLag) = (net.Order, net.PredStart, net.PredNode, net.PredLag);
        var (succStart, succNode, succLag) = (net.SuccStart, net.SuccNode, net.SuccLag);

        // Early start and finish, and late finish, as day indices (working-day ordinals with a calendar).
        var es = new long[n];
        var ef = new long[n];
        var lf = new long[n];
        // Read each node once, in input order, so that the passes touch only arrays.
        var open = new bool[n];   // not started: its dates follow from its predecessors
        var span = new int[n];

        long dataDate = days.OfStart(input.DataDate);
        for (int v = 0; v < n; v++)
        {
            var node = nodes[v];
            span[v] = node.Span;
            lf[v] = node.Deadline is { } deadline ? days.OfFinish(deadline) : long.MaxValue;
            if (node.ActualFinish is { } actualFinish)
            {
                long finish = days.OfFinish(actualFinish);
                es[v] = node.ActualStart is { } actualStart ? Math.Min(days.OfStart(actualStart), finish) : finish - node.Span;
                ef[v] = finish;
            }
            else if (node.ActualStart is { } actualStart)
            {
                long start = days.OfStart(actualStart);
                es[v] = start;
                ef[v] = Math.Max(start + node.Span, dataDate);
            }
            else
            {
                open[v] = true;
            }
        }

        for (int i = 0; i < n; i++)
        {
            int v = order[i];
            if (!open[v]) continue;
            long start = dataDate;
            for (int k = predStart[v]; k < predStart[v + 1]; k++)
                start = Math.Max(start, ef[predNode[k]] + predLag[k] + 1);
            es[v] = start;
            ef[v] = start + span[v];
        }

        long latest = long.MinValue;
        for (int v = 0; v < n; v++) latest = Math.Max(latest, ef[v]);
        long target = input.Target is { } t ? days.OfFinish(t) : latest;

        for (int i = n - 1; i >= 0; i--)
        {
            int v = order[i];
            long finish = Math.Min(target, lf[v]);   // lf holds the deadline until now
            for (int k = succStart[v]; k < succStart[v + 1]; k++)
            {
                int s = succNode[k];
                long lateStart = lf[s] - (ef[s] - es[s]);
                finish = Math.Min(finish, lateStart - succLag[k] - 1);
            }
            lf[v] = finish;
        }

        var result = new NodeSchedule[n];
        DateOnly latestEarlyFinish = input.DataDate;
        long minFloat = long.MaxValue;
        for (int v = 0; v < n; v++)
        {
            var node = nodes[v];
            var earlyStart = node.ActualStart ?? days.ToDate(es[v], node);
            var earlyFinish = node.ActualFinish ?? days.ToDate(ef[v], node);
            var lateStart = days.ToDate(lf[v] - (ef[v] - es[v]), node);
            var lateFinish = days.ToDate(lf[v], node);
            long totalFloat = lf[v] - ef[v];
            result[v] = new NodeSchedule(node.Id, earlyStart, earlyFinish, lateStart, lateFinish, (int)totalFloat, totalFloat <= 0);
            if (v == 0 || earlyFinish > latestEarlyFinish) latestEarlyFinish = earlyFinish;
            minFloat = Math.Min(minFloat, totalFloat);
        }

        int compression = n > 0 && minFloat < 0 ? (int)-minFloat : 0;
        return new ScheduleResult(result, latestEarlyFinish, input.Target ?? latestEarlyFinish,
            compression, compression > 0 ? CompressionPath(result, (int)minFloat) : []);
    }

    /// <summary>The ids of the nodes with float <paramref name="minFloat"/>, by early start, early finish, then id.</summary>
    private static List<string> CompressionPath(NodeSchedule[] nodes, int minFloat) =>
        [.. nodes.Where(s => s.TotalFloat == minFloat)
            .OrderBy(s => s.EarlyStart).ThenBy(s => s.EarlyFinish).ThenBy(s => s.Id, StringComparer.Ordinal)
            .Select(s => s.Id)];

    /// <summary>Numbers days for the passes: the day number itself, or the working-day ordinal.</summary>
    private readonly struct DayIndex(WorkCalendar? calendar)
    {
        private static readonly long MaxDayNumber = DateOnly.MaxValue.DayNumber;

        /// <summary>A start: the first working day on or after <paramref name="d"/>.</summary>
        public long OfStart(DateOnly d) => calendar is null ? d.DayNumber : calendar.WorkdaysBefore(d.DayNumber);

        /// <summary>A finish: the last working day on or before <paramref name="d"/>.</summary>
        public long OfFinish(DateOnly d) => calendar is null ? d.DayNumber : calendar.WorkdaysBefore(d.DayNumber + 1L) - 1;

        public DateOnly ToDate(long index, ScheduleNode node)
        {
            long day = calendar is null ? index : calendar.WorkdayAt(index);
            if (day < 0 || day > MaxDayNumber) throw new ValidationException(ScheduleErrors.Range(node));
            return DateOnly.FromDayNumber((int)day);
        }
    }
}
