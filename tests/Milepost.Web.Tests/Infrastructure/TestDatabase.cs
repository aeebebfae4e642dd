using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Milepost.Data;
using Npgsql;

namespace Milepost.Web.Tests.Infrastructure;

/// <summary>
/// A fresh database for one test, migrated with the application's real migrations set of its
/// provider: a SQLite file in a temp folder (WAL, through the application's own connection
/// set-up, never <c>:memory:</c>), or a new database on the shared throwaway PostgreSQL cluster.
/// Disposing deletes it.
/// </summary>
/// <remarks>
/// For a <c>WebApplicationFactory</c>, pass <see cref="AppSettings"/> to the host configuration
/// (create the database with <c>migrate: false</c> to let the application migrate it itself).
/// </remarks>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly DbContextOptions _options;
    private readonly Func<ValueTask> _delete;
    private int _disposed;

    private TestDatabase(DatabaseProvider kind, string connectionString, DbContextOptions options, Func<ValueTask> delete)
    {
        Kind = kind;
        ConnectionString = connectionString;
        _options = options;
        _delete = delete;
    }

    public DatabaseProvider Kind { get; }

    /// <summary>The provider as the application's setting Milepost:Database spells it: "sqlite" or "postgres".</summary>
    public string Provider => Kind == DatabaseProvider.Postgres ? "postgres" : "sqlite";

    public string ConnectionString { get; }

    /// <summary>The settings that point the web application at this database.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["Milepost:Database"] = Provider,
        ["ConnectionStrings:Milepost"] = ConnectionString,
    };

    /// <summary>
    /// Creates an empty database for <paramref name="kind"/> and, unless told not to, applies the
    /// migrations. <paramref name="postgres"/> is needed for PostgreSQL only; when its cluster
    /// cannot start, this throws (the test fails, it is not skipped).
    /// </summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider kind, PostgresFixture? postgres, bool migrate = true)
    {
        var database = kind switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.Postgres => await CreatePostgresAsync(
                postgres ?? throw new ArgumentNullException(nameof(postgres), "A PostgreSQL test database needs the PostgresFixture.")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
        if (!migrate) return database;
        try
        {
            await using var db = database.NewContext();
            await db.Database.MigrateAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>A new context on this database, configured as the application configures its own.</summary>
    public MilepostDb NewContext() => Kind switch
    {
        DatabaseProvider.Postgres => new PostgresMilepostDb((DbContextOptions<PostgresMilepostDb>)_options),
        _ => new SqliteMilepostDb((DbContextOptions<SqliteMilepostDb>)_options),
    };

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _delete();
    }

    private static TestDatabase CreateSqlite()
    {
        var folder = Path.Combine(Path.GetTempPath(), "milepost-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "milepost.db"),
            Pooling = true,
        }.ConnectionString;
        var options = new DbContextOptionsBuilder<SqliteMilepostDb>();
        DatabaseSetup.ConfigureSqlite(options, connectionString);
        return new TestDatabase(DatabaseProvider.Sqlite, connectionString, options.Options, () =>
        {
            // Pooled connections keep the file (and its -wal, -shm) open.
            using (var connection = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(connection);
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { }
            return ValueTask.CompletedTask;
        });
    }

    private static async Task<TestDatabase> CreatePostgresAsync(PostgresFixture postgres)
    {
        var cluster = await postgres.GetClusterAsync();
        var connectionString = await postgres.CreateDatabaseAsync("data");
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var options = new DbContextOptionsBuilder<PostgresMilepostDb>();
        DatabaseSetup.ConfigurePostgres(options, connectionString);
        return new TestDatabase(DatabaseProvider.Postgres, connectionString, options.Options, async () =>
        {
            using (var connection = new NpgsqlConnection(connectionString)) NpgsqlConnection.ClearPool(connection);
            await cluster.DropDatabaseAsync(name);
        });
    }
}
