namespace Milepost.Core.Problems;

/// <summary>One department's line in the ledger summary.</summary>
/// <param name="Open">Open or in progress.</param>
/// <param name="Overdue">Open and past the deadline (today &gt; deadline).</param>
/// <param name="Resolved">Resolved (Unresolvable is counted apart, not as resolved).</param>
/// <param name="AverageDaysToResolve">Mean of (resolved on − raised on) in days over the resolved ones, one decimal; null when none.</param>
public sealed record DepartmentProblemStats(long UnitId, int Open, int Overdue, int Resolved, int Unresolvable, double? AverageDaysToResolve);

public static class ProblemStatistics
{
    /// <summary>Counts per lead department (a problem without one is left out), ordered by open problems, most first.</summary>
    public static IReadOnlyList<DepartmentProblemStats> ByDepartment(IEnumerable<Problem> problems, DateOnly today) =>
        problems.Where(p => p.ResponsibleUnitId is not null).GroupBy(p => p.ResponsibleUnitId!.Value).Select(g =>
        {
            var resolved = g.Where(p => p.State == ProblemState.Resolved && p.ResolvedOn is not null).ToList();
            return new DepartmentProblemStats(g.Key,
                g.Count(p => p.IsOpen),
                g.Count(p => ProblemEscalationRule.DaysOverdue(p, today) > 0),
                resolved.Count,
                g.Count(p => p.State == ProblemState.Unresolvable),
                resolved.Count == 0 ? null : Math.Round(resolved.Average(p => (double)(p.ResolvedOn!.Value.DayNumber - p.RaisedOn.DayNumber)), 1));
        }).OrderByDescending(s => s.Open).ThenByDescending(s => s.Overdue).ThenBy(s => s.UnitId).ToList();
}
