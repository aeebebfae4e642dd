using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Demo;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;

namespace Milepost.Bench;

/// <summary>
/// SQLite files for the dashboard benchmark: the demo city, and the demo city plus N generated projects, each with an
/// annual plan for 2018–2020 and 36 monthly reports (2017-06…2020-05, a tenth of them corrected by a second revision).
/// Files are kept under the temp folder and reused, so the generation is paid once.
/// </summary>
public static class DashboardPortfolio
{
    public static readonly DateOnly AsOf = new(2020, 6, 11);

    public static async Task<string> FileAsync(int generated)
    {
        var path = Path.Combine(Path.GetTempPath(), "milepost-bench", $"dashboard-{generated}.db");
        if (File.Exists(path))
        {
            // A file kept from an earlier run gets the migrations added since (e.g. new indexes).
            await using var existing = Services(path);
            using var s = existing.CreateScope();
            await s.ServiceProvider.GetRequiredService<MilepostDb>().Database.MigrateAsync();
            SqliteConnection.ClearAllPools();
            return path;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var building = path + ".building";
        File.Delete(building);
        await using (var services = Services(building))
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            await db.Database.MigrateAsync();
            await DemoPortfolio.SeedAsync(db, new DateTime(2020, 6, 11, 2, 0, 0, DateTimeKind.Utc));
            if (generated > 0) await GenerateAsync(db, generated);
        }
        SqliteConnection.ClearAllPools();
        File.Move(building, path);
        return path;
    }

    public static ServiceProvider Services(string file)
    {
        var s = new ServiceCollection();
        s.AddMilepostDb(DatabaseProvider.Sqlite, $"Data Source={file}");
        s.AddSingleton(TimeProvider.System);
        s.AddSingleton(Options.Create(new MilepostOptions()));
        s.AddSingleton<PortfolioClock>();
        s.AddScoped<SettingsReader>();
        s.AddScoped<ProjectStatusService>();
        s.AddScoped<ProjectQueries>();
        s.AddScoped<DashboardQueries>();
        var provider = s.BuildServiceProvider();
        provider.GetRequiredService<PortfolioClock>().Pin(AsOf);
        return provider;
    }

    private static async Task GenerateAsync(MilepostDb db, int count)
    {
        var rng = new Random(20200611);
        var divisions = await db.Divisions.Where(d => d.ParentCode != null).Select(d => d.Code).ToListAsync();
        var categories = await db.Categories.Select(c => c.Id).ToListAsync();
        var programmes = await db.Programmes.Select(p => p.Id).ToListAsync();
        var owners = await db.Units.Where(u => u.Kind == Core.Portfolio.UnitKind.Owner).Select(u => u.Id).ToListAsync();
        var departments = await db.Units.Where(u => u.Kind == Core.Portfolio.UnitKind.Department).Select(u => u.Id).ToListAsync();
        var leaders = await db.Leaders.Select(l => l.Id).ToListAsync();
        T Pick<T>(List<T> xs) => xs[rng.Next(xs.Count)];

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var projects = new List<Project>(count);
        for (var i = 0; i < count; i++)
        {
            var start = new DateOnly(2016 + rng.Next(5), 1 + rng.Next(12), 1);
            var division = Pick(divisions);
            var p = new Project
            {
                Name = $"生成项目{i + 1:D5}", Code = $"G{i + 1:D6}", DivisionCode = division, ProgrammeId = rng.Next(4) == 0 ? null : Pick(programmes),
                CategoryId = Pick(categories), OwnerUnitId = Pick(owners), ResponsibleUnitId = Pick(departments),
                TotalInvestment = Money.FromWan(1_000 + rng.Next(200_000)), PlannedStart = start, ActualStart = start <= AsOf ? start.AddDays(rng.Next(60)) : null,
                PlannedCompletion = start.AddYears(2 + rng.Next(4)), Stage = rng.Next(20) == 0 ? ProjectStage.Suspended : ProjectStage.Construction,
                Latitude = 29.9 + rng.NextDouble() * 0.4, Longitude = 102.9 + rng.NextDouble() * 0.4,
            };
            p.Leaders.Add(new ProjectLeader { LeaderId = Pick(leaders), DivisionCode = division });
            for (var year = 2018; year <= 2020; year++)
                p.AnnualPlans.Add(new AnnualPlan { DivisionCode = division, Year = year, PlannedInvestment = Money.FromWan(100 + rng.Next(20_000)),
                    // Half the plans are split by month (filled in below), half use the m/12 rule.
                    MonthlyPlan = rng.Next(2) == 0 ? [] : [.. new Money[12]] });
            projects.Add(p);
        }
        // A monthly split that sums to the plan: even months, December takes the remainder.
        foreach (var plan in projects.SelectMany(p => p.AnnualPlans).Where(a => a.MonthlyPlan.Count == 12))
        {
            var month = new Money(plan.PlannedInvestment.Yuan / 12);
            plan.MonthlyPlan = [.. Enumerable.Repeat(month, 11), plan.PlannedInvestment - month * 11m];
        }
        foreach (var chunk in projects.Chunk(2_000))
        {
            db.Projects.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        await InsertReportsAsync(db, projects, rng);
    }

    /// <summary>The reports go in through one prepared statement: EF's change tracking would dominate 720,000 rows.</summary>
    private static async Task InsertReportsAsync(MilepostDb db, List<Project> projects, Random rng)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        using (var pragma = connection.CreateCommand()) { pragma.CommandText = "PRAGMA synchronous=OFF"; await pragma.ExecuteNonQueryAsync(); }
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = """
            INSERT INTO "MonthlyReports" ("ProjectId","DivisionCode","Month","Revision","CompletedInvestment","ProgressPercent","WorkersOnSite","State","SubmittedAt","ReviewedAt","Version")
            VALUES ($p,$d,$m,$r,$c,$pp,0,$s,$at,$rv,1)
            """;
        var ps = new[] { "$p", "$d", "$m", "$r", "$c", "$pp", "$s", "$at", "$rv" }.Select(n => cmd.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        cmd.Prepare();
        foreach (var p in projects)
        {
            var progress = 0m;
            for (var month = new YearMonth(2017, 6); month <= new YearMonth(2020, 5); month = month.Next())
            {
                progress = Math.Min(100, progress + 2);
                var submitted = month.Next().FirstDay.AddDays(rng.Next(8)).ToDateTime(new TimeOnly(1, 0));
                var revisions = rng.Next(10) == 0 ? 2 : 1;
                for (var revision = 1; revision <= revisions; revision++)
                {
                    // The latest month is still under review; a correction is approved in its turn.
                    var approved = month < new YearMonth(2020, 5);
                    object[] values = [p.Id, p.DivisionCode, month.Year * 100 + month.Month, revision, (long)rng.Next(10_000_000),
                        progress.ToString(CultureInfo.InvariantCulture), approved ? "Approved" : "Submitted",
                        submitted.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        approved ? (object)submitted.AddDays(3).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : DBNull.Value];
                    for (var i = 0; i < ps.Length; i++) ps[i].Value = values[i];
                    await cmd.ExecuteNonQueryAsync();
                }
            }
        }
        await tx.CommitAsync();
    }
}
