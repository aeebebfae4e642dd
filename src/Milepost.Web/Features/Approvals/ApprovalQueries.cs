using Microsoft.EntityFrameworkCore;
using Milepost.Core.Approvals;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Approvals;

public sealed record ApprovalView(long Id, long ProjectId, ApprovalKind Kind, string Authority, DateOnly? SubmittedOn, DateOnly? ApprovedOn,
    ApprovalState State, string? Note, int? DaysTaken, long Version)
{
    public static ApprovalView From(ApprovalItem a) =>
        new(a.Id, a.ProjectId, a.Kind, a.Authority, a.SubmittedOn, a.ApprovedOn, a.State, a.Note, a.DaysTaken, a.Version);
}

/// <summary>Days taken per kind and per authority for the approvals of one year (by approval date), or of all years.</summary>
public sealed record ApprovalStats(int? Year, IReadOnlyList<int> Years, int ItemCount, int PendingCount,
    ApprovalDaysRow<string>? Overall, IReadOnlyList<ApprovalDaysRow<ApprovalKind>> ByKind, IReadOnlyList<ApprovalDaysRow<string>> ByAuthority);

public sealed class ApprovalQueries(MilepostDb db)
{
    /// <summary>A project's approval items in the order of the approval chain; null when the project is not the actor's to see.</summary>
    public async Task<IReadOnlyList<ApprovalView>?> ForProjectAsync(Actor actor, long projectId, CancellationToken ct = default)
    {
        if (!await db.Projects.VisibleTo(actor).AnyAsync(p => p.Id == projectId, ct)) return null;
        var items = await db.ApprovalItems.AsNoTracking().Where(a => a.ProjectId == projectId).ToListAsync(ct);
        return items.OrderBy(a => a.Kind).ThenBy(a => a.SubmittedOn).ThenBy(a => a.Id).Select(ApprovalView.From).ToList();
    }

    /// <summary>The statistics over the projects the actor may see (a department its own, an owner its own).</summary>
    public async Task<ApprovalStats> StatsAsync(Actor actor, int? year, CancellationToken ct = default)
    {
        var visible = db.Projects.VisibleTo(actor).Select(p => p.Id);
        var items = await db.ApprovalItems.AsNoTracking().Where(a => visible.Contains(a.ProjectId)).ToListAsync(ct);
        var years = items.Where(a => a.ApprovedOn is not null).Select(a => a.ApprovedOn!.Value.Year).Distinct().OrderDescending().ToList();
        var approved = items.Where(a => year is null || a.ApprovedOn?.Year == year).ToList();
        var samples = ApprovalStatistics.Samples(approved);
        return new ApprovalStats(year, years, samples.Count, items.Count(a => a.State == ApprovalState.Submitted),
            ApprovalStatistics.Overall(samples), ApprovalStatistics.ByKind(samples), ApprovalStatistics.ByAuthority(samples));
    }
}
