using Microsoft.EntityFrameworkCore;
using Milepost.Core.Approvals;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Scheduling;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>Everything the project detail page shows, read in one go.</summary>
public sealed record ProjectDetail(
    Project Project,
    string DivisionName,
    IReadOnlyList<string> LeaderNames,
    IReadOnlyList<TimeNodeView> Nodes,
    IReadOnlyList<MonthlyReport> Reports,
    IReadOnlyList<ProblemView> Problems,
    IReadOnlyList<ApprovalItem> Approvals,
    IReadOnlyList<HistoryEntry> History);

public sealed record TimeNodeView(TimeNode Node, string? ResponsibleUnitName, IReadOnlyList<string> PredecessorNames);

public sealed record ProblemView(Problem Problem, string? ResponsibleUnitName);

/// <summary>One audit event of the project, with its changes as sentences.</summary>
public sealed record HistoryEntry(DateTime TimeUtc, string Actor, string Action, string? Before, string? After, IReadOnlyList<string> Lines);

public sealed partial class ProjectQueries
{
    /// <summary>The project with its plan, nodes, reports, problems and history, or null when the actor may not see it.</summary>
    public async Task<ProjectDetail?> DetailAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var db = Db;
        var project = await db.Projects.AsNoTracking().VisibleTo(actor)
            .Include(p => p.Programme).Include(p => p.Category).Include(p => p.OwnerUnit).Include(p => p.ResponsibleUnit)
            .Include(p => p.Leaders).ThenInclude(l => l.Leader)
            .Include(p => p.Funding).Include(p => p.AnnualPlans).Include(p => p.Transitions)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return null;

        var division = await db.Divisions.AsNoTracking().Where(d => d.Code == project.DivisionCode).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var nodes = await db.TimeNodes.AsNoTracking().Include(n => n.Predecessors)
            .Where(n => n.ProjectId == id).OrderBy(n => n.SortOrder).ThenBy(n => n.Id).ToListAsync(ct);
        var names = nodes.ToDictionary(n => n.Id, n => n.Name);
        var reports = await db.MonthlyReports.AsNoTracking().Include(r => r.FundsReceived)
            .Where(r => r.ProjectId == id && r.SupersededById == null).OrderBy(r => r.Month).ToListAsync(ct);
        var problems = await db.Problems.AsNoTracking().Where(p => p.ProjectId == id).OrderBy(p => p.RaisedOn).ToListAsync(ct);
        var approvals = await db.ApprovalItems.AsNoTracking().Where(a => a.ProjectId == id).OrderBy(a => a.Kind).ToListAsync(ct);
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var nodePrefix = key + "/";
        var history = await db.AuditEvents.AsNoTracking()
            .Where(e => (e.Entity == "Project" && e.EntityId == key) || (e.Entity == "TimeNode" && e.EntityId.StartsWith(nodePrefix)))
            .OrderByDescending(e => e.Sequence).Take(200)
            .Select(e => new { e.TimeUtc, e.Actor, e.Action, e.Before, e.After }).ToListAsync(ct);
        var actors = history.Select(h => h.Actor).Distinct().ToList();
        var people = await db.Users.AsNoTracking().Where(u => actors.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
        var historyNames = new HistoryNames(
            await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct), units,
            await db.Programmes.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct),
            await db.Leaders.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct),
            await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct),
            names);
        var entries = history.Select(h =>
        {
            var who = people.GetValueOrDefault(h.Actor, h.Actor);
            return new HistoryEntry(h.TimeUtc, who, h.Action, h.Before, h.After, HistoryText.Describe(who, h.Before, h.After, historyNames));
        }).ToList();

        return new ProjectDetail(
            project,
            division ?? project.DivisionCode,
            project.Leaders.OrderBy(l => l.Leader!.Precedence).Select(l => $"{l.Leader!.Name}（{l.Leader.Title}）").ToList(),
            nodes.Select(n => new TimeNodeView(n, n.ResponsibleUnitId is { } u ? units.GetValueOrDefault(u) : null,
                n.Predecessors.Select(d => names.GetValueOrDefault(d.PredecessorId, "?") + (d.LagDays != 0 ? $"（{d.LagDays:+#;-#}天）" : "")).ToList())).ToList(),
            reports,
            problems.Select(p => new ProblemView(p, p.ResponsibleUnitId is { } u ? units.GetValueOrDefault(u) : null)).ToList(),
            approvals,
            entries);
    }
}
