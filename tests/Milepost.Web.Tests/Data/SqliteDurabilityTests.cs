using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

/// <summary>SECURITY.md 19: every SQLite connection runs with WAL, synchronous=FULL and foreign keys on.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SqliteDurabilityTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private const int Connections = 4;

    [Fact]
    public async Task EveryPooledConnection_RunsWithWalFullSyncAndForeignKeys()
    {
        var database = await CreateDatabaseAsync(DatabaseProvider.Sqlite);
        var contexts = Enumerable.Range(0, Connections).Select(_ => database.NewContext()).ToList();
        try
        {
            var handles = new List<object>[2];
            for (var round = 0; round < 2; round++)
            {
                // All open at once, so each is its own physical connection; half opened synchronously,
                // half asynchronously, since the interceptor has a path for each.
                for (var i = 0; i < contexts.Count; i++)
                {
                    if (i % 2 == 0) contexts[i].Database.OpenConnection();
                    else await contexts[i].Database.OpenConnectionAsync();
                }
                handles[round] = [];
                foreach (var db in contexts)
                {
                    var connection = (SqliteConnection)db.Database.GetDbConnection();
                    handles[round].Add(connection.Handle!);
                    Assert.Equal(2L, await PragmaAsync(connection, "synchronous"));      // FULL
                    Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
                    Assert.Equal(1L, await PragmaAsync(connection, "foreign_keys"));
                }
                foreach (var db in contexts) await db.Database.CloseConnectionAsync();
            }
            Assert.Equal(Connections, handles[0].Distinct(ReferenceEqualityComparer.Instance).Count());
            // The second round came from the pool: the settings hold on reused connections too.
            Assert.Contains(handles[1], h => handles[0].Contains(h, ReferenceEqualityComparer.Instance));
        }
        finally
        {
            foreach (var db in contexts) await db.DisposeAsync();
        }
    }

    [Fact]
    public async Task ConnectionOpenedByAQuery_RunsWithFullSync()
    {
        var database = await CreateDatabaseAsync(DatabaseProvider.Sqlite);
        await using var db = database.NewContext();
        // EF opens and closes the connection around the query itself.
        var synchronous = await db.Database.SqlQuery<long>($"SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync();
        var foreignKeys = await db.Database.SqlQuery<long>($"SELECT foreign_keys AS Value FROM pragma_foreign_keys").SingleAsync();
        Assert.Equal(2, synchronous);
        Assert.Equal(1, foreignKeys);
    }

    [Fact]
    public async Task Settings_AreEnforcedWhateverTheFileAndConnectionStringSay()
    {
        // The bundled SQLite already defaults to synchronous=FULL and foreign keys on, and EF makes
        // new files WAL: start from a file in rollback-journal mode and a connection string that
        // turns foreign keys off, so that only the application's own set-up can make this pass.
        var database = await CreateDatabaseAsync(DatabaseProvider.Sqlite);
        using (var pooled = new SqliteConnection(database.ConnectionString)) SqliteConnection.ClearPool(pooled);
        var hostile = new SqliteConnectionStringBuilder(database.ConnectionString) { ForeignKeys = false, Pooling = false }.ConnectionString;
        await using (var raw = new SqliteConnection(hostile))
        {
            await raw.OpenAsync();
            Assert.Equal("delete", await PragmaAsync(raw, "journal_mode=DELETE"));
            Assert.Equal(0L, await PragmaAsync(raw, "foreign_keys"));
        }

        var options = new DbContextOptionsBuilder<SqliteMilepostDb>();
        DatabaseSetup.ConfigureSqlite(options, hostile);
        await using var db = new SqliteMilepostDb(options.Options);
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        Assert.Equal("wal", await PragmaAsync(connection, "journal_mode"));
        Assert.Equal(1L, await PragmaAsync(connection, "foreign_keys"));
        Assert.Equal(2L, await PragmaAsync(connection, "synchronous"));
    }

    private static async Task<object?> PragmaAsync(DbConnection connection, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA {name}";
        return await command.ExecuteScalarAsync();
    }
}
