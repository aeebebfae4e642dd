namespace Milepost.Core.Projects;

/// <summary>One recorded change of a project's stage, with its date, reason and who made it.</summary>
public class LifecycleTransition
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public ProjectStage From { get; set; }
    public ProjectStage To { get; set; }
    public DateOnly Date { get; set; }
    public string? Reason { get; set; }
    public required string MadeBy { get; set; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; set; }
}

/// <summary>
/// The lifecycle state machine of SPEC §3.2: Pipeline → Preparation → Construction → Completed →
/// Operating; Construction ⇄ Suspended; any stage but Cancelled → Cancelled.
/// </summary>
public static class Lifecycle
{
    private static readonly Dictionary<ProjectStage, ProjectStage[]> Next = new()
    {
        [ProjectStage.Pipeline] = [ProjectStage.Preparation, ProjectStage.Cancelled],
        [ProjectStage.Preparation] = [ProjectStage.Construction, ProjectStage.Cancelled],
        [ProjectStage.Construction] = [ProjectStage.Completed, ProjectStage.Suspended, ProjectStage.Cancelled],
        [ProjectStage.Suspended] = [ProjectStage.Construction, ProjectStage.Cancelled],
        [ProjectStage.Completed] = [ProjectStage.Operating, ProjectStage.Cancelled],
        [ProjectStage.Operating] = [ProjectStage.Cancelled],
        [ProjectStage.Cancelled] = [],
    };

    public static IReadOnlyList<ProjectStage> AllowedFrom(ProjectStage stage) => Next[stage];

    public static bool IsAllowed(ProjectStage from, ProjectStage to) => Next[from].Contains(to);

    /// <summary>Stopping or ending a project must say why.</summary>
    public static bool NeedsReason(ProjectStage to) => to is ProjectStage.Suspended or ProjectStage.Cancelled;

    /// <summary>
    /// Moves <paramref name="project"/> to <paramref name="to"/> on <paramref name="date"/>, or
    /// throws <see cref="ValidationException"/> and leaves the project as it was.
    /// <paramref name="today"/> is the current date in the portfolio's time zone: a transition
    /// cannot be dated in the future, nor before the project's last transition.
    /// </summary>
    public static LifecycleTransition Transition(
        Project project, ProjectStage to, DateOnly date, string? reason, string madeBy, DateOnly today, DateTime recordedAtUtc)
    {
        var from = project.Stage;
        var errors = new List<ValidationError>();
        if (!IsAllowed(from, to))
        {
            var allowed = Next[from];
            var allowedZh = allowed.Length == 0 ? "无（项目已终止）" : string.Join("、", allowed.Select(StageNames.Zh));
            var allowedEn = allowed.Length == 0 ? "none (the project is cancelled)" : string.Join(", ", allowed);
            errors.Add(new("To", "lifecycle.illegal",
                $"不能从“{StageNames.Zh(from)}”转为“{StageNames.Zh(to)}”；当前阶段只能转为：{allowedZh}",
                $"A project cannot move from {from} to {to}; from {from} it may move to: {allowedEn}"));
        }
        if (NeedsReason(to) && string.IsNullOrWhiteSpace(reason))
            errors.Add(new("Reason", "lifecycle.reason", $"转为“{StageNames.Zh(to)}”须填写原因", $"Moving to {to} needs a reason"));
        if (date > today)
            errors.Add(new("Date", "lifecycle.future", $"日期 {date:yyyy-MM-dd} 晚于今天，不能预先登记", $"The date {date:yyyy-MM-dd} is in the future"));
        var last = project.Transitions.Count == 0 ? (DateOnly?)null : project.Transitions.Max(t => t.Date);
        if (last is { } l && date < l)
            errors.Add(new("Date", "lifecycle.before-last",
                $"日期 {date:yyyy-MM-dd} 早于上一次阶段变更（{l:yyyy-MM-dd}）", $"The date {date:yyyy-MM-dd} is before the last stage change ({l:yyyy-MM-dd})"));
        if (to == ProjectStage.Completed && project.ActualStart is { } s && date < s)
            errors.Add(new("Date", "lifecycle.complete-before-start",
                $"竣工日期 {date:yyyy-MM-dd} 早于实际开工日期 {s:yyyy-MM-dd}", $"Completion {date:yyyy-MM-dd} is before the actual start {s:yyyy-MM-dd}"));
        if (errors.Count > 0) throw new ValidationException(errors);

        // Entering construction the first time is the start (开工); entering Completed is 建成.
        if (to == ProjectStage.Construction && project.ActualStart is null) project.ActualStart = date;
        if (to == ProjectStage.Completed) project.ActualCompletion = date;
        project.Stage = to;
        var transition = new LifecycleTransition
        {
            ProjectId = project.Id,
            DivisionCode = project.DivisionCode,
            From = from,
            To = to,
            Date = date,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            MadeBy = madeBy,
            RecordedAt = recordedAtUtc,
        };
        project.Transitions.Add(transition);
        return transition;
    }
}
