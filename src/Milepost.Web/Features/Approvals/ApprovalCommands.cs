using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Approvals;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Approvals;

/// <summary>
/// A project's approval items (审批事项), kept by the supervision office. Each change is one
/// transaction with its audit event; bad input writes nothing; a stale version overwrites nothing.
/// </summary>
public sealed class ApprovalCommands(MilepostDb db, PortfolioClock clock)
{
    public async Task<long> CreateAsync(Actor actor, long projectId, ApprovalInput input, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireEditor(actor);
        var project = await db.Projects.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(p => p.Id == projectId, ct)
                      ?? throw new NotFoundException($"project {projectId}");
        Validate(input);
        var item = new ApprovalItem { ProjectId = project.Id, DivisionCode = project.DivisionCode, Authority = "", Version = 1 };
        Apply(item, input);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.ApprovalItems.Add(item);
        await db.SaveChangesAsync(ct);
        await Audit(actor, "approval.create", item, null, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return item.Id;
    }

    public async Task UpdateAsync(Actor actor, long projectId, long id, ApprovalInput input, long expectedVersion, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireEditor(actor);
        var visible = db.Projects.VisibleTo(actor).Select(p => p.Id);
        var item = await db.ApprovalItems.FirstOrDefaultAsync(a => a.Id == id && a.ProjectId == projectId && visible.Contains(a.ProjectId), ct)
                   ?? throw new NotFoundException($"approval {id}");
        if (item.Version != expectedVersion) throw await ConflictAsync(id, ct);
        Validate(input);
        var before = Snapshot(item);
        Apply(item, input);
        item.Version = expectedVersion + 1;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await Audit(actor, "approval.update", item, before, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(id, ct);
        }
        await tx.CommitAsync(ct);
    }

    private void Validate(ApprovalInput input)
    {
        var errors = ApprovalRules.Validate(input, clock.Today);
        if (errors.Count > 0) throw new ValidationException(errors);
    }

    private static void RequireEditor(Actor actor)
    {
        if (!actor.CanEditProjects)
            throw new ForbiddenException("只有督查室可以登记和修改审批事项", "Only the supervision office may record approval items");
    }

    private static void Apply(ApprovalItem a, ApprovalInput input)
    {
        a.Kind = input.Kind;
        a.Authority = input.Authority!.Trim();
        a.SubmittedOn = input.SubmittedOn;
        a.ApprovedOn = input.ApprovedOn;
        a.State = input.State;
        a.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }

    private async Task<ConflictException> ConflictAsync(long id, CancellationToken ct)
    {
        var (who, when) = await LastChange.FindAsync(db, clock.Zone, "ApprovalItem", id, ct);
        return new ConflictException(
            $"该审批事项已由 {who} 于 {when} 修改，您的修改未保存。请刷新后重新修改。",
            $"{who} changed this approval item at {when}; your changes were not saved. Reload and edit again.");
    }

    private static object Snapshot(ApprovalItem a) => new
    {
        a.ProjectId, Kind = a.Kind.ToString(), a.Authority, a.SubmittedOn, a.ApprovedOn, State = a.State.ToString(), a.Note, a.DaysTaken, a.Version,
    };

    private Task Audit(Actor actor, string action, ApprovalItem a, object? before, CancellationToken ct) =>
        AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, action, "ApprovalItem",
            a.Id.ToString(CultureInfo.InvariantCulture), a.DivisionCode, before, Snapshot(a), ct);
}
