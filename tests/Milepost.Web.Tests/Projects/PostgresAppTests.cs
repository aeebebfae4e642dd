using System.Net;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Projects;

/// <summary>
/// The whole application on PostgreSQL, chosen by configuration alone: it migrates an empty
/// database on start, seeds the demo and serves the same list and rules as on SQLite.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresAppTests(PostgresFixture postgres)
{
    [Fact]
    public async Task App_OnPostgres_MigratesSeedsAndServes()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres, migrate: false);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString);
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");

        var page = await client.ListAsync("division=511800&stage=Construction&sort=TotalInvestment&desc=true&pageSize=100");
        Assert.Equal(10, page.Total);
        Assert.Equal("熊猫新城起步区开发建设", page.Items[0].Name);
        Assert.Equal(3, (await client.ListAsync("q=产业园")).Total);

        var id = await client.IdOfAsync("职业教育园区");
        var view = await client.GetProjectAsync(id);
        var started = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions",
            new TransitionDto(Core.Projects.ProjectStage.Construction, new DateOnly(2020, 6, 1), "取得施工许可", view.Version));
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal(new DateOnly(2020, 6, 1), (await started.ReadAsync<ProjectView>()).ActualStart);

        var stale = await client.PostJsonAsync($"/api/v1/projects/{id}/transitions",
            new TransitionDto(Core.Projects.ProjectStage.Suspended, new DateOnly(2020, 6, 2), "暂停", view.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }
}
