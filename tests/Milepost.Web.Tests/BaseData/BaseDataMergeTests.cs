using System.Net;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Supervision;
using Milepost.Core.Visits;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Tests.BaseData.BaseDataApp;

namespace Milepost.Web.Tests.BaseData;

/// <summary>
/// Merging two records that are the same, on both databases: every table that named the duplicate names the kept
/// record (without a doubled link), the duplicate's names become aliases, the duplicate is retired, and one audit
/// event lists what moved while the chain still verifies.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BaseDataMergeTests(PostgresFixture postgres)
{
    private const string Base = "/api/v1/base";

    private static async Task<MergeResult<TRow>> MergeAsync<TRow>(BaseDataApp app, string kind, long duplicate, long keep)
    {
        var version = kind switch
        {
            "units" => await app.InDbAsync(db => db.Units.Where(u => u.Id == duplicate).Select(u => u.Version).SingleAsync()),
            "leaders" => await app.InDbAsync(db => db.Leaders.Where(u => u.Id == duplicate).Select(u => u.Version).SingleAsync()),
            "programmes" => await app.InDbAsync(db => db.Programmes.Where(u => u.Id == duplicate).Select(u => u.Version).SingleAsync()),
            _ => await app.InDbAsync(db => db.Categories.Where(u => u.Id == duplicate).Select(u => u.Version).SingleAsync()),
        };
        var before = await app.AuditCountAsync();
        var result = await ExpectAsync<MergeResult<TRow>>(
            await app.Supervisor.PostJsonAsync($"{Base}/{kind}/{duplicate}/merge-into/{keep}", new VersionDto(version)), HttpStatusCode.OK);
        // Exactly one event, on the duplicate, saying where it went and what moved.
        var merge = Assert.Single(await app.InDbAsync(db => db.AuditEvents.Where(e => e.Sequence > before).ToListAsync()));
        var action = kind switch { "units" => "unit.merge", "leaders" => "leader.merge", "programmes" => "programme.merge", _ => "category.merge" };
        Assert.Equal((action, duplicate.ToString()), (merge.Action, merge.EntityId));
        Assert.Contains($"\"KeepId\":{keep}", merge.After);
        foreach (var moved in result.Moved) Assert.Contains($"\"Reference\":\"{moved.Reference}\",\"Count\":{moved.Count}", merge.After);
        return result;
    }

    [Theory, DatabaseData]
    public async Task MergingUnits_MovesEveryReference_WithoutDoubledLinks(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var keep = await app.UnitIdAsync("市交通运输局");
        var dup = (await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units",
            new UnitDto("岷江市交通运输局", "交通运输局", UnitKind.Department, null, ["交通局（旧）"], null, null, null, null)), HttpStatusCode.Created)).Id;
        var child = (await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units",
            new UnitDto("岷江市交通运输局机关服务中心", null, UnitKind.Department, dup, null, null, null, null, null)), HttpStatusCode.Created)).Id;
        var bigData = await app.ProjectIdAsync("大数据产业园一期");
        var expressway = await app.ProjectIdAsync("岷江至省会快速通道"); // answers to the kept unit already

        // The duplicate named everywhere a unit can be named.
        long ledProblem = 0, sharedProblem = 0, ledItem = 0, cooperatingItem = 0, entry = 0, node = 0;
        await app.ArrangeAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == bigData);
            project.ResponsibleUnitId = dup;
            var problems = await db.Problems.Include(p => p.Departments).OrderBy(p => p.Id).ToListAsync();
            var led = problems.First(p => p.ResponsibleUnitId != keep && p.Departments.Count == 0);
            led.ResponsibleUnitId = dup;
            led.Departments.Add(new ProblemUnit { UnitId = keep, DivisionCode = led.DivisionCode }); // the kept unit cooperated: it now leads
            var shared = problems.First(p => p != led && p.ResponsibleUnitId != keep && p.Departments.Count == 0);
            shared.Departments.Add(new ProblemUnit { UnitId = keep, DivisionCode = shared.DivisionCode });
            shared.Departments.Add(new ProblemUnit { UnitId = dup, DivisionCode = shared.DivisionCode });
            (ledProblem, sharedProblem) = (led.Id, shared.Id);
            var items = await db.SupervisionItems.Include(i => i.CooperatingUnits).Include(i => i.Entries).OrderBy(i => i.Id).ToListAsync();
            var item = items.First(i => i.LeadUnitId != keep && i.CooperatingUnits.All(u => u.UnitId != keep) && i.Entries.Count > 0);
            item.LeadUnitId = dup;
            item.Entries[0].ByUnitId = dup;
            var other = items.First(i => i != item && i.LeadUnitId != keep && i.CooperatingUnits.All(u => u.UnitId != keep));
            other.CooperatingUnits.Add(new SupervisionItemUnit { UnitId = dup, DivisionCode = other.DivisionCode });
            (ledItem, cooperatingItem, entry) = (item.Id, other.Id, item.Entries[0].Id);
            var timeNode = await db.TimeNodes.OrderBy(n => n.Id).FirstAsync(n => n.ResponsibleUnitId != keep);
            timeNode.ResponsibleUnitId = dup;
            node = timeNode.Id;
            (await db.Users.SingleAsync(u => u.UserName == "dept")).UnitId = dup;
        });
        var projectVersion = await app.InDbAsync(db => db.Projects.Where(p => p.Id == bigData).Select(p => p.Version).SingleAsync());

        var result = await MergeAsync<UnitRow>(app, "units", dup, keep);
        Assert.Equal(["Projects.ResponsibleUnitId", "Problems.ResponsibleUnitId", "ProblemUnits.UnitId", "SupervisionItems.LeadUnitId",
            "SupervisionItemUnits.UnitId", "SupervisionEntries.ByUnitId", "TimeNodes.ResponsibleUnitId", "Units.ParentId", "Users.UnitId"],
            result.Moved.Select(m => m.Reference));
        Assert.Contains("岷江市交通运输局", result.Kept.Aliases);
        Assert.Contains("交通运输局", result.Kept.Aliases);
        Assert.Contains("交通局（旧）", result.Kept.Aliases);

        await app.InDbAsync<int>(async db =>
        {
            // Nothing names the duplicate any more.
            Assert.False(await db.Projects.AnyAsync(p => p.ResponsibleUnitId == dup || p.OwnerUnitId == dup));
            Assert.False(await db.Problems.AnyAsync(p => p.ResponsibleUnitId == dup));
            Assert.False(await db.ProblemUnits.AnyAsync(u => u.UnitId == dup));
            Assert.False(await db.SupervisionItems.AnyAsync(i => i.LeadUnitId == dup));
            Assert.False(await db.SupervisionItemUnits.AnyAsync(u => u.UnitId == dup));
            Assert.False(await db.SupervisionEntries.AnyAsync(e => e.ByUnitId == dup));
            Assert.False(await db.TimeNodes.AnyAsync(n => n.ResponsibleUnitId == dup));
            Assert.False(await db.Units.AnyAsync(u => u.ParentId == dup));
            Assert.False(await db.Users.AnyAsync(u => u.UnitId == dup));
            // The kept unit does, once per record.
            var project = await db.Projects.SingleAsync(p => p.Id == bigData);
            Assert.Equal((keep, projectVersion + 1), (project.ResponsibleUnitId, project.Version));
            Assert.Equal(keep, (await db.Problems.SingleAsync(p => p.Id == ledProblem)).ResponsibleUnitId);
            Assert.Empty(await db.ProblemUnits.Where(u => u.ProblemId == ledProblem).ToListAsync()); // it leads: no longer also cooperates
            Assert.Equal([keep], await db.ProblemUnits.Where(u => u.ProblemId == sharedProblem).Select(u => u.UnitId).ToListAsync());
            Assert.Equal(keep, (await db.SupervisionItems.SingleAsync(i => i.Id == ledItem)).LeadUnitId);
            Assert.Equal([keep], await db.SupervisionItemUnits.Where(u => u.SupervisionItemId == cooperatingItem && (u.UnitId == keep || u.UnitId == dup))
                .Select(u => u.UnitId).ToListAsync());
            Assert.Equal(keep, (await db.SupervisionEntries.SingleAsync(e => e.Id == entry)).ByUnitId);
            Assert.Equal(keep, (await db.TimeNodes.SingleAsync(n => n.Id == node)).ResponsibleUnitId);
            Assert.Equal(keep, (await db.Units.SingleAsync(u => u.Id == child)).ParentId);
            Assert.Equal(keep, (await db.Users.SingleAsync(u => u.UserName == "dept")).UnitId);
            Assert.True((await db.Units.SingleAsync(u => u.Id == dup)).IsRetired);
            Assert.Equal(keep, (await db.Projects.SingleAsync(p => p.Id == expressway)).ResponsibleUnitId);
            return 0;
        });
        // The project list shows the kept unit, the department account keeps working under it.
        Assert.Equal("市交通运输局", (await app.Supervisor.GetProjectAsync(bigData)).ResponsibleUnitName);
        Assert.True(await app.ChainVerifiesAsync());

        // Owner units merge with owner units only, and their projects move too.
        var owner = await app.UnitIdAsync("市交通建设投资集团有限公司");
        var ownerDup = (await ExpectAsync<UnitRow>(await app.Supervisor.PostJsonAsync($"{Base}/units",
            new UnitDto("岷江交投集团", null, UnitKind.Owner, null, null, null, null, null, null)), HttpStatusCode.Created)).Id;
        await app.ArrangeAsync(async db => (await db.Projects.SingleAsync(p => p.Id == bigData)).OwnerUnitId = ownerDup);
        var refused = await ExpectAsync<ErrorBody>(await app.Supervisor.PostJsonAsync($"{Base}/units/{ownerDup}/merge-into/{keep}", new VersionDto(1)),
            HttpStatusCode.BadRequest);
        Assert.Equal("“岷江交投集团”是业主单位，“市交通运输局”是责任单位：业主单位不能与其他类型的单位合并", Assert.Single(refused.Errors).Message);
        var owners = await MergeAsync<UnitRow>(app, "units", ownerDup, owner);
        Assert.Equal(("Projects.OwnerUnitId", 1), (Assert.Single(owners.Moved).Reference, owners.Moved[0].Count));
        Assert.Equal("市交通建设投资集团有限公司", (await app.Supervisor.GetProjectAsync(bigData)).OwnerUnitName);
        Assert.True(await app.ChainVerifiesAsync());
    }

    [Theory, DatabaseData]
    public async Task MergingLeadersProgrammesAndCategories_MovesEveryReference(DatabaseProvider provider)
    {
        await using var app = await StartAsync(provider, postgres);
        var keep = await app.LeaderIdAsync("陈宇航");
        var dup = (await ExpectAsync<LeaderRow>(await app.Supervisor.PostJsonAsync($"{Base}/leaders",
            new LeaderDto("陈雨航", "副市长", LeaderBody.Government, 20, null, null, null, null, null, null)), HttpStatusCode.Created)).Id;
        var bothLinked = await app.ProjectIdAsync("大数据产业园一期"); // 陈宇航's already
        var onlyDup = await app.ProjectIdAsync("职业教育园区");
        long ledVisit = 0, sharedVisit = 0, problem = 0, item = 0, programme = 0;
        await app.ArrangeAsync(async db =>
        {
            db.ProjectLeaders.Add(new ProjectLeader { ProjectId = bothLinked, LeaderId = dup, DivisionCode = "511803" });
            db.ProjectLeaders.Add(new ProjectLeader { ProjectId = onlyDup, LeaderId = dup, DivisionCode = "511823" });
            var p = await db.Programmes.SingleAsync(x => x.Name == "交通物流板块");
            p.LeadLeaderId = dup;
            programme = p.Id;
            var visits = await db.Visits.Include(v => v.Leaders).OrderBy(v => v.Id).ToListAsync();
            var led = visits.First(v => v.Leaders.All(l => l.LeaderId != keep));
            led.LeaderId = dup;
            led.Leaders.Add(new VisitLeader { LeaderId = dup, DivisionCode = led.DivisionCode });
            var shared = visits.First(v => v.Leaders.Any(l => l.LeaderId == keep));
            shared.Leaders.Add(new VisitLeader { LeaderId = dup, DivisionCode = shared.DivisionCode });
            (ledVisit, sharedVisit) = (led.Id, shared.Id);
            var pr = await db.Problems.OrderBy(x => x.Id).FirstAsync();
            pr.CoordinatingLeaderId = dup;
            problem = pr.Id;
            var si = await db.SupervisionItems.OrderBy(x => x.Id).FirstAsync();
            si.LeaderId = dup;
            item = si.Id;
            (await db.Users.SingleAsync(u => u.UserName == "leader")).LeaderId = dup;
        });

        var result = await MergeAsync<LeaderRow>(app, "leaders", dup, keep);
        Assert.Equal(["ProjectLeaders.LeaderId", "Programmes.LeadLeaderId", "Visits.LeaderId", "VisitLeaders.LeaderId",
            "Problems.CoordinatingLeaderId", "SupervisionItems.LeaderId", "Users.LeaderId"], result.Moved.Select(m => m.Reference));
        Assert.Equal(["陈宇杭", "陈雨航"], result.Kept.Aliases); // its own alias, then the duplicate's name
        await app.InDbAsync<int>(async db =>
        {
            Assert.False(await db.ProjectLeaders.AnyAsync(l => l.LeaderId == dup));
            Assert.False(await db.Programmes.AnyAsync(p => p.LeadLeaderId == dup));
            Assert.False(await db.Visits.AnyAsync(v => v.LeaderId == dup));
            Assert.False(await db.VisitLeaders.AnyAsync(l => l.LeaderId == dup));
            Assert.False(await db.Problems.AnyAsync(p => p.CoordinatingLeaderId == dup));
            Assert.False(await db.SupervisionItems.AnyAsync(i => i.LeaderId == dup));
            Assert.False(await db.Users.AnyAsync(u => u.LeaderId == dup));
            Assert.Equal(1, await db.ProjectLeaders.CountAsync(l => l.ProjectId == bothLinked && l.LeaderId == keep)); // not doubled
            Assert.True(await db.ProjectLeaders.AnyAsync(l => l.ProjectId == onlyDup && l.LeaderId == keep));
            Assert.Equal(keep, (await db.Programmes.SingleAsync(p => p.Id == programme)).LeadLeaderId);
            Assert.Equal(keep, (await db.Visits.SingleAsync(v => v.Id == ledVisit)).LeaderId);
            Assert.Equal(1, await db.VisitLeaders.CountAsync(l => l.VisitId == ledVisit && l.LeaderId == keep));
            Assert.Equal(1, await db.VisitLeaders.CountAsync(l => l.VisitId == sharedVisit && l.LeaderId == keep));
            Assert.Equal(keep, (await db.Problems.SingleAsync(p => p.Id == problem)).CoordinatingLeaderId);
            Assert.Equal(keep, (await db.SupervisionItems.SingleAsync(i => i.Id == item)).LeaderId);
            Assert.Equal(keep, (await db.Users.SingleAsync(u => u.UserName == "leader")).LeaderId);
            Assert.True((await db.Leaders.SingleAsync(l => l.Id == dup)).IsRetired);
            return 0;
        });

        // A programme and a category typed twice.
        var programmeDup = (await ExpectAsync<ProgrammeRow>(await app.Supervisor.PostJsonAsync($"{Base}/programmes",
            new ProgrammeDto("交通物流专项", null, null, null, null, null)), HttpStatusCode.Created)).Id;
        var categoryDup = (await ExpectAsync<CategoryRow>(await app.Supervisor.PostJsonAsync($"{Base}/categories",
            new CategoryDto("交通运输", null, null, ["交通基础设施建设"], null)), HttpStatusCode.Created)).Id;
        await app.ArrangeAsync(async db =>
        {
            var project = await db.Projects.SingleAsync(p => p.Id == onlyDup);
            (project.ProgrammeId, project.CategoryId) = (programmeDup, categoryDup);
        });
        var programmes = await MergeAsync<ProgrammeRow>(app, "programmes", programmeDup, programme);
        Assert.Equal("Projects.ProgrammeId", Assert.Single(programmes.Moved).Reference);
        Assert.Equal(["交通物流专项"], programmes.Kept.Aliases);
        var transport = await app.IdAsync(db => db.Categories, c => c.Id, c => c.Name == "交通");
        var categories = await MergeAsync<CategoryRow>(app, "categories", categoryDup, transport);
        Assert.Equal("Projects.CategoryId", Assert.Single(categories.Moved).Reference);
        Assert.Equal(["交通运输", "交通基础设施建设"], categories.Kept.Aliases.TakeLast(2));
        var moved = await app.Supervisor.GetProjectAsync(onlyDup);
        Assert.Equal(("交通物流板块", "交通", 1), (moved.ProgrammeName, moved.CategoryName, moved.LeaderIds.Count(l => l == keep)));
        Assert.True(await app.ChainVerifiesAsync());
    }
}
