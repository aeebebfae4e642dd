using Milepost.Core.Supervision;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Supervision;

/// <summary>
/// Which supervision items an actor may see (SPEC §5) and which steps it may take on one (§1):
/// the supervision office and the city leaders see every item; a department sees the items it leads
/// or cooperates on, once they are assigned (a draft is the office's own business); owners and the
/// admin roles see none.
/// </summary>
public static class SupervisionScope
{
    public static IQueryable<SupervisionItem> VisibleTo(this IQueryable<SupervisionItem> items, Actor actor)
    {
        if (actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader)) return items;
        if (actor.Is(Roles.Department) && actor.UnitId is { } unit)
            return items.Where(i => i.State != SupervisionState.Draft
                                    && (i.LeadUnitId == unit || i.CooperatingUnits.Any(u => u.UnitId == unit)));
        return items.Where(i => false);
    }

    /// <summary>The roles that use supervision items at all; everyone else is refused at the door.</summary>
    public const string UserRoles = Roles.Supervisor + "," + Roles.Leader + "," + Roles.Department;

    /// <summary>Supervisors create and assign; a leader creates items from an instruction (批示), which the office then assigns.</summary>
    public static bool MayCreate(Actor a) => a.Is(Roles.Supervisor) || a.Is(Roles.Leader);

    /// <summary>Only a draft is edited, and only by the office.</summary>
    public static bool MayEdit(Actor a, SupervisionItem i) => a.Is(Roles.Supervisor) && i.State == SupervisionState.Draft;

    /// <summary>Whether the actor's role and unit allow this kind of step on this item, whatever its state.</summary>
    public static bool MayTake(Actor a, SupervisionItem i, SupervisionEntryKind kind) => kind switch
    {
        SupervisionEntryKind.Assign or SupervisionEntryKind.Return or SupervisionEntryKind.Close => a.Is(Roles.Supervisor),
        SupervisionEntryKind.Accept or SupervisionEntryKind.Feedback => IsLead(a, i),
        SupervisionEntryKind.Urge => a.Is(Roles.Supervisor) || a.Is(Roles.Leader),
        SupervisionEntryKind.Note => a.Is(Roles.Supervisor) || a.Is(Roles.Leader) || IsLead(a, i)
                                     || (a.Is(Roles.Department) && i.CooperatingUnits.Any(u => u.UnitId == a.UnitId)),
        _ => false,
    };

    /// <summary>The steps the actor may take now: allowed by the state and by the role.</summary>
    public static IReadOnlyList<SupervisionEntryKind> Available(Actor a, SupervisionItem i) =>
        SupervisionStateMachine.AllowedFrom(i.State).Where(k => MayTake(a, i, k)).ToList();

    private static bool IsLead(Actor a, SupervisionItem i) => a.Is(Roles.Department) && a.UnitId == i.LeadUnitId;
}
