using Microsoft.EntityFrameworkCore;
using Milepost.Core.Audit;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

/// <summary>
/// Tampering straight in the database, past the append-only triggers (SECURITY.md 12): the chain
/// read back from each provider fails at the tampered row.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AuditTamperTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly DateTime T0 = new(2026, 11, 30, 12, 0, 0, DateTimeKind.Utc);

    public enum Tampering { Edit, Delete, Swap }

    public static TheoryData<DatabaseProvider, Tampering> Cases()
    {
        var data = new TheoryData<DatabaseProvider, Tampering>();
        foreach (var p in Enum.GetValues<DatabaseProvider>())
            foreach (var t in Enum.GetValues<Tampering>()) data.Add(p, t);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RowTamperedInTheDatabase_VerifyNamesIt(DatabaseProvider provider, Tampering tampering)
    {
        var database = await CreateDatabaseAsync(provider);
        await using (var db = database.NewContext())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            for (var i = 1; i <= 6; i++)
                await AuditTrail.AppendAsync(db, T0.AddMinutes(i), "张三", "project.edit", "Project", "7", "511802", new { Plan = i }, new { Plan = i + 1 });
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await using (var db = database.NewContext())
        {
            if (provider == DatabaseProvider.Postgres)
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER");
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEvents_no_update\"");
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER \"AuditEvents_no_delete\"");
            }
            await db.Database.ExecuteSqlRawAsync(tampering switch
            {
                Tampering.Edit => "UPDATE \"AuditEvents\" SET \"Actor\" = '李四' WHERE \"Sequence\" = 4",
                Tampering.Delete => "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 3",
                // Through a free number: the primary key is checked row by row.
                _ => "UPDATE \"AuditEvents\" SET \"Sequence\" = 0 WHERE \"Sequence\" = 4; " +
                     "UPDATE \"AuditEvents\" SET \"Sequence\" = 4 WHERE \"Sequence\" = 5; " +
                     "UPDATE \"AuditEvents\" SET \"Sequence\" = 5 WHERE \"Sequence\" = 0",
            });
        }

        await using (var db = database.NewContext())
        {
            var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            var result = AuditChain.Verify(events);
            var expected = tampering switch
            {
                Tampering.Edit => (AuditProblem.HashMismatch, 4L),
                Tampering.Delete => (AuditProblem.SequenceGap, 4L),
                // Renumbered in place: the row now at 4 chains to the old 4, not to 3.
                _ => (AuditProblem.PreviousHashMismatch, 4L),
            };
            Assert.False(result.Ok);
            Assert.Equal(expected, (result.Kind, result.FirstBadSequence!.Value));
        }
    }
}
