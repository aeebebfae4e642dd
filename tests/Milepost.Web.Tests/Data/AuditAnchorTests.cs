using Microsoft.EntityFrameworkCore;
using Milepost.Core.Audit;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class AuditAnchorTests(PostgresFixture postgres) : DatabaseTest(postgres), IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc);
    private readonly DirectoryInfo _dataDir = Directory.CreateTempSubdirectory("milepost-anchor-");

    void IDisposable.Dispose() => _dataDir.Delete(recursive: true);

    private string DataDir => _dataDir.FullName;

    private static async Task AppendEventsAsync(TestDatabase database, int count, DateTime at)
    {
        await using var db = database.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        for (var i = 0; i < count; i++)
            await AuditTrail.AppendAsync(db, at.AddSeconds(i), "张三", "project.edit", "Project", "1", "511802", new { Plan = i }, new { Plan = i + 1 });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    [Fact]
    public async Task AppendAndReadLatest_LinesInOrder_LatestWins_FileIsOwnerOnly()
    {
        Assert.Null(AuditAnchor.ReadLatest(DataDir));
        var dir = Path.Combine(DataDir, "sub"); // created on first append
        await AuditAnchor.AppendAsync(dir, 3, new string('a', 64), T0);
        await AuditAnchor.AppendAsync(dir, 7, new string('b', 64), T0.AddMinutes(1));

        Assert.Equal(new AuditAnchorLine(7, new string('b', 64), T0.AddMinutes(1)), AuditAnchor.ReadLatest(dir));
        Assert.Equal(
            [$"3 {new string('a', 64)} 2026-11-30T09:00:00.0000000Z", $"7 {new string('b', 64)} 2026-11-30T09:01:00.0000000Z"],
            File.ReadAllLines(AuditAnchor.PathIn(dir)));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(AuditAnchor.PathIn(dir)));
    }

    [Fact]
    public async Task ReadLatest_MalformedOrDecreasingLine_Refused()
    {
        await AuditAnchor.AppendAsync(DataDir, 5, new string('a', 64), T0);
        await File.AppendAllTextAsync(AuditAnchor.PathIn(DataDir), $"4 {new string('b', 64)} 2026-11-30T09:00:00.0000000Z\n");
        Assert.Throws<FormatException>(() => AuditAnchor.ReadLatest(DataDir));

        await File.WriteAllTextAsync(AuditAnchor.PathIn(DataDir), "5 not-a-hash 2026-11-30T09:00:00.0000000Z\n");
        Assert.Throws<FormatException>(() => AuditAnchor.ReadLatest(DataDir));
    }

    [Theory, DatabaseData]
    public async Task AnchorHead_AppendsOnlyANewerHead(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await using var db = database.NewContext();
        Assert.Null(await AuditAnchor.AnchorHeadAsync(db, DataDir, T0)); // no events: nothing to anchor
        Assert.False(File.Exists(AuditAnchor.PathIn(DataDir)));

        await AppendEventsAsync(database, 3, T0);
        var first = await AuditAnchor.AnchorHeadAsync(db, DataDir, T0.AddHours(1));
        Assert.Equal(3, first?.Sequence);
        Assert.Null(await AuditAnchor.AnchorHeadAsync(db, DataDir, T0.AddHours(2))); // unchanged head

        await AppendEventsAsync(database, 2, T0.AddMinutes(5));
        var second = await AuditAnchor.AnchorHeadAsync(db, DataDir, T0.AddHours(3));
        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(new AuditAnchorLine(5, events[^1].Hash, T0.AddHours(3)), second);
        Assert.Equal(2, File.ReadAllLines(AuditAnchor.PathIn(DataDir)).Length);
        Assert.True(AuditChain.Verify(events, second!.Hash, second.Sequence).Ok);
    }

    [Theory, DatabaseData]
    public async Task ChainRewrittenFromStartToEnd_FailsAgainstTheAnchor(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await AppendEventsAsync(database, 4, T0);
        await using (var db = database.NewContext()) await AuditAnchor.AnchorHeadAsync(db, DataDir, T0.AddHours(1));

        // The attacker drops the triggers, deletes the trail and writes a consistent new chain.
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync(provider == DatabaseProvider.Postgres
                ? "ALTER TABLE \"AuditEvents\" DISABLE TRIGGER USER"
                : "DROP TRIGGER \"AuditEvents_no_delete\"");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\"");
        }
        await using (var db = database.NewContext())
        {
            for (var i = 0; i < 4; i++)
                await AuditTrail.AppendAsync(db, T0.AddSeconds(i), "李四", "project.edit", "Project", "1", "511802", null, new { Plan = i });
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            Assert.True(AuditChain.Verify(events).Ok); // consistent on its own
            var anchor = AuditAnchor.ReadLatest(DataDir)!;
            var result = AuditChain.Verify(events, anchor.Hash, anchor.Sequence);
            Assert.Equal((false, AuditProblem.AnchorMismatch, 4L), (result.Ok, result.Kind, result.FirstBadSequence));
        }
    }
}
