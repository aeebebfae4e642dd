using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;
using Npgsql;

namespace Milepost.Web.Tests.Data;

/// <summary>
/// Base of the data tests: each test makes its own fresh, migrated database (per provider, from
/// <see cref="DatabaseDataAttribute"/>), deleted when the test ends. Concrete classes carry
/// <c>[Collection(PostgresCollection.Name)]</c> to share the one PostgreSQL cluster of the run.
/// </summary>
public abstract class DatabaseTest(PostgresFixture postgres) : IAsyncLifetime
{
    private readonly List<TestDatabase> _databases = [];

    protected async Task<TestDatabase> CreateDatabaseAsync(DatabaseProvider provider, bool migrate = true)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres, migrate);
        _databases.Add(database);
        return database;
    }

    /// <summary>A migrated database with the portfolio rows every project needs.</summary>
    protected async Task<(TestDatabase Database, TestPortfolio Portfolio)> CreateSeededAsync(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await using var db = database.NewContext();
        return (database, await TestPortfolio.SeedAsync(db));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var database in _databases) await database.DisposeAsync();
    }

    public enum Constraint { Unique, ForeignKey }

    /// <summary>Asserts that a save failed on the given kind of constraint, whichever the provider.</summary>
    protected static void AssertViolates(Constraint constraint, DbUpdateException e)
    {
        switch (e.InnerException)
        {
            case SqliteException s:
                // SQLITE_CONSTRAINT_UNIQUE = 2067, SQLITE_CONSTRAINT_FOREIGNKEY = 787
                Assert.Equal(constraint == Constraint.Unique ? 2067 : 787, s.SqliteExtendedErrorCode);
                break;
            case PostgresException p:
                Assert.Equal(constraint == Constraint.Unique ? PostgresErrorCodes.UniqueViolation : PostgresErrorCodes.ForeignKeyViolation, p.SqlState);
                break;
            default:
                Assert.Fail($"Expected a {constraint} violation from the database, got: {e.InnerException?.ToString() ?? e.ToString()}");
                break;
        }
    }
}
