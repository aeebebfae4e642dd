using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

/// <summary>Opening balances in a project ledger: the columns, the month they run through and the figures they give.</summary>
public class LedgerOpeningTests
{
    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    [Theory]
    [InlineData("截至上年底累计完成投资", LedgerField.CompletedBeforeYear)]
    [InlineData("截至上年底累计完成", LedgerField.CompletedBeforeYear)]
    [InlineData("截止上年底\n累计完成投资（万元）", LedgerField.CompletedBeforeYear)]
    [InlineData("以前年度累计完成", LedgerField.CompletedBeforeYear)]
    [InlineData("上年底累计完成", LedgerField.CompletedBeforeYear)]
    [InlineData("至上年底累计完成投资", LedgerField.CompletedBeforeYear)]
    [InlineData("2020年底前累计完成", LedgerField.CompletedBeforeYear)]
    [InlineData("开工累计完成投资", LedgerField.CompletedToDate)]
    [InlineData("开工累计完成", LedgerField.CompletedToDate)]
    [InlineData("开工以来累计完成", LedgerField.CompletedToDate)]
    [InlineData("自开工累计完成", LedgerField.CompletedToDate)]
    [InlineData("累计完成投资", LedgerField.CompletedToDate)]
    [InlineData("截至目前累计完成", LedgerField.CompletedToDate)]
    [InlineData("本年累计完成", LedgerField.CompletedThisYear)]
    [InlineData("本年累计完成投资（亿元）", LedgerField.CompletedThisYear)]
    [InlineData("本年完成投资", LedgerField.CompletedThisYear)]
    [InlineData("今年以来完成投资", LedgerField.CompletedThisYear)]
    [InlineData("年初至今完成投资", LedgerField.CompletedThisYear)]
    [InlineData("1-9月完成投资", LedgerField.CompletedThisYear)]
    [InlineData("1至9月累计完成", LedgerField.CompletedThisYear)]
    [InlineData("1~9月完成", LedgerField.CompletedThisYear)]
    [InlineData("1～9月完成", LedgerField.CompletedThisYear)]
    [InlineData("1—9月累计完成投资", LedgerField.CompletedThisYear)]
    [InlineData("１－１２月完成投资", LedgerField.CompletedThisYear)]
    [InlineData("2021年1-9月完成投资", LedgerField.CompletedThisYear)]
    [InlineData("1-9月份 完成投资", LedgerField.CompletedThisYear)]
    public void Projects_OpeningColumns(string header, LedgerField field) =>
        Assert.Equal(field, LedgerFieldTable.Projects.Match(LedgerHeader.Normalise(header).Text));

    [Theory]
    [InlineData("1-13月完成投资")]   // no such month
    [InlineData("3-9月完成投资")]    // not from January: not this year to date
    [InlineData("9月完成投资")]
    [InlineData("完成投资")]
    public void Projects_NotAYearToDateColumn(string header) =>
        Assert.Null(LedgerFieldTable.Projects.Match(LedgerHeader.Normalise(header).Text));

    [Fact]
    public void Reports_KeepTheirOwnMeaningOfCumulative()
    {
        // In a 月报, 累计完成投资 is the report's field (the year's), and the project ledger's columns are not read.
        Assert.Equal(LedgerField.CumulativeCompleted, LedgerFieldTable.Reports.Match(LedgerHeader.Normalise("累计完成投资").Text));
        Assert.Equal(LedgerField.CumulativeCompleted, LedgerFieldTable.Reports.Match(LedgerHeader.Normalise("本年累计完成投资").Text));
        Assert.Null(LedgerFieldTable.Reports.Match(LedgerHeader.Normalise("1-9月完成投资").Text));
        Assert.Null(LedgerFieldTable.Reports.Match(LedgerHeader.Normalise("截至上年底累计完成投资").Text));
    }

    public static TheoryData<IReadOnlyList<object?>[], int, string?> Throughs => new()
    {
        { [Row("项目名称", "2021年1-9月完成投资")], 2019, "2021-09" },
        { [Row("项目名称", "2021年", null), Row(null, "计划投资", "1-9月完成投资")], 2019, "2021-09" },
        { [Row("2020年重点项目台账"), Row("项目名称", "1至6月累计完成")], 2019, "2020-06" },
        { [Row("项目名称", "1~3月完成")], 2019, "2019-03" },
        { [Row("项目名称", "本年累计完成投资")], 2019, null },
        { [Row("项目名称", "总投资", "累计完成投资")], 2019, null },
    };

    [Theory]
    [MemberData(nameof(Throughs))]
    public void ThisYearThrough_FromTheColumnTheTitleOrTheDefaultYear(IReadOnlyList<object?>[] rows, int defaultYear, string? through)
    {
        var header = LedgerHeader.Find("台账", rows, LedgerFieldTable.Projects);
        Assert.True(header.IsUsable);
        Assert.Equal(through, header.ThisYearThrough(defaultYear)?.ToString());
    }

