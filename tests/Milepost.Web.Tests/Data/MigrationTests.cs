using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Theory, DatabaseData]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndLeavesNonePending(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider, migrate: false);
        await using var db = database.NewContext();
        var all = db.Database.GetMigrations().ToList();
        Assert.NotEmpty(all);
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(all, await db.Database.GetPendingMigrationsAsync());

        await db.Database.MigrateAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(all, await db.Database.GetAppliedMigrationsAsync());
        // The tables are there and usable.
        Assert.Equal(0, await db.Projects.CountAsync());
        Assert.Equal(0, await db.AuditEvents.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task Model_HasNoChangesMissingFromTheMigrations(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await using var db = database.NewContext();

        Assert.False(db.Database.HasPendingModelChanges(),
            $"The {provider} model differs from its migrations' snapshot; add a migration. Differences:\n{Differences(db)}");
    }

    /// <summary>The operations a new migration would hold, for the failure message.</summary>
    private static string Differences(MilepostDb db)
    {
        var snapshot = db.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        if (snapshot is null) return "(no model snapshot)";
        var initialized = db.GetService<IModelRuntimeInitializer>().Initialize(snapshot);
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(
            initialized.GetRelationalModel(), db.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        return string.Join("\n", operations.Select(o => o switch
        {
            ColumnOperation c => $"{o.GetType().Name} {c.Table}.{c.Name}",
            TableOperation t => $"{o.GetType().Name} {t.Name}",
            _ => o.GetType().Name,
        }));
    }
}
