using System.Net;
using System.Text;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Infrastructure;
using MiniExcelLibs;

namespace Milepost.Web.Tests.Ledger;

/// <summary>Every export on PostgreSQL: the queries (month ranges, subqueries for names, the dashboard's figures) run there too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ExportPostgresTests(PostgresFixture postgres)
{
    [Fact]
    public async Task EveryKind_OnPostgres_GivesTheSameRowsAsOnSqlite()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres, migrate: false);
        await using var pg = new MilepostFactory(database.Provider, database.ConnectionString);
        await using var sqlite = new MilepostFactory();
        await pg.InitializeAccountsAsync();
        await sqlite.InitializeAccountsAsync();
        var (onPg, onSqlite) = (await pg.SignInAsync("leader"), await sqlite.SignInAsync("leader"));
        foreach (var url in new[]
        {
            "projects.csv?division=511800", "reports.csv?from=2020-02&to=2020-04", "statistics.csv?year=2020", "overdue-nodes.csv",
            "problems.csv", "supervision.csv",
        })
        {
            var a = await onPg.GetAsync("/api/v1/export/" + url);
            var b = await onSqlite.GetAsync("/api/v1/export/" + url);
            Assert.True(a.StatusCode == HttpStatusCode.OK, $"{url}: {(int)a.StatusCode} {await a.Content.ReadAsStringAsync()}");
            var (textA, textB) = (await a.Content.ReadAsStringAsync(), await b.Content.ReadAsStringAsync());
            Assert.True(textA.Split("\r\n").Length > 2, url);
            // Ids of problems and items may differ between the two seeds (and with them the order of ties, which the lists
            // break by id); the rest of each line must not.
            static string[] Lines(string text, string url) => url.StartsWith("problems") || url.StartsWith("supervision")
                ? [.. text.Split("\r\n").Select(l => l[(l.IndexOf(',') + 1)..]).Order(StringComparer.Ordinal)]
                : text.Split("\r\n");
            Assert.Equal(Lines(textB, url), Lines(textA, url));
        }
        var xlsx = await onPg.GetByteArrayAsync("/api/v1/export/projects.xlsx");
        Assert.Equal(15, new MemoryStream(xlsx).Query(useHeaderRow: true).Count());
    }
}
