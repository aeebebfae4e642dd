using Milepost.Core.Scheduling;
using static Milepost.Core.Tests.Scheduling.Net;

namespace Milepost.Core.Tests.Scheduling;

/// <summary>Hand-checked schedules in calendar days; each line of dates is "ES EF LS LF float".</summary>
public class SchedulerTests
{
    [Fact]
    public void Chain_WithTarget_FloatsAreTheSlackToTheTarget()
    {
        // 2024 is a leap year: five days from 02-27 end on 03-02.
        var result = Run("2024-02-27", "2024-03-10",
            Node("a", 5), Node("b", 3, "a"), Node("c", 1, "b:2"));

        Assert.Equal("2024-02-27 2024-03-02 2024-02-29 2024-03-04 2", result.Dates("a"));
        Assert.Equal("2024-03-03 2024-03-05 2024-03-05 2024-03-07 2", result.Dates("b"));
        Assert.Equal("2024-03-08 2024-03-08 2024-03-10 2024-03-10 2", result.Dates("c"));
        Assert.All(result.Nodes, n => Assert.False(n.Critical));
        Assert.Equal(D("2024-03-08"), result.LatestEarlyFinish);
        Assert.Equal(D("2024-03-10"), result.Target);
        Assert.Equal(0, result.CompressionDays);
        Assert.Empty(result.CompressionPath);
    }

    [Fact]
    public void Chain_WithoutTarget_BackwardPassStartsFromTheLatestEarlyFinish()
    {
        var result = Run("2024-02-27", null, Node("a", 5), Node("b", 3, "a"), Node("c", 1, "b:2"));

        Assert.Equal(D("2024-03-08"), result.Target);
        Assert.Equal("2024-02-27 2024-03-02 2024-02-27 2024-03-02 0", result.Dates("a"));
        Assert.Equal("2024-03-08 2024-03-08 2024-03-08 2024-03-08 0", result.Dates("c"));
        Assert.All(result.Nodes, n => Assert.True(n.Critical));
    }

    [Fact]
    public void Diamond_LongerBranchIsCritical()
    {
        var result = Run("2024-01-01", null,
            Node("a", 2), Node("b", 3, "a"), Node("c", 5, "a"), Node("d", 1, "b", "c"));

        Assert.Equal("2024-01-01 2024-01-02 2024-01-01 2024-01-02 0", result.Dates("a"));
        Assert.Equal("2024-01-03 2024-01-05 2024-01-05 2024-01-07 2", result.Dates("b"));
        Assert.Equal("2024-01-03 2024-01-07 2024-01-03 2024-01-07 0", result.Dates("c"));
        Assert.Equal("2024-01-08 2024-01-08 2024-01-08 2024-01-08 0", result.Dates("d"));
        Assert.Equal(["a", "c", "d"], result.Nodes.Where(n => n.Critical).Select(n => n.Id));
    }

    [Fact]
    public void NegativeLag_OverlapsThePredecessor_ButNotBeforeTheDataDate()
    {
        var result = Run("2024-01-01", null,
            Node("a", 10), Node("b", 4, "a:-3"), Node("c", 0, "b"), Node("e", 2, "a:-20"));

        // b starts 3 days before a's finish + 1: 01-10 − 3 + 1.
        Assert.Equal("2024-01-08 2024-01-11 2024-01-08 2024-01-11 0", result.Dates("b"));
        // a's late finish = b's late start − (−3) − 1.
        Assert.Equal("2024-01-01 2024-01-10 2024-01-01 2024-01-10 0", result.Dates("a"));
        Assert.Equal("2024-01-12 2024-01-12 2024-01-12 2024-01-12 0", result.Dates("c"));
        // 01-10 − 20 + 1 is in 2023: the data date binds.
        Assert.Equal("2024-01-01 2024-01-02 2024-01-11 2024-01-12 10", result.Dates("e"));
    }

    [Fact]
    public void Deadline_ThatBinds_GivesNegativeFloatAndCompression()
    {
        var result = Run("2024-01-01", "2024-01-31",
            Node("a", 5) with { Deadline = D("2024-01-04") }, Node("b", 5, "a"));

        Assert.Equal("2024-01-01 2024-01-05 2023-12-31 2024-01-04 -1", result.Dates("a"));
        Assert.Equal("2024-01-06 2024-01-10 2024-01-27 2024-01-31 21", result.Dates("b"));
        Assert.True(result.Of("a").Critical);
        Assert.False(result.Of("b").Critical);
        Assert.Equal(1, result.CompressionDays);
        Assert.Equal(["a"], result.CompressionPath);
        Assert.True(result.NeedsCompression);
    }

    [Fact]
    public void Deadline_LaterThanSuccessorsNeed_DoesNotBind()
    {
        var result = Run("2024-01-01", "2024-01-31",
            Node("a", 5) with { Deadline = D("2024-01-30") }, Node("b", 5, "a"));

        Assert.Equal("2024-01-01 2024-01-05 2024-01-22 2024-01-26 21", result.Dates("a"));
    }

    [Fact]
    public void TargetTooEarly_CompressionDaysAndPathInScheduleOrder()
    {
        // Given out of order on purpose: the path comes back in schedule order.
        var result = Run("2024-01-01", "2024-01-20",
            Node("c", 5, "b"), Node("d", 3), Node("a", 10), Node("b", 10, "a"));

        Assert.Equal("2024-01-01 2024-01-10 2023-12-27 2024-01-05 -5", result.Dates("a"));
        Assert.Equal("2024-01-11 2024-01-20 2024-01-06 2024-01-15 -5", result.Dates("b"));
        Assert.Equal("2024-01-21 2024-01-25 2024-01-16 2024-01-20 -5", result.Dates("c"));
        Assert.Equal("2024-01-01 2024-01-03 2024-01-18 2024-01-20 17", result.Dates("d"));
        Assert.Equal(5, result.CompressionDays);
        Assert.Equal(["a", "b", "c"], result.CompressionPath);
        Assert.Equal(["c", "d", "a", "b"], result.Nodes.Select(n => n.Id));
        Assert.Equal(D("2024-01-25"), result.LatestEarlyFinish);
        Assert.Equal(D("2024-01-20"), result.Target);
    }

