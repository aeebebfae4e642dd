using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

public class LedgerValuesTests
{
    private const int SheetYear = 2020;

    [Theory]
    [InlineData("2020-06-30", "2020-06-30")]
    [InlineData("2020/6/30", "2020-06-30")]
    [InlineData("2020.06.30", "2020-06-30")]
    [InlineData("2020.6.3", "2020-06-03")]
    [InlineData("2020年6月30日", "2020-06-30")]
    [InlineData("2020年6月3号", "2020-06-03")]
    [InlineData("20200630", "2020-06-30")]
    [InlineData(" 2020-06-30 ", "2020-06-30")]
    [InlineData("２０２０－０６－３０", "2020-06-30")]
    [InlineData("2020.6", "2020-06-01")]
    [InlineData("2020-6", "2020-06-01")]
    [InlineData("2020/06", "2020-06-01")]
    [InlineData("2020年6月", "2020-06-01")]
    [InlineData("2020年6月份", "2020-06-01")]
    [InlineData("2020年6月底", "2020-06-30")]
    [InlineData("6月", "2020-06-01")]
    [InlineData("6月底", "2020-06-30")]
    [InlineData("6月末", "2020-06-30")]
    [InlineData("2月底", "2020-02-29")]
    [InlineData("43982", "2020-05-31")]
    public void ParseDate_Text_StartTakesTheFirstUnlessTheEndIsSaid(string written, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LedgerValues.ParseDate(written, SheetYear, DayInMonth.First).Value);

    [Theory]
    [InlineData("2020.6", "2020-06-30")]
    [InlineData("2020年2月", "2020-02-29")]
    [InlineData("6月", "2020-06-30")]
    [InlineData("6月初", "2020-06-01")]
    [InlineData("2020-06-15", "2020-06-15")]
    public void ParseDate_MonthOnly_CompletionTakesTheLastDay(string written, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LedgerValues.ParseDate(written, SheetYear, DayInMonth.Last).Value);

