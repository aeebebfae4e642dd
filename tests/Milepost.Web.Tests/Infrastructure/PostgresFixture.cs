namespace Milepost.Web.Tests.Infrastructure;

/// <summary>
/// One throwaway PostgreSQL cluster shared by the tests of the "postgres" collection; each test
/// makes its own database with <see cref="CreateDatabaseAsync"/> so tests do not see each other's rows.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private PostgresCluster? _cluster;
    private int _databases;

    public PostgresCluster Cluster =>
        _cluster ?? throw new InvalidOperationException("The PostgreSQL cluster is not started (InitializeAsync has not run).");

    /// <summary>Creates a fresh database with a unique name and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string prefix = "test") =>
        Cluster.CreateDatabaseAsync($"{prefix}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant());

    public async Task InitializeAsync() => _cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>Tests marked <c>[Collection(PostgresCollection.Name)]</c> share one <see cref="PostgresFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
