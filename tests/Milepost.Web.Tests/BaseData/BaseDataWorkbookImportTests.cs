using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Audit;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Hosting;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.BaseData.BaseDataWorkbookFiles;

namespace Milepost.Web.Tests.BaseData;

/// <summary>
/// The base-data workbook into the demo city on each database: a messy workbook is refused cell by cell with nothing
/// written; a good one creates and updates with one audit event per record, references across sheets resolved.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BaseDataWorkbookImportTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private async Task<MilepostFactory> DemoAsync(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: true);
        factory.Services.GetRequiredService<PortfolioClock>().Pin(new DateOnly(2021, 6, 11));
        return factory;
    }

    private static async Task<(int Divisions, int Units, int Leaders, int Programmes, int Categories, int Audit)> CountsAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        return (await db.Divisions.CountAsync(), await db.Units.CountAsync(), await db.Leaders.CountAsync(), await db.Programmes.CountAsync(),
            await db.Categories.CountAsync(), await db.AuditEvents.CountAsync());
    }

    /// <summary>
    /// A workbook with new records in every sheet, some referring to others new in the same workbook (a county under the
    /// city, an owner under a group listed after it, a programme led by a new leader), and a change to a record of each
    /// of three kinds.
    /// </summary>
    public static byte[] Good() => Workbook(
        Sheet("行政区划", Row("代码", "名称", "上级代码"), Row("511824", "青衣县", "511800"), Row("511803", "新城新区", "511800")),
        Sheet("单位", Row("名称", "简称", "类型", "上级单位", "别名", "联系人", "联系电话"),
            Row("市测试建设有限公司", "测试建设", "业主单位", "市测试控股集团", "测试公司", "张三", "0835-1234567"),
            Row("市测试控股集团", null, "业主单位"),
            Row("市交通运输局", "交通运输局", "责任单位", null, "交通局")),
        Sheet("市领导", Row("姓名", "职务", "班子", "排序", "分管领域", "任职起", "任职止", "别名"),
            Row("周新", "副市长", "市政府", 9, "水利、应急", "2021-03-01", null, "周副市长"),
            Row("林致远", "市委书记", "市委", 1, "全面工作")),
        Sheet("专项", Row("名称", "牵头市领导", "排序", "别名"), Row("水利板块", "周副市长", 3, "水利专项")),
        Sheet("行业类别", Row("名称", "英文名", "排序", "别名"), Row("水利", "Water", 9, "水利工程")));

    [Theory, DatabaseData]
    public async Task GoodWorkbook_DryRunWritesNothing_ThenCreatesAndUpdates_WithOneAuditEventEach(DatabaseProvider provider)
    {
        await using var factory = await DemoAsync(provider);
        var before = await CountsAsync(factory.Services);

        var dry = await ImportAsync(factory.Services, Good(), dryRun: true);
        Assert.Empty(dry.Errors);
        Assert.Equal((false, 6, 3, 0), (dry.Written, dry.Created, dry.Updated, dry.Unchanged));
        Assert.Equal(["行政区划", "单位", "市领导", "专项", "行业类别"], dry.Sheets.Select(s => s.Sheet));
        Assert.Equal(["名称"], dry.Sheets[0].Rows.Single(r => r.Outcome == ImportOutcome.Updated).ChangedFields);
        Assert.Equal(["简称"], dry.Sheets[1].Rows.Single(r => r.Name == "市交通运输局").ChangedFields);
        Assert.Equal(before, await CountsAsync(factory.Services));

        var result = await ImportAsync(factory.Services, Good());
        Assert.True(result.Written);
        Assert.Equal((6, 3), (result.Created, result.Updated));
        var after = await CountsAsync(factory.Services);
        Assert.Equal((before.Divisions + 1, before.Units + 2, before.Leaders + 1, before.Programmes + 1, before.Categories + 1, before.Audit + 9), after);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var county = await db.Divisions.SingleAsync(d => d.Code == "511824");
        Assert.Equal(("青衣县", "511800", 1L), (county.Name, county.ParentCode, county.Version));
        var district = await db.Divisions.SingleAsync(d => d.Code == "511803");
        Assert.Equal(("新城新区", 1L), (district.Name, district.Version));
        var group = await db.Units.SingleAsync(u => u.Name == "市测试控股集团");
        var company = await db.Units.SingleAsync(u => u.Name == "市测试建设有限公司");
        Assert.Equal((UnitKind.Owner, group.Id, "测试建设", "测试公司", "511800"), (company.Kind, company.ParentId!.Value, company.ShortName, company.Aliases, company.DivisionCode));
        var zhou = await db.Leaders.SingleAsync(l => l.Name == "周新");
        Assert.Equal((LeaderBody.Government, 9, new DateOnly(2021, 3, 1), (DateOnly?)null, "水利、应急"), (zhou.Body, zhou.Precedence, zhou.InOfficeFrom!.Value, zhou.InOfficeTo, zhou.Fields));
        Assert.Equal(zhou.Id, (await db.Programmes.SingleAsync(p => p.Name == "水利板块")).LeadLeaderId);
        var lin = await db.Leaders.SingleAsync(l => l.Name == "林致远");
        Assert.Equal(("全面工作", 1L), (lin.Fields, lin.Version));

        var events = await db.AuditEvents.OrderByDescending(e => e.Sequence).Take(9).ToListAsync();
        Assert.Equal(6, events.Count(e => e.Action.EndsWith(".workbook.create", StringComparison.Ordinal)));
        Assert.Equal(3, events.Count(e => e.Action.EndsWith(".workbook.update", StringComparison.Ordinal) && e.Before is not null));
        Assert.Contains(events, e => e.Action == "unit.workbook.update" && e.Before!.Contains("\"ShortName\":\"市交通局\"") && e.After!.Contains("\"ShortName\":\"交通运输局\""));
        Assert.True((await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Ok);

        // The same workbook again changes nothing and writes no event.
        var again = await ImportAsync(factory.Services, Good());
        Assert.Equal((0, 0, 9), (again.Created, again.Updated, again.Unchanged));
        Assert.Equal(after, await CountsAsync(factory.Services));
    }

    /// <summary>What offices type: title rows, spaces, full-width digits, 责任部门, dates in three forms, and real mistakes.</summary>
    private static byte[] Messy(bool withMistakes) => Workbook(
        Sheet("行政区划", [
            Row("岷江市行政区划（2021年）"),
            Row("行政区划代码", " 名称 ", "上级代码"),
            Row("５１１８２５", " 白石县 ", "511800"),
            .. withMistakes ? [Row("511826", "黑水县", "519900")] : Array.Empty<object?[]>()]),
        Sheet("单位", [
            Row("名称", "类型（牵头部门/责任单位/业主单位/县区政府）", "上级单位", "别名"),
            Row("  市水务局\u3000", "责任部门", null, "水务局"),
            .. withMistakes
                ? [Row("市应急管理局", "主管部门？"), Row("市测试公司", "业主单位", "不存在的集团"), Row("市水务局", "责任单位"), Row("市新建公司", "业主单位", null, "新建公司、市交通运输局")]
                : Array.Empty<object?[]>()]),
        Sheet("市领导",
            Row("姓名", "职务", "班子", "排序", "任职起", "任职止"),
            Row("赵新", "副市长", "市政府", "１２", "2021年3月", null),
            Row("钱新", "副市长", "市人民政府", 13, 2021.3, null),
            Row("孙新", "副市长", "市政府", 14, new DateTime(2021, 3, 1), withMistakes ? "2020年12月" : "2023.6")));

    [Theory, DatabaseData]
    public async Task MessyWorkbook_EachMistakeAtItsCell_NothingWritten_TheRestReadsAsMeant(DatabaseProvider provider)
    {
        await using var factory = await DemoAsync(provider);
        var before = await CountsAsync(factory.Services);

        var refused = await ImportAsync(factory.Services, Messy(withMistakes: true));
        Assert.False(refused.Written);
        Assert.Equal(["行政区划!C4", "单位!B3", "单位!C4", "单位!A5", "单位!D6", "市领导!F4"], Cells(refused));
        string Message(string cell) => refused.Errors.Single(e => $"{e.Sheet}!{e.Column}{e.Row}" == cell).Message;
        Assert.Contains("上级行政区划 519900 不存在", Message("行政区划!C4"));
        Assert.Contains("单位类型“主管部门？”无法识别", Message("单位!B3"));
        Assert.Contains("上级单位“不存在的集团”不存在", Message("单位!C4"));
        Assert.Contains("与第2行是同一单位", Message("单位!A5"));
        Assert.Contains("“市交通运输局”已是单位“市交通运输局”的名称、简称或别名", Message("单位!D6"));
        Assert.Contains("任职止 2020-12-31 早于任职起 2021-03-01", Message("市领导!F4"));
        var alias = refused.Errors.Single(e => e.Column == "D");
        Assert.Equal(("别名", "新建公司、市交通运输局", "unit.name.taken"), (alias.Field, alias.Value, alias.Code));
        Assert.Equal(before, await CountsAsync(factory.Services));

        var good = await ImportAsync(factory.Services, Messy(withMistakes: false));
        Assert.Empty(good.Errors);
        Assert.Equal(5, good.Created);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var county = await db.Divisions.SingleAsync(d => d.Code == "511825");
        Assert.Equal(("白石县", "511800"), (county.Name, county.ParentCode));
        var water = await db.Units.SingleAsync(u => u.Name == "市水务局");
        Assert.Equal((UnitKind.Department, "水务局"), (water.Kind, water.Aliases));
        var leaders = await db.Leaders.Where(l => l.Name == "赵新" || l.Name == "钱新" || l.Name == "孙新").OrderBy(l => l.Precedence).ToListAsync();
        Assert.Equal([12, 13, 14], leaders.Select(l => l.Precedence));
        Assert.All(leaders, l => Assert.Equal((LeaderBody.Government, new DateOnly(2021, 3, 1)), (l.Body, l.InOfficeFrom!.Value)));
        Assert.Equal(new DateOnly(2023, 6, 30), leaders[2].InOfficeTo);
    }

    [Theory, DatabaseData]
    public async Task UnitsOnlyWorkbook_OnAnEmptyInstall_NeedsTheCity_AndWithItsDivisionsSheetGetsIt(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: false);
        var units = Sheet("单位", Row("名称", "类型"), Row("市交通运输局", "责任单位"), Row("市城投公司", "业主单位"));

        var refused = await ImportAsync(factory.Services, Workbook(units));
        Assert.Equal(["单位!2", "单位!3"], refused.Errors.Select(e => $"{e.Sheet}!{e.Column}{e.Row}"));
        Assert.All(refused.Errors, e => Assert.Equal("workbook.no_city", e.Code));

        var result = await ImportAsync(factory.Services, Workbook(
            Sheet("行政区划", Row("代码", "名称", "上级代码"), Row("511802", "江城区", "511800"), Row("511800", "岷江市", null)), units));
        Assert.Equal((true, 4), (result.Written, result.Created));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        Assert.All(await db.Units.ToListAsync(), u => Assert.Equal("511800", u.DivisionCode));
        Assert.Equal("511800", (await db.Divisions.SingleAsync(d => d.Code == "511802")).ParentCode);
    }

    [Theory, DatabaseData]
    public async Task AUnitOfProjects_DoesNotChangeSides_ButMayBecomeALeadDepartment(DatabaseProvider provider)
    {
        await using var factory = await DemoAsync(provider);
        var refused = await ImportAsync(factory.Services, Workbook(Sheet("单位", Row("名称", "类型"), Row("市交通运输局", "业主单位"))));
        Assert.Equal("unit.kind.in_use", Assert.Single(refused.Errors).Code);
        Assert.Contains("不能改为业主单位", refused.Errors[0].Message);

        var lead = await ImportAsync(factory.Services, Workbook(Sheet("单位", Row("名称", "类型"), Row("市交通运输局", "牵头部门"))));
        Assert.Equal((true, 1), (lead.Written, lead.Updated));
    }
}
