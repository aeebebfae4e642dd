namespace Milepost.Core.Supervision;

/// <summary>The outcome of asking the state machine: the next state, or why not (naming the allowed steps).</summary>
public sealed record SupervisionStep(SupervisionState? Next, ValidationError? Refusal)
{
    public bool IsAllowed => Refusal is null;
}

/// <summary>
/// The life of a supervision item (SPEC §3.6): Draft → Assigned → Accepted → Feedback → Closed,
/// with Feedback → Returned → Accepted. Urges and notes leave the state as it is: an urge goes to
/// any assigned item not yet closed; a note may be added while the item is in hand.
/// A step is named by the kind of entry it records (<see cref="SupervisionEntryKind"/>).
/// Who may take a step is decided elsewhere (by role and unit); this says only what the state allows.
/// </summary>
public static class SupervisionStateMachine
{
    private static readonly SupervisionState[] Open =
        [SupervisionState.Assigned, SupervisionState.Accepted, SupervisionState.Feedback, SupervisionState.Returned];

    private static SupervisionState? Target(SupervisionState from, SupervisionEntryKind action) => (action, from) switch
    {
        (SupervisionEntryKind.Assign, SupervisionState.Draft) => SupervisionState.Assigned,
        (SupervisionEntryKind.Accept, SupervisionState.Assigned or SupervisionState.Returned) => SupervisionState.Accepted,
        (SupervisionEntryKind.Feedback, SupervisionState.Accepted) => SupervisionState.Feedback,
        (SupervisionEntryKind.Return, SupervisionState.Feedback) => SupervisionState.Returned,
        (SupervisionEntryKind.Close, SupervisionState.Feedback) => SupervisionState.Closed,
        (SupervisionEntryKind.Urge or SupervisionEntryKind.Note, _) when Open.Contains(from) => from,
        _ => null,
    };

    /// <summary>The steps the state allows, in the order an office takes them.</summary>
    public static IReadOnlyList<SupervisionEntryKind> AllowedFrom(SupervisionState state) =>
        Enum.GetValues<SupervisionEntryKind>().Where(a => Target(state, a) is not null).ToList();

    public static SupervisionStep Next(SupervisionState from, SupervisionEntryKind action)
    {
        if (Target(from, action) is { } to) return new(to, null);
        var allowed = AllowedFrom(from);
        var zh = allowed.Count == 0
            ? $"事项当前为“{SupervisionNames.Zh(from)}”状态，不能再{SupervisionNames.Zh(action)}，也没有可以进行的操作"
            : $"事项当前为“{SupervisionNames.Zh(from)}”状态，不能{SupervisionNames.Zh(action)}；当前可以进行的操作：{string.Join("、", allowed.Select(SupervisionNames.Zh))}";
        var en = allowed.Count == 0
            ? $"The item is {from}: it cannot be {action}ed, and no step is possible"
            : $"The item is {from}: {action} is not possible; allowed now: {string.Join(", ", allowed)}";
        return new(null, new ValidationError("Action", "supervision.transition", zh, en));
    }
}

/// <summary>The words a Chinese office uses for the states, sources, steps and evaluations.</summary>
public static class SupervisionNames
{
    public static string Zh(SupervisionState s) => s switch
    {
        SupervisionState.Draft => "草稿",
        SupervisionState.Assigned => "已交办",
        SupervisionState.Accepted => "办理中",
        SupervisionState.Feedback => "已反馈",
        SupervisionState.Returned => "已退回",
        SupervisionState.Closed => "已办结",
        _ => s.ToString(),
    };

    public static string En(SupervisionState s) => s switch
    {
        SupervisionState.Assigned => "Assigned",
        SupervisionState.Accepted => "In progress",
        SupervisionState.Feedback => "Feedback given",
        _ => s.ToString(),
    };

    public static string Zh(SupervisionEntryKind a) => a switch
    {
        SupervisionEntryKind.Assign => "交办",
        SupervisionEntryKind.Accept => "承办",
        SupervisionEntryKind.Feedback => "反馈",
        SupervisionEntryKind.Urge => "催办",
        SupervisionEntryKind.Return => "退回",
        SupervisionEntryKind.Close => "办结",
        SupervisionEntryKind.Note => "备注",
        _ => a.ToString(),
    };

    public static string Zh(SupervisionSource s) => s switch
    {
        SupervisionSource.Meeting => "会议议定",
        SupervisionSource.Instruction => "领导批示",
        SupervisionSource.Visit => "现场督导",
        _ => "其他",
    };

    public static string En(SupervisionSource s) => s switch
    {
        SupervisionSource.Meeting => "Meeting",
        SupervisionSource.Instruction => "Leader instruction",
        SupervisionSource.Visit => "Visit",
        _ => "Other",
    };

    public static string Zh(SupervisionEvaluation e) => e switch
    {
        SupervisionEvaluation.Satisfied => "满意",
        SupervisionEvaluation.BasicallySatisfied => "基本满意",
        _ => "不满意",
    };

    public static string En(SupervisionEvaluation e) => e switch
    {
        SupervisionEvaluation.Satisfied => "Satisfied",
        SupervisionEvaluation.BasicallySatisfied => "Basically satisfied",
        _ => "Unsatisfied",
    };
}
