namespace Milepost.Core.Visits;

/// <summary>One finding as entered: its text and, optionally, the visited project it concerns.</summary>
public sealed record FindingInput(long? Id, string Text, long? ProjectId);

/// <summary>What a user enters for a visit, before it is checked. The lead leader is one of <see cref="LeaderIds"/>.</summary>
public sealed record VisitInput(
    long LeadLeaderId, IReadOnlyList<long> LeaderIds, DateOnly Date, IReadOnlyList<long> ProjectIds, string? Findings, IReadOnlyList<FindingInput> FindingItems);

public static class VisitRules
{
    public const int MaxFindings = 30;

    /// <summary>
    /// Checks a visit: a lead leader among the leaders, a date not after <paramref name="today"/>,
    /// at least one project, a summary of findings, and each finding with text and, if it names a
    /// project, one of the visited projects.
    /// </summary>
    public static IReadOnlyList<ValidationError> Validate(VisitInput v, DateOnly today)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        if (v.LeadLeaderId <= 0) Add("LeadLeaderId", "visit.lead.required", "请选择带队市领导", "Choose the leading leader");
        else if (!v.LeaderIds.Contains(v.LeadLeaderId))
            Add("LeaderIds", "visit.lead.not-among", "带队市领导须在参加督导的市领导之中", "The leading leader must be among the leaders on the visit");
        if (v.Date == default) Add("Date", "visit.date.required", "请填写督导日期", "Enter the date of the visit");
        else if (v.Date > today) Add("Date", "visit.date.future", $"督导日期（{v.Date:yyyy-MM-dd}）不能晚于今天", $"The visit date ({v.Date:yyyy-MM-dd}) is in the future");
        if (v.ProjectIds.Count == 0) Add("ProjectIds", "visit.projects.required", "请至少选择一个督导项目", "Choose at least one project visited");
        if (string.IsNullOrWhiteSpace(v.Findings)) Add("Findings", "visit.findings.required", "请填写督导情况（发现的问题和要求）", "Enter what the visit found");
        else if (v.Findings.Length > 4000) Add("Findings", "visit.findings.length", "督导情况不能超过 4000 个字", "The findings may have at most 4000 characters");
        if (v.FindingItems.Count > MaxFindings) Add("FindingItems", "visit.items.count", $"督导发现最多 {MaxFindings} 条", $"At most {MaxFindings} findings");
        for (var i = 0; i < v.FindingItems.Count; i++)
        {
            var f = v.FindingItems[i];
            var field = $"FindingItems[{i}]";
            if (string.IsNullOrWhiteSpace(f.Text)) Add(field, "visit.item.text", $"第 {i + 1} 条督导发现未填写内容", $"Finding {i + 1} has no text");
            else if (f.Text.Length > 4000) Add(field, "visit.item.length", $"第 {i + 1} 条督导发现不能超过 4000 个字", $"Finding {i + 1} is longer than 4000 characters");
            if (f.ProjectId is { } p && !v.ProjectIds.Contains(p))
                Add(field, "visit.item.project", $"第 {i + 1} 条督导发现所属项目不在本次督导项目之中", $"Finding {i + 1} names a project that was not visited");
        }
        return errors;
    }

    /// <summary>
    /// A finding becomes a problem or a supervision item once: the second attempt is refused,
    /// naming what it already became. A finding needs a project to become a problem.
    /// </summary>
    public static ValidationError? CheckConvertible(VisitFinding f, bool toProblem)
    {
        if (f.ProblemId is { } pid)
            return new("", "visit.finding.converted", $"该督导发现已转为问题（编号 {pid}），不能重复转办", $"This finding already became problem {pid}");
        if (f.SupervisionItemId is { } sid)
            return new("", "visit.finding.converted", $"该督导发现已转为督办事项（编号 {sid}），不能重复转办", $"This finding already became supervision item {sid}");
        if (toProblem && f.ProjectId is null)
            return new("ProjectId", "visit.finding.project", "该督导发现未关联项目，请先在督导记录中为其选择所属项目", "The finding names no project; choose one in the visit first");
        return null;
    }

    /// <summary>The deadline set when turning a finding into a problem or a supervision item: on or after the visit, and after today.</summary>
    public static ValidationError? CheckDeadline(DateOnly? deadline, DateOnly visitDate, DateOnly today)
    {
        if (deadline is not { } d) return new("Deadline", "visit.convert.deadline.required", "请填写办结时限", "Enter the deadline");
        if (d < visitDate) return new("Deadline", "visit.convert.deadline.before-visit", $"办结时限（{d:yyyy-MM-dd}）不能早于督导日期（{visitDate:yyyy-MM-dd}）", "The deadline is before the visit");
        if (d < today) return new("Deadline", "visit.convert.deadline.past", $"办结时限（{d:yyyy-MM-dd}）不能早于今天", "The deadline has already passed");
        return null;
    }
}
