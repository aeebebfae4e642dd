using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Problems;

/// <summary>What a raised problem says; the assignment fields are the supervision office's to fill.</summary>
public sealed record ProblemInput(
    long? ProjectId, ProblemCategory? Category, string? Description, long? ReportId,
    long? ResponsibleUnitId = null, IReadOnlyList<long>? DepartmentIds = null, long? CoordinatingLeaderId = null, DateOnly? Deadline = null)
{
    public bool HasAssignment => ResponsibleUnitId is not null || DepartmentIds is { Count: > 0 } || CoordinatingLeaderId is not null || Deadline is not null;
}

/// <summary>
/// Changes to problems. Each is one transaction with its one audit event; bad input throws
/// <see cref="ValidationException"/>, someone else's problem <see cref="NotFoundException"/>, a
/// forbidden action <see cref="ForbiddenException"/>, a stale version <see cref="ConflictException"/>.
/// </summary>
public sealed class ProblemCommands(MilepostDb db, PortfolioClock clock)
{
    public const string Entity = "Problem";

    public async Task<long> CreateAsync(Actor actor, ProblemInput input, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!ProblemAccess.CanRaise(actor))
            throw new ForbiddenException("只有督查室和业主单位可以登记问题", "Only the supervision office and owner units may raise problems");
        if (input.HasAssignment && !ProblemAccess.CanAssign(actor))
            throw new ForbiddenException("责任单位、协调领导和办结时限由督查室指定", "The supervision office assigns departments, leader and deadline");
        var errors = Validate(input.Category, input.Description);
        if (input.ProjectId is null) errors.Insert(0, new("ProjectId", "problem.project.required", "请选择问题所属项目", "Choose the project"));
        if (input.HasAssignment) errors.AddRange(await ValidateAssignmentAsync(input.ResponsibleUnitId, input.DepartmentIds, input.CoordinatingLeaderId, input.Deadline, ct));
        if (errors.Count > 0) throw new ValidationException(errors);
        var project = await db.Projects.VisibleTo(actor).FirstOrDefaultAsync(p => p.Id == input.ProjectId, ct)
            ?? throw new NotFoundException($"project {input.ProjectId}");
        if (input.ReportId is { } reportId && !await db.MonthlyReports.AnyAsync(r => r.Id == reportId && r.ProjectId == project.Id, ct))
            throw new ValidationException(new ValidationError("ReportId", "problem.report.unknown", "所选月报不属于该项目", "The report does not belong to this project"));

        var problem = new Problem
        {
            ProjectId = project.Id, DivisionCode = project.DivisionCode, Category = input.Category!.Value, Description = input.Description!.Trim(),
            RaisedBy = actor.UserName, RaisedOn = clock.Today, EscalatedOn = clock.Today, ReportId = input.ReportId, State = ProblemState.Open, Version = 1,
        };
        Assign(problem, input.ResponsibleUnitId, input.DepartmentIds, input.CoordinatingLeaderId, input.Deadline);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        await Audit(actor.UserName, "problem.create", problem, null, Snapshot(problem), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return problem.Id;
    }

    /// <summary>The supervision office edits the problem and assigns departments, coordinating leader and deadline.</summary>
    public async Task AssignAsync(Actor actor, long id, ProblemInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var problem = await LoadAsync(actor, id, ct);
        if (!ProblemAccess.CanAssign(actor))
            throw new ForbiddenException("只有督查室可以交办问题（指定责任单位、协调领导和办结时限）", "Only the supervision office may assign problems");
        var errors = Validate(input.Category, input.Description);
        if (input.ResponsibleUnitId is null)
            errors.Add(new("ResponsibleUnitId", "problem.unit.required", "请选择牵头责任单位", "Choose the lead department"));
        if (input.Deadline is null)
            errors.Add(new("Deadline", "problem.deadline.required", "请填写办结时限", "Enter the deadline"));
        errors.AddRange(await ValidateAssignmentAsync(input.ResponsibleUnitId, input.DepartmentIds, input.CoordinatingLeaderId, input.Deadline, ct));
        if (errors.Count > 0) throw new ValidationException(errors);
        await CheckVersionAsync(problem, expectedVersion, ct);
        var before = Snapshot(problem);
        problem.Category = input.Category!.Value;
        problem.Description = input.Description!.Trim();
        Assign(problem, input.ResponsibleUnitId, input.DepartmentIds, input.CoordinatingLeaderId, input.Deadline);
        await SaveAsync(actor.UserName, "problem.assign", problem, before, ct);
    }

