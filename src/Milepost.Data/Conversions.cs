using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Milepost.Core;

namespace Milepost.Data;

/// <summary>Money is stored as a 64-bit count of 元 (SPEC §10).</summary>
public sealed class MoneyConverter() : ValueConverter<Money, long>(m => m.Yuan, y => new Money(y));

/// <summary>A month is stored as the integer yyyymm, so it compares and groups natively.</summary>
public sealed class YearMonthConverter() : ValueConverter<YearMonth, int>(m => m.Year * 100 + m.Month, v => new YearMonth(v / 100, v % 100));

/// <summary>Instants are UTC everywhere; SQLite hands them back unspecified, so say what they are.</summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>Twelve monthly amounts in one column as "yuan;yuan;…" (empty when the plan is not split).</summary>
public sealed class MonthlyPlanConverter() : ValueConverter<List<Money>, string>(
    v => string.Join(";", v.Select(m => m.Yuan)),
    v => v.Length == 0 ? new List<Money>() : v.Split(';', StringSplitOptions.None).Select(s => new Money(long.Parse(s))).ToList());

public sealed class MonthlyPlanComparer() : ValueComparer<List<Money>>(
    (a, b) => a!.SequenceEqual(b!),
    v => v.Aggregate(17, (h, m) => HashCode.Combine(h, m.Yuan)),
    v => v.ToList());
