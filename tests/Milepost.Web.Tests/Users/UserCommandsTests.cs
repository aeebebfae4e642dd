using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Audit;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Users;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Users;

/// <summary>SECURITY.md 9 and 10: 三权分立 user administration; each change is exactly one audit event.</summary>
public sealed class UserCommandsTests : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private readonly MilepostFactory _factory;

    private static readonly Actor Admin = new("admin", "系统管理员", new HashSet<string> { Roles.SystemAdmin }, null, null);
    private static readonly Actor Security = new("security", "安全管理员", new HashSet<string> { Roles.SecurityAdmin }, null, null);
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    public UserCommandsTests() => _factory = new MilepostFactory { Time = _clock };

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<T> With<T>(Func<UserCommands, Task<T>> action)
    {
        using var scope = _factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserCommands>());
    }

    private Task With(Func<UserCommands, Task> action) => With<bool>(async c => { await action(c); return true; });

    private async Task<List<AuditEvent>> EventsAsync(string userName)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Entity == "User" && e.EntityId == userName).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<long> UnitIdAsync(UnitKind kind)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().Units.Where(u => u.Kind == kind).Select(u => u.Id).FirstAsync();
    }

    private HttpClient NewClient() => _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in with a generated password: the account is sent to change it before anything else.</summary>
    private async Task AssertMustChangePasswordAsync(string userName, string password)
    {
        var client = NewClient();
        var login = await MilepostFactory.PostLoginAsync(client, userName, password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var page = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/change-password", MilepostFactory.RedirectPath(page));
    }

    [Fact]
    public async Task TheSystemAdmin_OpensAnAccount_WithANameOnly_WhoseGeneratedPasswordMustBeChanged()
    {
        var password = await With(c => c.CreateAsync(Admin, new UserInput(" newowner ", "新业主单位")));
        Assert.Equal(16, password.Length);
        await AssertMustChangePasswordAsync("newowner", password);

        var user = await AccountAsync("newowner");
        Assert.True(user.MustChangePassword);
        Assert.Equal(("新业主单位", (long?)null, (long?)null), (user.DisplayName, user.UnitId, user.LeaderId)); // no scope until the security admin gives one
        Assert.Empty((await With(c => c.ListAsync(Admin))).Single(r => r.UserName == "newowner").Roles);
        var ev = Assert.Single(await EventsAsync("newowner"));
        Assert.Equal(("user.create", "admin"), (ev.Action, ev.Actor));
        Assert.DoesNotContain(password, ev.After ?? "");
        Assert.DoesNotContain("unitId", ev.After ?? "");

        // The same name twice, no user name, no display name: refused, nothing written.
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.CreateAsync(Admin, new UserInput("newowner", "重复"))));
        var empty = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.CreateAsync(Admin, new UserInput(" ", " "))));
        Assert.Equal(["DisplayName", "UserName"], empty.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Single(await EventsAsync("newowner"));
    }

    [Fact]
    public async Task OnlyTheSystemAdmin_OpensDisablesAndResetsAccounts()
    {
        foreach (var actor in new[] { Security, Supervisor })
        {
            await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.CreateAsync(actor, new UserInput("intruder", "x"))));
            await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.SetDisabledAsync(actor, "owner", true)));
            await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.ResetPasswordAsync(actor, "owner")));
        }
        await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.ListAsync(Supervisor)));
        await Assert.ThrowsAsync<NotFoundException>(() => With(c => c.ResetPasswordAsync(Admin, "nobody")));
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetDisabledAsync(Admin, "admin", true))); // no locking oneself out
        Assert.Empty(await EventsAsync("intruder"));
        Assert.Empty(await EventsAsync("owner"));
        Assert.Empty(await EventsAsync("admin"));
    }

    [Fact]
    public async Task RolesAndScope_AreTheSecurityAdminsAlone()
    {
        var before = await AccountAsync("owner");
        var other = await OtherOwnerUnitAsync(before.UnitId!.Value);
        // Neither the system admin nor anyone else but the security admin assigns roles or moves an account to another unit.
        foreach (var actor in new[] { Admin, Supervisor })
        {
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.SetAccessAsync(actor, "owner", new([Roles.Owner], other.Id))));
            Assert.Contains("安全管理员", refused.Text);
            await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.SetAccessAsync(actor, "supervisor", new([Roles.Supervisor]))));
        }
        await Assert.ThrowsAsync<NotFoundException>(() => With(c => c.SetAccessAsync(Security, "nobody", new([Roles.Supervisor]))));
        // The security admin cannot raise or move themselves.
        var self = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "security", new([Roles.Supervisor]))));
        Assert.Contains(self.Errors, e => e.Code == "user.self-roles");
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "SECURITY", new([Roles.SecurityAdmin], other.Id))));

        var after = await AccountAsync("owner");
        Assert.Equal((before.UnitId, before.LeaderId, before.SecurityStamp), (after.UnitId, after.LeaderId, after.SecurityStamp));
        Assert.Empty(await EventsAsync("owner"));
        Assert.Empty(await EventsAsync("supervisor"));
        Assert.Empty(await EventsAsync("security"));
    }

    [Fact]
    public async Task Roles_KeepTheThreeAdminsApart_AndNeedTheRightScope()
    {
        var twoAdmins = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "supervisor", new([Roles.SystemAdmin, Roles.Auditor]))));
        Assert.Contains(twoAdmins.Errors, e => e.Code == "user.admin-exclusive" && e.MessageZh.Contains("三权分立"));
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "admin", new([Roles.SystemAdmin, Roles.SecurityAdmin]))));
        var mixed = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "supervisor", new([Roles.Supervisor, Roles.Auditor]))));
        Assert.Contains(mixed.Errors, e => e.Code == "user.admin-business");
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "supervisor", new(["Root"]))));

        // A scope the roles cannot work in: an owner role without a unit or on a department, a department role on an
        // owner unit, a leader role without a leader.
        var owner = await UnitIdAsync(UnitKind.Owner);
        var department = await UnitIdAsync(UnitKind.Department);
        await With(c => c.CreateAsync(Admin, new UserInput("floater", "无单位账号")));
        var noUnit = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "floater", new([Roles.Owner]))));
        Assert.Contains(noUnit.Errors, e => e.Code == "user.role-unit" && e.Field == "UnitId");
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "floater", new([Roles.Owner], department))));
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "floater", new([Roles.Department], owner))));
        var noLeader = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "floater", new([Roles.Leader]))));
        Assert.Contains(noLeader.Errors, e => e.Code == "user.role-leader" && e.Field == "LeaderId");
        // The owner keeps its unit only if the security admin sends it again: dropping it with the role kept is refused.
        await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "owner", new([Roles.Owner]))));
        Assert.Empty(await EventsAsync("supervisor"));
        Assert.Empty(await EventsAsync("owner"));
        Assert.Equal(["user.create"], (await EventsAsync("floater")).Select(e => e.Action));

        // Allowed: the floater becomes an auditor, then a department account of a department.
        Assert.True(await With(c => c.SetAccessAsync(Security, "floater", new([Roles.Auditor]))));
        Assert.True(await With(c => c.SetAccessAsync(Security, "floater", new([Roles.Department], department))));
        var rows = await With(c => c.ListAsync(Security));
        var floater = rows.Single(r => r.UserName == "floater");
        Assert.Equal([Roles.Department], floater.Roles);
        Assert.Equal(department, floater.UnitId);
        Assert.Equal(["user.create", "user.access", "user.access"], (await EventsAsync("floater")).Select(e => e.Action));
    }

    [Fact]
    public async Task AnUnknownUnitOrLeader_OrBoth_IsRefusedUnderItsField_AndNothingIsWritten()
    {
        var before = await AccountAsync("owner");
        var unknown = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "owner", new([Roles.Owner], 999_999))));
        Assert.Contains(unknown.Errors, e => e.Field == "UnitId" && e.Code == "user.unit" && e.MessageZh == "所选单位不存在");
        var noLeader = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "leader", new([Roles.Leader], LeaderId: 999_999))));
        Assert.Contains(noLeader.Errors, e => e.Field == "LeaderId" && e.Code == "user.leader" && e.MessageZh == "所选市领导不存在");
        var leader = (await AccountAsync("leader")).LeaderId;
        var both = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.SetAccessAsync(Security, "owner", new([Roles.Owner], before.UnitId, leader))));
        Assert.Contains(both.Errors, e => e.Field == "UnitId" && e.Code == "user.scope");

        var after = await AccountAsync("owner");
        Assert.Equal((before.UnitId, before.LeaderId, before.SecurityStamp), (after.UnitId, after.LeaderId, after.SecurityStamp));
        Assert.Empty(await EventsAsync("owner"));
        Assert.Empty(await EventsAsync("leader"));
    }

    [Fact]
    public async Task TheSecurityAdmin_SetsRolesAndScope_InOneAuditEvent_WithANewStamp()
    {
        var before = await AccountAsync("owner");
        var other = await OtherOwnerUnitAsync(before.UnitId!.Value);

        Assert.True(await With(c => c.SetAccessAsync(Security, "owner", new([Roles.Owner, Roles.Owner], other.Id))));

        var after = await AccountAsync("owner");
        Assert.Equal((other.Id, (long?)null), (after.UnitId, after.LeaderId));
        Assert.Equal(before.DisplayName, after.DisplayName);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp); // the cookie's unit claim is stale now
        var ev = Assert.Single(await EventsAsync("owner"));
        Assert.Equal(("user.access", "security"), (ev.Action, ev.Actor));
        var id = (long v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains($"\"unitId\":{id(before.UnitId.Value)}", ev.Before);
        Assert.Contains($"\"unitId\":{id(other.Id)}", ev.After);
        Assert.Contains("Owner", ev.Before);
        Assert.Contains("\"leaderId\":null", ev.After);
        var row = (await With(c => c.ListAsync(Security))).Single(r => r.UserName == "owner");
        Assert.Equal([Roles.Owner], row.Roles);
        Assert.Equal(other.Name, row.UnitName);

        // Assigning the same again changes nothing: no event, no new stamp.
        Assert.False(await With(c => c.SetAccessAsync(Security, "owner", new([Roles.Owner], other.Id))));
        Assert.Single(await EventsAsync("owner"));
        Assert.Equal(after.SecurityStamp, (await AccountAsync("owner")).SecurityStamp);
    }

    [Fact]
    public async Task ADisabledAccount_CannotSignIn_AndItsSessionDiesAtTheNextStampCheck()
    {
        var session = await _factory.SignInAsync("owner");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/v1/projects")).StatusCode);

        await With(c => c.SetDisabledAsync(Admin, "owner", true));
        var again = await MilepostFactory.PostLoginAsync(NewClient(), "owner", MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the login form again, not a redirect into the app
        Assert.Contains("该账号已停用", await again.Content.ReadAsStringAsync());
        Assert.True((await With(c => c.ListAsync(Admin))).Single(r => r.UserName == "owner").Disabled);

        _clock.Advance(TimeSpan.FromMinutes(2)); // past SecurityStampValidatorOptions.ValidationInterval
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/projects")).StatusCode);

        await With(c => c.SetDisabledAsync(Admin, "owner", false));
        var back = await _factory.SignInAsync("owner");
        Assert.Equal(HttpStatusCode.OK, (await back.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(["user.disable", "user.enable"], (await EventsAsync("owner")).Select(e => e.Action));
    }

    [Fact]
    public async Task AReset_ReplacesThePassword_AndForcesAChange()
    {
        var session = await _factory.SignInAsync("dept");
        var password = await With(c => c.ResetPasswordAsync(Admin, "dept"));

        var old = await MilepostFactory.PostLoginAsync(NewClient(), "dept", MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.OK, old.StatusCode); // refused: the form again
        await AssertMustChangePasswordAsync("dept", password);

        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/projects")).StatusCode);

        var ev = Assert.Single(await EventsAsync("dept"));
        Assert.Equal(("user.reset-password", "admin"), (ev.Action, ev.Actor));
        Assert.DoesNotContain(password, (ev.Before ?? "") + ev.After);
    }

    private async Task<MilepostUser> AccountAsync(string userName)
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>().FindByNameAsync(userName))!;
    }

    /// <summary>The owner unit, other than <paramref name="except"/>, that builds the most projects, with their names.</summary>
    private async Task<(long Id, string Name, List<string> Projects)> OtherOwnerUnitAsync(long except)
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var id = await db.Projects.Where(p => p.OwnerUnitId != except).GroupBy(p => p.OwnerUnitId)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync();
        var name = await db.Units.Where(u => u.Id == id).Select(u => u.Name).SingleAsync();
        var projects = await db.Projects.Where(p => p.OwnerUnitId == id).Select(p => p.Name).ToListAsync();
        return (id, name, projects.Order(StringComparer.Ordinal).ToList());
    }

    private static async Task<List<ProjectRow>> ProjectsAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/projects?pageSize=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.ReadAsync<PageOf<ProjectRow>>()).Items];
    }

    [Fact]
    public async Task TheSystemAdmin_EditsTheDisplayNameOnly_WithOneAuditEvent_AndANewStamp()
    {
        var before = await AccountAsync("owner");

        Assert.True(await With(c => c.UpdateAsync(Admin, "owner", new UserInput("ignored", "  新业主账号 "))));

        var after = await AccountAsync("owner");
        Assert.Equal(("owner", "新业主账号", before.UnitId, before.LeaderId), (after.UserName, after.DisplayName, after.UnitId, after.LeaderId));
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp); // the cookie's name claim is stale now
        var ev = Assert.Single(await EventsAsync("owner"));
        Assert.Equal(("user.update", "admin"), (ev.Action, ev.Actor));
        Assert.Contains(before.DisplayName, ev.Before);
        Assert.Contains("新业主账号", ev.After);
        Assert.DoesNotContain("unitId", ev.After);
        Assert.Equal("新业主账号", (await With(c => c.ListAsync(Admin))).Single(r => r.UserName == "owner").DisplayName);

        // Saving the same again changes nothing: no event, no new stamp. An empty name is refused.
        Assert.False(await With(c => c.UpdateAsync(Admin, "owner", new UserInput("owner", "新业主账号"))));
        var noName = await Assert.ThrowsAsync<ValidationException>(() => With(c => c.UpdateAsync(Admin, "owner", new UserInput("owner", "  "))));
        Assert.Contains(noName.Errors, e => e.Field == "DisplayName");
        Assert.Single(await EventsAsync("owner"));
        Assert.Equal(after.SecurityStamp, (await AccountAsync("owner")).SecurityStamp);
    }

    [Fact]
    public async Task OnlyTheSystemAdmin_EditsAccounts()
    {
        var before = await AccountAsync("owner");
        foreach (var actor in new[] { Security, Supervisor })
            await Assert.ThrowsAsync<ForbiddenException>(() => With(c => c.UpdateAsync(actor, "owner", new UserInput("owner", "改名"))));
        await Assert.ThrowsAsync<NotFoundException>(() => With(c => c.UpdateAsync(Admin, "nobody", new UserInput("nobody", "无"))));
        Assert.Equal(before.DisplayName, (await AccountAsync("owner")).DisplayName);
        Assert.Empty(await EventsAsync("owner"));
    }

    [Fact]
    public async Task AnOwnerMovedToAnotherUnit_SeesThatUnitsProjects_AfterSigningInAgain()
    {
        var session = await _factory.SignInAsync("owner");
        var own = (await AccountAsync("owner")).UnitId!.Value;
        var ownName = (await With(c => c.ListAsync(Admin))).Single(r => r.UserName == "owner").UnitName;
        var before = await ProjectsAsync(session);
        Assert.NotEmpty(before);
        Assert.All(before, p => Assert.Equal(ownName, p.OwnerUnitName));

        var other = await OtherOwnerUnitAsync(own);
        await With(c => c.SetAccessAsync(Security, "owner", new([Roles.Owner], other.Id)));

        // The old cookie carries the old unit: it is refused at the next stamp check, never shown the new unit's projects with the old claim.
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/v1/projects")).StatusCode);

        var again = await _factory.SignInAsync("owner");
        var after = await ProjectsAsync(again);
        Assert.Equal(other.Projects, after.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(after, p => Assert.Equal(other.Name, p.OwnerUnitName));
        // And the old unit's projects are out of its reach now.
        var formerProject = await (await _factory.SignInAsync("supervisor")).IdOfAsync(before[0].Name);
        Assert.Equal(HttpStatusCode.NotFound, (await again.GetAsync($"/api/v1/projects/{formerProject}")).StatusCode);
    }

    [Fact]
    public async Task ThePage_IsTheAdminsOnly_AndShowsEachItsOwnTools()
    {
        var admin = await _factory.SignInAsync("admin");
        var page = await admin.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("开设账号", html);
        Assert.Contains("市交通建设投资集团", html);
        Assert.DoesNotContain("保存授权", html); // roles and scope are the security admin's

        var security = await _factory.SignInAsync("security");
        var forSecurity = await security.GetAsync("/users");
        Assert.Equal(HttpStatusCode.OK, forSecurity.StatusCode);
        var securityHtml = await forSecurity.Content.ReadAsStringAsync();
        Assert.Contains("保存授权", securityHtml);
        Assert.DoesNotContain("开设账号", securityHtml);

        var auditor = await _factory.SignInAsync("auditor");
        var denied = await auditor.GetAsync("/users");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);
    }
}

