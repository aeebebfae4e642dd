using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Hosting;

namespace Milepost.Web.Features.FirstUse;

/// <summary>The steps of the 首次使用 checklist, in the order an office takes them.</summary>
public enum FirstUseStep { City, Units, Leaders, Programmes, Categories, Projects, AnnualPlans, Accounts }

/// <summary>Done (green); missing and up to the office now (orange); or waiting for an earlier step (grey).</summary>
public enum FirstUseState { Done, Missing, Waiting }

/// <summary>
/// The figures behind the checklist: counts only, never lists, so the page stays quick on a province's database. Retired
/// records do not count (they are hidden from pickers). <see cref="Year"/> is the portfolio's current year.
/// </summary>
/// <param name="CityName">The top division (the one without a parent; the lowest code when there are several), or null.</param>
/// <param name="Districts">Divisions below a top one: the city's districts and counties.</param>
/// <param name="ProjectsNeedingPlan">Projects that invest this year (see <see cref="FirstUseQueries.NeedsPlan"/>).</param>
/// <param name="ResponsibleWithoutAccount">Responsible units (any kind but owner) of projects, without an account of their own.</param>
/// <param name="OwnersWithoutAccount">Owner units of projects, without an account: they are the ones who report monthly.</param>
/// <param name="LeadersWithoutAccount">Leaders linked to projects, without an account.</param>
/// <param name="SystemAdmins">The user names of who opens accounts (三权分立: not the office), a few at most.</param>
/// <param name="SecurityAdmins">Who grants the roles and the unit or leader of an account, likewise.</param>
public sealed record FirstUseStatus(
    string? CityName, int Districts,
    int ResponsibleUnits, int OwnerUnits, int LeaderCount, int ProgrammeCount, int CategoryCount,
    int ProjectCount, int Year, int ProjectsNeedingPlan, int ProjectsWithoutPlan,
    int ResponsibleWithoutAccount, int OwnersWithoutAccount, int LeadersWithoutAccount,
    IReadOnlyList<string> SystemAdmins, IReadOnlyList<string> SecurityAdmins)
{
    public FirstUseState StateOf(FirstUseStep step) => step switch
    {
        FirstUseStep.City => Done(CityName is not null && Districts > 0),
        FirstUseStep.Units => Done(ResponsibleUnits > 0 && OwnerUnits > 0),
        FirstUseStep.Leaders => Done(LeaderCount > 0),
        FirstUseStep.Programmes => Done(ProgrammeCount > 0),
        FirstUseStep.Categories => Done(CategoryCount > 0),
        FirstUseStep.Projects => Done(ProjectCount > 0),
        // Plans and accounts are judged against the projects: without any there is nothing to judge yet.
        FirstUseStep.AnnualPlans => ProjectCount == 0 ? FirstUseState.Waiting : Done(ProjectsWithoutPlan == 0),
        _ => ProjectCount == 0 ? FirstUseState.Waiting : Done(ResponsibleWithoutAccount + OwnersWithoutAccount + LeadersWithoutAccount == 0),
    };

    public int DoneCount => Enum.GetValues<FirstUseStep>().Count(s => StateOf(s) == FirstUseState.Done);

    public bool AllDone => DoneCount == Enum.GetValues<FirstUseStep>().Length;

    private static FirstUseState Done(bool done) => done ? FirstUseState.Done : FirstUseState.Missing;
}

/// <summary>What an install still lacks before the office can lead its key projects with it (the /start page and the menu).</summary>
public sealed class FirstUseQueries(MilepostDb db, PortfolioClock clock)
{
    public const string Path = "/start";

    /// <summary>
    /// Whether a project invests in <paramref name="year"/> and so wants that year's plan: started or under way (前期, 在建,
    /// 停工), or completed in that year or later. A project in the pipeline (储备), cancelled, operating, or completed
    /// before the year does not.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Project, bool>> NeedsPlan(int year)
    {
        var yearStart = new DateOnly(year, 1, 1);
        return p => p.Stage == ProjectStage.Preparation || p.Stage == ProjectStage.Construction || p.Stage == ProjectStage.Suspended
            || (p.Stage == ProjectStage.Completed && (p.ActualCompletion == null || p.ActualCompletion >= yearStart));
    }

    public async Task<FirstUseStatus> GetAsync(CancellationToken ct = default)
    {
        var year = clock.Today.Year;
        var divisions = db.Divisions.AsNoTracking().Where(d => !d.IsRetired);
        var city = await divisions.Where(d => d.ParentCode == null).OrderBy(d => d.Code).Select(d => d.Name).FirstOrDefaultAsync(ct);
        var districts = await divisions.CountAsync(d => d.ParentCode != null, ct);
        var units = db.Units.AsNoTracking().Where(u => !u.IsRetired);
        var responsible = await units.CountAsync(u => u.Kind != UnitKind.Owner, ct);
        var owners = await units.CountAsync(u => u.Kind == UnitKind.Owner, ct);
        var leaders = await db.Leaders.CountAsync(l => !l.IsRetired, ct);
        var programmes = await db.Programmes.CountAsync(p => !p.IsRetired, ct);
        var categories = await db.Categories.CountAsync(c => !c.IsRetired, ct);
        var projects = await db.Projects.CountAsync(ct);

        var needing = db.Projects.AsNoTracking().Where(NeedsPlan(year));
        var needingCount = await needing.CountAsync(ct);
        var withoutPlan = await needing.CountAsync(p => !db.AnnualPlans.Any(a => a.ProjectId == p.Id && a.Year == year), ct);

        // Units and leaders that have work to do in Milepost (a live project names them) but no account to do it with.
        var live = db.Projects.Where(p => p.Stage != ProjectStage.Cancelled);
        var unaccounted = units.Where(u => !db.Users.Any(x => x.UnitId == u.Id));
        var responsibleWithout = await unaccounted.CountAsync(u => live.Any(p => p.ResponsibleUnitId == u.Id), ct);
        var ownersWithout = await unaccounted.CountAsync(u => live.Any(p => p.OwnerUnitId == u.Id), ct);
        var leadersWithout = await db.Leaders.CountAsync(l => !l.IsRetired && !db.Users.Any(x => x.LeaderId == l.Id)
            && db.ProjectLeaders.Any(pl => pl.LeaderId == l.Id && live.Any(p => p.Id == pl.ProjectId)), ct);

        return new FirstUseStatus(city, districts, responsible, owners, leaders, programmes, categories, projects, year, needingCount, withoutPlan,
            responsibleWithout, ownersWithout, leadersWithout, await HoldersAsync(Roles.SystemAdmin, ct), await HoldersAsync(Roles.SecurityAdmin, ct));
    }

    /// <summary>Whether the office still has a step to take (the menu shows 首次使用 while it has).</summary>
    public async Task<bool> AnyMissingAsync(CancellationToken ct = default) => !(await GetAsync(ct)).AllDone;

    /// <summary>Whether the office should land on the checklist rather than on an empty dashboard: there is no project yet.</summary>
    public async Task<bool> IsEmptyAsync(CancellationToken ct = default) => !await db.Projects.AnyAsync(ct);

    private async Task<IReadOnlyList<string>> HoldersAsync(string role, CancellationToken ct) =>
        await db.UserRoles.Join(db.Roles.Where(r => r.Name == role), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId)
            .Join(db.Users, id => id, u => u.Id, (_, u) => u.UserName!).OrderBy(n => n).Take(3).ToListAsync(ct);
}
