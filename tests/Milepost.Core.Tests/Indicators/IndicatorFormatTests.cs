using Milepost.Core.Indicators;

namespace Milepost.Core.Tests.Indicators;

public class IndicatorFormatTests
{
    [Theory]
    [InlineData("0.8534", "85.3%")]
    [InlineData("0.00049", "0.0%")]
    [InlineData("0.00050", "0.1%")]      // half away from zero
    [InlineData("1.25", "125.0%")]
    [InlineData("-0.0004", "0.0%")]      // never "-0.0%"
    public void Percent(string rate, string shown) =>
        Assert.Equal(shown, IndicatorFormat.Percent(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("-3.25", "-3.3")]
    [InlineData("2", "+2.0")]
    [InlineData("-0.04", "0.0")]
    [InlineData("0.04", "0.0")]
    public void Points(string points, string shown) =>
        Assert.Equal(shown, IndicatorFormat.Points(decimal.Parse(points, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Undefined_ShowsDash()
    {
        Assert.Equal("—", IndicatorFormat.Percent(null));
        Assert.Equal("—", IndicatorFormat.Points(null));
        Assert.Equal("—", IndicatorFormat.Ratio(null));
        Assert.Equal("0.96", IndicatorFormat.Ratio(0.955m));
    }
}
