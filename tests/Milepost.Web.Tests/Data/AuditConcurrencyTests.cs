using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Audit;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;
using Npgsql;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class AuditConcurrencyTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly DateTime T0 = new(2026, 11, 30, 10, 0, 0, DateTimeKind.Utc);

    [Theory, DatabaseData]
    public async Task TwentyParallelWriters_FiveEventsEach_OneGaplessChainThatVerifies(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        var retries = 0;

        async Task WriteAsync(int writer)
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var db = database.NewContext();
                    await using var tx = await db.Database.BeginTransactionAsync();
                    for (var i = 1; i <= 5; i++)
                    {
                        await AuditTrail.AppendAsync(db, T0.AddSeconds(writer * 10 + i), $"writer{writer}", "project.edit",
                            "Project", $"{writer}", null, new { Step = i - 1 }, new { Step = i });
                        await db.SaveChangesAsync();
                        await Task.Yield(); // let the other writers in between the events of one transaction
                    }
                    await tx.CommitAsync();
                    return;
                }
                catch (Exception e) when (attempt < 5 && IsRetryable(e))
                {
                    Interlocked.Increment(ref retries);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, 20).Select(w => Task.Run(() => WriteAsync(w))));

        await using var read = database.NewContext();
        var events = await read.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), events.Select(e => e.Sequence));
        var result = AuditChain.Verify(events);
        Assert.True(result.Ok, result.MessageEn);
        // Each writer's five events are contiguous: its transaction held the chain from first to last append.
        foreach (var group in events.GroupBy(e => e.Actor))
        {
            var sequences = group.Select(e => e.Sequence).ToList();
            Assert.Equal(Enumerable.Range((int)sequences[0], 5).Select(i => (long)i), sequences);
        }
        Assert.Equal(0, retries); // the lock makes writers wait, so none needed a retry
    }

    private static bool IsRetryable(Exception e) => (e is DbUpdateException { InnerException: { } inner } ? inner : e) switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6, // SQLITE_BUSY, SQLITE_LOCKED
        PostgresException p => p.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        _ => false,
    };

    [Fact]
    public async Task SqliteTransaction_TakesTheWriteLockAtBegin()
    {
        // Microsoft.Data.Sqlite begins IMMEDIATE unless asked for a deferred transaction: a second
        // writer cannot even begin until the first commits, so it never reads a head that is about to change.
        var database = await CreateDatabaseAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();

        await using var other = new SqliteConnection(database.ConnectionString + ";Pooling=False");
        await other.OpenAsync();
        await using (var pragma = other.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout=0";
            await pragma.ExecuteNonQueryAsync();
        }
        await using var begin = other.CreateCommand();
        begin.CommandText = "BEGIN IMMEDIATE";
        begin.CommandTimeout = 1;
        var e = await Assert.ThrowsAsync<SqliteException>(() => begin.ExecuteNonQueryAsync());
        Assert.Equal(5, e.SqliteErrorCode); // SQLITE_BUSY
    }
}
