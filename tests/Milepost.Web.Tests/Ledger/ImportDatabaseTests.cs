using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Audit;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Ledger;

/// <summary>The import's one transaction on each database: all rows or none, one audit event per project, a chain that still verifies.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ImportDatabaseTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    private static async Task<ImportResult> ImportReportsAsync(IServiceProvider services, byte[] file, bool approve = false)
    {
        using var scope = services.CreateScope();
        await using var stream = new MemoryStream(file);
        using var source = await SheetReader.OpenAsync(stream, "reports.xlsx");
        return await scope.ServiceProvider.GetRequiredService<ReportImport>().RunAsync(Supervisor, source, false, approve);
    }

    private static async Task<ImportResult> ImportAsync(IServiceProvider services, byte[] file, bool dryRun = false)
    {
        using var scope = services.CreateScope();
        await using var stream = new MemoryStream(file);
        using var source = await SheetReader.OpenAsync(stream, "ledger.xlsx");
        return await scope.ServiceProvider.GetRequiredService<ProjectImport>().RunAsync(Supervisor, source, dryRun, false);
    }

    [Theory, DatabaseData]
    public async Task Import_WritesAllOrNothing_InOneTransaction_AndTheAuditChainVerifies(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: true);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var before = (await db.Projects.CountAsync(), await db.AuditEvents.CountAsync());

        // One bad row among good ones: nothing at all.
        var bad = Xlsx(
            Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "联系市领导", "行业类别"),
            Row("子一", "100", "市交通建设投资集团有限公司", "市交通运输局", "孙立群", "交通"),
            Row("子二", "100", "市交通建设投资集团有限公司", "市交通运输局", "无此人", "交通"));
        var refused = await ImportAsync(factory.Services, bad);
        Assert.Equal(["E3"], refused.Errors.Select(e => e.Column + e.Row));
        Assert.Equal(before, (await db.Projects.CountAsync(), await db.AuditEvents.CountAsync()));

        var file = ImportProjectsTests.Messy("子", "2020-511800-48-01-001001");
        var dry = await ImportAsync(factory.Services, file, dryRun: true);
        Assert.Equal((4, false), (dry.Created, dry.Written));
        Assert.Equal(before, (await db.Projects.CountAsync(), await db.AuditEvents.CountAsync()));

        var result = await ImportAsync(factory.Services, file);
        Assert.Equal((4, true), (result.Created, result.Written));
        Assert.Equal((before.Item1 + 4, before.Item2 + 4), (await db.Projects.CountAsync(), await db.AuditEvents.CountAsync()));
        var bridge = await db.Projects.Include(p => p.AnnualPlans).SingleAsync(p => p.Code == "2020-511800-48-01-001001");
        Assert.Equal(("子大桥", new Money(120_000_000), new Money(30_000_000)), (bridge.Name, bridge.TotalInvestment, bridge.AnnualPlans.Single().PlannedInvestment));

        var again = await ImportAsync(factory.Services, file);
        Assert.Equal(4, again.Unchanged);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Ok);
    }

    [Theory, DatabaseData]
    public async Task ReportImport_WritesAllOrNothing_AndTheAuditChainVerifies(DatabaseProvider provider)
    {
        await using var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: true);
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2020, 6, 11));
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        Assert.Equal(4, (await ImportAsync(factory.Services, ImportProjectsTests.Messy("丑", "2020-511800-48-01-002001"))).Created);
        var before = (await db.MonthlyReports.CountAsync(), await db.AuditEvents.CountAsync());

        // The second row falls below the first's progress without a reason: neither is written.
        var bad = Xlsx("月报", Row("项目名称", "月份", "本月完成投资（万元）", "形象进度"),
            Row("丑大桥", "2020-04", 100.0, "40%"), Row("丑大桥", "2020-05", 100.0, "30%"));
        var refused = await ImportReportsAsync(factory.Services, bad);
        Assert.Equal(["D3"], refused.Errors.Select(e => e.Column + e.Row));
        Assert.Equal(before, (await db.MonthlyReports.CountAsync(), await db.AuditEvents.CountAsync()));

        var good = Xlsx("月报", Row("项目名称", "月份", "本月完成投资（万元）", "形象进度"),
            Row("丑大桥", "2020-04", 100.0, "40%"), Row("丑大桥", "2020-05", 1234.5678, "45%"), Row("丑医院", "2020-05", 0.0, "0"));
        var result = await ImportReportsAsync(factory.Services, good, approve: true);
        Assert.Equal((3, true), (result.Created, result.Written));
        Assert.Equal((before.Item1 + 3, before.Item2 + 3), (await db.MonthlyReports.CountAsync(), await db.AuditEvents.CountAsync()));
        var may = await db.MonthlyReports.SingleAsync(r => r.Id == result.Rows[1].ReportId);
        Assert.Equal((new Money(12_345_678), 45m, Core.Reports.ReportState.Approved), (may.CompletedInvestment, may.ProgressPercent, may.State));
        Assert.Equal(3, (await ImportReportsAsync(factory.Services, good)).Unchanged);
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Ok);
    }
}