    [Fact]
    public void Find_TwoRowHeader_YearOverPlanAndCompletion()
    {
        var header = LedgerHeader.Find("台账",
        [
            Row("序号", "项目名称", "2021年", null, "截至上年底", "开工以来"),
            Row(null, null, "计划投资（亿元）", "1-9月完成投资", "累计完成投资", "累计完成投资"),
        ], LedgerFieldTable.Projects);

        Assert.Empty(header.Errors);
        Assert.Equal((2, 3, 4, 5),
            (header.ColumnOf(LedgerField.AnnualPlan)!.Index, header.ColumnOf(LedgerField.CompletedThisYear)!.Index,
             header.ColumnOf(LedgerField.CompletedBeforeYear)!.Index, header.ColumnOf(LedgerField.CompletedToDate)!.Index));
        Assert.Equal("2021年/1-9月完成投资", header.ColumnOf(LedgerField.CompletedThisYear)!.Text);
        Assert.Equal(new YearMonth(2021, 9), header.ThisYearThrough(2019));
    }

    [Theory]
    // 截至上年底 given: it is the figure before the year, whatever else is written.
    [InlineData(100L, 900L, 300L, 100L, 300L, null)]
    [InlineData(100L, null, null, 100L, null, null)]
    // Otherwise since-the-start minus this year, when both are given.
    [InlineData(null, 900L, 300L, 600L, 300L, null)]
    [InlineData(null, 300L, 300L, 0L, 300L, null)]
    [InlineData(null, 200L, 300L, null, 300L, "ledger.to_date_below_this_year")]
    // One of the two alone says nothing about the years before.
    [InlineData(null, 900L, null, null, null, null)]
    [InlineData(null, null, 300L, null, 300L, null)]
    [InlineData(null, null, null, null, null, null)]
    public void Opening_Of(long? beforeYear, long? toDate, long? thisYear, long? expectedBefore, long? expectedInYear, string? error)
    {
        static Money? M(long? yuan) => yuan is { } y ? new Money(y) : null;
        var opening = LedgerOpening.Of(M(beforeYear), M(toDate), M(thisYear));
        Assert.Equal((M(expectedBefore), M(expectedInYear), error), (opening.CompletedBeforeYear, opening.CompletedInYear, opening.Error?.Code));
    }

    private static readonly LedgerHeader Header = LedgerHeader.Find("台账",
    [
        Row("岷江市2021年重点项目台账"),
        Row("单位：亿元"),
        Row("项目名称", "总投资", "截至上年底累计完成投资（万元）", "开工累计完成投资", "2021年1-9月完成投资（万元）"),
    ], LedgerFieldTable.Projects);

    private static LedgerResult<ProjectLedgerLine> Parse(params object?[] cells) =>
        LedgerLines.ParseProject("台账", LedgerRows.Read(Header, [cells]).Single(), 2021);

    [Fact]
    public void ParseProject_OpeningAmountsInTheirColumnsUnits()
    {
        var line = Parse("岷江大桥", 12.0, "3,000", "1.2", "１，５００").Line!;

        // 万元 from their own headers, 亿元 from the title line for 开工累计.
        Assert.Equal((new Money(30_000_000), new Money(120_000_000), new Money(15_000_000)),
            (line.CompletedBeforeYear, line.CompletedToDate, line.CompletedThisYear));
        Assert.Equal(new LedgerOpening(new Money(30_000_000), new Money(15_000_000), null), line.Opening);
    }

    [Fact]
    public void ParseProject_BeforeYearDerivedFromSinceTheStartAndThisYear()
    {
        var line = Parse("岷江大桥", 12.0, null, 0.5, 1000.0).Line!;
        Assert.Equal(new LedgerOpening(new Money(40_000_000), new Money(10_000_000), null), line.Opening);
    }

    [Fact]
    public void ParseProject_LessSinceTheStartThanThisYear_IsAnErrorAtTheSinceTheStartCell()
    {
        var result = Parse("岷江大桥", 12.0, null, 0.05, "1000");

        Assert.Null(result.Line);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("D", 4, "0.05", "开工累计完成投资小于本年累计完成投资，请核对"), (error.ColumnLetter, error.Row, error.Value, error.MessageZh));
        Assert.False(error.IsWarning);
        Assert.Equal(new Money(10_000_000), result.Draft!.CompletedThisYear);
    }

    [Fact]
    public void ParseProject_BadOpeningAmount_IsABadNumberAtItsCell()
    {
        var error = Assert.Single(Parse("岷江大桥", 12.0, "约3000", null, null).Errors);
        Assert.Equal((LedgerErrorKinds.BadNumber, "C"), (error.Kind, error.ColumnLetter));
    }

    [Fact]
    public void ReadProjects_TheSheetSaysThroughWhichMonth()
    {
        var read = LedgerSheet.ReadProjects("台账", [Row("项目名称", "1-6月完成投资"), Row("岷江大桥", 100.0)], 2022);
        Assert.Equal(new YearMonth(2022, 6), read.ThisYearThrough);
        Assert.Equal(new Money(1_000_000), read.Results.Single().Line!.CompletedThisYear);
    }
}
