namespace Milepost.Core.Ranking;

/// <summary>Where a project or unit stood in the previous published month's list.</summary>
/// <param name="Id">The project id (in <see cref="RankingMovements.Projects"/>) or unit id (in <see cref="RankingMovements.Units"/>).</param>
/// <param name="PreviousList">The list it was on last month (None: on no list, or not ranked).</param>
/// <param name="PreviousPosition">Its place on that list.</param>
/// <param name="PreviousRank">Its overall rank last month; null when it was not ranked.</param>
public sealed record Movement(long Id, RankingList PreviousList, int? PreviousPosition, int? PreviousRank);

/// <summary>The previous month's standing of everything ranked this month; null members mean there was no previous list.</summary>
/// <param name="PreviousMonth">The month compared with.</param>
/// <param name="PreviousPublicationId">The publication compared with, so the comparison can be traced.</param>
public sealed record RankingMovements(YearMonth PreviousMonth, long PreviousPublicationId, IReadOnlyList<Movement> Projects, IReadOnlyList<Movement> Units)
{
    // Built on first use: a province's list looks up thousands of entries, which a scan per entry would make quadratic.
    private Dictionary<long, Movement>? _projects, _units;

    /// <summary>The previous standing of a project ranked this month, or null.</summary>
    public Movement? OfProject(long projectId) => (_projects ??= Projects.ToDictionary(m => m.Id)).GetValueOrDefault(projectId);

    /// <summary>The previous standing of a unit ranked this month, or null.</summary>
    public Movement? OfUnit(long unitId) => (_units ??= Units.ToDictionary(m => m.Id)).GetValueOrDefault(unitId);

    /// <summary>
    /// How an entry moved on its list: positive = that many places nearer the top of the same list, negative = further
    /// down, 0 = the same place; null = new on this list (not on it last month).
    /// </summary>
    public static int? PlacesMoved(RankingList list, int? position, Movement? previous) =>
        list == RankingList.None || position is null || previous is null || previous.PreviousList != list || previous.PreviousPosition is null
            ? null
            : previous.PreviousPosition.Value - position.Value;

    public static RankingMovements Compare(RankingResult previous, long previousPublicationId, RankingResult current)
    {
        var before = previous.Entries.Where(e => e.Rank is not null).ToDictionary(e => e.ProjectId);
        var unitsBefore = previous.Units.Where(u => u.Rank is not null).ToDictionary(u => u.UnitId);
        var projects = current.Entries.Where(e => e.Rank is not null).Select(e => before.TryGetValue(e.ProjectId, out var p)
            ? new Movement(e.ProjectId, p.List, p.Position, p.Rank)
            : new Movement(e.ProjectId, RankingList.None, null, null)).ToList();
        var units = current.Units.Where(u => u.Rank is not null).Select(u => unitsBefore.TryGetValue(u.UnitId, out var p)
            ? new Movement(u.UnitId, p.List, p.Position, p.Rank)
            : new Movement(u.UnitId, RankingList.None, null, null)).ToList();
        return new RankingMovements(previous.Month, previousPublicationId, projects, units);
    }
}
