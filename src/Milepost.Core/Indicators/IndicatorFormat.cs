using System.Globalization;

namespace Milepost.Core.Indicators;

/// <summary>Display rounding of indicators (the records keep full precision). Undefined shows as "—".</summary>
public static class IndicatorFormat
{
    public const string Undefined = "—";

    /// <summary>A rate as a percentage, e.g. 0.8534 → "85.3%"; half away from zero.</summary>
    public static string Percent(decimal? rate, int decimals = 1) =>
        rate is { } r ? Fixed(r * 100, decimals) + "%" : Undefined;

    /// <summary>Percentage points with a sign, e.g. -3.25 → "-3.3", 2 → "+2.0".</summary>
    public static string Points(decimal? points, int decimals = 1) =>
        points is { } p ? (Math.Round(p, decimals, MidpointRounding.AwayFromZero) > 0 ? "+" : "") + Fixed(p, decimals) : Undefined;

    /// <summary>A ratio such as SPI or CPI, e.g. 0.956 → "0.96".</summary>
    public static string Ratio(decimal? ratio, int decimals = 2) => ratio is { } r ? Fixed(r, decimals) : Undefined;

    /// <summary>
    /// Rounded half away from zero to <paramref name="decimals"/> places. A negative value that rounds
    /// to zero shows as "0.0" (.NET does not print a decimal's negative zero; the tests hold it to that).
    /// </summary>
    internal static string Fixed(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);
}