/// <summary>The same commands on PostgreSQL: Identity's stores and the audit append share one transaction there too.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UserCommandsPostgresTests(PostgresFixture postgres)
{
    private static readonly Actor Admin = new("admin", "系统管理员", new HashSet<string> { Roles.SystemAdmin }, null, null);
    private static readonly Actor Security = new("security", "安全管理员", new HashSet<string> { Roles.SecurityAdmin }, null, null);

    [Fact]
    public async Task CreateRolesDisableAndReset_OnPostgres()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres, postgres, migrate: false);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString);
        await factory.InitializeAccountsAsync();
        using var scope = factory.Services.CreateScope();
        var commands = scope.ServiceProvider.GetRequiredService<UserCommands>();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var unit = await db.Units.Where(u => u.Kind == UnitKind.Department).Select(u => u.Id).FirstAsync();

        var password = await commands.CreateAsync(Admin, new UserInput("pgdept", "部门账号"));
        Assert.True(await commands.SetAccessAsync(Security, "pgdept", new([Roles.Department], unit)));
        Assert.False(await commands.SetAccessAsync(Security, "pgdept", new([Roles.Department], unit)));
        await Assert.ThrowsAsync<ValidationException>(() => commands.SetAccessAsync(Security, "pgdept", new([Roles.Department, Roles.Auditor], unit)));
        await commands.SetDisabledAsync(Admin, "pgdept", true);
        Assert.True((await commands.ListAsync(Admin)).Single(r => r.UserName == "pgdept").Disabled);
        await commands.SetDisabledAsync(Admin, "pgdept", false);
        var reset = await commands.ResetPasswordAsync(Admin, "pgdept");
        Assert.NotEqual(password, reset);

        var actions = await db.AuditEvents.AsNoTracking().Where(e => e.EntityId == "pgdept").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal(["user.create", "user.access", "user.disable", "user.enable", "user.reset-password"], actions);
        var row = (await commands.ListAsync(Security)).Single(r => r.UserName == "pgdept");
        Assert.Equal([Roles.Department], row.Roles);
        Assert.Equal(unit, row.UnitId);
        Assert.True(row.MustChangePassword);
        Assert.True((await scope.ServiceProvider.GetRequiredService<Milepost.Web.Features.Audit.AuditVerifier>().VerifyAsync()).Ok);
    }
}
