using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Audit;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

/// <summary>
/// The import's SQLite fast path stores exactly what SaveChanges stores: the same project, leaders, plan and audit
/// events written both ways read back column for column the same (ids aside), and the audit chain still verifies.
/// </summary>
public sealed class SqliteBulkInsertTests
{
    private static Project Sample(string name, Project model, long leader) => new()
    {
        Name = name, Code = null, DivisionCode = model.DivisionCode, ProgrammeId = model.ProgrammeId, CategoryId = model.CategoryId,
        OwnerUnitId = model.OwnerUnitId, ResponsibleUnitId = model.ResponsibleUnitId, ContactPerson = "王工", ContactPhone = "0833-1234567",
        Latitude = 29.600123456, Longitude = 103.761, Address = "江城区滨江路 1 号", TotalInvestment = new Money(123_456_789_01),
        Content = "新建“桥梁”'1.2'公里\n含引道", PlannedStart = new DateOnly(2020, 3, 1), PlannedCompletion = new DateOnly(2022, 12, 31),
        ActualStart = new DateOnly(2020, 4, 15), Stage = ProjectStage.Construction, Level = KeyProjectLevel.Province, Tags = "桥梁,民生",
        Version = 1,
        Leaders = [new ProjectLeader { LeaderId = leader, DivisionCode = model.DivisionCode }],
        AnnualPlans =
        [
            new AnnualPlan
            {
                DivisionCode = model.DivisionCode, Year = 2020, PlannedInvestment = new Money(3_000_000_000), BaselineInvestment = new Money(2_500_000_000),
                MonthlyPlan = [.. Enumerable.Range(1, 12).Select(m => new Money(250_000_000))], Goal = "主体完工", PlannedProgressPercent = 62.5m, Version = 3,
            },
        ],
    };

    private static async Task<Dictionary<string, object?>> RowAsync(DbConnection connection, string table, string where)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE {where}";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"{table} {where}");
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }

    [Fact]
    public async Task BulkWrittenRows_ReadBackAsSaveChangesWritesThem_AndTheAuditChainVerifies()
    {
        await using var factory = new MilepostFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var model = await db.Projects.AsNoTracking().FirstAsync(p => p.ProgrammeId != null);
        var leader = await db.Leaders.Select(l => l.Id).FirstAsync();

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            db.Projects.Add(Sample("批量写入对照", model, leader));
            await db.SaveChangesAsync();
            await AuditTrail.AppendAsync(db, new DateTime(2020, 6, 11, 1, 2, 3, DateTimeKind.Utc), "supervisor", "test.ef", "Project", "1", "511800", null, new { 名称 = "对照" });
            await db.SaveChangesAsync();

            db.Projects.Add(Sample("批量写入", model, leader));
            db.Projects.Add(Sample("批量写入二", model, leader));
            Assert.Equal(2, await SqliteBulkInsert.SaveAddedAsync<Project>(db));
            Assert.Equal(2, await SqliteBulkInsert.SaveAddedAsync<ProjectLeader>(db));
            Assert.Equal(2, await SqliteBulkInsert.SaveAddedAsync<AnnualPlan>(db));
            for (var i = 0; i < 2; i++)
                await AuditTrail.AppendAsync(db, new DateTime(2020, 6, 11, 1, 2, 3, DateTimeKind.Utc), "supervisor", "test.bulk", "Project", $"{i}", "511800", new { i }, new { 名称 = "批量" });
            Assert.Equal(2, await SqliteBulkInsert.SaveAddedAsync<Core.Audit.AuditEvent>(db));
            Assert.DoesNotContain(db.ChangeTracker.Entries(), e => e.State != EntityState.Unchanged);
            await db.SaveChangesAsync();
            await tx.CommitAsync();
        }
        db.ChangeTracker.Clear();

        var ids = await db.Projects.Where(p => p.Name.StartsWith("批量写入")).OrderBy(p => p.Name).Select(p => p.Id).ToListAsync();
        Assert.Equal(3, ids.Count);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var (bulk, ef) = (ids[0], ids[2]); // 批量写入, 批量写入二, 批量写入对照 in ordinal order
        void Same(Dictionary<string, object?> a, Dictionary<string, object?> b, params string[] except)
        {
            foreach (var column in a.Keys.Except(except)) Assert.True(Equals(a[column], b[column]), $"{column}: {a[column]} ≠ {b[column]}");
        }
        Same(await RowAsync(connection, "Projects", $"\"Id\" = {ef}"), await RowAsync(connection, "Projects", $"\"Id\" = {bulk}"), "Id", "Name");
        Same(await RowAsync(connection, "ProjectLeaders", $"\"ProjectId\" = {ef}"), await RowAsync(connection, "ProjectLeaders", $"\"ProjectId\" = {bulk}"), "ProjectId");
        Same(await RowAsync(connection, "AnnualPlans", $"\"ProjectId\" = {ef}"), await RowAsync(connection, "AnnualPlans", $"\"ProjectId\" = {bulk}"), "Id", "ProjectId");

        // Read through EF, the bulk-written project is the whole graph.
        var read = await db.Projects.Include(p => p.Leaders).Include(p => p.AnnualPlans).SingleAsync(p => p.Id == bulk);
        Assert.Equal((leader, 12, 62.5m), (read.Leaders.Single().LeaderId, read.AnnualPlans.Single().MonthlyPlan.Count, read.AnnualPlans.Single().PlannedProgressPercent));
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Ok);
    }
}
