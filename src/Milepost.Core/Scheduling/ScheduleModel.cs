namespace Milepost.Core.Scheduling;

// The values of backward scheduling (倒排工期), SPEC §3.3 and §4.2. Every date is a whole day and a
// finish is the last day of work, inclusive. The rules themselves are stated on Scheduler.

/// <summary>
/// A finish-to-start link to a predecessor: the successor may start <see cref="Lag"/> + 1 days
/// after the predecessor's finish, so with lag 0 it starts the day after. The lag may be negative
/// (an overlap). With a working calendar the lag counts working days.
/// </summary>
public readonly record struct Dependency(string PredecessorId, int Lag);

/// <summary>
/// One node of the network to schedule. <see cref="Duration"/> is in days (working days when the
/// input has a calendar); 0 makes a milestone, which occupies one day with no work (finish = start).
/// <see cref="ActualStart"/> alone means started, <see cref="ActualFinish"/> means finished (an
/// actual finish without an actual start means the node started <see cref="Duration"/> − 1 days
/// before it). <see cref="Deadline"/> is a fixed date the node must finish by (inclusive).
/// </summary>
public sealed record ScheduleNode(
    string Id,
    string Name,
    int Duration,
    IReadOnlyList<Dependency> Predecessors,
    DateOnly? ActualStart = null,
    DateOnly? ActualFinish = null,
    DateOnly? Deadline = null)
{
    /// <summary>Days from start to finish in index arithmetic: d − 1, and 0 for a milestone.</summary>
    internal int Span => Duration > 0 ? Duration - 1 : 0;

    /// <summary>How messages name the node: name and id, e.g. “可研批复(a)”.</summary>
    internal string Label => $"{Name}({Id})";
}

/// <summary>
/// A network to schedule. <see cref="DataDate"/> is the status date: the first day on which work not
/// yet done can happen. <see cref="Target"/> is the date everything must finish by (the project's
/// planned completion, inclusive); without it the backward pass starts from the latest early
/// finish. Without a <see cref="Calendar"/> every day is a working day.
/// </summary>
public sealed record ScheduleInput(
    DateOnly DataDate,
    DateOnly? Target,
    IReadOnlyList<ScheduleNode> Nodes,
    WorkCalendar? Calendar = null);

/// <summary>
/// The schedule of one node. Finishes are inclusive. <see cref="TotalFloat"/> = late start − early
/// start (= late finish − early finish), in working days when the input has a calendar, else in
/// calendar days; it is negative when the node cannot meet its target or deadline.
/// <see cref="Critical"/> is float ≤ 0. A finished node's early dates are its actual dates and a
/// started node's early start is its actual start.
/// </summary>
public sealed record NodeSchedule(
    string Id,
    DateOnly EarlyStart,
    DateOnly EarlyFinish,
    DateOnly LateStart,
    DateOnly LateFinish,
    int TotalFloat,
    bool Critical);

/// <summary>
/// The schedule of a network. <see cref="Nodes"/> are in the order of the input.
/// <see cref="LatestEarlyFinish"/> is the latest early finish of any node (the data date for an
/// empty network); <see cref="Target"/> is the input's target, or else that latest early finish.
/// <see cref="CompressionDays"/> is 0 when every float is ≥ 0, else how many days the target (or a
/// deadline) is missed by, which is −(the smallest float); <see cref="CompressionPath"/> then holds
/// the ids of the nodes having that smallest float, in schedule order (by early start, early
/// finish, then id), and is empty otherwise.
/// </summary>
public sealed record ScheduleResult(
    IReadOnlyList<NodeSchedule> Nodes,
    DateOnly LatestEarlyFinish,
    DateOnly Target,
    int CompressionDays,
    IReadOnlyList<string> CompressionPath)
{
    /// <summary>The target cannot be met without compressing the schedule (需压缩 N 天).</summary>
    public bool NeedsCompression => CompressionDays > 0;
}
