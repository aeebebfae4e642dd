using System.Globalization;

namespace Milepost.Core.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("0.4999", 0)]
    [InlineData("0.5", 1)]
    [InlineData("1.5", 2)]
    [InlineData("2.5", 3)]   // half away from zero, not to even
    [InlineData("-0.4999", 0)]
    [InlineData("-0.5", -1)]
    [InlineData("-2.5", -3)]
    [InlineData("123456789.49", 123456789)]
    public void FromYuan_Fraction_RoundsHalfAwayFromZero(string yuan, long expected)
    {
        Assert.Equal(expected, Money.FromYuan(decimal.Parse(yuan, CultureInfo.InvariantCulture)).Yuan);
    }

    [Theory]
    [InlineData("1", 10_000)]
    [InlineData("12345.6", 123_456_000)]
    [InlineData("0.0001", 1)]
    [InlineData("0.00004", 0)]
    [InlineData("0.00005", 1)]
    [InlineData("1.23455", 12_346)]
    [InlineData("-0.00005", -1)]
    [InlineData("-1.23455", -12_346)]
    [InlineData("-12345.6", -123_456_000)]
    public void FromWan_Amount_ConvertsToYuanRoundingHalfAwayFromZero(string wan, long expectedYuan)
    {
        Assert.Equal(expectedYuan, Money.FromWan(decimal.Parse(wan, CultureInfo.InvariantCulture)).Yuan);
    }

    [Fact]
    public void FromYuan_BeyondLongRange_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.FromYuan(decimal.MaxValue));
    }

    [Theory]
    [InlineData(1, "0.0001")]
    [InlineData(123_456_789, "12345.6789")]
    [InlineData(-5, "-0.0005")]
    [InlineData(0, "0")]
    public void Wan_AnyYuan_IsExact(long yuan, string expectedWan)
    {
        Assert.Equal(decimal.Parse(expectedWan, CultureInfo.InvariantCulture), new Money(yuan).Wan);
    }

    [Theory]
    [InlineData(123_456_000, "12,345.60")]
    [InlineData(0, "0.00")]
    [InlineData(49, "0.00")]
    [InlineData(50, "0.01")]      // 0.005 万元 rounds up
    [InlineData(-50, "-0.01")]    // and away from zero when negative
    [InlineData(-49, "0.00")]     // no "-0.00"
    [InlineData(-1, "0.00")]
    [InlineData(10_000, "1.00")]
    [InlineData(-123_456_000, "-12,345.60")]
    [InlineData(1_234_567_890_123, "123,456,789.01")]
    public void ToWanString_Amount_TwoDecimalsWithThousandsSeparators(long yuan, string expected)
    {
        Assert.Equal(expected, new Money(yuan).ToWanString());
    }

    [Fact]
    public void ToWanString_UnderGermanCulture_StillUsesInvariantSeparators()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal("12,345.60", new Money(123_456_000).ToWanString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void ToString_Amount_AppendsUnit()
    {
        Assert.Equal("12,345.60 万元", new Money(123_456_000).ToString());
    }

    [Theory]
    [InlineData(100, 23, 123)]
    [InlineData(100, -300, -200)]
    [InlineData(0, 0, 0)]
    public void Plus_TwoAmounts_AddsYuan(long a, long b, long expected)
    {
        Assert.Equal(new Money(expected), new Money(a) + new Money(b));
    }

    [Theory]
    [InlineData(100, 23, 77)]
    [InlineData(100, 300, -200)]
    [InlineData(-5, -5, 0)]
    public void Minus_TwoAmounts_SubtractsYuan(long a, long b, long expected)
    {
        Assert.Equal(new Money(expected), new Money(a) - new Money(b));
    }

    [Fact]
    public void UnaryMinus_Amount_Negates()
    {
        Assert.Equal(new Money(-7), -new Money(7));
        Assert.True((-new Money(7)).IsNegative);
        Assert.False(Money.Zero.IsNegative);
    }

    [Fact]
    public void Plus_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
    }

    [Theory]
    [InlineData(10, "0.15", 2)]      // 1.5 元 rounds up
    [InlineData(10, "0.14", 1)]
    [InlineData(-10, "0.15", -2)]    // away from zero
    [InlineData(1_000_000, "0.333", 333_000)]
    [InlineData(5, "0", 0)]
    [InlineData(5, "-1", -5)]
    public void Multiply_ByFactor_RoundsToNearestYuan(long yuan, string factor, long expected)
    {
        Assert.Equal(new Money(expected), new Money(yuan) * decimal.Parse(factor, CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(0, 0)]
    [InlineData(-5, 0)]
    public void Ratio_ZeroDenominator_Null(long a, long b)
    {
        Assert.Null(Money.Ratio(new Money(a), new Money(b)));
    }

    [Theory]
    [InlineData(1, 4, "0.25")]
    [InlineData(0, 4, "0")]
    [InlineData(-1, 4, "-0.25")]
    [InlineData(30, 20, "1.5")]
    public void Ratio_NonZeroDenominator_Quotient(long a, long b, string expected)
    {
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.Ratio(new Money(a), new Money(b)));
    }

    [Fact]
    public void Sum_Empty_Zero()
    {
        Assert.Equal(Money.Zero, Money.Sum([]));
    }

    [Fact]
    public void Sum_SeveralAmounts_AddsAll()
    {
        Assert.Equal(new Money(60), Money.Sum([new Money(10), new Money(-20), new Money(70)]));
    }

    [Fact]
    public void Sum_Overflow_Throws()
    {
        Assert.Throws<OverflowException>(() => Money.Sum([new Money(long.MaxValue), new Money(1)]));
    }

    [Fact]
    public void Comparison_Operators_FollowYuan()
    {
        var small = new Money(1);
        var big = new Money(2);
        Assert.True(small < big);
        Assert.True(big > small);
        Assert.True(small <= new Money(1));
        Assert.True(big >= new Money(2));
        Assert.True(small.CompareTo(big) < 0);
    }

    [Theory]
    [InlineData("1,234.5", 12_345_000L)]
    [InlineData("１２", 120_000L)]                // full-width digits from a Chinese IME
    [InlineData("１，２３４．５", 12_345_000L)]    // full-width comma and point
    [InlineData("-3", -30_000L)]
    [InlineData("  12.34 ", 123_400L)]
    [InlineData("0", 0L)]
    [InlineData("0.00005", 1L)]
    public void TryParseWan_Number_ParsesAsWan(string text, long expectedYuan)
    {
        Assert.Equal(new Money(expectedYuan), Money.TryParseWan(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("12abc")]
    [InlineData("1.2.3")]
    [InlineData("1e3")]
    [InlineData("900000000000")]   // beyond the supported range
    public void TryParseWan_NotANumber_Null(string? text)
    {
        Assert.Null(Money.TryParseWan(text));
    }
}