    [Theory]
    // Finished early: 3 days instead of 5; finished late: 8 days. b follows a with lag 1.
    [InlineData("2024-03-03", "2024-03-04", "2024-03-05", "2024-03-12", "2024-03-09", 8)]
    [InlineData("2024-03-08", "2024-03-09", "2024-03-10", "2024-03-17", "2024-03-04", 3)]
    public void Finished_KeepsActualDates_AndDrivesSuccessors(
        string actualFinish, string dataDate, string bStart, string cFinish, string aLateStart, int aFloat)
    {
        var result = Run(dataDate, "2024-03-20",
            Node("a", 5) with { ActualStart = D("2024-03-01"), ActualFinish = D(actualFinish) },
            Node("b", 5, "a:1"), Node("c", 3, "b"));

        var a = result.Of("a");
        Assert.Equal(D("2024-03-01"), a.EarlyStart);
        Assert.Equal(D(actualFinish), a.EarlyFinish);
        Assert.Equal(D("2024-03-11"), a.LateFinish);   // c 03-18..03-20, b ..03-17 from 03-13, minus lag 1 and a day
        Assert.Equal(D(aLateStart), a.LateStart);        // the actual span stands in for the duration
        Assert.Equal(aFloat, a.TotalFloat);
        Assert.Equal(D(bStart), result.Of("b").EarlyStart);
        Assert.Equal(D(cFinish), result.Of("c").EarlyFinish);
    }

    [Fact]
    public void Finished_EarlierThanTheDataDate_SuccessorWaitsForTheDataDate()
    {
        var result = Run("2024-03-10", null,
            Node("a", 5) with { ActualStart = D("2024-02-20"), ActualFinish = D("2024-02-22") }, Node("b", 2, "a"));

        Assert.Equal("2024-03-10 2024-03-11 2024-03-10 2024-03-11 0", result.Dates("b"));
        Assert.Equal(16, result.Of("a").TotalFloat);   // late finish 03-09, actual finish 02-22
    }

    [Fact]
    public void Finished_WithoutActualStart_StartedDurationDaysBefore()
    {
        var result = Run("2024-03-10", null, Node("a", 5) with { ActualFinish = D("2024-03-03") });

        Assert.Equal(D("2024-02-28"), result.Of("a").EarlyStart);
        Assert.Equal(D("2024-03-03"), result.Of("a").EarlyFinish);
    }

    [Theory]
    // Ten days from 03-01 end on 03-10, after the data date: the plan holds.
    [InlineData(10, "2024-03-05", "2024-03-10")]
    // Three days from 03-01 ended on 03-03, but it is not finished: it finishes on the data date at the earliest.
    [InlineData(3, "2024-03-08", "2024-03-08")]
    public void Started_KeepsActualStart_FinishesNoEarlierThanTheDataDate(int duration, string dataDate, string finish)
    {
        var result = Run(dataDate, null,
            Node("p", 4),
            Node("a", duration, "p") with { ActualStart = D("2024-03-01") },
            Node("b", 2, "a"));

        var a = result.Of("a");
        Assert.Equal(D("2024-03-01"), a.EarlyStart);   // not moved by its unfinished predecessor p
        Assert.Equal(D(finish), a.EarlyFinish);
        Assert.Equal(D(finish).AddDays(1), result.Of("b").EarlyStart);
    }

    [Fact]
    public void Started_PredecessorStillOpen_GetsNegativeFloat()
    {
        // p has not started but its successor has: p can only finish on time if it had finished yesterday.
        var result = Run("2024-03-05", null,
            Node("p", 4), Node("a", 10, "p") with { ActualStart = D("2024-03-01") });

        Assert.Equal("2024-03-05 2024-03-08 2024-02-26 2024-02-29 -8", result.Dates("p"));
        Assert.Equal(8, result.CompressionDays);
        Assert.Equal(["p"], result.CompressionPath);
    }

    [Fact]
    public void Milestone_OccupiesOneDayWithNoWork()
    {
        var result = Run("2024-05-01", null, Node("a", 3), Node("m", 0, "a"), Node("b", 2, "m"), Node("start", 0));

        Assert.Equal("2024-05-01 2024-05-03 2024-05-01 2024-05-03 0", result.Dates("a"));
        Assert.Equal("2024-05-04 2024-05-04 2024-05-04 2024-05-04 0", result.Dates("m"));
        Assert.Equal("2024-05-05 2024-05-06 2024-05-05 2024-05-06 0", result.Dates("b"));
        Assert.Equal("2024-05-01 2024-05-01 2024-05-06 2024-05-06 5", result.Dates("start"));
    }

    [Fact]
    public void DuplicateDependency_TheBindingLagWins()
    {
        var result = Run("2024-01-01", null, Node("a", 2), Node("b", 1, "a:3", "a:-1"));

        Assert.Equal(D("2024-01-06"), result.Of("b").EarlyStart);
        Assert.Equal(D("2024-01-02"), result.Of("a").LateFinish);
    }

    [Fact]
    public void EmptyNetwork_NothingToSchedule()
    {
        var result = Run("2024-01-01", null);

        Assert.Empty(result.Nodes);
        Assert.Equal(D("2024-01-01"), result.LatestEarlyFinish);
        Assert.Equal(0, result.CompressionDays);
    }
}
