using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Dashboard;

/// <summary>
/// The dashboard reads warning levels from a few grouped queries instead of every report; an office must see the same
/// red and yellow projects on the dashboard as on the project pages. Both are compared project by project, on the demo
/// city and on a random portfolio whose dates crowd around every threshold, on SQLite and PostgreSQL.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardWarningLevelTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    [Theory, DatabaseData]
    public async Task DemoCity_LevelsMatchTheProjectPages(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: true);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));

        var (dashboard, pages) = await LevelsAsync(scope);

        Assert.Equal(15, dashboard.Count);
        Assert.Equal(pages, dashboard);
        Assert.Contains(WarningLevel.Red, dashboard.Values);   // the demo has red projects: a real comparison

        // Warnings are as of today whatever period the figures show: a past year or an earlier month reads its own inputs.
        var queries = scope.ServiceProvider.GetRequiredService<DashboardQueries>();
        var expected = Enum.GetValues<WarningLevel>().ToDictionary(l => l, l => pages.Values.Count(v => v == l));
        foreach (var filter in new[] { new DashboardFilter(), new DashboardFilter { Year = 2019 }, new DashboardFilter { Year = 2020, Month = 2 } })
            Assert.Equal(expected, (await queries.GetAsync(Supervisor, filter)).Tiles.Warnings);
    }

    [Theory, DatabaseData]
    public async Task GeneratedPortfolio_LevelsMatchTheProjectPages_AroundEveryThreshold(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: false);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        await SeedRandomAsync(db, await TestPortfolio.SeedAsync(db), new DateOnly(2020, 6, 11), count: 150);

        // Days either side of the report due day (5th), the red report threshold (15th/16th) and an ordinary day.
        foreach (var today in new DateOnly[] { new(2020, 6, 5), new(2020, 6, 6), new(2020, 6, 15), new(2020, 6, 16), new(2020, 6, 11), new(2020, 7, 1) })
        {
            scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(today);
            var (dashboard, pages) = await LevelsAsync(scope);
            Assert.Equal(150, dashboard.Count);
            var differences = pages.Where(p => dashboard[p.Key] != p.Value).Select(p => $"{p.Key}: {dashboard[p.Key]} ≠ {p.Value}").ToList();
            Assert.True(differences.Count == 0, $"{today}: " + string.Join("; ", differences));
            Assert.All(Enum.GetValues<WarningLevel>(), l => Assert.Contains(l, dashboard.Values));
        }
    }

    private static async Task<(Dictionary<long, WarningLevel> Dashboard, Dictionary<long, WarningLevel> Pages)> LevelsAsync(IServiceScope scope)
    {
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var dashboard = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().WarningLevelsAsync(db.Projects.AsNoTracking());
        var ids = await db.Projects.Select(p => p.Id).ToListAsync();
        var pages = (await scope.ServiceProvider.GetRequiredService<ProjectStatusService>().ForProjectsAsync(ids))
            .ToDictionary(s => s.Key, s => s.Value.Warning.Level);
        return (dashboard, pages);
    }

    /// <summary>
    /// Projects of every stage, plans with and without a monthly split (some 0), reports of every state and several
    /// revisions sent at any hour (the zone's day differs from UTC's), and nodes and problems dated near the thresholds.
    /// </summary>
    private static async Task SeedRandomAsync(MilepostDb db, TestPortfolio t, DateOnly around, int count)
    {
        var rng = new Random(611);
        var stages = Enum.GetValues<ProjectStage>();
        var states = Enum.GetValues<ReportState>();
        var problemStates = Enum.GetValues<ProblemState>();
        DateOnly Near(int days) => around.AddDays(rng.Next(-days, days + 1));

        var projects = Enumerable.Range(1, count).Select(i =>
        {
            var p = t.Project($"随机项目{i:D3}", Money.FromWan(1_000 + rng.Next(50_000)));
            p.Stage = stages[rng.Next(stages.Length)];
            return p;
        }).ToList();
        db.Projects.AddRange(projects);
        await db.SaveChangesAsync();

        foreach (var p in projects)
        {
            if (rng.Next(5) > 0)
            {
                var planned = rng.Next(8) == 0 ? Money.Zero : Money.FromWan(100 + rng.Next(5_000));
                var split = rng.Next(2) == 0 ? [] : Enumerable.Range(0, 12).Select(m => new Money(planned.Yuan / 12)).ToList();
                db.AnnualPlans.Add(new AnnualPlan { ProjectId = p.Id, DivisionCode = t.DivisionCode, Year = 2020, PlannedInvestment = planned, MonthlyPlan = split });
            }
            for (var month = new YearMonth(2019, 12); month <= new YearMonth(2020, 6); month = month.Next())
            {
                if (rng.Next(6) == 0) continue;   // a month never reported
                for (var revision = 1; revision <= 1 + rng.Next(3); revision++)
                {
                    var r = t.Report(p.Id, month, Money.FromWan(rng.Next(2_000)));
                    r.Revision = revision;
                    r.State = states[rng.Next(states.Length)];
                    r.SubmittedAt = r.State == ReportState.Draft || rng.Next(10) == 0 ? null
                        : month.Next().FirstDay.AddDays(rng.Next(15)).ToDateTime(new TimeOnly(rng.Next(24), 0), DateTimeKind.Utc);
                    db.MonthlyReports.Add(r);
                }
            }
            for (var i = rng.Next(4); i > 0; i--)
            {
                var node = t.Node(p.Id, $"节点{i}");
                node.PlannedFinish = rng.Next(10) == 0 ? null : Near(60);
                node.ActualFinish = rng.Next(3) == 0 ? Near(30) : null;
                db.TimeNodes.Add(node);
            }
            for (var i = rng.Next(3); i > 0; i--)
                db.Problems.Add(new Problem { ProjectId = p.Id, DivisionCode = t.DivisionCode, Description = $"问题{i}", RaisedBy = "督查室",
                    RaisedOn = around.AddDays(-60), Deadline = rng.Next(10) == 0 ? null : Near(40), State = problemStates[rng.Next(problemStates.Length)] });
        }
        await db.SaveChangesAsync();
    }
}
