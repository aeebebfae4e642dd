using Milepost.Core.Scheduling;
using static Milepost.Core.Tests.Scheduling.Net;

namespace Milepost.Core.Tests.Scheduling;

public class SchedulerValidationTests
{
    private static ValidationException Refused(params ScheduleNode[] nodes) =>
        Assert.Throws<ValidationException>(() => Run("2024-01-01", null, nodes));

    private static ScheduleNode Named(string id, string name, params string[] predecessors) =>
        Node(id, 5, predecessors) with { Name = name };

    [Fact]
    public void Cycle_NamesItsNodesInOrder()
    {
        var ex = Refused(Named("a", "可研批复", "b"), Named("b", "初设批复", "a"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("schedule.cycle", error.Code);
        Assert.Equal("依赖关系存在循环：可研批复(a) → 初设批复(b) → 可研批复(a)", error.MessageZh);
        Assert.Equal("Dependency cycle: 可研批复(a) → 初设批复(b) → 可研批复(a)", error.MessageEn);
    }

    [Fact]
    public void Cycle_WithNodesBeforeAndBehindIt_NamesOnlyTheCycle_FromItsFirstNodeInInput()
    {
        // x → a → b → c → a, and d after c; d comes first in the input.
        var ex = Refused(Node("d", 1, "c"), Node("x", 1), Node("a", 1, "x", "c"), Node("b", 1, "a"), Node("c", 1, "b"));

        Assert.Equal("依赖关系存在循环：a(a) → b(b) → c(c) → a(a)", Assert.Single(ex.Errors).MessageZh);
    }

    [Fact]
    public void Cycle_StartsAtTheEarliestInputNode_AndFollowsDependencyOrder()
    {
        var ex = Refused(Node("c", 1, "b"), Node("a", 1, "c"), Node("b", 1, "a"));

        Assert.Equal("依赖关系存在循环：c(c) → a(a) → b(b) → c(c)", Assert.Single(ex.Errors).MessageZh);
    }

    [Fact]
    public void Cycle_TwoCycles_OneIsNamed()
    {
        var ex = Refused(Node("a", 1, "b"), Node("b", 1, "a"), Node("c", 1, "d"), Node("d", 1, "c"));

        Assert.Equal("依赖关系存在循环：a(a) → b(b) → a(a)", Assert.Single(ex.Errors).MessageZh);
    }

    [Fact]
    public void UnknownPredecessor_Refused()
    {
        var ex = Refused(Named("a", "可研批复", "zz"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("schedule.unknown-predecessor", error.Code);
        Assert.Equal("Predecessors", error.Field);
        Assert.Contains("可研批复(a)", error.MessageZh);
        Assert.Contains("zz", error.MessageZh);
        Assert.Contains("zz", error.MessageEn);
    }

    [Fact]
    public void DuplicateId_Refused()
    {
        var ex = Refused(Named("a", "可研批复"), Named("a", "初设批复"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("schedule.duplicate-id", error.Code);
        Assert.Contains("可研批复", error.MessageZh);
        Assert.Contains("初设批复", error.MessageZh);
    }

    [Fact]
    public void IdsDifferingOnlyInCase_AreDifferentNodes()
    {
        var result = Run("2024-01-01", null, Node("a", 1), Node("A", 1, "a"));

        Assert.Equal(D("2024-01-02"), result.Of("A").EarlyStart);
    }

    [Theory]
    [InlineData(-1, true)]
    [InlineData(0, false)]
    public void Duration_NegativeRefused_ZeroIsAMilestone(int duration, bool refused)
    {
        var act = () => Run("2024-01-01", null, Node("a", duration));

        if (refused) Assert.Equal("schedule.duration", Assert.Single(Assert.Throws<ValidationException>(act).Errors).Code);
        else Assert.Equal(D("2024-01-01"), act().Of("a").EarlyFinish);
    }

    [Fact]
    public void Self_Refused()
    {
        var ex = Refused(Named("a", "可研批复", "a"));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("schedule.self", error.Code);
        Assert.Contains("可研批复(a)", error.MessageZh);
    }

    [Theory]
    [InlineData("2024-01-04", true)]
    [InlineData("2024-01-05", false)]
    public void ActualFinishBeforeActualStart_Refused_SameDayIsFine(string finish, bool refused)
    {
        var node = Node("a", 1) with { ActualStart = D("2024-01-05"), ActualFinish = D(finish) };
        var act = () => Run("2024-01-10", null, node);

        if (refused)
        {
            var error = Assert.Single(Assert.Throws<ValidationException>(act).Errors);
            Assert.Equal("schedule.actual-order", error.Code);
            Assert.Contains("2024-01-04", error.MessageZh);
        }
        else Assert.Equal(D("2024-01-05"), act().Of("a").EarlyFinish);
    }

    [Fact]
    public void SeveralProblems_AllReportedTogether()
    {
        var ex = Refused(Node("a", -2, "zz"), Node("a", 1), Node("b", 1, "b"));

        Assert.Equal(["schedule.duration", "schedule.duplicate-id", "schedule.unknown-predecessor", "schedule.self"],
            ex.Errors.Select(e => e.Code));
    }

    [Fact]
    public void ManyProblems_AtMostTwentyReported()
    {
        var nodes = Enumerable.Range(0, 50).Select(i => Node($"n{i}", -1)).ToArray();

        Assert.Equal(20, Refused(nodes).Errors.Count);
    }

    [Fact]
    public void ScheduleBeyondTheLastRepresentableDate_Refused()
    {
        var ex = Assert.Throws<ValidationException>(() => Run("9999-12-30", null, Node("a", 5)));

        Assert.Equal("schedule.range", Assert.Single(ex.Errors).Code);
    }
}
