using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Problems;
using Milepost.Core.Supervision;
using Milepost.Core.Visits;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Visits;

/// <summary>
/// Recording visits and turning their findings into problems or supervision items. Each change is
/// one transaction with its audit events; bad input writes nothing; a stale version overwrites nothing.
/// </summary>
public sealed class VisitCommands(MilepostDb db, PortfolioClock clock)
{
    public async Task<long> CreateAsync(Actor actor, VisitInput input, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireRecorder(actor);
        await ValidateAsync(input, null, ct);
        RequireOwnVisit(actor, input.LeaderIds);
        var visit = new Visit { DivisionCode = "", Findings = "", RecordedBy = actor.UserName, Version = 1 };
        await Apply(visit, input, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        await Audit(actor, "visit.create", visit, null, Snapshot(visit), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return visit.Id;
    }

    public async Task UpdateAsync(Actor actor, long id, VisitInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireRecorder(actor);
        var visit = await LoadForEditAsync(actor, id, expectedVersion, ct);
        await ValidateAsync(input, visit, ct);
        RequireOwnVisit(actor, input.LeaderIds);
        var before = Snapshot(visit);
        await Apply(visit, input, ct);
        visit.Version = expectedVersion + 1;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor, "visit.update", visit, before, Snapshot(visit), ct);
        await SaveOrConflictAsync(visit.Id, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Raises a problem (问题台账) from one finding, coordinated by the visit's lead leader.</summary>
    public async Task<long> ConvertToProblemAsync(Actor actor, long visitId, long findingId, ProblemCategory? category, DateOnly? deadline, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireRecorder(actor);
        var visit = await LoadForEditAsync(actor, visitId, expectedVersion, ct);
        var finding = visit.FindingItems.FirstOrDefault(f => f.Id == findingId) ?? throw new NotFoundException($"finding {findingId}");
        var errors = new List<ValidationError>();
        if (VisitRules.CheckConvertible(finding, toProblem: true) is { } e) errors.Add(e);
        if (category is not { } c || !Enum.IsDefined(c)) errors.Add(new("Category", "visit.convert.category", "请选择问题类别", "Choose the problem category"));
        if (VisitRules.CheckDeadline(deadline, visit.Date, clock.Today) is { } d) errors.Add(d);
        if (errors.Count > 0) throw new ValidationException(errors);
        var project = await db.Projects.AsNoTracking().FirstAsync(p => p.Id == finding.ProjectId, ct);
        var problem = new Problem
        {
            ProjectId = project.Id, DivisionCode = project.DivisionCode, Category = category!.Value, Description = finding.Text,
            RaisedBy = actor.UserName, RaisedOn = visit.Date, EscalatedOn = visit.Date, VisitId = visit.Id, State = ProblemState.Open,
            ResponsibleUnitId = project.ResponsibleUnitId, CoordinatingLeaderId = visit.LeaderId, Deadline = deadline, Version = 1,
        };
        var before = Snapshot(visit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Problems.Add(problem);
        await db.SaveChangesAsync(ct);
        finding.ProblemId = problem.Id;
        visit.Version = expectedVersion + 1;
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "problem.create", "Problem", Key(problem.Id), problem.DivisionCode, null, new
        {
            problem.ProjectId, Category = problem.Category.ToString(), problem.Description, problem.RaisedBy, problem.RaisedOn, problem.ResponsibleUnitId,
            problem.CoordinatingLeaderId, problem.Deadline, State = problem.State.ToString(), problem.VisitId, FindingId = finding.Id,
        }, ct);
        await Audit(actor, "visit.finding.to-problem", visit, before, Snapshot(visit), ct);
        await SaveOrConflictAsync(visit.Id, ct);
        await tx.CommitAsync(ct);
        return problem.Id;
    }

    /// <summary>Drafts a supervision item (督办事项) from one finding, for the office to assign.</summary>
    public async Task<long> ConvertToSupervisionAsync(Actor actor, long visitId, long findingId, long? leadUnitId, DateOnly? deadline, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireRecorder(actor);
        var visit = await LoadForEditAsync(actor, visitId, expectedVersion, ct);
        var finding = visit.FindingItems.FirstOrDefault(f => f.Id == findingId) ?? throw new NotFoundException($"finding {findingId}");
        var errors = new List<ValidationError>();
        if (VisitRules.CheckConvertible(finding, toProblem: false) is { } e) errors.Add(e);
        var project = finding.ProjectId is { } pid ? await db.Projects.AsNoTracking().FirstAsync(p => p.Id == pid, ct) : null;
        var unitId = leadUnitId ?? project?.ResponsibleUnitId;
        if (unitId is null)
            errors.Add(new("LeadUnitId", "visit.convert.unit.required", "请选择牵头单位", "Choose the lead unit"));
        else if (!await db.Units.Responsible().AnyAsync(u => u.Id == unitId, ct))
            errors.Add(new("LeadUnitId", "visit.convert.unit.unknown", "所选牵头单位不存在", "The lead unit does not exist"));
        if (VisitRules.CheckDeadline(deadline, visit.Date, clock.Today) is { } d) errors.Add(d);
        if (errors.Count > 0) throw new ValidationException(errors);
        var leader = await db.Leaders.AsNoTracking().FirstAsync(l => l.Id == visit.LeaderId, ct);
        var item = new SupervisionItem
        {
            DivisionCode = project?.DivisionCode ?? visit.DivisionCode, Source = SupervisionSource.Visit,
            SourceText = $"{leader.Name}{leader.Title}现场督导（{visit.Date:yyyy-MM-dd}）：{visit.Findings}",
            Content = finding.Text, LeadUnitId = unitId!.Value, Deadline = deadline!.Value, VisitId = visit.Id, LeaderId = visit.LeaderId,
            State = SupervisionState.Draft, CreatedBy = actor.UserName, CreatedAt = clock.UtcNow, Version = 1,
        };
        if (project is not null) item.Projects.Add(new SupervisionItemProject { ProjectId = project.Id, DivisionCode = project.DivisionCode });
        item.Entries.Add(new SupervisionEntry
        {
            DivisionCode = item.DivisionCode, Kind = SupervisionEntryKind.Note, By = actor.UserName, At = clock.UtcNow,
            Text = $"由现场督导发现转为督办事项（督导记录编号 {visit.Id}）",
        });
        var before = Snapshot(visit);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.SupervisionItems.Add(item);
        await db.SaveChangesAsync(ct);
        finding.SupervisionItemId = item.Id;
        visit.Version = expectedVersion + 1;
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "supervision.create", "SupervisionItem", Key(item.Id), item.DivisionCode, null, new
        {
            Source = item.Source.ToString(), item.SourceText, item.Content, item.LeadUnitId, item.Deadline, State = item.State.ToString(),
            item.VisitId, item.LeaderId, Projects = item.Projects.Select(p => p.ProjectId).ToList(), FindingId = finding.Id,
        }, ct);
        await Audit(actor, "visit.finding.to-supervision", visit, before, Snapshot(visit), ct);
        await SaveOrConflictAsync(visit.Id, ct);
        await tx.CommitAsync(ct);
        return item.Id;
    }

    private static void RequireRecorder(Actor actor)
    {
        if (!VisitScope.MayRecord(actor))
            throw new ForbiddenException("只有督查室和市领导可以记录现场督导", "Only the supervision office and leaders may record visits");
    }

    /// <summary>A leader records their own visits only: they must be among its leaders.</summary>
    private static void RequireOwnVisit(Actor actor, IReadOnlyList<long> leaderIds)
    {
        if (actor.Is(Roles.Supervisor)) return;
        if (actor.LeaderId is not { } me || !leaderIds.Contains(me))
            throw new ForbiddenException("市领导只能记录本人参加的现场督导", "A leader records only visits they took part in");
    }

    private async Task<Visit> LoadForEditAsync(Actor actor, long id, long expectedVersion, CancellationToken ct)
    {
        var visit = await db.Visits.VisibleTo(actor, db.Projects)
            .Include(v => v.Leaders).Include(v => v.Projects).Include(v => v.FindingItems)
            .AsSplitQuery().FirstOrDefaultAsync(v => v.Id == id, ct) ?? throw new NotFoundException($"visit {id}");
        if (!VisitScope.MayEdit(actor, visit))
            throw new ForbiddenException("市领导只能修改本人参加的现场督导记录", "A leader edits only visits they took part in");
        if (visit.Version != expectedVersion) throw await ConflictAsync(id, ct);
        return visit;
    }

    private async Task SaveOrConflictAsync(long id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved between our read and our write: the WHERE Version = expected matched nothing.
            throw await ConflictAsync(id, ct);
        }
    }

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, "Visit", id, ct);
        return new ConflictException(
            $"该督导记录已由 {who} 于 {when} 修改，您的修改未保存。请刷新后重新操作。",
            $"{who} changed this visit at {when}; your changes were not saved. Reload and try again.");
    }

    private async Task ValidateAsync(VisitInput input, Visit? existing, CancellationToken ct)
    {
        var errors = VisitRules.Validate(input, clock.Today).ToList();
        var leaderIds = input.LeaderIds.Distinct().ToList();
        if (leaderIds.Count > 0 && await db.Leaders.CountAsync(l => leaderIds.Contains(l.Id), ct) != leaderIds.Count)
            errors.Add(new("LeaderIds", "visit.leaders.unknown", "所选市领导中有不存在的人员", "Some of the leaders do not exist"));
        var projectIds = input.ProjectIds.Distinct().ToList();
        if (projectIds.Count > 0 && await db.Projects.CountAsync(p => projectIds.Contains(p.Id), ct) != projectIds.Count)
            errors.Add(new("ProjectIds", "visit.projects.unknown", "所选项目中有不存在的项目", "Some of the projects do not exist"));
        if (existing is not null)
        {
            // What a finding became stays on the record: it is neither removed nor reworded.
            foreach (var f in existing.FindingItems.Where(f => f.ProblemId is not null || f.SupervisionItemId is not null))
            {
                var kept = input.FindingItems.FirstOrDefault(i => i.Id == f.Id);
                if (kept is null || kept.Text.Trim() != f.Text || kept.ProjectId != f.ProjectId)
                    errors.Add(new("FindingItems", "visit.item.converted", $"督导发现“{Short(f.Text)}”已转办，不能删除或修改", $"The finding \"{Short(f.Text)}\" has been passed on and cannot be changed"));
            }
        }
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static string Short(string s) => s.Length <= 20 ? s : s[..20] + "…";

    private async Task Apply(Visit v, VisitInput input, CancellationToken ct)
    {
        var projectIds = input.ProjectIds.Distinct().ToList();
        var divisions = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DivisionCode, ct);
        // A visit belongs to the division of its first project (visits rarely cross divisions).
        var division = divisions[projectIds[0]];
        v.DivisionCode = division;
        v.LeaderId = input.LeadLeaderId;
        v.Date = input.Date;
        v.Findings = input.Findings!.Trim();
        var leaders = input.LeaderIds.Distinct().ToHashSet();
        v.Leaders.RemoveAll(l => !leaders.Contains(l.LeaderId));
        foreach (var id in leaders.Where(id => v.Leaders.All(l => l.LeaderId != id)))
            v.Leaders.Add(new VisitLeader { LeaderId = id, DivisionCode = division });
        v.Projects.RemoveAll(p => !projectIds.Contains(p.ProjectId));
        foreach (var id in projectIds.Where(id => v.Projects.All(p => p.ProjectId != id)))
            v.Projects.Add(new VisitProject { ProjectId = id, DivisionCode = divisions[id] });
        var keep = input.FindingItems.Where(i => i.Id is not null).Select(i => i.Id!.Value).ToHashSet();
        v.FindingItems.RemoveAll(f => !keep.Contains(f.Id));
        foreach (var i in input.FindingItems)
        {
            var f = i.Id is { } fid ? v.FindingItems.FirstOrDefault(x => x.Id == fid) : null;
            if (f is null)
            {
                f = new VisitFinding { DivisionCode = division, Text = "" };
                v.FindingItems.Add(f);
            }
            f.Text = i.Text.Trim();
            f.ProjectId = i.ProjectId;
            f.DivisionCode = division;
        }
    }

    private static string Key(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fields an audit event records before and after a change.</summary>
    private static object Snapshot(Visit v) => new
    {
        v.LeaderId, Leaders = v.Leaders.Select(l => l.LeaderId).Order().ToList(), v.Date, v.Findings,
        Projects = v.Projects.Select(p => p.ProjectId).Order().ToList(),
        FindingItems = v.FindingItems.Select(f => new { f.Id, f.Text, f.ProjectId, f.ProblemId, f.SupervisionItemId }).ToList(),
        v.RecordedBy, v.Version,
    };

    private Task Audit(Actor actor, string action, Visit v, object? before, object after, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, action, "Visit", Key(v.Id), v.DivisionCode, before, after, ct);
}
