using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>
/// Changes to a project's facts, annual plans and lifecycle. Each is one transaction with its
/// audit event; bad input throws <see cref="ValidationException"/> and writes nothing; a save
/// based on an old version throws <see cref="ConflictException"/> and overwrites nothing.
/// </summary>
public sealed class ProjectCommands(MilepostDb db, PortfolioClock clock)
{
    public async Task<long> CreateAsync(Actor actor, ProjectInput input, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireEditor(actor);
        await ValidateAsync(input, null, ct);
        var project = new Project { Name = input.Name.Trim(), DivisionCode = input.DivisionCode, Version = 1 };
        Apply(project, input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        await Audit(actor, "project.create", project, null, Snapshot(project), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return project.Id;
    }

    public async Task UpdateAsync(Actor actor, long id, ProjectInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireEditor(actor);
        var project = await LoadForEditAsync(actor, id, expectedVersion, ct);
        await ValidateAsync(input, id, ct);
        var before = Snapshot(project);
        Apply(project, input);
        await SaveAsync(actor, "project.update", project, before, ct);
    }

    public async Task SavePlanAsync(Actor actor, long projectId, AnnualPlanInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireEditor(actor);
        var errors = AnnualPlanRules.Validate(input);
        if (errors.Count > 0) throw new ValidationException(errors);
        var project = await LoadForEditAsync(actor, projectId, expectedVersion, ct);
        var before = Snapshot(project);
        var plan = project.AnnualPlans.FirstOrDefault(a => a.Year == input.Year);
        if (plan is null)
        {
            // The first plan of a year is its baseline (年初计划); later changes are adjustments shown beside it.
            plan = new AnnualPlan { DivisionCode = project.DivisionCode, Year = input.Year, BaselineInvestment = input.PlannedInvestment };
            project.AnnualPlans.Add(plan);
        }
        plan.PlannedInvestment = input.PlannedInvestment;
        plan.MonthlyPlan = input.MonthlyPlan?.ToList() ?? [];
        plan.Goal = Clean(input.Goal);
        plan.PlannedProgressPercent = input.PlannedProgressPercent;
        plan.Version++;
        await SaveAsync(actor, "plan.save", project, before, ct);
    }

    public async Task TransitionAsync(Actor actor, long projectId, ProjectStage to, DateOnly date, string? reason, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireEditor(actor);
        var project = await LoadForEditAsync(actor, projectId, expectedVersion, ct);
        var before = Snapshot(project);
        Lifecycle.Transition(project, to, date, reason, actor.UserName, clock.Today, clock.UtcNow);
        await SaveAsync(actor, "project.transition", project, before, ct);
    }

    private static void RequireEditor(Actor actor)
    {
        if (!actor.CanEditProjects)
            throw new ForbiddenException("只有督查室可以修改项目、年度计划和项目阶段", "Only the supervision office may change projects, plans and stages");
    }

    private async Task<Project> LoadForEditAsync(Actor actor, long id, long expectedVersion, CancellationToken ct)
    {
        var project = await db.Projects.VisibleTo(actor)
            .Include(p => p.Leaders).Include(p => p.AnnualPlans).Include(p => p.Transitions)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw new NotFoundException($"project {id}");
        if (project.Version != expectedVersion) throw await ConflictAsync(id, ct);
        return project;
    }

    private async Task SaveAsync(Actor actor, string action, Project project, object before, CancellationToken ct)
    {
        var expected = project.Version;
        project.Version = expected + 1;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor, action, project, before, Snapshot(project), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the WHERE Version = expected matched nothing.
            throw await ConflictAsync(project.Id, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, "Project", id, ct);
        return new ConflictException(
            $"该项目已由 {who} 于 {when} 修改，您的修改未保存。请刷新后重新修改。",
            $"{who} changed this project at {when}; your changes were not saved. Reload and edit again.");
    }

    private async Task ValidateAsync(ProjectInput input, long? id, CancellationToken ct)
    {
        var errors = ProjectRules.Validate(input).ToList();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        if (!string.IsNullOrWhiteSpace(input.DivisionCode) && !await db.Divisions.AnyAsync(d => d.Code == input.DivisionCode, ct))
            Add("DivisionCode", "project.division.unknown", $"行政区划 {input.DivisionCode} 不存在", $"Division {input.DivisionCode} does not exist");
        if (input.ProgrammeId is { } prog && !await db.Programmes.AnyAsync(p => p.Id == prog, ct))
            Add("ProgrammeId", "project.programme.unknown", "所选专项（板块）不存在", "The programme does not exist");
        if (input.CategoryId > 0 && !await db.Categories.AnyAsync(c => c.Id == input.CategoryId, ct))
            Add("CategoryId", "project.category.unknown", "所选行业类别不存在", "The category does not exist");
        if (input.OwnerUnitId > 0 && !await db.Units.AnyAsync(u => u.Id == input.OwnerUnitId && u.Kind == UnitKind.Owner, ct))
            Add("OwnerUnitId", "project.owner.unknown", "所选业主单位不存在", "The owner unit does not exist");
        if (input.ResponsibleUnitId > 0 && !await db.Units.Responsible().AnyAsync(u => u.Id == input.ResponsibleUnitId, ct))
            Add("ResponsibleUnitId", "project.responsible.unknown", "所选责任单位不存在", "The responsible unit does not exist");
        var leaderIds = input.LeaderIds.Distinct().ToList();
        if (leaderIds.Count > 0 && await db.Leaders.CountAsync(l => leaderIds.Contains(l.Id), ct) != leaderIds.Count)
            Add("LeaderIds", "project.leaders.unknown", "所选联系市领导中有不存在的人员", "Some of the linked leaders do not exist");
        if (errors.Count == 0) errors.AddRange(await RetiredChoicesAsync(input, id, ct));
        var code = input.Code?.Trim();
        if (!string.IsNullOrEmpty(code) && ProjectRules.IsValidCode(code)
            && await db.Projects.AnyAsync(p => p.Code == code && p.Id != id, ct))
            Add("Code", "project.code.duplicate", $"项目代码 {code} 已被其他项目使用", $"The project code {code} is used by another project");
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    /// <summary>
    /// Retired base data (停用) is hidden from the pickers, and the API refuses it too: a project may keep a retired record it
    /// already names (its history stays as it was) but never newly choose one.
    /// </summary>
    private async Task<List<ValidationError>> RetiredChoicesAsync(ProjectInput input, long? id, CancellationToken ct)
    {
        var current = id is { } pid
            ? await db.Projects.AsNoTracking().Where(p => p.Id == pid)
                .Select(p => new { p.DivisionCode, p.ProgrammeId, p.CategoryId, p.OwnerUnitId, p.ResponsibleUnitId, Leaders = p.Leaders.Select(l => l.LeaderId).ToList() })
                .FirstOrDefaultAsync(ct)
            : null;
        var errors = new List<ValidationError>();
        void Refuse(string field, string what, string whatEn, string name) => errors.Add(new(field, "project.choice.retired",
            $"所选{what}“{name}”已停用，请选择在用的{what}", $"The chosen {whatEn} \"{name}\" is retired: choose one in use"));
        if (input.DivisionCode != current?.DivisionCode
            && await db.Divisions.Where(d => d.Code == input.DivisionCode && d.IsRetired).Select(d => d.Name).FirstOrDefaultAsync(ct) is { } division)
            Refuse("DivisionCode", "行政区划", "division", division);
        if (input.ProgrammeId is { } programmeId && programmeId != current?.ProgrammeId
            && await db.Programmes.Where(p => p.Id == programmeId && p.IsRetired).Select(p => p.Name).FirstOrDefaultAsync(ct) is { } programme)
            Refuse("ProgrammeId", "专项（板块）", "programme", programme);
        if (input.CategoryId != current?.CategoryId
            && await db.Categories.Where(c => c.Id == input.CategoryId && c.IsRetired).Select(c => c.Name).FirstOrDefaultAsync(ct) is { } category)
            Refuse("CategoryId", "行业类别", "category", category);
        if (input.OwnerUnitId != current?.OwnerUnitId
            && await db.Units.Where(u => u.Id == input.OwnerUnitId && u.IsRetired).Select(u => u.Name).FirstOrDefaultAsync(ct) is { } owner)
            Refuse("OwnerUnitId", "业主单位", "owner unit", owner);
        if (input.ResponsibleUnitId != current?.ResponsibleUnitId
            && await db.Units.Where(u => u.Id == input.ResponsibleUnitId && u.IsRetired).Select(u => u.Name).FirstOrDefaultAsync(ct) is { } responsible)
            Refuse("ResponsibleUnitId", "责任单位", "responsible unit", responsible);
        var added = input.LeaderIds.Except(current?.Leaders ?? []).ToList();
        foreach (var leader in await db.Leaders.Where(l => added.Contains(l.Id) && l.IsRetired).Select(l => l.Name).ToListAsync(ct))
            Refuse("LeaderIds", "联系市领导", "linked leader", leader);
        return errors;
    }

    private static void Apply(Project p, ProjectInput input)
    {
        p.Code = Clean(input.Code);
        p.Name = input.Name.Trim();
        p.DivisionCode = input.DivisionCode;
        p.ProgrammeId = input.ProgrammeId;
        p.CategoryId = input.CategoryId;
        p.OwnerUnitId = input.OwnerUnitId;
        p.ResponsibleUnitId = input.ResponsibleUnitId;
        p.ContactPerson = Clean(input.ContactPerson);
        p.ContactPhone = Clean(input.ContactPhone);
        p.Latitude = input.Latitude;
        p.Longitude = input.Longitude;
        p.Address = Clean(input.Address);
        p.TotalInvestment = input.TotalInvestment;
        p.Content = Clean(input.Content);
        p.PlannedStart = input.PlannedStart;
        p.PlannedCompletion = input.PlannedCompletion;
        p.Level = input.Level;
        p.Tags = Clean(input.Tags);
        var wanted = input.LeaderIds.Distinct().ToHashSet();
        p.Leaders.RemoveAll(l => !wanted.Contains(l.LeaderId));
        foreach (var id in wanted.Where(id => p.Leaders.All(l => l.LeaderId != id)))
            p.Leaders.Add(new ProjectLeader { LeaderId = id, DivisionCode = p.DivisionCode });
        foreach (var l in p.Leaders) l.DivisionCode = p.DivisionCode;
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>The fields an audit event records before and after a change.</summary>
    internal static object Snapshot(Project p) => new
    {
        p.Code, p.Name, p.DivisionCode, p.ProgrammeId, p.CategoryId, p.OwnerUnitId, p.ResponsibleUnitId,
        Leaders = p.Leaders.Select(l => l.LeaderId).Order().ToList(),
        TotalInvestmentYuan = p.TotalInvestment.Yuan, p.PlannedStart, p.PlannedCompletion, p.ActualStart, p.ActualCompletion,
        Stage = p.Stage.ToString(), p.Level, p.Version,
        Plans = p.AnnualPlans.OrderBy(a => a.Year).Select(a => new { a.Year, Yuan = a.PlannedInvestment.Yuan, Months = a.MonthlyPlan.Select(m => m.Yuan) }).ToList(),
    };

    private Task Audit(Actor actor, string action, Project p, object? before, object after, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, action, "Project",
            p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p.DivisionCode, before, after, ct);
}
