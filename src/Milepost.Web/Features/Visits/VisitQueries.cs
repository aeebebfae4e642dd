using Microsoft.EntityFrameworkCore;
using Milepost.Core.Visits;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Visits;

public sealed record VisitFilter(long? LeaderId = null, DateOnly? From = null, DateOnly? To = null, long? ProjectId = null);

public sealed record NamedRef(long Id, string Name);

/// <summary>A visit in the list: who, when, where, and how many findings were passed on.</summary>
public sealed record VisitRow(long Id, DateOnly Date, string LeadLeader, IReadOnlyList<string> Leaders, IReadOnlyList<NamedRef> Projects,
    string Findings, int FindingCount, int ConvertedCount);

public sealed record FindingView(long Id, string Text, long? ProjectId, string? ProjectName, long? ProblemId, long? SupervisionItemId, long? ResponsibleUnitId);

public sealed record VisitView(long Id, DateOnly Date, long LeadLeaderId, string LeadLeader, IReadOnlyList<NamedRef> Leaders, IReadOnlyList<NamedRef> Projects,
    string Findings, IReadOnlyList<FindingView> FindingItems, string? RecordedBy, long Version, bool CanEdit);

/// <summary>What the forms and filters choose from; retired leaders and units marked (<see cref="Pickable"/> offers them only where chosen).</summary>
public sealed record VisitLookups(IReadOnlyList<Option> Leaders, IReadOnlyList<Option> Projects, IReadOnlyList<Option> Departments)
{
    public VisitLookups Pickable(IReadOnlyCollection<string?> leaders, string? department = null) =>
        new(Leaders.Pickable(leaders), Projects, Departments.Pickable(department));
}

public sealed class VisitQueries(MilepostDb db)
{
    public async Task<IReadOnlyList<VisitRow>> ListAsync(Actor actor, VisitFilter f, CancellationToken ct = default)
    {
        var q = db.Visits.AsNoTracking().VisibleTo(actor, db.Projects);
        if (f.LeaderId is { } l) q = q.Where(v => v.LeaderId == l || v.Leaders.Any(x => x.LeaderId == l));
        if (f.From is { } from) q = q.Where(v => v.Date >= from);
        if (f.To is { } to) q = q.Where(v => v.Date <= to);
        if (f.ProjectId is { } p) q = q.Where(v => v.Projects.Any(x => x.ProjectId == p));
        var visits = await q.Include(v => v.Leaders).Include(v => v.Projects).Include(v => v.FindingItems)
            .OrderByDescending(v => v.Date).ThenByDescending(v => v.Id).Take(500).AsSplitQuery().ToListAsync(ct);
        return await RowsAsync(actor, visits, ct);
    }

    /// <summary>The rows for visits already loaded with their leaders, projects and findings; only visible projects are named.</summary>
    internal async Task<IReadOnlyList<VisitRow>> RowsAsync(Actor actor, IReadOnlyList<Visit> visits, CancellationToken ct)
    {
        var leaders = await LeaderNamesAsync(ct);
        var projectIds = visits.SelectMany(v => v.Projects.Select(p => p.ProjectId)).Distinct().ToList();
        var projects = await db.Projects.AsNoTracking().VisibleTo(actor).Where(p => projectIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, ct);
        return visits.Select(v =>
        {
            var findings = v.FindingItems.Where(f => Shows(f, projects.ContainsKey)).ToList();
            return new VisitRow(v.Id, v.Date, (leaders.GetValueOrDefault(v.LeaderId)?.Name ?? "?"),
                OrderLeaders(v, leaders).Select(x => x.Name).ToList(),
                v.Projects.Where(p => projects.ContainsKey(p.ProjectId)).Select(p => new NamedRef(p.ProjectId, projects[p.ProjectId])).ToList(),
                Summary(v, projects.ContainsKey), findings.Count, findings.Count(x => x.ProblemId is not null || x.SupervisionItemId is not null));
        }).ToList();
    }

