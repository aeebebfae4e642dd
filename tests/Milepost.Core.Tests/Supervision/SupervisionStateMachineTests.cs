using Milepost.Core.Supervision;
using static Milepost.Core.Supervision.SupervisionEntryKind;
using static Milepost.Core.Supervision.SupervisionState;

namespace Milepost.Core.Tests.Supervision;

public class SupervisionStateMachineTests
{
    public static TheoryData<SupervisionState, SupervisionEntryKind, SupervisionState> Legal => new()
    {
        { Draft, Assign, Assigned },
        { Assigned, Accept, Accepted },
        { Accepted, SupervisionEntryKind.Feedback, SupervisionState.Feedback },
        { SupervisionState.Feedback, Close, Closed },
        { SupervisionState.Feedback, Return, Returned },
        { Returned, Accept, Accepted },
        // Urges go to any assigned item not yet closed, and leave its state as it is.
        { Assigned, Urge, Assigned },
        { Accepted, Urge, Accepted },
        { SupervisionState.Feedback, Urge, SupervisionState.Feedback },
        { Returned, Urge, Returned },
        { Assigned, Note, Assigned },
        { Accepted, Note, Accepted },
        { SupervisionState.Feedback, Note, SupervisionState.Feedback },
        { Returned, Note, Returned },
    };

    public static TheoryData<SupervisionState, SupervisionEntryKind> Illegal => new()
    {
        { Draft, Accept }, { Draft, SupervisionEntryKind.Feedback }, { Draft, Urge }, { Draft, Return }, { Draft, Close }, { Draft, Note },
        { Assigned, Assign }, { Assigned, SupervisionEntryKind.Feedback }, { Assigned, Return }, { Assigned, Close },
        { Accepted, Assign }, { Accepted, Accept }, { Accepted, Return }, { Accepted, Close },
        { SupervisionState.Feedback, Assign }, { SupervisionState.Feedback, Accept }, { SupervisionState.Feedback, SupervisionEntryKind.Feedback },
        { Returned, Assign }, { Returned, SupervisionEntryKind.Feedback }, { Returned, Return }, { Returned, Close },
        { Closed, Assign }, { Closed, Accept }, { Closed, SupervisionEntryKind.Feedback }, { Closed, Urge }, { Closed, Return }, { Closed, Close }, { Closed, Note },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void Next_LegalStep_GivesTheNextState(SupervisionState from, SupervisionEntryKind action, SupervisionState expected)
    {
        var step = SupervisionStateMachine.Next(from, action);
        Assert.True(step.IsAllowed);
        Assert.Equal(expected, step.Next);
        Assert.Contains(action, SupervisionStateMachine.AllowedFrom(from));
    }

    [Theory]
    [MemberData(nameof(Illegal))]
    public void Next_IllegalStep_IsRefusedNamingTheStateAndTheAllowedSteps(SupervisionState from, SupervisionEntryKind action)
    {
        var step = SupervisionStateMachine.Next(from, action);
        Assert.False(step.IsAllowed);
        Assert.Null(step.Next);
        Assert.Equal("Action", step.Refusal!.Field);
        Assert.Contains($"“{SupervisionNames.Zh(from)}”", step.Refusal.MessageZh);
        Assert.Contains($"不能{(from == Closed ? "再" : "")}{SupervisionNames.Zh(action)}", step.Refusal.MessageZh);
        foreach (var allowed in SupervisionStateMachine.AllowedFrom(from))
            Assert.Contains(SupervisionNames.Zh(allowed), step.Refusal.MessageZh);
        Assert.DoesNotContain(action, SupervisionStateMachine.AllowedFrom(from));
    }

    [Fact]
    public void EveryStateAndAction_IsInExactlyOneTable()
    {
        var legal = Legal.Select(r => ((SupervisionState)r[0], (SupervisionEntryKind)r[1])).ToHashSet();
        var illegal = Illegal.Select(r => ((SupervisionState)r[0], (SupervisionEntryKind)r[1])).ToHashSet();
        foreach (var s in Enum.GetValues<SupervisionState>())
            foreach (var a in Enum.GetValues<SupervisionEntryKind>())
                Assert.True(legal.Contains((s, a)) ^ illegal.Contains((s, a)), $"{s} × {a}");
    }

    [Fact]
    public void Refusal_ListsTheAllowedSteps_InChinese()
    {
        var step = SupervisionStateMachine.Next(Accepted, Close);
        Assert.Equal("事项当前为“办理中”状态，不能办结；当前可以进行的操作：反馈、催办、备注", step.Refusal!.MessageZh);
        Assert.Equal("事项当前为“已办结”状态，不能再催办，也没有可以进行的操作", SupervisionStateMachine.Next(Closed, Urge).Refusal!.MessageZh);
    }
}

public class MeetingMinutesTests
{
    [Theory]
    [InlineData("会议议定：\n一、加快征地拆迁，6月底前交地。\n二、市交通运输局牵头办理施工许可。", new[] { "加快征地拆迁，6月底前交地。", "市交通运输局牵头办理施工许可。" })]
    [InlineData("1. 落实资金\n2、开展安全检查\n3．完成验收", new[] { "落实资金", "开展安全检查", "完成验收" })]
    [InlineData("（1）甲事项\n(2) 乙事项\n①丙事项", new[] { "甲事项", "乙事项", "丙事项" })]
    [InlineData("一是加快进度\n二是强化保障", new[] { "加快进度", "强化保障" })]
    // A line without a number continues the task above; a decimal is not a number of a task.
    [InlineData("1. 完成投资\n1.5亿元，确保到位\n2. 开工", new[] { "完成投资1.5亿元，确保到位", "开工" })]
    // Nothing numbered: the whole text is one task.
    [InlineData("请市商务局督促会展中心\n倒排工期。", new[] { "请市商务局督促会展中心倒排工期。" })]
    [InlineData("  \n ", new string[0])]
    public void Split_OneTaskPerNumberedParagraph(string text, string[] expected) =>
        Assert.Equal(expected, MeetingMinutes.Split(text));
}
