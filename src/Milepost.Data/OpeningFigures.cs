using Microsoft.EntityFrameworkCore;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;

namespace Milepost.Data;

/// <summary>The one read of opening balances that the status, dashboard and ranking readers share.</summary>
public static class OpeningFigures
{
    /// <summary>The opening figures of the projects among <paramref name="projectIds"/> that have one, by project.</summary>
    public static async Task<Dictionary<long, OpeningFigure>> ForAsync(MilepostDb db, IQueryable<long> projectIds, CancellationToken ct) =>
        (await db.OpeningBalances.AsNoTracking().Where(o => projectIds.Contains(o.ProjectId)).ToListAsync(ct))
        .ToDictionary(o => o.ProjectId, o => o.ToFigure());

    /// <inheritdoc cref="ForAsync(MilepostDb, IQueryable{long}, CancellationToken)"/>
    public static async Task<Dictionary<long, OpeningFigure>> ForAsync(MilepostDb db, IReadOnlyCollection<long> projectIds, CancellationToken ct) =>
        (await db.OpeningBalances.AsNoTracking().Where(o => projectIds.Contains(o.ProjectId)).ToListAsync(ct))
        .ToDictionary(o => o.ProjectId, o => o.ToFigure());
}
