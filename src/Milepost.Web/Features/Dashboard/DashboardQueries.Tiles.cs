using Microsoft.EntityFrameworkCore;
using Milepost.Core.Projects;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Dashboard;

public sealed partial class DashboardQueries
{
    private async Task<DashboardTiles> TilesAsync(IQueryable<Project> q, List<ProjectLine> rows, List<Figures> figures,
        Dictionary<long, WarningLevel> warnings, int year, DateOnly today, CancellationToken ct)
    {
        var ids = q.Select(p => p.Id);
        var byStage = await q.GroupBy(p => p.Stage).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var byClass = rows.GroupBy(p => ClassFor(p, year)).ToDictionary(g => g.Key, g => g.Count());
        var newStarts = rows.Where(p => ClassFor(p, year) == ProjectYearClass.NewStart).ToList();
        var started = newStarts.Count(p => p.ActualStart?.Year == year);

        var plan = figures.Sum(x => x.PlanYuan);
        var expected = figures.Sum(x => x.ExpectedYuan);
        var completed = figures.Sum(x => x.CompletedYuan);
        var rate = Ratio(completed, plan);
        var expectedRate = Ratio(expected, plan);

        // The predicates of the drill-down lists (DashboardRecords), so each count is its list's total.
        var stale = await q.Where(DashboardPredicates.Stale(db, today)).CountAsync(ct);
        var overdueNodes = await db.TimeNodes.Where(n => ids.Contains(n.ProjectId)).CountAsync(DashboardPredicates.NodeOverdue(today), ct);
        var openProblems = db.Problems.Where(p => ids.Contains(p.ProjectId)).Where(DashboardPredicates.ProblemOpen());
        var open = await openProblems.CountAsync(ct);
        var overdueProblems = await openProblems.CountAsync(DashboardPredicates.ProblemOverdue(today), ct);
        var overdueItems = await db.SupervisionItems.Where(DashboardPredicates.ItemOverdue(today))
            .CountAsync(i => i.Projects.Any(x => ids.Contains(x.ProjectId)), ct);

        var constructing = byStage.GetValueOrDefault(ProjectStage.Construction);
        var suspended = byStage.GetValueOrDefault(ProjectStage.Suspended);
        return new DashboardTiles(
            rows.Count, byStage, byClass, Wan(rows.Sum(p => (decimal)p.TotalInvestment.Yuan)), Wan(plan), Wan(completed), Wan(expected),
            rate, expectedRate, rate is { } r && expectedRate is { } e ? (r - e) * 100 : null,
            newStarts.Count, started, Ratio(started, newStarts.Count),
            constructing, suspended, Ratio(constructing, constructing + suspended),
            Enum.GetValues<WarningLevel>().ToDictionary(l => l, l => warnings.Values.Count(w => w == l)),
            stale, overdueNodes, open, overdueProblems, overdueItems);
    }

    /// <summary>The class of <see cref="Project.ClassFor"/> for a row that is not an entity.</summary>
    private static ProjectYearClass ClassFor(ProjectLine p, int year) => new Project
    {
        Name = p.Name, DivisionCode = p.DivisionCode, Stage = p.Stage, PlannedStart = p.PlannedStart, PlannedCompletion = p.PlannedCompletion, ActualStart = p.ActualStart,
    }.ClassFor(year);

    private async Task<IReadOnlyDictionary<string, IReadOnlyList<BreakdownRow>>> BreakdownsAsync(
        List<ProjectLine> rows, List<Figures> figures, IQueryable<long> ids, CancellationToken ct)
    {
        var lookups = await projects.LookupsAsync(ct);
        var names = await projects.DivisionNamesAsync(ct);
        var leaders = await db.ProjectLeaders.AsNoTracking().Where(l => ids.Contains(l.ProjectId)).Select(l => new { l.ProjectId, l.LeaderId }).ToListAsync(ct);
        var byProject = rows.Zip(figures).ToDictionary(x => x.First.Id, x => x.Second);
        string Name(IReadOnlyList<Projects.Option> options, string key) => options.FirstOrDefault(o => o.Value == key)?.Label.Trim() ?? key;
        static string Id(long? id) => id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";

        IReadOnlyList<BreakdownRow> By(IEnumerable<(string Key, long ProjectId)> keys, Func<string, string> name) =>
            keys.GroupBy(k => k.Key).Select(g =>
            {
                var fs = g.Select(k => byProject[k.ProjectId]).ToList();
                decimal plan = fs.Sum(x => x.PlanYuan), done = fs.Sum(x => x.CompletedYuan), expected = fs.Sum(x => x.ExpectedYuan);
                var rate = Ratio(done, plan);
                var exp = Ratio(expected, plan);
                return new BreakdownRow(g.Key, name(g.Key), fs.Count, Wan(plan), Wan(done), rate, exp, rate is { } r && exp is { } e ? (r - e) * 100 : null);
            }).OrderByDescending(b => b.PlanWan).ThenBy(b => b.Key, StringComparer.Ordinal).ToList();

        return new Dictionary<string, IReadOnlyList<BreakdownRow>>
        {
            [BreakdownKinds.Programme] = By(rows.Select(p => (Id(p.ProgrammeId), p.Id)), k => k == "" ? Lang.T("未列入专项", "No programme") : Name(lookups.Programmes, k)),
            [BreakdownKinds.Category] = By(rows.Select(p => (Id(p.CategoryId), p.Id)), k => Name(lookups.Categories, k)),
            [BreakdownKinds.Division] = By(rows.Select(p => (p.DivisionCode, p.Id)), k => names.GetValueOrDefault(k, k)),
            [BreakdownKinds.Leader] = By(leaders.Select(l => (Id(l.LeaderId), l.ProjectId)), k => Name(lookups.Leaders, k)),
        };
    }
}
