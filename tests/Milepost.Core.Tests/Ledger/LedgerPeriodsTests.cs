using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

/// <summary>Dates written as periods: a planned start takes the period's first day, a planned completion its last.</summary>
public class LedgerPeriodsTests
{
    private const int SheetYear = 2021;

    [Theory]
    // Year ends and starts; 底/末 (and 底前) name the last day whichever way the date is used, 初 the first.
    [InlineData("2022年底", "2022-12-31", "2022-12-31")]
    [InlineData("2022年末", "2022-12-31", "2022-12-31")]
    [InlineData("２０２２年底", "2022-12-31", "2022-12-31")]
    [InlineData(" 2022 年 底 ", "2022-12-31", "2022-12-31")]
    [InlineData("2022年年底", "2022-12-31", "2022-12-31")]
    [InlineData("年底", "2021-12-31", "2021-12-31")]
    [InlineData("年末", "2021-12-31", "2021-12-31")]
    [InlineData("年初", "2021-01-01", "2021-01-01")]
    [InlineData("2021年底前", "2021-12-31", "2021-12-31")]
    [InlineData("年底前", "2021-12-31", "2021-12-31")]
    [InlineData("6月底前", "2021-06-30", "2021-06-30")]
    [InlineData("6月底以前", "2021-06-30", "2021-06-30")]
    [InlineData("12月底", "2021-12-31", "2021-12-31")]
    // 年中 is June; the halves and the quarters are their months.
    [InlineData("年中", "2021-06-01", "2021-06-30")]
    [InlineData("2022年中", "2022-06-01", "2022-06-30")]
    [InlineData("上半年", "2021-01-01", "2021-06-30")]
    [InlineData("下半年", "2021-07-01", "2021-12-31")]
    [InlineData("2022年下半年", "2022-07-01", "2022-12-31")]
    [InlineData("上半年末", "2021-06-30", "2021-06-30")]
    [InlineData("一季度", "2021-01-01", "2021-03-31")]
    [InlineData("二季度", "2021-04-01", "2021-06-30")]
    [InlineData("三季度", "2021-07-01", "2021-09-30")]
    [InlineData("四季度", "2021-10-01", "2021-12-31")]
    [InlineData("第三季度", "2021-07-01", "2021-09-30")]
    [InlineData("三季度末", "2021-09-30", "2021-09-30")]
    [InlineData("Q3", "2021-07-01", "2021-09-30")]
    [InlineData("q4", "2021-10-01", "2021-12-31")]
    [InlineData("Ｑ２", "2021-04-01", "2021-06-30")]
    [InlineData("2022Q1", "2022-01-01", "2022-03-31")]
    [InlineData("2021年三季度", "2021-07-01", "2021-09-30")]
    [InlineData("2022年第二季度", "2022-04-01", "2022-06-30")]
    // A year alone, in text.
    [InlineData("2021年", "2021-01-01", "2021-12-31")]
    [InlineData("2023年度", "2023-01-01", "2023-12-31")]
    [InlineData("2022", "2022-01-01", "2022-12-31")]
    // Months, and their ten-day parts.
    [InlineData("2021.12", "2021-12-01", "2021-12-31")]
    [InlineData("2021年12月", "2021-12-01", "2021-12-31")]
    [InlineData("2021年12月上旬", "2021-12-01", "2021-12-10")]
    [InlineData("2021年12月中旬", "2021-12-11", "2021-12-20")]
    [InlineData("2021年12月下旬", "2021-12-21", "2021-12-31")]
    [InlineData("2月下旬", "2021-02-21", "2021-02-28")]
    [InlineData("２０２１年１２月\n下旬", "2021-12-21", "2021-12-31")]
    // Hopes in front of the date are not part of it.
    [InlineData("力争2021年6月", "2021-06-01", "2021-06-30")]
    [InlineData("力争于年底前", "2021-12-31", "2021-12-31")]
    [InlineData("预计2022年上半年", "2022-01-01", "2022-06-30")]
    [InlineData("争取三季度", "2021-07-01", "2021-09-30")]
    public void ParseDate_Period_StartTakesItsFirstDay_CompletionItsLast(string written, string start, string completion)
    {
        Assert.Equal(DateOnly.Parse(start), LedgerValues.ParseDate(written, SheetYear, DayInMonth.First).Value);
        Assert.Equal(DateOnly.Parse(completion), LedgerValues.ParseDate(written, SheetYear, DayInMonth.Last).Value);
    }

