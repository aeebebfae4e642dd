using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Dashboard;

/// <summary>
/// The dashboard's sums against figures worked out by hand, on a small fixed portfolio, on SQLite and PostgreSQL:
/// today is 2020-06-11, so the figures are taken as of May 2020.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DashboardAggregationTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    [Theory, DatabaseData]
    public async Task Figures_MatchTheHandComputedOnes_CountingEachMonthOnce(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: false);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var t = await TestPortfolio.SeedAsync(db);
        var programme = new Programme { DivisionCode = t.DivisionCode, Name = "交通强市", SortOrder = 1 };
        db.Programmes.Add(programme);
        await db.SaveChangesAsync();

        // A: new start of 2020 (started), 1,200 万 without a monthly split.
        var a = Project(t, "A 快速通道", ProjectStage.Construction, programme.Id, new(2020, 3, 1), new(2022, 12, 31), new(2020, 3, 5));
        // B: continuing, 600 万 split 50 万 a month.
        var b = Project(t, "B 污水处理厂", ProjectStage.Construction, programme.Id, new(2019, 1, 1), new(2021, 12, 31), new(2019, 2, 1));
        // C: in the pipeline, no plan.  D: a new start of 2020 that stopped before it started.
        var c = Project(t, "C 文体中心", ProjectStage.Pipeline, null, null, null, null);
        var d = Project(t, "D 物流园", ProjectStage.Suspended, null, new(2020, 2, 1), new(2023, 6, 30), null);
        db.Projects.AddRange(a, b, c, d);
        await db.SaveChangesAsync();
        db.AnnualPlans.AddRange(
            new AnnualPlan { ProjectId = a.Id, DivisionCode = t.DivisionCode, Year = 2020, PlannedInvestment = Money.FromWan(1_200) },
            new AnnualPlan { ProjectId = b.Id, DivisionCode = t.DivisionCode, Year = 2020, PlannedInvestment = Money.FromWan(600),
                MonthlyPlan = Enumerable.Repeat(Money.FromWan(50), 12).ToList() });
        db.MonthlyReports.AddRange(
            Report(t, a.Id, new(2019, 12), 300, ReportState.Approved),          // last year: not in 2020's YTD
            Report(t, a.Id, new(2020, 1), 100, ReportState.Approved),
            Report(t, a.Id, new(2020, 2), 50, ReportState.Approved),
            Report(t, a.Id, new(2020, 2), 80, ReportState.Approved, revision: 2), // the correction replaces the 50
            Report(t, a.Id, new(2020, 3), 60, ReportState.Submitted),
            Report(t, a.Id, new(2020, 4), 999, ReportState.Returned),            // back with the owner: never counts
            Report(t, a.Id, new(2020, 5), 500, ReportState.Draft),
            Report(t, a.Id, new(2020, 6), 700, ReportState.Submitted),           // after the as-of month
            Report(t, b.Id, new(2020, 1), 100, ReportState.Approved),
            Report(t, b.Id, new(2020, 2), 40, ReportState.Approved),
            Report(t, b.Id, new(2020, 2), 90, ReportState.Submitted, revision: 2)); // a correction under review: the approved 40 stands
        var node = t.Node(a.Id, "路基工程完工");
        node.PlannedFinish = new DateOnly(2020, 5, 1);
        db.TimeNodes.Add(node);
        db.Problems.Add(new Problem { ProjectId = b.Id, DivisionCode = t.DivisionCode, Description = "征地拆迁未完成", RaisedBy = "督查室",
            RaisedOn = new(2020, 4, 1), Deadline = new(2020, 6, 1), State = ProblemState.Open });
        await db.SaveChangesAsync();

        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(Supervisor, new DashboardFilter());

        Assert.Equal((2020, 5), (view.Year, view.Month));
        var k = view.Tiles;
        Assert.Equal(4, k.Projects);
        Assert.Equal(1_800m, k.AnnualPlanWan);
        Assert.Equal(380m, k.YtdCompletedWan);      // A 100 + 80 + 60, B 100 + 40
        // A has no split and starts in March: 1,200 spread over March–December, 3/10 by May = 360; B 5 × 50 = 250.
        Assert.Equal(610m, k.ExpectedToDateWan);
        Assert.Equal(380m / 1_800m, k.CompletionRate);
        Assert.Equal(610m / 1_800m, k.Expected);
        Assert.Equal(-12.78m, Math.Round(k.GapPoints!.Value, 2));
        Assert.Equal(4_000m, k.TotalInvestmentWan);
        Assert.Equal((2, 1, 0.5m), (k.NewStarts, k.NewStartsStarted, k.StartRate));
        Assert.Equal(2m / 3m, k.ResumptionRate);
        Assert.Equal(2, k.ByYearClass[ProjectYearClass.NewStart]);
        Assert.Equal(1, k.ByYearClass[ProjectYearClass.Continuing]);
        Assert.Equal(1, k.ByYearClass[ProjectYearClass.Preparing]);
        Assert.Equal((1, 1, 1), (k.OverdueNodes, k.OpenProblems, k.OverdueProblems));

        var byProgramme = view.Breakdowns[BreakdownKinds.Programme];
        var traffic = Assert.Single(byProgramme, r => r.Name == "交通强市");
        Assert.Equal((2, 1_800m, 380m), (traffic.Projects, traffic.PlanWan, traffic.CompletedWan));

        var curve = view.SCurve;
        Assert.Equal([100m + 100m, 320m, 380m, 380m, 380m], curve.Take(5).Select(p => p.CompletedWan!.Value));
        Assert.Null(curve[5].CompletedWan);
        Assert.Equal(1_800m, curve[11].PlannedWan);
        Assert.Equal(50m, curve[0].PlannedWan);    // A nothing before its March start, B 50
        Assert.Equal(270m, curve[2].PlannedWan);   // A 120 in March, B 150

        var worst = view.Laggards[0];
        Assert.Equal(b.Id, worst.ProjectId);       // B: 23.33 % done against 41.67 % expected; A: 20 % against 30 %
        Assert.Equal(-18.33m, Math.Round(worst.LagPoints, 2));
        Assert.Equal(-10m, Math.Round(view.Laggards.Single(l => l.ProjectId == a.Id).LagPoints, 2));
        Assert.Equal(node.Id, Assert.Single(view.OverdueNodes).NodeId);
        Assert.Equal(41, view.OverdueNodes[0].DaysOverdue);
        Assert.Equal(10, Assert.Single(view.OverdueProblems).DaysOverdue);
    }

    /// <summary>
    /// At province scale the map gets the largest projects only, and the page is told how many are left off and how many
    /// have no coordinates at all, so the office never takes a thinned map for the whole portfolio.
    /// </summary>
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

    private static Project Project(TestPortfolio t, string name, ProjectStage stage, long? programme, DateOnly? start, DateOnly? completion, DateOnly? actualStart)
    {
        var p = t.Project(name, Money.FromWan(1_000));
        p.Stage = stage;
        p.ProgrammeId = programme;
        p.PlannedStart = start;
        p.PlannedCompletion = completion;
        p.ActualStart = actualStart;
        return p;
    }

    private static MonthlyReport Report(TestPortfolio t, long projectId, YearMonth month, decimal wan, ReportState state, int revision = 1)
    {
        var r = t.Report(projectId, month, Money.FromWan(wan));
        r.State = state;
        r.Revision = revision;
        r.SubmittedAt = state is ReportState.Draft ? null : month.Next().FirstDay.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        return r;
    }
}
