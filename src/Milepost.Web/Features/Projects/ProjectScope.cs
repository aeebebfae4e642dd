using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>Which projects an actor may see (SPEC §5): owners their own, departments those they answer for.</summary>
public static class ProjectScope
{
    public static IQueryable<Project> VisibleTo(this IQueryable<Project> projects, Actor actor)
    {
        if (actor.Is(Roles.Supervisor) || actor.Is(Roles.Leader)) return projects;
        if (actor.Is(Roles.Department) && actor.UnitId is { } dept) return projects.Where(p => p.ResponsibleUnitId == dept);
        if (actor.Is(Roles.Owner) && actor.UnitId is { } owner) return projects.Where(p => p.OwnerUnitId == owner);
        // The admin roles hold no business data (三权分立).
        return projects.Where(p => false);
    }

    /// <summary>
    /// A GB/T 2260 code covers the codes below it: 510000 a province, 511800 a prefecture and its
    /// districts and counties, 511802 one district. Trailing "00" pairs are what make it wider.
    /// </summary>
    public static string DivisionPrefix(string code)
    {
        var prefix = code;
        while (prefix.Length > 2 && prefix.EndsWith("00", StringComparison.Ordinal)) prefix = prefix[..^2];
        return prefix;
    }
}
