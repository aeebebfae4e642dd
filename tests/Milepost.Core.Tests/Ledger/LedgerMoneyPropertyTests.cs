using System.Globalization;
using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

/// <summary>
/// Any amount, written the ways offices write it — in 元, 万元 or 亿元, by the column's unit or its own
/// suffix, with separators, a ￥, full-width digits, or as the number Excel stores — reads back to the same
/// Money. Seeded, like the other property tests of Core, so a failure names its seed.
/// </summary>
public class LedgerMoneyPropertyTests
{
    public static TheoryData<int> Seeds => new(Enumerable.Range(0, 300));

    [Theory]
    [MemberData(nameof(Seeds))]
    public void FormatThenParse_SameMoney(int seed)
    {
        var random = new Random(seed);
        var money = new Money(RandomYuan(random));

        foreach (var (cell, columnUnit) in Written(money, random))
        {
            var parsed = LedgerValues.ParseMoney(cell, columnUnit);
            Assert.True(parsed.Value == money, $"seed {seed}: {cell} ({columnUnit}) read as {parsed.Value?.Yuan.ToString() ?? parsed.Error!.Code}, expected {money.Yuan} 元");
        }
    }

    /// <summary>Amounts of every size from 0 元 to a thousand 亿, rounder ones more often (as ledgers hold).</summary>
    private static long RandomYuan(Random random) => random.Next(4) switch
    {
        0 => random.NextInt64(0, 1_000),
        1 => random.NextInt64(0, 100_000_000_000_000) / 10_000 * 10_000,  // whole 万元
        2 => random.NextInt64(0, 100_000_000_000) * 100,                    // 万元 to two decimals
        _ => random.NextInt64(0, 100_000_000_000_000),
    };

    private static IEnumerable<(object Cell, MoneyUnit ColumnUnit)> Written(Money money, Random random)
    {
        var otherUnit = (MoneyUnit)random.Next(3);
        foreach (var unit in new[] { MoneyUnit.Yuan, MoneyUnit.Wan, MoneyUnit.Yi })
        {
            var amount = money.Yuan / unit.YuanPer(); // exact: a decimal divides by a power of ten without loss
            var plain = amount.ToString("0.##########", CultureInfo.InvariantCulture);
            var grouped = amount.ToString("#,0.##########", CultureInfo.InvariantCulture);
            yield return (plain, unit);
            yield return (grouped, unit);
            yield return ($" {grouped} ", unit);
            yield return (FullWidth(grouped), unit);
            yield return (plain + unit.Chinese(), otherUnit);
            yield return ($"￥{grouped}{unit.Chinese()}", otherUnit);
            yield return (FullWidth(grouped) + unit.Chinese(), otherUnit);
            if (unit != MoneyUnit.Yuan) yield return (plain + unit.Chinese()[..1], otherUnit); // "3000万", "1.2亿"
            // A number cell: Excel keeps 15 significant digits, so only amounts that fit are written as numbers.
            if (SignificantDigits(amount) <= 15) yield return ((double)amount, unit);
        }
        if (money.Yuan % 100 == 0) yield return (money.ToWanString(), MoneyUnit.Wan);
    }

    private static int SignificantDigits(decimal amount)
    {
        var digits = amount.ToString("0.##########", CultureInfo.InvariantCulture).Replace(".", "").TrimStart('0');
        return digits.Length;
    }

    /// <summary>１，２３４．５: the digits and punctuation a Chinese input method gives in full-width mode.</summary>
    private static string FullWidth(string text) =>
        new(text.Select(c => c is >= '0' and <= '9' or ',' or '.' ? (char)(c + 0xFEE0) : c).ToArray());
}
