using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.BaseData.BaseDataApp;

namespace Milepost.Web.Tests.BaseData;

/// <summary>
/// /api/v1/base on both databases: each kind created, edited and refused a stale edit; bad input refused at its field
/// with nothing written; deletion refused while anything uses a record; retirement hides it from pickers.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BaseDataApiTests(PostgresFixture postgres)
{
    private const string Base = "/api/v1/base";

    /// <summary>Creates a record, edits it, then saves the first version again: 409 naming who changed it; one event each.</summary>
    private static async Task<TRow> CreateEditAndStaleAsync<TRow>(BaseDataApp app, string kind, object create, Func<TRow, object> edit, Func<TRow, object> stale)
        where TRow : IBaseDataRow
    {
        var created = await ExpectAsync<TRow>(await app.Supervisor.PostJsonAsync($"{Base}/{kind}", create), HttpStatusCode.Created);
        Assert.Equal((1L, false), (created.Version, created.IsRetired));
        var edited = await ExpectAsync<TRow>(await app.Supervisor.PutJsonAsync($"{Base}/{kind}/{created.Key}", edit(created)), HttpStatusCode.OK);
        Assert.Equal(2L, edited.Version);
        var refused = await ExpectAsync<ErrorBody>(await app.Supervisor.PutJsonAsync($"{Base}/{kind}/{created.Key}", stale(created)), HttpStatusCode.Conflict);
        Assert.Matches(@"^该.+已由 supervisor 于 \d{4}-\d\d-\d\d \d\d:\d\d 修改，您的修改未保存。请刷新后重新操作。$", refused.Message);
        var fetched = await ExpectAsync<TRow>(await app.Supervisor.GetAsync($"{Base}/{kind}/{created.Key}"), HttpStatusCode.OK);
        Assert.Equal(edited.Name, fetched.Name);
        var entity = kind switch { "divisions" => "Division", "units" => "Unit", "leaders" => "Leader", "programmes" => "Programme", _ => "Category" };
        var actions = await app.InDbAsync(db => db.AuditEvents.Where(e => e.Entity == entity && e.EntityId == created.Key)
            .OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
        var prefix = entity.ToLowerInvariant();
        Assert.Equal([$"{prefix}.create", $"{prefix}.update"], actions);
        return edited;
    }

    [Theory, DatabaseData]
    public async Task EachKind_IsCreatedEdited_AndAStaleEditIsRefused(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);

        var division = await CreateEditAndStaleAsync<DivisionRow>(app, "divisions", new DivisionDto("511824", "龙泉县", "511800", null),
            d => new DivisionDto(null, "龙泉市", "511800", d.Version), d => new DivisionDto(null, "龙泉镇", "511800", d.Version));
        Assert.Equal(("龙泉市", DivisionLevel.County, 1, "岷江市"), (division.Name, division.Level, division.Depth, division.ParentName));

        var unit = await CreateEditAndStaleAsync<UnitRow>(app, "units",
            new UnitDto("市自然资源和规划局", "市自然资源局", UnitKind.Department, null, ["自然资源局"], "周宁", "0835-2610101", null, null),
            u => new UnitDto(u.Name, u.ShortName, UnitKind.LeadDepartment, null, ["自然资源局", "市规划局"], u.ContactPerson, u.ContactPhone, null, u.Version),
            u => new UnitDto(u.Name, null, UnitKind.Department, null, null, null, null, null, u.Version));
        Assert.Equal((UnitKind.LeadDepartment, "511800", "岷江市"), (unit.Kind, unit.DivisionCode, unit.DivisionName)); // the city by default
        Assert.Equal(["自然资源局", "市规划局"], unit.Aliases);

        var leader = await CreateEditAndStaleAsync<LeaderRow>(app, "leaders",
            new LeaderDto("韩松", "副市长", LeaderBody.Government, null, "自然资源、生态环境", new DateOnly(2021, 1, 8), null, null, null, null),
            l => new LeaderDto(l.Name, "市委常委、副市长", l.Body, l.Precedence, l.Fields, l.InOfficeFrom, null, ["韩副市长"], null, l.Version),
            l => new LeaderDto(l.Name, "副市长", l.Body, l.Precedence, null, null, null, null, null, l.Version));
        Assert.Equal(("市委常委、副市长", 9), (leader.Title, leader.Precedence)); // after the demo's eight

        var programme = await CreateEditAndStaleAsync<ProgrammeRow>(app, "programmes", new ProgrammeDto("生态环保板块", leader.Id, null, null, null, null),
            p => new ProgrammeDto(p.Name, p.LeadLeaderId, 5, ["生态板块"], null, p.Version), p => new ProgrammeDto(p.Name, null, 6, null, null, p.Version));
        Assert.Equal(("韩松（市委常委、副市长）", 5), (programme.LeadLeaderName, programme.SortOrder));

        var category = await CreateEditAndStaleAsync<CategoryRow>(app, "categories", new CategoryDto("生态环保", "Environment", null, null, null),
            c => new CategoryDto(c.Name, c.NameEn, c.SortOrder, ["环保", "生态"], c.Version), c => new CategoryDto("环境", null, null, null, c.Version));
        Assert.Equal(["环保", "生态"], category.Aliases);
        Assert.True(await app.ChainVerifiesAsync());
    }

    [Theory, DatabaseData]
    public async Task BadInput_IsRefusedAtItsField_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var before = (await app.InDbAsync(db => db.Units.CountAsync()), await app.AuditCountAsync());

        // Another unit's short name as an alias, an alias that is its own name, a bad phone, no kind.
        var response = await app.Supervisor.PostJsonAsync($"{Base}/units",
            new UnitDto("岷江市交通运输管理局", null, null, null, ["岷江市交通运输管理局", "市交通运输局"], null, "0835-26１", null, null));
        var body = await ExpectAsync<ErrorBody>(response, HttpStatusCode.BadRequest);
        Assert.Equal("输入有误，未保存", body.Message);
        Assert.Equal(["Kind", "Aliases", "ContactPhone", "Aliases"], body.Errors.Select(e => e.Field));
        Assert.Contains(body.Errors, e => e.Message == "“市交通运输局”已是单位“市交通运输局”的名称、简称或别名，不能重复（导入台账按名称、简称和别名识别单位）");

        // A division whose code is not under its parent, and a term of office that ends before it begins.
        var division = await ExpectAsync<ErrorBody>(await app.Supervisor.PostJsonAsync($"{Base}/divisions", new DivisionDto("512002", "外市区", "511800", null)),
            HttpStatusCode.BadRequest);
        Assert.Equal("行政区划代码 512002 不在 岷江市（511800）之下：应以 5118 开头", Assert.Single(division.Errors).Message);
        var leader = await ExpectAsync<ErrorBody>(await app.Supervisor.PostJsonAsync($"{Base}/leaders",
            new LeaderDto("韩松", "副市长", LeaderBody.Government, 9, null, new DateOnly(2021, 1, 8), new DateOnly(2020, 1, 8), null, null, null)), HttpStatusCode.BadRequest);
        Assert.Equal(("InOfficeTo", "leader.term.order"), (Assert.Single(leader.Errors).Field, leader.Errors[0].Code));
        // An edit without its version.
        var noVersion = await ExpectAsync<ErrorBody>(await app.Supervisor.PutJsonAsync($"{Base}/categories/{await app.IdAsync(db => db.Categories, c => c.Id, c => c.Name == "交通")}",
            new CategoryDto("交通运输", null, null, null, null)), HttpStatusCode.BadRequest);
        Assert.Equal("Version", Assert.Single(noVersion.Errors).Field);

        Assert.Equal(before, (await app.InDbAsync(db => db.Units.CountAsync()), await app.AuditCountAsync()));
    }

    [Theory, DatabaseData]
    public async Task OnlyTheOffice_ReadsOrChangesBaseData(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var before = await app.AuditCountAsync();
        foreach (var user in new[] { "dept", "owner", "leader", "admin" })
        {
            using var client = await app.Factory.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"{Base}/units")).StatusCode);
            var refused = await client.PostJsonAsync($"{Base}/units", new UnitDto("某单位", null, UnitKind.Department, null, null, null, null, null, null));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("只有督查室可以维护基础数据（行政区划、单位、市领导、专项和行业类别）", (await refused.ReadAsync<ErrorBody>()).Message);
        }
        Assert.False(await app.InDbAsync(db => db.Units.AnyAsync(u => u.Name == "某单位")));
        // Each refusal is audited as access.denied (besides the sign-ins); no unit was written.
        var actions = await app.InDbAsync(db => db.AuditEvents.Where(e => e.Sequence > before).Select(e => e.Action).ToListAsync());
        Assert.Equal(8, actions.Count(a => a == "access.denied"));
        Assert.All(actions, a => Assert.True(a == "access.denied" || a.StartsWith("account."), a));
    }

    [Theory, DatabaseData]
    public async Task Delete_IsRefusedSayingWhatUsesTheRecord_AndAnUnusedOneIsDeleted(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var transport = await app.UnitIdAsync("市交通运输局");
        var projects = await app.InDbAsync(db => db.Projects.CountAsync(p => p.ResponsibleUnitId == transport));
        var refused = await ExpectAsync<ErrorBody>(await app.Supervisor.DeleteAsync($"{Base}/units/{transport}?version=0"), HttpStatusCode.BadRequest);
        var message = Assert.Single(refused.Errors).Message;
        Assert.StartsWith($"该单位是 {projects} 个项目的责任单位、", message);
        Assert.Contains("1 个账号的所属单位", message); // the dept account
        Assert.EndsWith("，不能删除，可改为停用", message);

        var sun = await app.LeaderIdAsync("孙立群");
        var leader = await ExpectAsync<ErrorBody>(await app.Supervisor.DeleteAsync($"{Base}/leaders/{sun}?version=0"), HttpStatusCode.BadRequest);
        Assert.Contains("1 个专项（板块）的牵头市领导", leader.Errors[0].Message);
        var city = await ExpectAsync<ErrorBody>(await app.Supervisor.DeleteAsync($"{Base}/divisions/511800?version=0"), HttpStatusCode.BadRequest);
        Assert.Contains("4 个下级区划的上级区划", city.Errors[0].Message);
        Assert.True(await app.InDbAsync(db => db.Units.AnyAsync(u => u.Id == transport)));

        var typo = await ExpectAsync<CategoryRow>(await app.Supervisor.PostJsonAsync($"{Base}/categories", new CategoryDto("交通交通", null, null, null, null)), HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.Conflict, (await app.Supervisor.DeleteAsync($"{Base}/categories/{typo.Id}?version=7")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Supervisor.DeleteAsync($"{Base}/categories/{typo.Id}?version={typo.Version}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Supervisor.GetAsync($"{Base}/categories/{typo.Id}")).StatusCode);
        var deleted = await app.InDbAsync(db => db.AuditEvents.SingleAsync(e => e.Action == "category.delete"));
        Assert.Equal((typo.Id.ToString(), null), (deleted.EntityId, deleted.After));
        Assert.Contains("交通交通", deleted.Before);
        Assert.True(await app.ChainVerifiesAsync());
    }

    [Theory, DatabaseData]
    public async Task Retire_HidesARecordFromPickers_WhereItWasNotChosen_AndRestoreBringsItBack(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var commerce = await app.UnitIdAsync("市商务局");
        var unit = await ExpectAsync<UnitRow>(await app.Supervisor.GetAsync($"{Base}/units/{commerce}"), HttpStatusCode.OK);
        Assert.Equal(2, unit.Projects); // 会展中心 and 陆港 answer to it
        var retired = await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units/{commerce}/retire", new VersionDto(unit.Version)), HttpStatusCode.OK);
        Assert.True(retired.IsRetired);

        var live = await ExpectAsync<PageOf<UnitRow>>(await app.Supervisor.GetAsync($"{Base}/units?q=商务"), HttpStatusCode.OK);
        Assert.Empty(live.Items);
        var all = await ExpectAsync<PageOf<UnitRow>>(await app.Supervisor.GetAsync($"{Base}/units?q=商务&retired=true"), HttpStatusCode.OK);
        Assert.Equal("市商务局", Assert.Single(all.Items).Name);

        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var lookups = await scope.ServiceProvider.GetRequiredService<ProjectQueries>().LookupsAsync();
            var id = commerce.ToString();
            Assert.DoesNotContain(lookups.Pickable().Departments, o => o.Value == id);
            Assert.Contains(lookups.Pickable(department: id).Departments, o => o.Value == id && o.Label == "市商务局"); // a project that has it
            Assert.Contains(lookups.Departments, o => o.Value == id && o.Retired); // and breakdowns still name it
            var (departments, _) = await scope.ServiceProvider.GetRequiredService<ProblemQueries>().ChoicesAsync();
            Assert.DoesNotContain(departments.Pickable(), o => o.Value == id);
            var candidates = await scope.ServiceProvider.GetRequiredService<BaseDataQueries>()
                .CandidatesAsync(new Actor("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null), BaseDataKind.Unit, "商务");
            Assert.Empty(candidates.Items);
        }

        // A project that answers to it still saves unchanged.
        var expo = await app.Supervisor.GetProjectAsync(await app.ProjectIdAsync("岷江会议会展中心"));
        var saved = await app.Supervisor.PutJsonAsync($"/api/v1/projects/{expo.Id}", new ProjectInputDto
        {
            Name = expo.Name, Code = expo.Code, DivisionCode = expo.DivisionCode, ProgrammeId = expo.ProgrammeId, CategoryId = expo.CategoryId,
            OwnerUnitId = expo.OwnerUnitId, ResponsibleUnitId = expo.ResponsibleUnitId, LeaderIds = [.. expo.LeaderIds],
            TotalInvestmentWan = expo.TotalInvestmentWan, Version = expo.Version,
        });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);

        // Meanwhile its name became another unit's alias: restoring it would make the name ambiguous.
        var other = await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units",
            new UnitDto("市商务和投资促进局", null, UnitKind.Department, null, ["市商务局"], null, null, null, null)), HttpStatusCode.Created);
        var clash = await ExpectAsync<ErrorBody>(await app.Supervisor.PostJsonAsync($"{Base}/units/{commerce}/restore", new VersionDto(retired.Version)), HttpStatusCode.BadRequest);
        Assert.Equal("“市商务局”已是单位“市商务和投资促进局”的名称、简称或别名，不能重复（导入台账按名称、简称和别名识别单位）", Assert.Single(clash.Errors).Message);
        Assert.Equal(HttpStatusCode.OK, (await app.Supervisor.PutJsonAsync($"{Base}/units/{other.Id}",
            new UnitDto(other.Name, null, UnitKind.Department, null, null, null, null, null, other.Version))).StatusCode);
        var restored = await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units/{commerce}/restore", new VersionDto(retired.Version)), HttpStatusCode.OK);
        Assert.False(restored.IsRetired);

        // A city with live districts is not retired.
        var refused = await ExpectAsync<ErrorBody>(await app.Supervisor.PostJsonAsync($"{Base}/divisions/511800/retire", new VersionDto(0)), HttpStatusCode.BadRequest);
        Assert.Equal("岷江市下还有 4 个在用的下级区划，请先停用它们", refused.Errors[0].Message);
        var actions = await app.InDbAsync(db => db.AuditEvents.Where(e => e.Entity == "Unit" && e.EntityId == commerce.ToString()).Select(e => e.Action).ToListAsync());
        Assert.Equal(["unit.retire", "unit.restore"], actions);
    }

    [Theory, DatabaseData]
    public async Task AResponsibleUnitOfAnyResponsibleKind_AnswersForAProject(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var county = await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units",
            new UnitDto("青山县人民政府", "青山县政府", UnitKind.CountyGovernment, null, null, null, null, "511822", null)), HttpStatusCode.Created);
        var park = await app.Supervisor.GetProjectAsync(await app.ProjectIdAsync("康养产业园基础设施工程"));
        var saved = await app.Supervisor.PutJsonAsync($"/api/v1/projects/{park.Id}", new ProjectInputDto
        {
            Name = park.Name, Code = park.Code, DivisionCode = park.DivisionCode, ProgrammeId = park.ProgrammeId, CategoryId = park.CategoryId,
            OwnerUnitId = park.OwnerUnitId, ResponsibleUnitId = county.Id, LeaderIds = [.. park.LeaderIds], TotalInvestmentWan = park.TotalInvestmentWan, Version = park.Version,
        });
        Assert.Equal("青山县人民政府", (await ExpectAsync<ProjectView>(saved, HttpStatusCode.OK)).ResponsibleUnitName);
        // An owner unit still cannot answer for a project.
        var owner = await app.UnitIdAsync("市人民医院");
        var refused = await app.Supervisor.PutJsonAsync($"/api/v1/projects/{park.Id}", new ProjectInputDto
        {
            Name = park.Name, DivisionCode = park.DivisionCode, CategoryId = park.CategoryId, OwnerUnitId = park.OwnerUnitId, ResponsibleUnitId = owner,
            LeaderIds = [.. park.LeaderIds], TotalInvestmentWan = park.TotalInvestmentWan, Version = park.Version + 1,
        });
        Assert.Equal("ResponsibleUnitId", Assert.Single((await ExpectAsync<ErrorBody>(refused, HttpStatusCode.BadRequest)).Errors).Field);
    }
}
