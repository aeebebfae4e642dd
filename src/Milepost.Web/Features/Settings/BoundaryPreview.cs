using Microsoft.EntityFrameworkCore;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;
using Milepost.Web.Shared.Charts;

namespace Milepost.Web.Features.Settings;

/// <summary>
/// The projects the office sees, as map points with their current figures: under the boundary upload,
/// so the office checks the boundary against where the projects actually are before the dashboard uses it.
/// </summary>
public static class BoundaryPreview
{
    public sealed record Result(IReadOnlyList<MapPoint> Points, int MissingCount);

    public static async Task<Result> LoadAsync(MilepostDb db, ProjectStatusService status, Actor actor, CancellationToken ct = default)
    {
        var projects = await db.Projects.AsNoTracking().VisibleTo(actor)
            .Select(p => new { p.Id, p.Name, p.Latitude, p.Longitude }).ToListAsync(ct);
        var located = projects.Where(p => p.Latitude is not null && p.Longitude is not null).ToList();
        var views = await status.ForProjectsAsync([.. located.Select(p => p.Id)], ct);
        var points = located.Select(p =>
        {
            var v = views.GetValueOrDefault(p.Id);
            var i = v?.Indicators;
            return new MapPoint(p.Id, p.Name, p.Latitude!.Value, p.Longitude!.Value, v?.Warning.Level ?? WarningLevel.Green,
                i?.AnnualPlan.Wan ?? 0, i?.YtdCompleted.Wan ?? 0, i?.CompletionRate * 100, i?.LagPoints);
        }).ToList();
        return new Result(points, projects.Count - located.Count);
    }
}
