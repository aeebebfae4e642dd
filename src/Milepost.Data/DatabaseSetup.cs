using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Milepost.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Chooses the provider (and with it the migrations set) from configuration.</summary>
public static class DatabaseSetup
{
    public const string DefaultSqlite = "Data Source=data/milepost.db";

    public static DatabaseProvider ParseProvider(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"Milepost:Database must be 'sqlite' or 'postgres', not '{name}'."),
    };

    public static IServiceCollection AddMilepostDb(this IServiceCollection services, DatabaseProvider provider, string? connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
                throw new InvalidOperationException("Milepost:Database is 'postgres' but ConnectionStrings:Milepost is empty.");
            services.AddDbContext<MilepostDb, PostgresMilepostDb>(o => ConfigurePostgres(o, connectionString));
        }
        else
        {
            var cs = string.IsNullOrWhiteSpace(connectionString) ? DefaultSqlite : connectionString;
            EnsureSqliteFolder(cs);
            services.AddDbContext<MilepostDb, SqliteMilepostDb>(o => ConfigureSqlite(o, cs));
        }
        return services;
    }

    public static void ConfigureSqlite(DbContextOptionsBuilder o, string connectionString) =>
        o.UseSqlite(connectionString, s => s.MigrationsAssembly(typeof(MilepostDb).Assembly.FullName))
         .AddInterceptors(SqliteDurability.Instance);

    public static void ConfigurePostgres(DbContextOptionsBuilder o, string connectionString) =>
        o.UseNpgsql(connectionString, s => s.MigrationsAssembly(typeof(MilepostDb).Assembly.FullName));

    private static void EnsureSqliteFolder(string connectionString)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(folder) && file != ":memory:") Directory.CreateDirectory(folder);
    }
}

/// <summary>
/// Every SQLite connection runs with WAL, synchronous=FULL and foreign keys on (SECURITY.md 19):
/// with NORMAL a commit acknowledged to the user may roll back after a power loss.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public static readonly SqliteDurability Instance = new();

    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }
}

/// <summary>Lets `dotnet ef migrations add` build the SQLite model (migrations go to Migrations.Sqlite/).</summary>
public sealed class SqliteDesignFactory : IDesignTimeDbContextFactory<SqliteMilepostDb>
{
    public SqliteMilepostDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<SqliteMilepostDb>();
        DatabaseSetup.ConfigureSqlite(o, "Data Source=design.db");
        return new SqliteMilepostDb(o.Options);
    }
}

/// <summary>Lets `dotnet ef migrations add` build the PostgreSQL model (migrations go to Migrations.Postgres/).</summary>
public sealed class PostgresDesignFactory : IDesignTimeDbContextFactory<PostgresMilepostDb>
{
    public PostgresMilepostDb CreateDbContext(string[] args)
    {
        var o = new DbContextOptionsBuilder<PostgresMilepostDb>();
        DatabaseSetup.ConfigurePostgres(o, "Host=localhost;Database=milepost_design");
        return new PostgresMilepostDb(o.Options);
    }
}
