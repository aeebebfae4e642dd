using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Dashboard;

/// <summary>
/// At province scale the map gets the largest projects only, and the page is told how many are left off and how many
/// have no coordinates at all, so the office never takes a thinned map for the whole portfolio.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardMapTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    [Fact]
    public async Task ManyProjects_MapHoldsTheLargestThousand_AndCountsTheRest()
    {
        await using var database = await CreateDatabaseAsync(DatabaseProvider.Sqlite);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: false);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var t = await TestPortfolio.SeedAsync(db);
        const int located = DashboardQueries.MapPointsMax + 5, unlocated = 7;
        var projects = Enumerable.Range(0, located + unlocated).Select(i =>
        {
            var p = t.Project($"项目{i:D4}");
            p.Stage = ProjectStage.Construction;
            if (i < located) (p.Latitude, p.Longitude) = (30.0 + i * 1e-4, 103.0);
            return p;
        }).ToList();
        db.Projects.AddRange(projects);
        await db.SaveChangesAsync();
        // Plans grow with the index, except two of the smallest share the plan of the largest: the id breaks the tie.
        db.AnnualPlans.AddRange(projects.Select((p, i) => new AnnualPlan
        {
            ProjectId = p.Id, DivisionCode = t.DivisionCode, Year = 2020,
            PlannedInvestment = Money.FromWan(i is 0 or 1 ? located : i + 1),
        }));
        await db.SaveChangesAsync();

        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(Supervisor, new DashboardFilter());

        Assert.Equal(located + unlocated, view.Tiles.Projects);
        Assert.Equal(DashboardQueries.MapPointsMax, view.MapPoints.Count);
        Assert.Equal((located, unlocated), (view.MapPointsTotal, view.MapPointsMissing));
        // The largest plan first, ties by id: project 0 and 1 (plan = located) beat project located−1 (also located), by id.
        Assert.Equal([projects[0].Id, projects[1].Id, projects[located - 1].Id], view.MapPoints.Take(3).Select(p => p.ProjectId));
        Assert.DoesNotContain(view.MapPoints, p => p.ProjectId == projects[2].Id);   // among the smallest located, left off
        Assert.Equal(view.MapPoints.Select(p => p.AnnualPlanWan).OrderDescending(), view.MapPoints.Select(p => p.AnnualPlanWan));
    }
}
