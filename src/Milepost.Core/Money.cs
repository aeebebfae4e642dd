using System.Globalization;

namespace Milepost.Core;

/// <summary>
/// An amount of money. Stored as a whole number of 元 so that both databases sum and compare it
/// natively; entered and shown in 万元 (10,000 元) with two decimals (SPEC §10).
/// Rounding to 元 is half away from zero (四舍五入), the rule Chinese statistical tables use.
/// </summary>
public readonly record struct Money(long Yuan) : IComparable<Money>
{
    public const long YuanPerWan = 10_000;

    public static readonly Money Zero = new(0);

    /// <summary>The amount in 万元, exact (a 元 is 0.0001 万元).</summary>
    public decimal Wan => Yuan / (decimal)YuanPerWan;

    public static Money FromYuan(decimal yuan) =>
        new(checked((long)Math.Round(yuan, 0, MidpointRounding.AwayFromZero)));

    public static Money FromWan(decimal wan) => FromYuan(wan * YuanPerWan);

    /// <summary>Parses an amount in 万元 as a user types it: "1,234.5", "１２", "-3". Null when it is not a number.</summary>
    public static Money? TryParseWan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalised = text.Normalize(System.Text.NormalizationForm.FormKC).Replace(",", "").Trim();
        return decimal.TryParse(normalised, NumberStyles.Number, CultureInfo.InvariantCulture, out var wan)
               && Math.Abs(wan) < 900_000_000_000m
            ? FromWan(wan)
            : null;
    }

    public bool IsNegative => Yuan < 0;

    public static Money operator +(Money a, Money b) => new(checked(a.Yuan + b.Yuan));
    public static Money operator -(Money a, Money b) => new(checked(a.Yuan - b.Yuan));
    public static Money operator -(Money a) => new(checked(-a.Yuan));

    /// <summary>Scales an amount (a share, a rate) and rounds to the nearest 元.</summary>
    public static Money operator *(Money a, decimal factor) => FromYuan(a.Yuan * factor);

    public static bool operator <(Money a, Money b) => a.Yuan < b.Yuan;
    public static bool operator >(Money a, Money b) => a.Yuan > b.Yuan;
    public static bool operator <=(Money a, Money b) => a.Yuan <= b.Yuan;
    public static bool operator >=(Money a, Money b) => a.Yuan >= b.Yuan;

    public int CompareTo(Money other) => Yuan.CompareTo(other.Yuan);

    /// <summary>The ratio a / b, or null when b is zero (an undefined rate is never shown as 0).</summary>
    public static decimal? Ratio(Money a, Money b) => b.Yuan == 0 ? null : a.Yuan / (decimal)b.Yuan;

    public static Money Sum(IEnumerable<Money> amounts)
    {
        long total = 0;
        foreach (var m in amounts) total = checked(total + m.Yuan);
        return new Money(total);
    }

    /// <summary>万元 with thousands separators and two decimals, e.g. "12,345.60".</summary>
    public string ToWanString() =>
        Math.Round(Wan, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);

    public override string ToString() => ToWanString() + " 万元";
}
