using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class QueryTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private sealed record ProjectTotal(long ProjectId, long Total);

    [Theory, DatabaseData]
    public async Task GroupedSumOfMoney_InSql_IsExactPerProject(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using var db = database.NewContext();
        var big = portfolio.Project("大项目");
        var usual = portfolio.Project("普通项目");
        var none = portfolio.Project("未填报项目");
        db.Projects.AddRange(big, usual, none);
        await db.SaveChangesAsync();

        // 2^52 + 1 twice and 1: the total, 2^53 + 3, has no double, so a sum through floating point is off.
        var bigAmounts = new[] { new Money(4_503_599_627_370_497), new Money(4_503_599_627_370_497), new Money(1) };
        var usualAmounts = new[] { Money.FromWan(99_999_999.99m), Money.FromWan(0.01m), Money.FromWan(-1_234.56m), new Money(7) };
        var month = new YearMonth(2026, 1);
        foreach (var amount in bigAmounts) { db.MonthlyReports.Add(portfolio.Report(big.Id, month, amount)); month = month.Next(); }
        foreach (var amount in usualAmounts) { db.MonthlyReports.Add(portfolio.Report(usual.Id, month, amount)); month = month.Next(); }
        await db.SaveChangesAsync();

        var totals = await db.Database.SqlQuery<ProjectTotal>($"""
            SELECT "ProjectId", SUM("CompletedInvestment") AS "Total"
            FROM "MonthlyReports"
            GROUP BY "ProjectId"
            """).OrderBy(t => t.ProjectId).ToListAsync();

        // The same in LINQ: the cast through object makes EF sum the stored long; it only works in SQL.
        var linqTotals = await db.MonthlyReports
            .GroupBy(r => r.ProjectId)
            .OrderBy(g => g.Key)
            .Select(g => new ProjectTotal(g.Key, g.Sum(r => (long)(object)r.CompletedInvestment)))
            .ToListAsync();

        ProjectTotal[] expected = [new(big.Id, 9_007_199_254_740_995), new(usual.Id, 999_987_654_407)];
        Assert.Equal(expected, totals);
        Assert.Equal(expected, linqTotals);
        Assert.Equal(Money.Sum(bigAmounts).Yuan, expected[0].Total);
        Assert.Equal(Money.Sum(usualAmounts).Yuan, expected[1].Total);
    }

    [Theory, DatabaseData]
    public async Task FilterAndOrderByMoney_CompareAmountsNotText(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using var db = database.NewContext();
        // As text, "9" would sort above "10" and "100", and "-5" anywhere.
        foreach (var (name, wan) in new[] { ("九", 9m), ("十", 10m), ("一百", 100m), ("最大", 99_999_999.99m), ("负", -5m), ("九点九九", 9.99m) })
            db.Projects.Add(portfolio.Project(name, Money.FromWan(wan)));
        await db.SaveChangesAsync();

        var threshold = Money.FromWan(9.5m);
        var above = await db.Projects.Where(p => p.TotalInvestment > threshold)
            .OrderByDescending(p => p.TotalInvestment).Select(p => p.Name).ToListAsync();
        var all = await db.Projects.OrderBy(p => p.TotalInvestment).Select(p => p.Name).ToListAsync();
        var exact = await db.Projects.Where(p => p.TotalInvestment == Money.FromWan(10m)).Select(p => p.Name).ToListAsync();

        Assert.Equal(["最大", "一百", "十", "九点九九"], above);
        Assert.Equal(["负", "九", "九点九九", "十", "一百", "最大"], all);
        Assert.Equal(["十"], exact);
    }

    [Theory, DatabaseData]
    public async Task FilterAndOrderByDateOnlyAndMonth_FollowTheCalendar(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using var db = database.NewContext();
        var dates = new DateOnly?[] { new(2026, 10, 1), new(2026, 9, 30), null, new(2025, 12, 31), new(2026, 1, 2), new(2027, 2, 1) };
        foreach (var (date, i) in dates.Select((d, i) => (d, i)))
        {
            var p = portfolio.Project($"项目{i}");
            p.PlannedStart = date;
            db.Projects.Add(p);
        }
        await db.SaveChangesAsync();
        var first = await db.Projects.OrderBy(p => p.Id).FirstAsync();
        foreach (var m in new[] { new YearMonth(2026, 10), new YearMonth(2025, 12), new YearMonth(2026, 2), new YearMonth(2027, 1) })
            db.MonthlyReports.Add(portfolio.Report(first.Id, m, Money.Zero));
        await db.SaveChangesAsync();

        var from = new DateOnly(2026, 1, 2);
        var startsInOrAfter2026 = await db.Projects.Where(p => p.PlannedStart >= from)
            .OrderByDescending(p => p.PlannedStart).Select(p => p.PlannedStart).ToListAsync();
        var months = await db.MonthlyReports.Where(r => r.Month >= new YearMonth(2026, 1) && r.Month < new YearMonth(2027, 1))
            .OrderBy(r => r.Month).Select(r => r.Month).ToListAsync();

        Assert.Equal([new DateOnly(2027, 2, 1), new DateOnly(2026, 10, 1), new DateOnly(2026, 9, 30), new DateOnly(2026, 1, 2)], startsInOrAfter2026);
        Assert.Equal([new YearMonth(2026, 2), new YearMonth(2026, 10)], months);
    }
}