    public async Task TransitionAsync(Actor actor, long id, ProblemState? to, string? resolution, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var problem = await LoadAsync(actor, id, ct);
        if (to is null)
        {
            if (!ProblemAccess.CanHandle(actor, problem)) throw NotHandler();
            throw new ValidationException(new ValidationError("To", "problem.to.required", "请选择办理结果（办理中、已解决或无法解决）", "Choose the new state"));
        }
        if (!ProblemAccess.CanTransition(actor, problem, to.Value))
            throw ProblemStateMachine.IsReopen(problem.State, to.Value)
                ? new ForbiddenException("只有督查室可以重新启动已办结的问题", "Only the supervision office may reopen a closed problem")
                : NotHandler();
        await CheckVersionAsync(problem, expectedVersion, ct);
        var before = Snapshot(problem);
        ProblemStateMachine.Transition(problem, to.Value, resolution, clock.Today);
        await SaveAsync(actor.UserName, "problem.transition", problem, before, ct);
    }

    public async Task EscalateAsync(Actor actor, long id, string? reason, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        var problem = await LoadAsync(actor, id, ct);
        if (!ProblemAccess.CanEscalate(actor))
            throw new ForbiddenException("只有督查室可以提级协调问题", "Only the supervision office may escalate problems");
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationException(new ValidationError("Reason", "problem.escalate.reason", "请填写提级协调的理由", "Give the reason for escalating"));
        if (reason.Trim().Length > 2000)
            throw new ValidationException(new ValidationError("Reason", "problem.escalate.reason.long", "理由不能超过 2000 字", "The reason may not exceed 2000 characters"));
        await CheckVersionAsync(problem, expectedVersion, ct);
        var before = Snapshot(problem);
        ProblemEscalationRule.Escalate(problem, clock.Today, actor.UserName, reason.Trim());
        await SaveAsync(actor.UserName, "problem.escalate", problem, before, ct);
    }

    /// <summary>A progress note or a leader's instruction: kept as its own audit event (the trail is the problem's journal).</summary>
    public async Task CommentAsync(Actor actor, long id, string? text, CancellationToken ct = default)
    {
        db.BeginCommand();
        var problem = await LoadAsync(actor, id, ct);
        if (!ProblemAccess.CanComment(actor)) throw new ForbiddenException("您不能对该问题发表意见", "You may not comment on this problem");
        if (string.IsNullOrWhiteSpace(text))
            throw new ValidationException(new ValidationError("Text", "problem.comment.required", "请填写办理进展或意见", "Enter the note"));
        if (text.Trim().Length > 2000)
            throw new ValidationException(new ValidationError("Text", "problem.comment.long", "办理进展或意见不能超过 2000 字", "The note may not exceed 2000 characters"));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor.UserName, "problem.comment", problem, null, new { Comment = text.Trim() }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static ForbiddenException NotHandler() =>
        new("只有督查室或承办该问题的责任单位可以办理", "Only the supervision office or a department the problem is assigned to may handle it");

    private async Task<Problem> LoadAsync(Actor actor, long id, CancellationToken ct) =>
        await db.Problems.VisibleTo(db.Projects, actor).Include(p => p.Departments).Include(p => p.Escalations)
            .AsSplitQuery().FirstOrDefaultAsync(p => p.Id == id, ct)
        ?? throw new NotFoundException($"problem {id}");

    private async Task CheckVersionAsync(Problem problem, long expected, CancellationToken ct)
    {
        if (problem.Version != expected) throw await ConflictAsync(problem.Id, ct);
    }

    private async Task SaveAsync(string actor, string action, Problem problem, object before, CancellationToken ct)
    {
        problem.Version++;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor, action, problem, before, Snapshot(problem), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(problem.Id, ct);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        // Comments are not changes of the problem: the refusal names who last changed it.
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, Entity, id, ct, exceptAction: "problem.comment");
        return new ConflictException($"该问题已由 {who} 于 {when} 修改，您的操作未保存。请刷新后重新操作。",
            $"{who} changed this problem at {when}; nothing was saved. Reload and try again.");
    }

