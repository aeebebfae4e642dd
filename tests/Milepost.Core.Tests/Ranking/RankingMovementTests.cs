using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Ranking.RankingTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>Movement since the previous published month: ↑/↓ places on the same list, or new on it.</summary>
public class RankingMovementTests
{
    [Theory]
    [InlineData(RankingList.Red, 3, RankingList.Red, 1, 2)]          // up two places
    [InlineData(RankingList.Red, 1, RankingList.Red, 4, -3)]         // down three
    [InlineData(RankingList.Black, 2, RankingList.Black, 2, 0)]      // same place
    [InlineData(RankingList.None, null, RankingList.Red, 5, null)]   // new on the red list
    [InlineData(RankingList.Red, 1, RankingList.Black, 1, null)]     // red last month, black now: new on the black list
    [InlineData(RankingList.Black, 1, RankingList.None, null, null)] // off the lists: no movement shown
    public void PlacesMoved_Table(RankingList before, int? beforePosition, RankingList now, int? position, int? moved)
    {
        Assert.Equal(moved, RankingMovements.PlacesMoved(now, position, new Movement(1, before, beforePosition, 3)));
    }

    [Fact]
    public void PlacesMoved_NoPreviousList_New()
    {
        Assert.Null(RankingMovements.PlacesMoved(RankingList.Red, 1, null));
    }

    [Fact]
    public void Compare_TwoMonths_EveryMoveKind()
    {
        var april = Compute([Scoring(1, 99), Scoring(2, 98), Scoring(3, 97), Scoring(4, 95), Scoring(5, 30), Scoring(7, 20)], month: new YearMonth(2020, 4));
        var may = Compute([Scoring(3, 99), Scoring(1, 98), Scoring(2, 40), Scoring(4, 95), Scoring(5, 30), Scoring(6, 96), Scoring(7, 20)],
            exemptions: [new(7, ExemptionKind.PolicyStop, "政策性停工")]);

        var movements = RankingMovements.Compare(april, 41, may);

        int? Moved(long id)
        {
            var e = may.Entries.Single(x => x.ProjectId == id);
            return RankingMovements.PlacesMoved(e.List, e.Position, movements.Projects.SingleOrDefault(m => m.Id == id));
        }
        Assert.Equal((new YearMonth(2020, 4), 41L), (movements.PreviousMonth, movements.PreviousPublicationId));
        Assert.Equal(2, Moved(3));       // red 3 → red 1
        Assert.Equal(-1, Moved(1));      // red 1 → red 2
        Assert.Null(Moved(2));           // red 2 → black: new on the black list
        Assert.Equal(0, Moved(4));       // red 4 → red 4: 6 enters third and 2 leaves, so 4 keeps its place
        Assert.Equal(1, Moved(5));       // black 2 → black 1: nearer the top of the black list now that 7 is exempted
        Assert.Null(Moved(6));           // not ranked last month
        Assert.DoesNotContain(movements.Projects, m => m.Id == 7);   // exempted this month: no movement recorded
        Assert.Equal(RankingList.None, movements.Projects.Single(m => m.Id == 6).PreviousList);
    }

    [Fact]
    public void Compare_Units_MoveOnTheirLists()
    {
        RankingResult List(int month, decimal unit1, decimal unit2, decimal unit3) => Compute(
            [Scoring(1, unit1, unit: 1), Scoring(2, unit1, unit: 1), Scoring(3, unit2, unit: 2), Scoring(4, unit2, unit: 2),
             Scoring(5, unit3, unit: 3), Scoring(6, unit3, unit: 3)], month: new YearMonth(2020, month));
        var april = List(4, 95, 92, 40);
        var may = List(5, 91, 93, 97);

        var movements = RankingMovements.Compare(april, 7, may);

        int? Moved(long id)
        {
            var u = may.Units.Single(x => x.UnitId == id);
            return RankingMovements.PlacesMoved(u.List, u.Position, movements.Units.Single(m => m.Id == id));
        }
        Assert.Equal([3L, 2, 1], may.RedUnits.Select(u => u.UnitId));
        Assert.Equal((-2, 0, (int?)null), (Moved(1), Moved(2), Moved(3)));   // 1st → 3rd, 2nd → 2nd, black → red: new
    }

    [Fact]
    public void Snapshot_WithMovement_RoundTripsThroughJson()
    {
        var april = Compute([Scoring(1, 95), Scoring(2, 30)], month: new YearMonth(2020, 4));
        var snapshot = RankingSnapshot.Compute(May, new(2020, 6, 12), new(2020, 6, 10), Defaults, [Scoring(2, 95), Scoring(1, 30)], []);
        snapshot = snapshot with { Movement = RankingMovements.Compare(april, 3, snapshot.Result) };

        var json = snapshot.ToJson();
        var back = RankingSnapshot.FromJson(json);

        Assert.Equal(json, back.ToJson());
        Assert.Equal(3, back.Movement!.PreviousPublicationId);
        Assert.Equal(RankingList.Black, back.Movement.Projects.Single(m => m.Id == 2).PreviousList);
    }
}
