using Milepost.Core.Projects;
using Milepost.Core.Visits;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Visits;

/// <summary>
/// Which visits an actor may see: supervisors and leaders all of them; a department or an owner
/// those that visited one of its projects; the admin roles none (三权分立).
/// </summary>
public static class VisitScope
{
    public static IQueryable<Visit> VisibleTo(this IQueryable<Visit> visits, Actor actor, IQueryable<Project> projects)
    {
        if (actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader)) return visits;
        var mine = projects.VisibleTo(actor).Select(p => p.Id);
        return visits.Where(v => v.Projects.Any(p => mine.Contains(p.ProjectId)));
    }

    /// <summary>Supervisors record any visit; a leader records and edits visits they took part in.</summary>
    public static bool MayRecord(Actor actor) => actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader);

    public static bool MayEdit(Actor actor, Visit v) =>
        actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader) && actor.LeaderId is { } me && (v.LeaderId == me || v.Leaders.Any(l => l.LeaderId == me));
}
