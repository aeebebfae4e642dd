using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Supervision;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Visits;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Leaders;

public sealed record LeaderProjectRow(long Id, string Name, ProjectStage Stage, string? ProgrammeName, ProjectStatusView? Status);

public sealed record LeaderProblemRow(long Id, long ProjectId, string ProjectName, ProblemCategory Category, string Description,
    DateOnly? Deadline, int EscalationLevel, ProblemState State, bool Overdue);

public sealed record LeaderItemRow(long Id, string Content, string? LeadUnit, DateOnly Deadline, SupervisionState State, bool Overdue, bool Instructed);

/// <summary>What a leader's page shows: their projects with warning levels, open problems and items, and visits.</summary>
public sealed record LeaderOverview(Leader Leader, IReadOnlyList<string> Programmes, IReadOnlyList<LeaderProjectRow> Projects,
    IReadOnlyList<LeaderProblemRow> Problems, IReadOnlyList<LeaderItemRow> Items, IReadOnlyList<VisitRow> Visits, DateOnly Today);

public sealed class LeaderQueries(MilepostDb db, ProjectStatusService status, VisitQueries visits, PortfolioClock clock)
{
    public async Task<IReadOnlyList<Option>> LeadersAsync(CancellationToken ct = default) =>
        (await db.Leaders.AsNoTracking().OrderBy(l => l.Precedence).ToListAsync(ct))
            .Select(l => new Option(l.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{l.Name}（{l.Title}）")).ToList();

    /// <summary>The overview of one leader, or null when there is no such leader (or the actor holds no business data).</summary>
    public async Task<LeaderOverview?> OverviewAsync(Actor actor, long leaderId, CancellationToken ct = default)
    {
        if (!(actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader))) return null;
        var leader = await db.Leaders.AsNoTracking().FirstOrDefaultAsync(l => l.Id == leaderId, ct);
        if (leader is null) return null;
        var today = clock.Today;
        var programmes = await db.Programmes.AsNoTracking().Where(p => p.LeadLeaderId == leaderId).OrderBy(p => p.SortOrder).Select(p => p.Name).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().Where(p => p.Leaders.Any(l => l.LeaderId == leaderId))
            .Select(p => new { p.Id, p.Name, p.Stage, Programme = p.Programme!.Name }).ToListAsync(ct);
        var ids = projects.Select(p => p.Id).ToList();
        var statuses = await status.ForProjectsAsync(ids, ct);
        var projectRows = projects.Select(p => new LeaderProjectRow(p.Id, p.Name, p.Stage, p.Programme, statuses.GetValueOrDefault(p.Id)))
            // The most pressing first: red, yellow, then green; within a level by name.
            .OrderByDescending(r => r.Status?.Warning.Level).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();

        var problems = await db.Problems.AsNoTracking()
            .Where(p => p.CoordinatingLeaderId == leaderId && (p.State == ProblemState.Open || p.State == ProblemState.InProgress))
            .Join(db.Projects, p => p.ProjectId, p => p.Id, (p, pr) => new { p, pr.Name }).ToListAsync(ct);
        var problemRows = problems.OrderBy(x => x.p.Deadline ?? DateOnly.MaxValue)
            .Select(x => new LeaderProblemRow(x.p.Id, x.p.ProjectId, x.Name, x.p.Category, x.p.Description, x.p.Deadline, x.p.EscalationLevel, x.p.State,
                x.p.Deadline is { } d && d < today)).ToList();

        var items = await db.SupervisionItems.AsNoTracking()
            .Where(i => i.State != SupervisionState.Closed && (i.LeaderId == leaderId || i.Projects.Any(p => ids.Contains(p.ProjectId))))
            .ToListAsync(ct);
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var itemRows = items.OrderBy(i => i.Deadline)
            .Select(i => new LeaderItemRow(i.Id, i.Content, units.GetValueOrDefault(i.LeadUnitId), i.Deadline, i.State, i.IsOverdueOn(today), i.LeaderId == leaderId))
            .ToList();

        var visitList = await visits.ListAsync(actor, new VisitFilter(LeaderId: leaderId), ct);
        return new LeaderOverview(leader, programmes, projectRows, problemRows, itemRows, visitList, today);
    }
}
