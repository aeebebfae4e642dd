namespace Milepost.Core.Tests;

public class YearMonthTests
{
    [Theory]
    [InlineData(1900, 1)]
    [InlineData(9999, 12)]
    [InlineData(2024, 6)]
    public void Ctor_InRange_KeepsYearAndMonth(int year, int month)
    {
        var ym = new YearMonth(year, month);

        Assert.Equal(year, ym.Year);
        Assert.Equal(month, ym.Month);
    }

    [Theory]
    [InlineData(1899, 1, "year")]
    [InlineData(10000, 1, "year")]
    [InlineData(2024, 0, "month")]
    [InlineData(2024, 13, "month")]
    [InlineData(2024, -1, "month")]
    public void Ctor_OutOfRange_Throws(int year, int month, string param)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new YearMonth(year, month));
        Assert.Equal(param, ex.ParamName);
    }

    [Theory]
    [InlineData(2024, 1, 2024, 2)]
    [InlineData(2024, 11, 2024, 12)]
    [InlineData(2024, 12, 2025, 1)]
    public void Next_Month_IsFollowingMonth(int y, int m, int ey, int em)
    {
        Assert.Equal(new YearMonth(ey, em), new YearMonth(y, m).Next());
    }

    [Theory]
    [InlineData(2024, 2, 2024, 1)]
    [InlineData(2024, 12, 2024, 11)]
    [InlineData(2024, 1, 2023, 12)]
    public void Previous_Month_IsPrecedingMonth(int y, int m, int ey, int em)
    {
        Assert.Equal(new YearMonth(ey, em), new YearMonth(y, m).Previous());
    }

    [Theory]
    [InlineData(2024, 2, 29)]   // leap year
    [InlineData(2023, 2, 28)]
    [InlineData(2000, 2, 29)]   // divisible by 400
    [InlineData(1900, 2, 28)]   // divisible by 100, not 400
    [InlineData(2024, 4, 30)]
    [InlineData(2024, 12, 31)]
    public void FirstDayLastDay_Month_SpanTheWholeMonth(int year, int month, int lastDay)
    {
        var ym = new YearMonth(year, month);

        Assert.Equal(new DateOnly(year, month, 1), ym.FirstDay);
        Assert.Equal(new DateOnly(year, month, lastDay), ym.LastDay);
    }

    [Theory]
    [InlineData(2024, 1, 202401)]
    [InlineData(2024, 12, 202412)]
    [InlineData(1900, 1, 190001)]
    [InlineData(9999, 12, 999912)]
    public void ToIntFromInt_RoundTrip(int year, int month, int yyyymm)
    {
        var ym = new YearMonth(year, month);

        Assert.Equal(yyyymm, ym.ToInt());
        Assert.Equal(ym, YearMonth.FromInt(yyyymm));
    }

    [Theory]
    [InlineData(202400)]
    [InlineData(202413)]
    [InlineData(189912)]
    [InlineData(0)]
    public void FromInt_Invalid_Throws(int yyyymm)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => YearMonth.FromInt(yyyymm));
    }

    [Fact]
    public void Of_Date_IsItsMonth()
    {
        Assert.Equal(new YearMonth(2024, 2), YearMonth.Of(new DateOnly(2024, 2, 29)));
    }

    [Fact]
    public void Comparison_AcrossYear_OrdersByYearThenMonth()
    {
        var dec = new YearMonth(2023, 12);
        var jan = new YearMonth(2024, 1);

        Assert.True(dec < jan);
        Assert.True(jan > dec);
        Assert.True(dec <= new YearMonth(2023, 12));
        Assert.True(jan >= dec);
        Assert.True(dec.CompareTo(jan) < 0);
    }

    [Theory]
    [InlineData(2024, 3, "2024-03")]
    [InlineData(1900, 12, "1900-12")]
    public void ToString_Month_IsIsoYearMonth(int year, int month, string expected)
    {
        Assert.Equal(expected, new YearMonth(year, month).ToString());
    }

    [Theory]
    [InlineData("2020-05", 2020, 5)]
    [InlineData("2020-5", 2020, 5)]
    [InlineData("2020-12", 2020, 12)]
    [InlineData(" 2020-05 ", 2020, 5)]      // pasted with spaces, e.g. from a command line or a URL
    [InlineData("1900-01", 1900, 1)]
    public void TryParse_IsoMonth_Parses(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var ym));
        Assert.Equal(new YearMonth(year, month), ym);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2020")]
    [InlineData("2020-13")]
    [InlineData("2020-00")]
    [InlineData("2020-005")]
    [InlineData("1899-12")]
    [InlineData("20-05")]
    [InlineData("2020/05")]
    [InlineData("2020-05-01")]
    [InlineData("2020-+5")]
    [InlineData("2020--5")]
    [InlineData("２０２０-05")]               // full-width digits are not accepted
    [InlineData("2020年5月")]
    public void TryParse_NotAMonth_FalseAndDefault(string? text)
    {
        Assert.False(YearMonth.TryParse(text, out var ym));
        Assert.Equal(default, ym);
    }
}
