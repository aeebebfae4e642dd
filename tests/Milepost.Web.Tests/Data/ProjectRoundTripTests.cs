using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class ProjectRoundTripTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    // 99,999,999.99 万元 = 999,999,999,900 元: beyond int, and beyond what a float keeps to the 元.
    private static readonly Money Large = Money.FromWan(99_999_999.99m);

    // Microseconds: what both databases keep (PostgreSQL drops the last tick digit).
    private static readonly DateTime SubmittedAt = new DateTime(2026, 4, 3, 23, 59, 58, DateTimeKind.Utc).AddTicks(1_234_560);

    private static readonly List<Money> Months =
    [
        Money.FromWan(0.01m), new(1), Money.Zero, Money.FromWan(12_345_678.91m), new(999_999_999_999), Money.FromWan(3m),
        new(7), new(8), new(9), new(10), new(11), Money.FromWan(88_888_888.88m),
    ];

    [Theory, DatabaseData]
    public async Task ProjectGraph_SavedAndReadInAnotherContext_ComesBackExactly(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        long projectId, reportId;
        await using (var db = database.NewContext())
        {
            var project = portfolio.Project("雅康高速连接线（二期）", Large, code: "2026-511800-48-01-000001");
            project.Stage = ProjectStage.Construction;
            project.Level = KeyProjectLevel.Province;
            project.PlannedStart = new DateOnly(2026, 1, 1);
            project.PlannedCompletion = new DateOnly(2028, 12, 31);
            project.Latitude = 29.987654321;
            project.Longitude = 103.0123456789;
            project.Leaders.Add(new ProjectLeader { LeaderId = portfolio.LeaderId, DivisionCode = portfolio.DivisionCode });
            project.Funding.Add(new ProjectFunding { DivisionCode = portfolio.DivisionCode, Source = FundingSource.SpecialBond, Amount = Money.FromWan(50_000_000m) });
            project.Funding.Add(new ProjectFunding { DivisionCode = portfolio.DivisionCode, Source = FundingSource.Fiscal, Amount = Money.FromWan(-0.01m) });
            project.AnnualPlans.Add(new AnnualPlan
            {
                DivisionCode = portfolio.DivisionCode, Year = 2026, PlannedInvestment = Money.Sum(Months), MonthlyPlan = [.. Months],
                BaselineInvestment = Money.FromWan(1m), PlannedProgressPercent = 37.25m,
            });
            project.AnnualPlans.Add(new AnnualPlan { DivisionCode = portfolio.DivisionCode, Year = 2027, PlannedInvestment = Money.FromWan(5m) });
            db.Projects.Add(project);
            await db.SaveChangesAsync();

            var report = portfolio.Report(project.Id, new YearMonth(2026, 3), Money.FromWan(-1_234.56m)); // a correction may be negative
            report.ProgressPercent = 12.5m;
            report.SubmittedAt = SubmittedAt;
            db.MonthlyReports.Add(report);
            await db.SaveChangesAsync();
            (projectId, reportId) = (project.Id, report.Id);
        }

        await using (var db = database.NewContext())
        {
            var p = await db.Projects.AsNoTracking()
                .Include(x => x.Leaders).Include(x => x.Funding).Include(x => x.AnnualPlans)
                .SingleAsync(x => x.Id == projectId);
            Assert.Equal(999_999_999_900, p.TotalInvestment.Yuan);
            Assert.Equal("2026-511800-48-01-000001", p.Code);
            Assert.Equal(ProjectStage.Construction, p.Stage);
            Assert.Equal(KeyProjectLevel.Province, p.Level);
            Assert.Equal(new DateOnly(2026, 1, 1), p.PlannedStart);
            Assert.Equal(new DateOnly(2028, 12, 31), p.PlannedCompletion);
            Assert.Null(p.ActualStart);
            Assert.Equal(29.987654321, p.Latitude);
            Assert.Equal(103.0123456789, p.Longitude);
            Assert.Equal(portfolio.LeaderId, Assert.Single(p.Leaders).LeaderId);
            Assert.Equal(Money.FromWan(50_000_000m), p.Funding.Single(f => f.Source == FundingSource.SpecialBond).Amount);
            Assert.Equal(new Money(-100), p.Funding.Single(f => f.Source == FundingSource.Fiscal).Amount);

            var split = p.AnnualPlans.Single(a => a.Year == 2026);
            Assert.Equal(Months, split.MonthlyPlan);
            Assert.Equal(Money.Sum(Months), split.PlannedInvestment);
            Assert.Equal(Money.FromWan(1m), split.BaselineInvestment);
            Assert.Equal(37.25m, split.PlannedProgressPercent);
            var unsplit = p.AnnualPlans.Single(a => a.Year == 2027);
            Assert.Empty(unsplit.MonthlyPlan);
            Assert.Null(unsplit.BaselineInvestment);
            Assert.Null(unsplit.PlannedProgressPercent);

            var r = await db.MonthlyReports.AsNoTracking().SingleAsync(x => x.Id == reportId);
            Assert.Equal(new YearMonth(2026, 3), r.Month);
            Assert.Equal(-12_345_600, r.CompletedInvestment.Yuan);
            Assert.Equal(12.5m, r.ProgressPercent);
            Assert.Equal(ReportState.Submitted, r.State);
            Assert.Equal(SubmittedAt, r.SubmittedAt);
            Assert.Equal(DateTimeKind.Utc, r.SubmittedAt!.Value.Kind);
            Assert.Null(r.ReviewedAt);
        }
    }

    [Theory, DatabaseData]
    public async Task StoredColumns_HoldEnumNamesAndWholeYuanAndYyyymm(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using var db = database.NewContext();
        var project = portfolio.Project("城东污水处理厂", Large);
        project.Stage = ProjectStage.Construction;
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        db.MonthlyReports.Add(portfolio.Report(project.Id, new YearMonth(2026, 11), new Money(-5)));
        await db.SaveChangesAsync();

        Assert.Equal("Construction", await db.Database
            .SqlQuery<string>($"""SELECT "Stage" AS "Value" FROM "Projects" WHERE "Id" = {project.Id}""").SingleAsync());
        Assert.Equal(999_999_999_900, await db.Database
            .SqlQuery<long>($"""SELECT "TotalInvestment" AS "Value" FROM "Projects" WHERE "Id" = {project.Id}""").SingleAsync());
        Assert.Equal(202611, await db.Database
            .SqlQuery<int>($"""SELECT "Month" AS "Value" FROM "MonthlyReports" WHERE "ProjectId" = {project.Id}""").SingleAsync());
        Assert.Equal(-5, await db.Database
            .SqlQuery<long>($"""SELECT "CompletedInvestment" AS "Value" FROM "MonthlyReports" WHERE "ProjectId" = {project.Id}""").SingleAsync());
    }
}
