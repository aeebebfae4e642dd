using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.FirstUse;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;
using static Milepost.Web.Features.FirstUse.FirstUseStep;

namespace Milepost.Web.Tests.FirstUse;

/// <summary>
/// The 首次使用 checklist (/start) on both databases: every step's state on an empty install as the office fills it in,
/// and on the demo; the office's landing page and menu while something is missing.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class FirstUseTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private const FirstUseState Done = FirstUseState.Done, Missing = FirstUseState.Missing, Waiting = FirstUseState.Waiting;

    private static async Task<FirstUseStatus> StatusAsync(MilepostFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FirstUseQueries>().GetAsync();
    }

    private static Dictionary<FirstUseStep, FirstUseState> States(FirstUseStatus s) => Enum.GetValues<FirstUseStep>().ToDictionary(x => x, s.StateOf);

    /// <summary>Each step's state as the page shows it (data-state of its row).</summary>
    private static async Task<Dictionary<string, string>> PageStatesAsync(HttpClient client)
    {
        var html = await client.GetStringAsync(FirstUseQueries.Path);
        return StepRow().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    /// <summary>Where signing in sends the account (the office signs in without a second factor).</summary>
    private static async Task<string> LandingAsync(MilepostFactory factory, string user)
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var response = await MilepostFactory.PostLoginAsync(client, user, MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return MilepostFactory.RedirectPath(response);
    }

    private static async Task AddAccountAsync(MilepostFactory factory, MilepostUser user, string role, string? password = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        Assert.True((await users.CreateAsync(user, password ?? MilepostFactory.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
    }

    private static async Task WithDbAsync(MilepostFactory factory, Func<MilepostDb, Task> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<MilepostDb>());
    }

    [Theory, DatabaseData]
    public async Task EmptyInstall_EveryStepMissingOrWaiting_ThenGreenAsTheOfficeFillsItIn(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider, migrate: false);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: false);
        await factory.InitializeAccountsAsync();
        // The office's account as the administrators open it: a generated password, changed at first sign-in.
        await AddAccountAsync(factory, new MilepostUser { UserName = "office", DisplayName = "市委督查室", MustChangePassword = true }, Roles.Supervisor, "Generated-Pw-2020");

        var empty = await StatusAsync(factory);
        Assert.Equal((null, 0, 0, 0, 0, 0, 0, 0), (empty.CityName, empty.Districts, empty.ResponsibleUnits, empty.OwnerUnits, empty.LeaderCount,
            empty.ProgrammeCount, empty.CategoryCount, empty.ProjectCount));
        Assert.Equal(new Dictionary<FirstUseStep, FirstUseState>
        {
            [City] = Missing, [Units] = Missing, [Leaders] = Missing, [Programmes] = Missing, [Categories] = Missing,
            [FirstUseStep.Projects] = Missing, [AnnualPlans] = Waiting, [Accounts] = Waiting,
        }, States(empty));
        Assert.Equal(["admin"], empty.SystemAdmins);
        Assert.Equal(["security"], empty.SecurityAdmins);

        // First sign-in: the forced password change leads the office to the checklist, not to an empty dashboard.
        var first = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        await MilepostFactory.PostLoginAsync(first, "office", "Generated-Pw-2020");
        var changed = await MilepostFactory.PostFormAsync(first, "/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "Generated-Pw-2020", ["Input.NewPassword"] = MilepostFactory.Password, ["Input.ConfirmPassword"] = MilepostFactory.Password,
        });
        Assert.Equal(FirstUseQueries.Path, MilepostFactory.RedirectPath(changed));
        Assert.Equal(FirstUseQueries.Path, await LandingAsync(factory, "office"));

        var office = await factory.SignInAsync("office");
        var page = await office.GetStringAsync(FirstUseQueries.Path);
        Assert.Contains("共 8 项，已完成 0 项", page);
        Assert.Contains("尚未设置本市", page);
        Assert.Contains("href=\"/base-data/city\"", page);
        Assert.Contains("href=\"/import\"", page);
        Assert.Contains("请系统管理员（admin）在“用户管理”中开设账号，再请安全管理员（security）分配角色和所属单位或市领导", page);
        Assert.Contains(">首次使用</a>", page); // in the menu
        var dashboard = await office.GetStringAsync("/");
        Assert.Contains("data-testid=\"empty-notice\"", dashboard);
        Assert.Contains($"href=\"{FirstUseQueries.Path}\"", dashboard);

        // The base data, as /base-data keeps it: each step turns green on its own.
        TestPortfolio t = null!;
        await WithDbAsync(factory, async db => t = await TestPortfolio.SeedAsync(db));
        var based = await StatusAsync(factory);
        Assert.Equal(("雅安市", 0), (based.CityName, based.Districts));
        Assert.Equal((Missing, Done, Done, Missing, Done), (based.StateOf(City), based.StateOf(Units), based.StateOf(Leaders), based.StateOf(Programmes), based.StateOf(Categories)));
        await WithDbAsync(factory, async db =>
        {
            db.Divisions.AddRange(new Division { Code = "511802", Name = "雨城区", ParentCode = "511800" },
                new Division { Code = "511803", Name = "名山区", ParentCode = "511800" },
                new Division { Code = "511822", Name = "荥经县", ParentCode = "511800", IsRetired = true });
            db.Programmes.Add(new Programme { DivisionCode = t.DivisionCode, Name = "交通强市", SortOrder = 1, LeadLeaderId = t.LeaderId });
            await db.SaveChangesAsync();
        });
        var city = await StatusAsync(factory);
        Assert.Equal(("雅安市", 2), (city.CityName, city.Districts)); // the retired county does not count
        Assert.Equal((Done, Done, Missing), (city.StateOf(City), city.StateOf(Programmes), city.StateOf(FirstUseStep.Projects)));
        Assert.Contains("雅安市，下辖 2 个县（市、区）", await office.GetStringAsync(FirstUseQueries.Path));

        // Projects: one under construction without this year's plan, one in the pipeline (no plan wanted), one cancelled.
        long building = 0;
        await WithDbAsync(factory, async db =>
        {
            var a = t.Project("雨城大道改造");
            a.Stage = ProjectStage.Construction;
            a.Leaders.Add(new ProjectLeader { LeaderId = t.LeaderId, DivisionCode = t.DivisionCode });
            var b = t.Project("名山物流园");
            var c = t.Project("已取消的项目");
            c.Stage = ProjectStage.Cancelled;
            db.Projects.AddRange(a, b, c);
            await db.SaveChangesAsync();
            building = a.Id;
        });
        var projects = await StatusAsync(factory);
        var year = projects.Year;
        Assert.Equal((3, 1, 1), (projects.ProjectCount, projects.ProjectsNeedingPlan, projects.ProjectsWithoutPlan));
        Assert.Equal((1, 1, 1), (projects.ResponsibleWithoutAccount, projects.OwnersWithoutAccount, projects.LeadersWithoutAccount));
        Assert.Equal((Done, Missing, Missing), (projects.StateOf(FirstUseStep.Projects), projects.StateOf(AnnualPlans), projects.StateOf(Accounts)));
        Assert.Equal(new Dictionary<string, string>
        {
            ["city"] = "Done", ["units"] = "Done", ["leaders"] = "Done", ["programmes"] = "Done", ["categories"] = "Done",
            ["projects"] = "Done", ["annualplans"] = "Missing", ["accounts"] = "Missing",
        }, await PageStatesAsync(office));
        Assert.Equal("/", await LandingAsync(factory, "office"));

        // The plan, and accounts for the units and the leader the projects name: everything is green, the menu item goes.
        await WithDbAsync(factory, async db =>
        {
            db.AnnualPlans.Add(new AnnualPlan { ProjectId = building, DivisionCode = t.DivisionCode, Year = year, PlannedInvestment = Money.FromWan(500) });
            await db.SaveChangesAsync();
        });
        await AddAccountAsync(factory, new MilepostUser { UserName = "jtj", DisplayName = "交通运输局", UnitId = t.DepartmentId }, Roles.Department);
        await AddAccountAsync(factory, new MilepostUser { UserName = "jtjt", DisplayName = "交投公司", UnitId = t.OwnerUnitId }, Roles.Owner);
        await AddAccountAsync(factory, new MilepostUser { UserName = "liming", DisplayName = "李明", LeaderId = t.LeaderId }, Roles.Leader);
        var ready = await StatusAsync(factory);
        Assert.True(ready.AllDone, string.Join(", ", States(ready)));
        var done = await factory.SignInAsync("office");
        var finished = await done.GetStringAsync(FirstUseQueries.Path);
        Assert.Contains("各项均已就绪", finished);
        Assert.Contains($"{year}年需要计划的 1 个项目均已有年度计划", finished);
        Assert.DoesNotContain(">首次使用</a>", finished);
        Assert.DoesNotContain("empty-notice", await done.GetStringAsync("/"));
    }

    [Theory, DatabaseData]
    public async Task Demo_BaseDataProjectsAndPlansAreDone_AccountsAreMissingForMostUnits(DatabaseProvider provider)
    {
        var database = await CreateDatabaseAsync(provider, migrate: false);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString);
        await factory.InitializeAccountsAsync();

        var s = await StatusAsync(factory);

        // The same figures worked out in memory from the demo's rows.
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var projects = await db.Projects.Include(p => p.Leaders).ToListAsync();
            var units = await db.Units.ToListAsync();
            var users = await db.Users.ToListAsync();
            var live = projects.Where(p => p.Stage != ProjectStage.Cancelled).ToList();
            bool HasAccount(Unit u) => users.Any(x => x.UnitId == u.Id);
            Assert.Equal(units.Count(u => u.Kind != UnitKind.Owner && !HasAccount(u) && live.Any(p => p.ResponsibleUnitId == u.Id)), s.ResponsibleWithoutAccount);
            Assert.Equal(units.Count(u => u.Kind == UnitKind.Owner && !HasAccount(u) && live.Any(p => p.OwnerUnitId == u.Id)), s.OwnersWithoutAccount);
            Assert.Equal(live.SelectMany(p => p.Leaders).Select(l => l.LeaderId).Distinct().Count(id => !users.Any(x => x.LeaderId == id)), s.LeadersWithoutAccount);
            Assert.Equal(units.Count(u => u.Kind != UnitKind.Owner && !u.IsRetired), s.ResponsibleUnits);   // retired ones are history, not base data to work with
            Assert.Equal(await db.Leaders.CountAsync(l => !l.IsRetired), s.LeaderCount);
            Assert.Equal(projects.Count, s.ProjectCount);
        }
        Assert.Equal(("岷江市", 4, 2, 15, 2020), (s.CityName, s.Districts, s.ProgrammeCount, s.ProjectCount, s.Year));
        Assert.True(s.ProjectsNeedingPlan > 0);
        Assert.True(s.ResponsibleWithoutAccount > 0 && s.OwnersWithoutAccount > 0 && s.LeadersWithoutAccount > 0);
        Assert.Equal(new Dictionary<FirstUseStep, FirstUseState>
        {
            [City] = Done, [Units] = Done, [Leaders] = Done, [Programmes] = Done, [Categories] = Done,
            [FirstUseStep.Projects] = Done, [AnnualPlans] = Done, [Accounts] = Missing,
        }, States(s));

        // The office lands on its dashboard (there are projects) and still finds 首次使用 in the menu: accounts are missing.
        Assert.Equal("/", await LandingAsync(factory, "supervisor"));
        var office = await factory.SignInAsync("supervisor");
        var dashboard = await office.GetStringAsync("/");
        Assert.Contains(">首次使用</a>", dashboard);
        Assert.DoesNotContain("empty-notice", dashboard);
        Assert.Equal("Missing", (await PageStatesAsync(office))["accounts"]);
        Assert.Contains("岷江市，下辖 4 个县（市、区）", await office.GetStringAsync(FirstUseQueries.Path));

        // The checklist is the office's: a department is refused, and its menu has no such entry.
        var dept = await factory.SignInAsync("dept");
        var refused = await dept.GetAsync(FirstUseQueries.Path);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        Assert.DoesNotContain("首次使用", await dept.GetStringAsync("/"));
    }

    [GeneratedRegex("data-testid=\"firstuse-(\\w+)\" data-state=\"(\\w+)\"")]
    private static partial Regex StepRow();
}
