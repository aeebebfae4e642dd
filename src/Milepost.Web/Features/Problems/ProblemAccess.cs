using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Problems;

/// <summary>
/// Who sees and does what with problems (SPEC §1, §3.5), checked on the server for every page and endpoint.
/// <list type="bullet">
/// <item>Supervisor (督查室): sees all; raises, assigns (departments, coordinating leader, deadline), escalates by hand,
/// handles and closes any problem, reopens a closed one.</item>
/// <item>Leader (市领导): sees all; comments (批示).</item>
/// <item>Department (责任单位): sees the problems assigned to it, as lead or cooperating department, even on a project
/// outside its own project scope (it must be able to handle what it is given), and the problems of the projects it
/// answers for; handles (accepts, resolves, declares unresolvable) only those assigned to it; comments.</item>
/// <item>Owner (业主单位): sees the problems of its own projects; raises problems on them (also from a monthly report); comments.</item>
/// <item>The admin roles hold no business data (三权分立): no problem exists to them.</item>
/// </list>
/// A problem outside one's scope answers 404; an action one may not do on a visible problem answers 403.
/// </summary>
public static class ProblemAccess
{
    public static IQueryable<Problem> VisibleTo(this IQueryable<Problem> problems, IQueryable<Project> projects, Actor actor)
    {
        if (actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader)) return problems;
        if (actor.Is(Roles.Department) && actor.UnitId is { } dept)
            return problems.Where(p => p.ResponsibleUnitId == dept || p.Departments.Any(u => u.UnitId == dept)
                                       || projects.Any(x => x.Id == p.ProjectId && x.ResponsibleUnitId == dept));
        if (actor.Is(Roles.Owner) && actor.UnitId is { } owner)
            return problems.Where(p => projects.Any(x => x.Id == p.ProjectId && x.OwnerUnitId == owner));
        return problems.Where(p => false);
    }

    public static bool CanRaise(Actor a) => a.Is(Roles.Supervisor) || a.Is(Roles.Owner);

    public static bool CanAssign(Actor a) => a.Is(Roles.Supervisor);

    public static bool CanEscalate(Actor a) => a.Is(Roles.Supervisor);

    public static bool IsAssignedTo(Problem p, long? unit) =>
        unit is { } u && (p.ResponsibleUnitId == u || p.Departments.Any(d => d.UnitId == u));

    /// <summary>Accept, resolve or declare unresolvable: the supervision office, or a department the problem is assigned to.</summary>
    public static bool CanHandle(Actor a, Problem p) =>
        a.Is(Roles.Supervisor) || (a.Is(Roles.Department) && IsAssignedTo(p, a.UnitId));

    public static bool CanTransition(Actor a, Problem p, ProblemState to) =>
        ProblemStateMachine.IsReopen(p.State, to) ? a.Is(Roles.Supervisor) : CanHandle(a, p);

    /// <summary>Anyone who may see the problem may add a note or instruction to it.</summary>
    public static bool CanComment(Actor a) =>
        a.Is(Roles.Supervisor) || a.Is(Roles.Leader) || a.Is(Roles.Department) || a.Is(Roles.Owner);
}