    [Theory]
    [InlineData(2021.0, "2021-01-01", "2021-12-31")] // a year typed in a number cell: below the serial range, so not a serial date
    [InlineData(2021.12, "2021-12-01", "2021-12-31")]
    [InlineData(44561.0, "2021-12-31", "2021-12-31")] // a serial date is one day
    public void ParseDate_NumberCells(double cell, string start, string completion)
    {
        Assert.Equal(DateOnly.Parse(start), LedgerValues.ParseDate(cell, SheetYear, DayInMonth.First).Value);
        Assert.Equal(DateOnly.Parse(completion), LedgerValues.ParseDate(cell, SheetYear, DayInMonth.Last).Value);
    }

    [Theory]
    [InlineData("年")]
    [InlineData("中")]
    [InlineData("底")]
    [InlineData("五季度")]
    [InlineData("Q5")]
    [InlineData("2021年前")]          // "before 2021" names no date to aim at
    [InlineData("2021年6月30日底")]   // an edge on a single day
    [InlineData("1234")]              // not a year a project runs in
    [InlineData("2021年13月")]
    [InlineData("12月末旬")]
    [InlineData("明年")]
    [InlineData("力争")]
    public void ParseDate_NotAPeriod_IsBadDate(string written)
    {
        Assert.Equal(LedgerErrorKinds.BadDate, LedgerValues.ParseDate(written, SheetYear, DayInMonth.First).Error);
        Assert.Equal(LedgerErrorKinds.BadDate, LedgerValues.ParseDate(written, SheetYear, DayInMonth.Last).Error);
    }

    [Theory]
    [InlineData(2021.0)]
    [InlineData("2021年")]
    [InlineData("三季度")]
    [InlineData("上半年")]
    public void ParseMonth_APeriodLongerThanAMonth_IsBadMonth(object cell) =>
        Assert.Equal(LedgerErrorKinds.BadMonth, LedgerValues.ParseMonth(cell, SheetYear).Error);

    [Theory]
    [InlineData("5月底", 2021, 5)]
    [InlineData("2020年5月下旬", 2020, 5)]
    public void ParseMonth_APeriodWithinAMonth_IsThatMonth(string written, int year, int month) =>
        Assert.Equal(new YearMonth(year, month), LedgerValues.ParseMonth(written, SheetYear).Value);

    [Fact]
    public void ParsePeriod_GivesBothEnds()
    {
        var period = LedgerValues.ParsePeriod("三季度", SheetYear).Value!.Value;
        Assert.Equal((new DateOnly(2021, 7, 1), new DateOnly(2021, 9, 30), false), (period.First, period.Last, period.IsWithinOneMonth));
    }

    [Fact]
    public void ParseProject_BadPeriod_IsABadDateAtItsCell()
    {
        var header = LedgerHeader.Find("台账", [new object?[] { "项目名称", "计划开工时间", "计划竣工时间" }], LedgerFieldTable.Projects);
        var row = LedgerRows.Read(header, [new object?[] { "岷江大桥", "三季度", "五季度" }]).Single();

        var result = LedgerLines.ParseProject("台账", row, SheetYear);

        var error = Assert.Single(result.Errors);
        Assert.Equal((LedgerErrorKinds.BadDate, "C", "五季度"), (error.Kind, error.ColumnLetter, error.Value));
        Assert.Equal(new DateOnly(2021, 7, 1), result.Draft!.PlannedStart);
    }
}
