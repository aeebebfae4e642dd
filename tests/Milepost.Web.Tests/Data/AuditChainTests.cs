using Microsoft.EntityFrameworkCore;
using Milepost.Core.Audit;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class AuditChainTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    // Sub-microsecond ticks on purpose: PostgreSQL keeps microseconds only, so the hash must be over what it keeps.
    private static readonly DateTime T0 = new DateTime(2026, 11, 30, 7, 15, 30, DateTimeKind.Utc).AddTicks(1_234_567);

    [Theory, DatabaseData]
    public async Task Append_InTwoTransactions_MakesOneGaplessChainThatVerifiesAfterReadingBack(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);

        // Three events in one unit of work, saved together: each finds its head among the pending ones.
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 1; i <= 3; i++)
                await AuditTrail.AppendAsync(db, T0.AddSeconds(i), "张三", "project.create", "Project", $"{i}", "511800",
                    before: null, after: new { Name = $"项目{i}", TotalInvestmentYuan = 999_999_999_900L, Note = "含\"引号\"与\n换行" });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        // Two more in another transaction, each saved before the next: the head comes from the database.
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 4; i <= 5; i++)
            {
                await AuditTrail.AppendAsync(db, T0.AddMinutes(i), "李四", "project.edit", "Project", "1", null,
                    before: new { Name = "项目1" }, after: new { Name = $"项目1（第{i}次修改）" });
                await db.SaveChangesAsync();
            }
            await tx.CommitAsync();
        }

        await using (var db = database.NewContext())
        {
            var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Sequence));
            Assert.Equal(AuditEvent.GenesisHash, events[0].PreviousHash);
            for (var i = 0; i < events.Count; i++)
            {
                var e = events[i];
                if (i > 0) Assert.Equal(events[i - 1].Hash, e.PreviousHash);
                Assert.True(e.Hash == e.ExpectedHash(), $"Event {e.Sequence} does not verify after reading back (time {e.TimeUtc:O}, kind {e.TimeUtc.Kind}).");
                Assert.Equal(DateTimeKind.Utc, e.TimeUtc.Kind);
            }
            // Truncated to the microsecond, not rounded or shifted.
            Assert.Equal(new DateTime(2026, 11, 30, 7, 15, 31, DateTimeKind.Utc).AddTicks(1_234_560), events[0].TimeUtc);
            Assert.Contains("含\\\"引号\\\"与\\n换行", events[0].After);
        }
    }

    [Theory, DatabaseData]
    public async Task AuditTable_RefusesUpdateAndDelete_AtTheDatabase(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await using (var db = database.NewContext())
        {
            await AuditTrail.AppendAsync(db, T0, "张三", "project.create", "Project", "1", "511800", null, new { Name = "项目1" });
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            // Raw SQL, as someone with the database in hand would try it: the triggers refuse both.
            var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"Actor\" = '李四'"));
            Assert.NotNull(update);
            Assert.Contains("append-only", update.Message + update.InnerException?.Message);
            var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\""));
            Assert.NotNull(delete);
            var events = await db.AuditEvents.AsNoTracking().ToListAsync();
            Assert.Equal("张三", Assert.Single(events).Actor);
        }
    }
}