    private static List<ValidationError> Validate(ProblemCategory? category, string? description)
    {
        var errors = new List<ValidationError>();
        if (category is null || !Enum.IsDefined(category.Value))
            errors.Add(new("Category", "problem.category.required", "请选择问题类别", "Choose the category"));
        if (string.IsNullOrWhiteSpace(description))
            errors.Add(new("Description", "problem.description.required", "请填写问题描述", "Describe the problem"));
        else if (description.Trim().Length > 2000)
            errors.Add(new("Description", "problem.description.long", "问题描述不能超过 2000 字", "The description may not exceed 2000 characters"));
        return errors;
    }

    private async Task<List<ValidationError>> ValidateAssignmentAsync(long? unit, IReadOnlyList<long>? departments, long? leader, DateOnly? deadline, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        var ids = (departments ?? []).Append(unit ?? 0).Where(x => x > 0).Distinct().ToList();
        if (ids.Count > 0 && await db.Units.Responsible().CountAsync(u => ids.Contains(u.Id), ct) != ids.Count)
            errors.Add(new("DepartmentIds", "problem.unit.unknown", "所选责任单位中有不存在的单位", "Some of the departments do not exist"));
        if (leader is { } l && !await db.Leaders.AnyAsync(x => x.Id == l, ct))
            errors.Add(new("CoordinatingLeaderId", "problem.leader.unknown", "所选协调市领导不存在", "The leader does not exist"));
        if (deadline is { } d && d < clock.Today.AddYears(-5))
            errors.Add(new("Deadline", "problem.deadline.range", "办结时限不合理，请检查年份", "The deadline is out of range"));
        return errors;
    }

    private static void Assign(Problem p, long? unit, IReadOnlyList<long>? departments, long? leader, DateOnly? deadline)
    {
        p.ResponsibleUnitId = unit;
        p.CoordinatingLeaderId = leader;
        p.Deadline = deadline;
        var wanted = (departments ?? []).Where(x => x > 0 && x != unit).ToHashSet();
        p.Departments.RemoveAll(d => !wanted.Contains(d.UnitId));
        foreach (var id in wanted.Where(id => p.Departments.All(d => d.UnitId != id)))
            p.Departments.Add(new ProblemUnit { UnitId = id, DivisionCode = p.DivisionCode });
    }

    /// <summary>The fields an audit event records before and after a change.</summary>
    internal static object Snapshot(Problem p) => new
    {
        p.ProjectId, Category = p.Category.ToString(), p.Description, p.RaisedBy, p.RaisedOn, p.ResponsibleUnitId,
        Departments = p.Departments.Select(d => d.UnitId).Order().ToList(), p.CoordinatingLeaderId, p.Deadline,
        State = p.State.ToString(), p.Resolution, p.EscalationLevel, p.EscalatedOn, p.ResolvedOn, p.ReportId, p.Version,
    };

    private Task Audit(string actor, string action, Problem p, object? before, object after, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, clock.UtcNow, actor, action, Entity, p.Id.ToString(CultureInfo.InvariantCulture), p.DivisionCode, before, after, ct);
}