    // A visit is visible to a unit when one of its projects is; what it found at other units' projects is not
    // (SPEC §5: owners and departments see only their own). The summary is free text that may speak of any of
    // them, so it is shown only when every project of the visit is the reader's.
    private static bool Shows(VisitFinding f, Func<long, bool> visible) => f.ProjectId is not { } p || visible(p);

    private static string Summary(Visit v, Func<long, bool> visible) =>
        v.Projects.All(p => visible(p.ProjectId)) ? v.Findings
        : Lang.T("（本次督导还涉及其他单位的项目，此处只列出与本单位项目有关的督导发现。）",
            "(This visit also covered other units' projects; only the findings about yours are listed.)");

    public async Task<VisitView?> DetailAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var v = await db.Visits.AsNoTracking().VisibleTo(actor, db.Projects)
            .Include(x => x.Leaders).Include(x => x.Projects).Include(x => x.FindingItems)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (v is null) return null;
        var leaders = await LeaderNamesAsync(ct);
        var projectIds = v.Projects.Select(p => p.ProjectId).ToList();
        var projects = await db.Projects.AsNoTracking().VisibleTo(actor).Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.Name, p.ResponsibleUnitId }).ToDictionaryAsync(p => p.Id, ct);
        return new VisitView(v.Id, v.Date, v.LeaderId, (leaders.GetValueOrDefault(v.LeaderId)?.Name ?? "?"), OrderLeaders(v, leaders),
            v.Projects.Where(p => projects.ContainsKey(p.ProjectId)).Select(p => new NamedRef(p.ProjectId, projects[p.ProjectId].Name)).ToList(),
            Summary(v, projects.ContainsKey),
            v.FindingItems.Where(f => Shows(f, projects.ContainsKey)).OrderBy(f => f.Id).Select(f => new FindingView(f.Id, f.Text, f.ProjectId,
                f.ProjectId is { } pid && projects.TryGetValue(pid, out var pr) ? pr.Name : null, f.ProblemId, f.SupervisionItemId,
                f.ProjectId is { } pid2 && projects.TryGetValue(pid2, out var pr2) ? pr2.ResponsibleUnitId : null)).ToList(),
            v.RecordedBy, v.Version, VisitScope.MayEdit(actor, v));
    }

    public async Task<VisitLookups> LookupsAsync(Actor actor, CancellationToken ct = default)
    {
        static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Precedence).Select(l => new { l.Id, l.Name, l.Title, l.IsRetired }).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().VisibleTo(actor).OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().Responsible().OrderBy(u => u.Id)
            .Select(u => new { u.Id, u.Name, u.IsRetired }).ToListAsync(ct);
        return new VisitLookups(
            leaders.Select(l => new Option(Id(l.Id), $"{l.Name}（{l.Title}）", l.IsRetired)).ToList(),
            projects.Select(p => new Option(Id(p.Id), p.Name)).ToList(),
            units.Select(u => new Option(Id(u.Id), u.Name, u.IsRetired)).ToList());
    }

    private async Task<Dictionary<long, LeaderName>> LeaderNamesAsync(CancellationToken ct) =>
        await db.Leaders.AsNoTracking().ToDictionaryAsync(l => l.Id, l => new LeaderName(l.Name + l.Title, l.Precedence), ct);

    internal sealed record LeaderName(string Name, int Precedence);

    /// <summary>The lead first, then the others in order of precedence.</summary>
    private static List<NamedRef> OrderLeaders(Visit v, Dictionary<long, LeaderName> leaders) =>
        v.Leaders.Select(l => l.LeaderId).Append(v.LeaderId).Distinct()
            .OrderBy(id => id == v.LeaderId ? 0 : 1).ThenBy(id => leaders.GetValueOrDefault(id)?.Precedence ?? int.MaxValue)
            .Select(id => new NamedRef(id, leaders.GetValueOrDefault(id)?.Name ?? "?")).ToList();
}
