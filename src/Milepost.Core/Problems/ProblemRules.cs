namespace Milepost.Core.Problems;

/// <summary>
/// The life of a problem (SPEC §3.5): Open → InProgress → Resolved or Unresolvable. A closed
/// problem may be taken up again (→ InProgress) by the supervision office, for example when the
/// "resolution" did not hold. Resolving takes the resolution text; Unresolvable takes the reason.
/// </summary>
public static class ProblemStateMachine
{
    private static readonly Dictionary<ProblemState, ProblemState[]> Next = new()
    {
        [ProblemState.Open] = [ProblemState.InProgress],
        [ProblemState.InProgress] = [ProblemState.Resolved, ProblemState.Unresolvable],
        [ProblemState.Resolved] = [ProblemState.InProgress],
        [ProblemState.Unresolvable] = [ProblemState.InProgress],
    };

    public static IReadOnlyList<ProblemState> Allowed(ProblemState from) => Next[from];

    public static bool IsLegal(ProblemState from, ProblemState to) => Next[from].Contains(to);

    /// <summary>Reopening a closed problem is the supervision office's call, not the department's.</summary>
    public static bool IsReopen(ProblemState from, ProblemState to) =>
        from is ProblemState.Resolved or ProblemState.Unresolvable && to == ProblemState.InProgress;

    /// <summary>
    /// Moves the problem to <paramref name="to"/> on <paramref name="today"/>, or throws a
    /// <see cref="ValidationException"/> naming the current state and the allowed next steps.
    /// </summary>
    public static void Transition(Problem problem, ProblemState to, string? resolution, DateOnly today)
    {
        if (!IsLegal(problem.State, to))
        {
            var allowed = Allowed(problem.State);
            throw new ValidationException(new ValidationError("To", "problem.transition.illegal",
                $"问题当前为“{Zh(problem.State)}”，不能改为“{Zh(to)}”；可以改为：{string.Join("、", allowed.Select(a => $"“{Zh(a)}”"))}",
                $"The problem is {En(problem.State)} and cannot become {En(to)}; allowed: {string.Join(", ", allowed.Select(En))}"));
        }
        var text = string.IsNullOrWhiteSpace(resolution) ? null : resolution.Trim();
        if (to == ProblemState.Resolved && text is null)
            throw new ValidationException(new ValidationError("Resolution", "problem.resolution.required",
                "请填写解决情况（如何解决、由谁解决）", "Describe how the problem was resolved"));
        if (to == ProblemState.Unresolvable && text is null)
            throw new ValidationException(new ValidationError("Resolution", "problem.reason.required",
                "请填写无法解决的原因", "Give the reason why the problem cannot be resolved"));
        if (text is { Length: > 2000 })
            throw new ValidationException(new ValidationError("Resolution", "problem.resolution.long",
                "解决情况不能超过 2000 字", "The resolution may not exceed 2000 characters"));
        var reopen = IsReopen(problem.State, to);
        problem.State = to;
        if (to is ProblemState.Resolved or ProblemState.Unresolvable)
        {
            problem.Resolution = text;
            problem.ResolvedOn = today;
        }
        else if (reopen)
        {
            // Reopened: no longer resolved; the old resolution stays readable in the audit trail.
            problem.ResolvedOn = null;
            problem.Resolution = null;
        }
    }

    public static string Zh(ProblemState s) => s switch
    {
        ProblemState.Open => "待办理",
        ProblemState.InProgress => "办理中",
        ProblemState.Resolved => "已解决",
        _ => "无法解决",
    };

    public static string En(ProblemState s) => s switch
    {
        ProblemState.Open => "open",
        ProblemState.InProgress => "in progress",
        ProblemState.Resolved => "resolved",
        _ => "unresolvable",
    };
}

/// <summary>
/// When an open problem escalates one level (SPEC §3.5): level 1 (the responsible department) →
/// 2 (the linked city leader) → 3 (the city coordination meeting), never beyond 3.
/// The clock starts at the deadline: the first escalation is due when today is more than
/// <c>days</c> days past the deadline (today &gt; deadline + N). Each further level is due N days
/// after the last escalation (today &gt; max(deadline, escalated on) + N), so a problem escalated by
/// hand, even before its deadline, waits a full N days past the deadline for its next level.
/// A problem without a deadline never escalates by itself.
/// </summary>
public static class ProblemEscalationRule
{
    public const int MaxLevel = 3;
    public const int DefaultDays = 10;

    /// <summary>The day from which the next level's N days are counted, or null when it never escalates by itself.</summary>
    public static DateOnly? CountsFrom(Problem p)
    {
        if (p.Deadline is not { } deadline) return null;
        if (p.EscalationLevel > 1 && p.EscalatedOn is { } on && on > deadline) return on;
        return deadline;
    }

    /// <summary>The first day on which the next escalation is due, or null when none will be.</summary>
    public static DateOnly? NextDue(Problem p, int days) =>
        !p.IsOpen || p.EscalationLevel >= MaxLevel || CountsFrom(p) is not { } from ? null : from.AddDays(days + 1);

    public static bool Due(Problem p, DateOnly today, int days) => NextDue(p, days) is { } due && today >= due;

    /// <summary>Days past the deadline for an open problem (0 when not past it or closed).</summary>
    public static int DaysOverdue(Problem p, DateOnly today) =>
        p.IsOpen && p.Deadline is { } d && today > d ? today.DayNumber - d.DayNumber : 0;

    /// <summary>Raises the problem one level on <paramref name="today"/> and returns the record of it.</summary>
    public static ProblemEscalation Escalate(Problem p, DateOnly today, string by, string? reason)
    {
        if (!p.IsOpen)
            throw new ValidationException(new ValidationError("", "problem.escalate.closed",
                $"问题已{ProblemStateMachine.Zh(p.State)}，不能再升级", $"The problem is {ProblemStateMachine.En(p.State)} and cannot be escalated"));
        if (p.EscalationLevel >= MaxLevel)
            throw new ValidationException(new ValidationError("", "problem.escalate.max",
                "问题已提交市级协调会（最高层级），不能再升级", "The problem is already at the city coordination meeting (the highest level)"));
        var record = new ProblemEscalation
        {
            ProblemId = p.Id, DivisionCode = p.DivisionCode, FromLevel = p.EscalationLevel, ToLevel = p.EscalationLevel + 1,
            On = today, By = by, Reason = reason,
        };
        p.EscalationLevel++;
        p.EscalatedOn = today;
        p.Escalations.Add(record);
        return record;
    }

    public static string LevelZh(int level) => level switch { 1 => "责任部门", 2 => "联系市领导", _ => "市级协调会" };
    public static string LevelEn(int level) => level switch { 1 => "Department", 2 => "Linked leader", _ => "City meeting" };
}

/// <summary>The escalation setting (key rules.problems): days past the deadline before a level up.</summary>
public sealed record ProblemSettings
{
    public int EscalationDays { get; init; } = ProblemEscalationRule.DefaultDays;
}
