namespace Milepost.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster shared by the tests of the "postgres" collection; each test
/// makes its own database with <see cref="CreateDatabaseAsync"/> so tests do not see each other's rows.
/// </summary>
/// <remarks>
/// The cluster starts on first use, so a run that needs no PostgreSQL database (e.g. filtered to
/// SQLite) does not start one. When it cannot start, every test that asks for it fails with the
/// same error, which says what to install; tests that do not need it still run.
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly Lazy<Task<PostgresCluster>> _cluster = new(() => PostgresCluster.StartAsync());
    private int _databases;

    /// <summary>The cluster, started on the first call.</summary>
    public Task<PostgresCluster> GetClusterAsync() => _cluster.Value;

    /// <summary>Creates a fresh database with a unique name and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var cluster = await GetClusterAsync();
        return await cluster.CreateDatabaseAsync($"{prefix}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (!_cluster.IsValueCreated) return;
        PostgresCluster cluster;
        try { cluster = await _cluster.Value; }
        catch (Exception) { return; } // it never started: the tests that needed it have failed with the reason
        await cluster.DisposeAsync();
    }
}

/// <summary>Tests marked <c>[Collection(PostgresCollection.Name)]</c> share one <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
