using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;

namespace Milepost.Core.Tests.Portfolio;

/// <summary>How the base-data workbook's cells and headers read as offices type them, and what is refused, at which field.</summary>
public class BaseDataWorkbookValuesTests
{
    [Theory]
    [InlineData("511802", "511802")]
    [InlineData(" 511 802 ", "511802")]
    [InlineData("５１１８０２", "511802")]   // full-width digits from an IME
    [InlineData(511802.0, "511802")]       // a code typed into a number cell
    [InlineData("51180a", "51180a")]       // left for the rules to refuse
    [InlineData("  ", null)]
    [InlineData(null, null)]
    public void Code_IsHalfWidthWithoutSpaces(object? cell, string? expected) => Assert.Equal(expected, BaseDataWorkbookValues.Code(cell));

    [Theory]
    [InlineData("牵头部门", UnitKind.LeadDepartment)]
    [InlineData("责任单位", UnitKind.Department)]
    [InlineData(" 责任部门 ", UnitKind.Department)]
    [InlineData("业主单位", UnitKind.Owner)]
    [InlineData("项目业主", UnitKind.Owner)]
    [InlineData("县区政府", UnitKind.CountyGovernment)]
    [InlineData("县（区）政府", UnitKind.CountyGovernment)]
    [InlineData("owner unit", UnitKind.Owner)]
    [InlineData("Department", UnitKind.Department)]
    public void Kind_ReadsTheNamesOfficesWrite(string cell, UnitKind expected) => Assert.Equal(expected, BaseDataWorkbookValues.Kind(cell).Value);

    [Theory]
    [InlineData("主管部门？")]
    [InlineData("公司")]
    public void Kind_Unknown_RefusedAtTheKindWithTheChoices(string cell)
    {
        var error = BaseDataWorkbookValues.Kind(cell).Error!;
        Assert.Equal(("Kind", "unit.kind.unknown"), (error.Field, error.Code));
        Assert.Equal($"单位类型“{cell}”无法识别，应为牵头部门、责任单位、业主单位或县区政府", error.MessageZh);
    }

    [Theory]
    [InlineData("市委", LeaderBody.PartyCommittee)]
    [InlineData("市人大常委会", LeaderBody.PeoplesCongress)]
    [InlineData("市人大", LeaderBody.PeoplesCongress)]
    [InlineData("市政府", LeaderBody.Government)]
    [InlineData("市人民政府", LeaderBody.Government)]
    [InlineData("市 政 协", LeaderBody.Cppcc)]
    public void Body_ReadsTheFourBodies(string cell, LeaderBody expected) => Assert.Equal(expected, BaseDataWorkbookValues.Body(cell).Value);

    [Fact]
    public void Body_Unknown_RefusedAtTheBody()
    {
        var error = BaseDataWorkbookValues.Body("国务院").Error!;
        Assert.Equal(("Body", "leader.body.unknown"), (error.Field, error.Code));
    }

    [Theory]
    [InlineData("是", true)]
    [InlineData("已停用", true)]
    [InlineData("Y", true)]
    [InlineData(1.0, true)]
    [InlineData("否", false)]
    [InlineData("在用", false)]
    [InlineData("false", false)]
    [InlineData(null, null)]
    [InlineData("-", null)]
    public void Retired_IsYesOrNo(object? cell, bool? expected) => Assert.Equal(expected, BaseDataWorkbookValues.Retired(cell).Value);

    [Fact]
    public void Retired_Other_Refused() => Assert.Equal("workbook.retired", BaseDataWorkbookValues.Retired("也许").Error!.Code);

    [Theory]
    [InlineData(12.0, 12)]
    [InlineData("１２", 12)]
    [InlineData(" 3 ", 3)]
    [InlineData("-1", -1)] // a whole number: the range is the rules' to refuse
    public void Order_IsAWholeNumber(object cell, int expected) => Assert.Equal(expected, BaseDataWorkbookValues.Order(cell, "Precedence").Value);

    [Theory]
    [InlineData(1.5)]
    [InlineData("第一")]
    public void Order_NotWhole_RefusedAtItsField(object cell)
    {
        var error = BaseDataWorkbookValues.Order(cell, "SortOrder").Error!;
        Assert.Equal(("SortOrder", "workbook.order"), (error.Field, error.Code));
    }

