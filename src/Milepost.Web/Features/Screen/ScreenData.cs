using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Maps;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Settings;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Screen;

/// <summary>One page of the rotation: the whole portfolio (no programme) or one programme.</summary>
public sealed record ScreenPageKey(long? ProgrammeId, string Name);

/// <summary>
/// What the wall display reads besides the dashboard figures (which come from <see cref="DashboardQueries"/>, never
/// summed again here): the city's name for the title and the boundary the map is drawn on.
/// </summary>
public static class ScreenData
{
    /// <summary>The top division is the city (as the bulletins name it); empty on a portfolio with no divisions yet.</summary>
    public static async Task<string> CityAsync(MilepostDb db, CancellationToken ct = default) =>
        await db.Divisions.AsNoTracking().Where(d => d.ParentCode == null).OrderBy(d => d.Code).Select(d => d.Name).FirstOrDefaultAsync(ct) ?? "";

    public static async Task<GeoBoundary?> BoundaryAsync(SettingsReader settings, CancellationToken ct = default) =>
        (await settings.GetAsync<BoundarySetting>(SettingKeys.Boundary, ct))?.ToBoundary();

    /// <summary>
    /// The rotation: the portfolio first, then each programme the actor has projects in (largest plan first, as the
    /// portfolio's breakdown orders them). Projects outside any programme are in the portfolio page only.
    /// </summary>
    public static IReadOnlyList<ScreenPageKey> Pages(DashboardView portfolio) =>
        [new(null, Lang.T("全市", "Portfolio")),
         .. portfolio.Breakdowns[BreakdownKinds.Programme].Where(r => r.Key != "")
             .Select(r => new ScreenPageKey(long.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture), r.Name))];
}
