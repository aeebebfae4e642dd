using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

public class LeaderMentionsTests
{
    /// <summary>"王伟:副市长|李娜:" → the mentions expected, so each row of the table reads on one line.</summary>
    private static LeaderMention[] Expected(string spec) =>
        [.. spec.Split('|').Select(m => m.Split(':')).Select(p => new LeaderMention(p[0], p.Length > 1 && p[1].Length > 0 ? p[1] : null))];

    [Theory]
    // One leader with a title, in every placement.
    [InlineData("王伟（副市长）", "王伟:副市长")]
    [InlineData("王伟(副市长)", "王伟:副市长")]
    [InlineData("王伟 （副市长） ", "王伟:副市长")]
    [InlineData("王伟【副市长】", "王伟:副市长")]
    [InlineData("王伟 副市长", "王伟:副市长")]
    [InlineData("王伟　副市长", "王伟:副市长")]
    [InlineData("王伟副市长", "王伟:副市长")]
    [InlineData("副市长王伟", "王伟:副市长")]
    [InlineData("副市长 王伟", "王伟:副市长")]
    [InlineData("副市长（王伟）", "王伟:副市长")]
    [InlineData("常务副市长张强", "张强:常务副市长")]
    [InlineData("市长助理李娜", "李娜:市长助理")]
    [InlineData("李娜市长助理", "李娜:市长助理")]
    [InlineData("市委书记欧阳明", "欧阳明:市委书记")]
    [InlineData("市人大常委会主任刘洋", "刘洋:市人大常委会主任")]
    // Compound titles: the 、 between two titles does not separate leaders.
    [InlineData("市委常委、副市长王伟", "王伟:市委常委、副市长")]
    [InlineData("市委常委，副市长王伟", "王伟:市委常委、副市长")]
    [InlineData("市委常委副市长王伟", "王伟:市委常委副市长")]
    [InlineData("王伟（市委常委、副市长）", "王伟:市委常委、副市长")]
    // Any title-like text inside brackets; other bracketed remarks are dropped.
    [InlineData("王伟（市发改委主任）", "王伟:市发改委主任")]
    [InlineData("王伟（挂职）", "王伟:")]
    // Several leaders, with every separator.
    [InlineData("王伟（副市长）、李娜（市长助理）", "王伟:副市长|李娜:市长助理")]
    [InlineData("王伟（副市长）李娜（市长助理）", "王伟:副市长|李娜:市长助理")]
    [InlineData("副市长王伟，常务副市长张强", "王伟:副市长|张强:常务副市长")]
    [InlineData("副市长王伟；常务副市长张强", "王伟:副市长|张强:常务副市长")]
    [InlineData("副市长王伟;张强", "王伟:副市长|张强:")]
    [InlineData("王伟/李娜", "王伟:|李娜:")]
    [InlineData("王伟（副市长）\n李娜（市长助理）", "王伟:副市长|李娜:市长助理")]
    [InlineData("王伟\r\n李娜", "王伟:|李娜:")]
    [InlineData("王伟 副市长、李娜 市长助理", "王伟:副市长|李娜:市长助理")]
    [InlineData("王伟、副市长", "王伟:副市长")] // a title left at the end belongs to the leader before it
    // Bare names as before: padded names, names separated by spaces, compound names with a middle dot.
    [InlineData("王  伟", "王伟:")]
    [InlineData("王　伟（副市长）", "王伟:副市长")]
    [InlineData("张三 李四", "张三:|李四:")]
    [InlineData("欧阳修", "欧阳修:")]
    [InlineData("买买提·艾力（副市长）", "买买提·艾力:副市长")]
    [InlineData("副市长买买提・艾力", "买买提·艾力:副市长")]
    public void Read_MessyCells(string cell, string expected) => Assert.Equal(Expected(expected), LeaderMentions.Read(cell));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" 、 ")]
    public void Read_Nothing_IsNoLeader(string? cell) => Assert.Empty(LeaderMentions.Read(cell));

    [Fact]
    public void Read_UnknownText_IsKeptAsANameForTheImportToReport() =>
        Assert.Equal([new LeaderMention("市政府办公室", null)], LeaderMentions.Read("市政府办公室"));

    [Theory]
    [InlineData("王伟", true)]
    [InlineData("欧阳明月", true)]
    [InlineData("买买提·艾力", true)]
    [InlineData("王", false)]
    [InlineData("欧阳明月光", false)]
    [InlineData("Wang Wei", false)]
    public void IsName_TwoToFourHanOrDotted(string text, bool isName) => Assert.Equal(isName, LeaderMentions.IsName(text));

    [Theory]
    [InlineData("副市长", "副市长", true)]
    [InlineData("市委常委、副市长", "副市长", true)]
    [InlineData("市委常委、副市长", "市委常委副市长", true)]
    [InlineData("市委常委、副市长", null, true)]
    [InlineData("副市长", "市长", false)]
    [InlineData("副市长", "常务副市长", false)]
    [InlineData("市长助理", "市长", false)]
    public void Titles_Agrees(string recorded, string? written, bool agrees) => Assert.Equal(agrees, LeaderTitles.Agrees(recorded, written));

    [Theory]
    [InlineData("市委常委、副市长", new[] { "市委常委", "副市长" })]
    [InlineData("市长助理", new[] { "市长助理" })]
    [InlineData("市发改委主任", new[] { "市发改委主任" })]
    public void Titles_Parts(string title, string[] parts) => Assert.Equal(parts, LeaderTitles.Parts(title));

    [Fact]
    public void Line_LeadersAreTheNamesOfTheMentions_AndTheNamesOnlyConstructorStillWorks()
    {
        IReadOnlyList<string> names = ["王伟", "李娜"];
        var old = new ProjectLedgerLine(3, "岷江大桥", null, null, null, null, null, names, null, null, null, null, null, null, null);
        Assert.Equal(names, old.Leaders);
        Assert.All(old.LeaderMentions, m => Assert.Null(m.Title));

        var titled = old with { LeaderMentions = [new("王伟", "副市长")] };
        Assert.Equal(["王伟"], titled.Leaders);
    }

    [Fact]
    public void ParseProject_ReadsTheLeadersWithTheirTitles()
    {
        var header = LedgerHeader.Find("台账", [new object?[] { "项目名称", "联系市领导" }], LedgerFieldTable.Projects);
        var row = LedgerRows.Read(header, [new object?[] { "岷江大桥", "市委常委、副市长王伟，李娜（市长助理）" }]).Single();

        var line = LedgerLines.ParseProject("台账", row, 2021).Line!;

        Assert.Equal([new LeaderMention("王伟", "市委常委、副市长"), new LeaderMention("李娜", "市长助理")], line.LeaderMentions);
        Assert.Equal(["王伟", "李娜"], line.Leaders);
        Assert.Equal(["王伟", "李娜"], LedgerLines.SplitNames("市委常委、副市长王伟，李娜（市长助理）"));
    }
}