    public static TheoryData<object, DayInMonth, DateOnly> Dates => new()
    {
        { "2021-03-05", DayInMonth.First, new DateOnly(2021, 3, 5) },
        { "2021年3月", DayInMonth.First, new DateOnly(2021, 3, 1) },
        { "2021年3月", DayInMonth.Last, new DateOnly(2021, 3, 31) },
        { 2021.3, DayInMonth.First, new DateOnly(2021, 3, 1) },
        { 44256.0, DayInMonth.Last, new DateOnly(2021, 3, 1) }, // an Excel date serial is a day, whatever the edge
        { new DateTime(2021, 3, 1), DayInMonth.First, new DateOnly(2021, 3, 1) },
    };

    [Theory, MemberData(nameof(Dates))]
    public void Date_ReadsTheLedgerForms_AMonthFromItsFirstOrToItsLastDay(object cell, DayInMonth day, DateOnly expected) =>
        Assert.Equal(expected, BaseDataWorkbookValues.Date(cell, "InOfficeFrom", 2021, day).Value);

    [Fact]
    public void Date_Unreadable_RefusedAtItsField()
    {
        var error = BaseDataWorkbookValues.Date("去年", "InOfficeTo", 2021, DayInMonth.Last).Error!;
        Assert.Equal(("InOfficeTo", "workbook.date"), (error.Field, error.Code));
        Assert.StartsWith("“去年”日期无法识别", error.MessageZh);
    }

    [Theory]
    [InlineData(" 名称 ", "名称")]
    [InlineData("类型（牵头部门/责任单位/业主单位/县区政府）", "类型")]
    [InlineData("*姓名", "姓名")]
    [InlineData("专项（板块）", "专项")]
    public void NormaliseHeader_DropsSpacesStarsAndTrailingNotes(string header, string expected) =>
        Assert.Equal(expected, BaseDataWorkbookSheets.NormaliseHeader(header));

    [Theory]
    [InlineData("单位", BaseDataKind.Unit)]
    [InlineData(" 市领导 ", BaseDataKind.Leader)]
    [InlineData("专项（板块）", BaseDataKind.Programme)]
    [InlineData("板块", BaseDataKind.Programme)]
    [InlineData("行业类别", BaseDataKind.Category)]
    [InlineData("区划", BaseDataKind.Division)]
    public void Find_KnowsEachSheetByItsNames(string name, BaseDataKind expected) => Assert.Equal(expected, BaseDataWorkbookSheets.Find(name)!.Kind);

    [Fact]
    public void Find_OtherSheet_IsNone() => Assert.Null(BaseDataWorkbookSheets.Find("Sheet1"));

    [Fact]
    public void Columns_NameTheInputFields_SoARuleErrorLandsOnItsCell()
    {
        Assert.Equal("Code", BaseDataWorkbookSheets.Divisions.Key.Field);
        Assert.Equal(BaseDataWorkbookSheets.Units.Column("ContactPhone"), BaseDataWorkbookSheets.Units.ColumnOf("电话"));
        Assert.Equal("InOfficeTo", BaseDataWorkbookSheets.Leaders.ColumnOf("任职止")!.Field);
        // No header of a sheet stands for two of its columns.
        foreach (var sheet in BaseDataWorkbookSheets.All)
            foreach (var column in sheet.Columns)
                Assert.All(column.Synonyms.Append(column.Header), h => Assert.Same(column, sheet.ColumnOf(BaseDataWorkbookSheets.NormaliseHeader(h))));
    }

    [Theory]
    [InlineData(UnitKind.Owner, UnitKind.Department, 3, "unit.kind.in_use")]
    [InlineData(UnitKind.Department, UnitKind.Owner, 1, "unit.kind.in_use")]
    [InlineData(UnitKind.Department, UnitKind.Owner, 0, null)]           // no project names it: it may change sides
    [InlineData(UnitKind.Department, UnitKind.LeadDepartment, 5, null)]  // still answerable for its projects
    [InlineData(UnitKind.CountyGovernment, UnitKind.Department, 5, null)]
    public void KindChange_RefusedOnlyAcrossSidesUnderProjects(UnitKind from, UnitKind to, int projects, string? expected) =>
        Assert.Equal(expected, BaseDataWorkbookRules.KindChange("市交通运输局", from, to, projects)?.Code);
}
