using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Core.Ranking;
using Milepost.Core.Reports;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Features.Reports;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Projects;

/// <summary>
/// A project that joined in June 2020 with its ledger's opening balance (January–May: 400 万元 done, 2,000 万元 before 2020)
/// reads the same in every reader: the project's status, the dashboard (tiles, S-curve, warning level), the red-black
/// list and the report queue and inbox. Today is 2020-07-20, so the figures are taken as of June, whose report is in.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class OpeningBalanceReadersTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    [Theory, DatabaseData]
    public async Task EveryReader_CountsTheOpening_AndNoCoveredMonthIsMissing(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: false);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 7, 20));
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var t = await TestPortfolio.SeedAsync(db);

        var joined = t.Project("新入库的物流园", Money.FromWan(10_000));
        joined.Stage = ProjectStage.Construction;
        joined.PlannedStart = new DateOnly(2019, 3, 1);
        joined.PlannedCompletion = new DateOnly(2022, 12, 31);
        db.Projects.Add(joined);
        await db.SaveChangesAsync();
        db.AnnualPlans.Add(new AnnualPlan { ProjectId = joined.Id, DivisionCode = t.DivisionCode, Year = 2020, PlannedInvestment = Money.FromWan(1_200) });
        db.OpeningBalances.Add(new OpeningBalance
        {
            ProjectId = joined.Id, DivisionCode = t.DivisionCode, Through = new YearMonth(2020, 5),
            CompletedBeforeYear = Money.FromWan(2_000), CompletedInYear = Money.FromWan(400), RecordedAt = DateTime.UtcNow,
        });
        var june = t.Report(joined.Id, new YearMonth(2020, 6), Money.FromWan(200));
        june.State = ReportState.Approved;
        june.SubmittedAt = new DateTime(2020, 7, 3, 2, 0, 0, DateTimeKind.Utc);
        db.MonthlyReports.Add(june);
        await db.SaveChangesAsync();

        var status = (await scope.ServiceProvider.GetRequiredService<ProjectStatusService>().ForProjectsAsync([joined.Id]))[joined.Id];
        Assert.Equal(Money.FromWan(600), status.Indicators.YtdCompleted);      // 400 opening + 200 June
        Assert.Equal(Money.FromWan(2_600), status.Indicators.Ac);
        Assert.Equal(0m, status.Indicators.LagPoints);                           // 600 / 1,200 against 6/12
        Assert.Equal(WarningLevel.Green, status.Warning.Level);

        var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().GetAsync(Supervisor, new DashboardFilter());
        Assert.Equal(600m, view.Tiles.YtdCompletedWan);
        Assert.Equal(400m, view.SCurve.Single(p => p.Month == 5).CompletedWan);  // the opening stands at May
        Assert.Equal(600m, view.SCurve.Single(p => p.Month == 6).CompletedWan);

        var draft = await scope.ServiceProvider.GetRequiredService<RankingQueries>().DraftAsync(Supervisor, new YearMonth(2020, 6));
        var input = draft.Snapshot.Inputs.Single(i => i.ProjectId == joined.Id);
        Assert.Equal(Money.FromWan(600), input.YtdCompleted);
        Assert.Equal(ReportTimeliness.OnTime, input.Report);
        Assert.Equal(0, input.MissingMonthsInRow);
        var may = await scope.ServiceProvider.GetRequiredService<RankingQueries>().DraftAsync(Supervisor, new YearMonth(2020, 5));
        Assert.Equal(ReportTimeliness.Opening, may.Snapshot.Inputs.Single(i => i.ProjectId == joined.Id).Report);
        Assert.DoesNotContain(may.Snapshot.Result.Entries.Single(e => e.ProjectId == joined.Id).Vetoes, v => v.Rule == RankingCalculator.VetoReportsMissing);

        var reports = scope.ServiceProvider.GetRequiredService<ReportQueries>();
        var queue = await reports.QueueAsync(Supervisor);
        Assert.DoesNotContain(queue.LateOrMissing, r => r.ProjectId == joined.Id);
        var owner = new Actor("owner", "业主", new HashSet<string> { Roles.Owner }, t.OwnerUnitId, null);
        var owed = (await reports.InboxAsync(owner)).Where(r => r.ProjectId == joined.Id).Select(r => r.Month.Month).ToList();
        Assert.Equal([7], owed);                                                  // not January–May; June is approved
    }
}
