using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Hosting;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.BaseData.BaseDataWorkbookFiles;

namespace Milepost.Web.Tests.BaseData;

/// <summary>Export → import gives the same base data: every record unchanged, nothing written, on each database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class BaseDataWorkbookRoundTripTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Theory, DatabaseData]
    public async Task ExportedWorkbook_ImportsBack_AsEveryRecordUnchanged(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: true);
        factory.Services.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2021, 6, 11));
        // Beyond the demo city: parents, aliases, terms of office, retired records and names a spreadsheet would run as formulas.
        Assert.True((await ImportAsync(factory.Services, BaseDataWorkbookImportTests.Good())).Written);
        var odd = await ImportAsync(factory.Services, Workbook(
            Sheet("单位", Row("名称", "类型", "别名", "已停用"),
                Row("=HYPERLINK(\"http://example.com\")", "业主单位", "-别名、+另一个", "否"), Row("市旧机构", "责任单位", null, "是")),
            Sheet("市领导", Row("姓名", "职务", "班子", "任职起", "任职止", "已停用"), Row("吴旧", "副市长", "市政府", "2016-01-05", "2021-01-31", "是")),
            Sheet("行政区划", Row("代码", "名称", "上级代码", "已停用"), Row("511899", "撤销县", "511800", "是"))));
        Assert.True(odd.Written, string.Join("\n", odd.Errors.Select(e => e.ToString())));

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        // A new leader of the same name as the retired one (the page allows it): each row finds its own by the retired mark.
        db.Leaders.Add(new Leader { DivisionCode = "511800", Name = "吴旧", Title = "副市长", Body = LeaderBody.Government, Precedence = 20, Version = 1 });
        await db.SaveChangesAsync();
        var records = new[]
        {
            await db.Divisions.CountAsync(), await db.Units.CountAsync(), await db.Leaders.CountAsync(), await db.Programmes.CountAsync(), await db.Categories.CountAsync(),
        };
        var exported = await ExportAsync(factory.Services);
        await using (var read = new MemoryStream(exported))
        {
            Assert.Equal(["行政区划", "单位", "市领导", "专项", "行业类别"], MiniExcel.GetSheetNames(read));
            // Text that begins like a formula is written escaped, so no spreadsheet runs it.
            var units = MiniExcel.Query(read, useHeaderRow: true, sheetName: "单位").Cast<IDictionary<string, object?>>().ToList();
            Assert.Contains(units, u => (string?)u["名称"] == "'=HYPERLINK(\"http://example.com\")" && (string?)u["别名"] == "'-别名、+另一个");
        }
        var audit = await db.AuditEvents.CountAsync();

        var result = await ImportAsync(factory.Services, exported);
        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Equal(records, result.Sheets.Select(s => s.RowsRead));
        Assert.Equal(records, result.Sheets.Select(s => s.Unchanged));
        Assert.Equal((0, 0, true), (result.Created, result.Updated, result.Written));
        Assert.Equal(audit, await db.AuditEvents.CountAsync());
        Assert.All(result.Sheets.SelectMany(s => s.Rows), r => Assert.Equal(ImportOutcome.Unchanged, r.Outcome));
    }
}