    [Theory]
    [InlineData(43982.0, "2020-05-31")]
    [InlineData(43982.75, "2020-05-31")]
    [InlineData(2020.6, "2020-06-30")]
    [InlineData(2020.12, "2020-12-31")]
    public void ParseDate_Numbers_SerialOrYearDotMonth(double cell, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), LedgerValues.ParseDate(cell, SheetYear, DayInMonth.Last).Value);

    [Fact]
    public void ParseDate_DateTime_TakesTheDay() =>
        Assert.Equal(new DateOnly(2020, 6, 30), LedgerValues.ParseDate(new DateTime(2020, 6, 30, 13, 5, 0), SheetYear, DayInMonth.First).Value);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("/")]
    public void ParseDate_BlankOrDash_IsEmpty(string? written) =>
        Assert.True(LedgerValues.ParseDate(written, SheetYear, DayInMonth.First).IsEmpty);

    [Theory]
    [InlineData("2020-13-01")]
    [InlineData("2020-02-30")]
    [InlineData("13月")]
    [InlineData("6")]
    [InlineData("30.6.2020")]
    public void ParseDate_Nonsense_IsBadDate(string written) =>
        Assert.Equal(LedgerErrorKinds.BadDate, LedgerValues.ParseDate(written, SheetYear, DayInMonth.First).Error);

    [Theory]
    [InlineData("2020-05", 2020, 5)]
    [InlineData("2020-5", 2020, 5)]
    [InlineData("2020年5月", 2020, 5)]
    [InlineData("2020.5", 2020, 5)]
    [InlineData("5月", 2020, 5)]
    [InlineData("5月份", 2020, 5)]
    [InlineData("202005", 2020, 5)]
    [InlineData("2019-12-31", 2019, 12)]
    public void ParseMonth_Text(string written, int year, int month) =>
        Assert.Equal(new YearMonth(year, month), LedgerValues.ParseMonth(written, SheetYear).Value);

    [Theory]
    [InlineData(2020.5, 2020, 5)]
    [InlineData(43982.0, 2020, 5)]
    [InlineData(202005.0, 2020, 5)]
    public void ParseMonth_Numbers(double cell, int year, int month) =>
        Assert.Equal(new YearMonth(year, month), LedgerValues.ParseMonth(cell, SheetYear).Value);

    [Fact]
    public void ParseMonth_DateTimeAndNonsense()
    {
        Assert.Equal(new YearMonth(2020, 5), LedgerValues.ParseMonth(new DateTime(2020, 5, 1), SheetYear).Value);
        Assert.Equal(LedgerErrorKinds.BadMonth, LedgerValues.ParseMonth("五月", SheetYear).Error);
        Assert.Equal(LedgerErrorKinds.BadMonth, LedgerValues.ParseMonth("2020-13", SheetYear).Error);
    }

    [Theory]
    [InlineData("1,234.5", MoneyUnit.Wan, 12_345_000L)]
    [InlineData("1234.5", MoneyUnit.Wan, 12_345_000L)]
    [InlineData("１２３４．５", MoneyUnit.Wan, 12_345_000L)]
    [InlineData("１，２３４．５", MoneyUnit.Wan, 12_345_000L)]
    [InlineData(" 1 234.5 ", MoneyUnit.Wan, 12_345_000L)]
    [InlineData("1.2亿元", MoneyUnit.Wan, 120_000_000L)]
    [InlineData("1.2亿", MoneyUnit.Yuan, 120_000_000L)]
    [InlineData("3000万元", MoneyUnit.Yi, 30_000_000L)]
    [InlineData("3000万", MoneyUnit.Yi, 30_000_000L)]
    [InlineData("￥1,000元", MoneyUnit.Wan, 1_000L)]
    [InlineData("¥1,000", MoneyUnit.Yuan, 1_000L)]
    [InlineData("人民币500万元", MoneyUnit.Yuan, 5_000_000L)]
    [InlineData("1.2345", MoneyUnit.Yi, 123_450_000L)]
    [InlineData("0.01", MoneyUnit.Wan, 100L)]
    [InlineData("0.0001", MoneyUnit.Wan, 1L)]
    [InlineData("0.00000001", MoneyUnit.Yi, 1L)]
    [InlineData("0", MoneyUnit.Wan, 0L)]
    [InlineData("12,345,678.9", MoneyUnit.Wan, 123_456_789_000L)]
    public void ParseMoney_Text_ExactYuan(string written, MoneyUnit unit, long yuan) =>
        Assert.Equal(new Money(yuan), LedgerValues.ParseMoney(written, unit).Value);

    [Theory]
    [InlineData(1234.5, MoneyUnit.Wan, 12_345_000L)]
    [InlineData(1.2345, MoneyUnit.Yi, 123_450_000L)]
    [InlineData(0.01, MoneyUnit.Wan, 100L)]
    [InlineData(0.1 + 0.2, MoneyUnit.Wan, 3_000L)] // 0.30000000000000004: the 0.3 Excel shows
    [InlineData(3000.0, MoneyUnit.Yuan, 3000L)]
    [InlineData(123456789.1234, MoneyUnit.Wan, 1_234_567_891_234L)]
    public void ParseMoney_Doubles_NoBinaryNoise(double cell, MoneyUnit unit, long yuan) =>
        Assert.Equal(new Money(yuan), LedgerValues.ParseMoney(cell, unit).Value);

    [Theory]
    [InlineData("0.00001", MoneyUnit.Wan)]
    [InlineData("1.5", MoneyUnit.Yuan)]
    [InlineData("0.000000001亿元", MoneyUnit.Wan)]
    public void ParseMoney_FinerThanAYuan_IsTooPrecise(string written, MoneyUnit unit) =>
        Assert.Equal(LedgerErrorKinds.TooPrecise, LedgerValues.ParseMoney(written, unit).Error);

    [Theory]
    [InlineData("-5")]
    [InlineData("－５")]
    [InlineData("-1.2亿元")]
    public void ParseMoney_Negative_IsRefused(string written) =>
        Assert.Equal(LedgerErrorKinds.NegativeAmount, LedgerValues.ParseMoney(written, MoneyUnit.Wan).Error);

    [Fact]
    public void ParseMoney_NegativeDouble_IsRefused() =>
        Assert.Equal(LedgerErrorKinds.NegativeAmount, LedgerValues.ParseMoney(-1.0, MoneyUnit.Wan).Error);

    [Theory]
    [InlineData("约3000")]
    [InlineData("3000美元")]
    [InlineData("1,23,4")]
    [InlineData("1.2.3")]
    [InlineData("abc")]
    [InlineData("99999999999999999999999")]
    public void ParseMoney_NotANumber_IsBadNumber(string written) =>
        Assert.Equal(LedgerErrorKinds.BadNumber, LedgerValues.ParseMoney(written, MoneyUnit.Wan).Error);

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    [InlineData("-")]
    [InlineData("—")]
    [InlineData("无")]
    public void ParseMoney_BlankOrDash_IsEmpty(string? written) =>
        Assert.True(LedgerValues.ParseMoney(written, MoneyUnit.Wan).IsEmpty);

    [Theory]
    [InlineData("45%", 45)]
    [InlineData("45", 45)]
    [InlineData("４５．５％", 45.5)]
    [InlineData("完成60%", 60)]
    public void ParsePercent_Text(string written, decimal percent) =>
        Assert.Equal(percent, LedgerValues.ParsePercent(written).Value);

    [Fact]
    public void ParsePercent_NumbersWordsAndRange()
    {
        Assert.Equal(45m, LedgerValues.ParsePercent(0.45).Value);
        Assert.Equal(100m, LedgerValues.ParsePercent(1.0).Value);
        Assert.Equal(45m, LedgerValues.ParsePercent(45.0).Value);
        Assert.True(LedgerValues.ParsePercent("主体结构完工").IsEmpty);
        Assert.Equal(LedgerErrorKinds.BadPercent, LedgerValues.ParsePercent("120%").Error);
    }
}
