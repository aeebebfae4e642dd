using Milepost.Core.Portfolio;
using Milepost.Web.Features.Projects;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// What pickers elsewhere offer of base data: retired records are hidden from new choices, but a record already
/// chosen (a project's responsible unit retired since, a filter in a bookmarked address) still displays by name.
/// </summary>
public static class Pickers
{
    public static IReadOnlyList<Option> Pickable(this IReadOnlyList<Option> options, params IReadOnlyCollection<string?> chosen) =>
        options.All(o => !o.Retired) ? options : [.. options.Where(o => !o.Retired || chosen.Contains(o.Value))];
}

/// <summary>Unit kinds as queries can use them.</summary>
public static class UnitQueries
{
    private static readonly UnitKind[] ResponsibleKinds = [.. Enum.GetValues<UnitKind>().Where(k => k.IsResponsible())];

    /// <summary>
    /// The units that may answer for a project or lead a problem or supervision item (牵头部门, 责任单位, 县区政府:
    /// <see cref="UnitKinds.IsResponsible"/>), in a form the database can filter by.
    /// </summary>
    public static IQueryable<Unit> Responsible(this IQueryable<Unit> units) => units.Where(u => ResponsibleKinds.Contains(u.Kind));
}
