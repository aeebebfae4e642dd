using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Features.Audit;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.BaseData;

/// <summary>The demo city on a fresh database of one provider, with the office signed in, for the base-data tests.</summary>
public sealed class BaseDataApp : IAsyncDisposable
{
    private BaseDataApp(TestDatabase database, MilepostFactory factory, HttpClient supervisor) =>
        (Database, Factory, Supervisor) = (database, factory, supervisor);

    public TestDatabase Database { get; }
    public MilepostFactory Factory { get; }
    public HttpClient Supervisor { get; }

    public static async Task<BaseDataApp> StartAsync(DatabaseProvider provider, PostgresFixture postgres)
    {
        var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        var factory = new MilepostFactory(database.Provider, database.ConnectionString);
        await factory.InitializeAccountsAsync();
        return new BaseDataApp(database, factory, await factory.SignInAsync("supervisor"));
    }

    public async Task<T> InDbAsync<T>(Func<MilepostDb, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    /// <summary>Arranges rows directly (what the other features' own pages would have written).</summary>
    public Task ArrangeAsync(Func<MilepostDb, Task> write) => InDbAsync(async db =>
    {
        await write(db);
        await db.SaveChangesAsync();
        return 0;
    });

    public Task<long> IdAsync<T>(Func<MilepostDb, IQueryable<T>> set, Func<T, long> id, Func<T, bool> where) where T : class =>
        InDbAsync(async db => id((await set(db).AsNoTracking().ToListAsync()).Single(where)));

    public Task<long> UnitIdAsync(string name) => IdAsync(db => db.Units, u => u.Id, u => u.Name == name);

    public Task<long> LeaderIdAsync(string name) => IdAsync(db => db.Leaders, l => l.Id, l => l.Name == name);

    public Task<long> ProjectIdAsync(string name) => IdAsync(db => db.Projects, p => p.Id, p => p.Name == name);

    public Task<int> AuditCountAsync() => InDbAsync(db => db.AuditEvents.CountAsync());

    public async Task<bool> ChainVerifiesAsync()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Ok;
    }

    public static async Task<T> ExpectAsync<T>(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode} instead of {(int)status}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadAsync<T>();
    }

    public async ValueTask DisposeAsync()
    {
        Supervisor.Dispose();
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
