using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Supervision;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Supervision;

/// <summary>The ledger's filters; every one is optional. Pages count from 1.</summary>
public sealed record SupervisionFilter(
    SupervisionState? State = null, long? UnitId = null, bool? Overdue = null, SupervisionSource? Source = null, string? Q = null,
    int? Page = null, int? PageSize = null);

/// <summary>One line of a list. OverdueDays is set only when the deadline has passed and the item is not closed.</summary>
public sealed record SupervisionRow(
    long Id, string Content, SupervisionSource Source, SupervisionState State, string LeadUnitName, IReadOnlyList<string> CooperatingUnitNames,
    DateOnly Deadline, int? OverdueDays, int UrgeCount, SupervisionEvaluation? Evaluation, string? LeaderName);

public sealed record SupervisionPage(
    IReadOnlyList<SupervisionRow> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<SupervisionState, int> CountsByState, int OverdueCount);

/// <summary>A unit's inbox, section by section: to accept first, then in hand; overdue first within each.</summary>
public sealed record SupervisionInbox(IReadOnlyList<InboxSection> Sections);

public sealed record InboxSection(string Key, string Title, IReadOnlyList<SupervisionRow> Items);

public sealed record SupervisionEntryView(SupervisionEntryKind Kind, string? Text, string By, string? ByUnitName, DateTime At);

public sealed record SupervisionDetail(
    long Id, SupervisionSource Source, string? SourceText, string Content, SupervisionState State,
    long LeadUnitId, string LeadUnitName, IReadOnlyList<Option> CooperatingUnits, IReadOnlyList<Option> Projects,
    DateOnly Deadline, int? OverdueDays, long? LeaderId, string? LeaderName, long? VisitId,
    SupervisionEvaluation? Evaluation, string? EvaluationComment, DateOnly? ClosedOn,
    string? CreatedBy, DateTime? CreatedAt, IReadOnlyList<SupervisionEntryView> Entries, long Version,
    IReadOnlyList<SupervisionEntryKind> AvailableActions, bool CanEdit);

/// <summary>What the forms and filters choose from; retired units and leaders marked (<see cref="Pickable"/> offers them only where chosen).</summary>
public sealed record SupervisionLookups(IReadOnlyList<Option> Departments, IReadOnlyList<Option> Leaders, IReadOnlyList<Option> Projects)
{
    public SupervisionLookups Pickable(IReadOnlyCollection<string?> departments, string? leader = null) =>
        new(Departments.Pickable(departments), Leaders.Pickable(leader), Projects);
}

public sealed class SupervisionQueries(MilepostDb db, PortfolioClock clock)
{
    public const int MaxPageSize = 200;

    public async Task<SupervisionPage> ListAsync(Actor actor, SupervisionFilter f, CancellationToken ct = default)
    {
        var today = clock.Today;
        var q = db.SupervisionItems.AsNoTracking().VisibleTo(actor);
        if (f.UnitId is { } unit) q = q.Where(i => i.LeadUnitId == unit || i.CooperatingUnits.Any(u => u.UnitId == unit));
        if (f.Source is { } source) q = q.Where(i => i.Source == source);
        if (f.Overdue == true) q = q.Where(i => i.State != SupervisionState.Closed && i.Deadline < today);
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(i => i.Content.Contains(f.Q.Trim()) || (i.SourceText != null && i.SourceText.Contains(f.Q.Trim())));
        // The counts answer "how many in each state" for the other filters, so the state tabs show what each holds.
        var counts = await q.GroupBy(i => i.State).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await q.CountAsync(i => i.State != SupervisionState.Closed && i.Deadline < today, ct);
        if (f.State is { } state) q = q.Where(i => i.State == state);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize ?? 20, 1, MaxPageSize);
        var page = Math.Max(1, f.Page ?? 1);
        // Open items by deadline (the most overdue first), closed ones after them, the latest closed first.
        var ids = await q.OrderBy(i => i.State == SupervisionState.Closed).ThenBy(i => i.State == SupervisionState.Closed ? DateOnly.MaxValue : i.Deadline)
            .ThenByDescending(i => i.ClosedOn).ThenBy(i => i.Id)
            .Skip((page - 1) * size).Take(size).Select(i => i.Id).ToListAsync(ct);
        var rows = await RowsAsync(ids, ct);
        return new SupervisionPage(rows, total, page, size, counts, overdue);
    }

    /// <summary>
    /// The actor's inbox. A department: items to accept, items in hand (returned ones among them),
    /// feedback awaiting review, and items it cooperates on. The office: drafts to assign and feedback
    /// to review. A leader: open items that follow the leader's own instructions.
    /// </summary>
    public async Task<SupervisionInbox> InboxAsync(Actor actor, CancellationToken ct = default)
    {
        var q = db.SupervisionItems.AsNoTracking().VisibleTo(actor).Where(i => i.State != SupervisionState.Closed);
        var sections = new List<(string Key, string Zh, string En, IQueryable<SupervisionItem> Items)>();
        if (actor.Is(Roles.Department) && actor.UnitId is { } unit)
        {
            var led = q.Where(i => i.LeadUnitId == unit);
            sections.Add(("accept", "待承办", "To accept", led.Where(i => i.State == SupervisionState.Assigned)));
            sections.Add(("progress", "办理中", "In hand", led.Where(i => i.State == SupervisionState.Accepted || i.State == SupervisionState.Returned)));
            sections.Add(("feedback", "已反馈待审核", "Feedback awaiting review", led.Where(i => i.State == SupervisionState.Feedback)));
            sections.Add(("cooperate", "配合办理", "Cooperating", q.Where(i => i.LeadUnitId != unit)));
        }
        else if (actor.Is(Roles.Supervisor))
        {
            sections.Add(("draft", "待交办", "To assign", q.Where(i => i.State == SupervisionState.Draft)));
            sections.Add(("review", "待审核反馈", "Feedback to review", q.Where(i => i.State == SupervisionState.Feedback)));
        }
        else if (actor.Is(Roles.Leader) && actor.LeaderId is { } leader)
            sections.Add(("mine", "我批示的事项", "My instructions", q.Where(i => i.LeaderId == leader)));

        var today = clock.Today;
        var result = new List<InboxSection>();
        foreach (var (key, zh, en, items) in sections)
        {
            // Overdue first (the longest overdue at the top), then by deadline.
            var ids = await items.OrderBy(i => i.Deadline).ThenBy(i => i.Id).Select(i => i.Id).Take(MaxPageSize).ToListAsync(ct);
            result.Add(new InboxSection(key, Lang.T(zh, en), await RowsAsync(ids, ct)));
        }
        return new SupervisionInbox(result);
    }

    public async Task<SupervisionDetail?> DetailAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var item = await db.SupervisionItems.AsNoTracking().VisibleTo(actor)
            .Include(i => i.CooperatingUnits).Include(i => i.Projects).Include(i => i.Entries)
            .AsSplitQuery().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return null;
        var units = await UnitNamesAsync(ct);
        var projectIds = item.Projects.Select(p => p.ProjectId).ToList();
        // Linked projects are named only where the actor may see them.
        var projects = await db.Projects.AsNoTracking().VisibleTo(actor).Where(p => projectIds.Contains(p.Id))
            .OrderBy(p => p.Name).Select(p => new Option(p.Id.ToString(), p.Name)).ToListAsync(ct);
        var leader = item.LeaderId is { } l ? await db.Leaders.Where(x => x.Id == l).Select(x => x.Name + " " + x.Title).FirstOrDefaultAsync(ct) : null;
        return new SupervisionDetail(
            item.Id, item.Source, item.SourceText, item.Content, item.State, item.LeadUnitId, units.GetValueOrDefault(item.LeadUnitId, "?"),
            item.CooperatingUnits.Select(u => new Option(u.UnitId.ToString(), units.GetValueOrDefault(u.UnitId, "?"))).ToList(), projects,
            item.Deadline, OverdueDays(item), item.LeaderId, leader, item.VisitId, item.Evaluation, item.EvaluationComment, item.ClosedOn,
            item.CreatedBy, item.CreatedAt,
            item.Entries.OrderBy(e => e.At).ThenBy(e => e.Id)
                .Select(e => new SupervisionEntryView(e.Kind, e.Text, e.By, e.ByUnitId is { } u ? units.GetValueOrDefault(u) : null, e.At)).ToList(),
            item.Version, SupervisionScope.Available(actor, item), SupervisionScope.MayEdit(actor, item));
    }

    public async Task<SupervisionLookups> LookupsAsync(Actor actor, CancellationToken ct = default)
    {
        var departments = await db.Units.AsNoTracking().Responsible().OrderBy(u => u.Id)
            .Select(u => new Option(u.Id.ToString(), u.Name, u.IsRetired)).ToListAsync(ct);
        var leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Precedence)
            .Select(l => new Option(l.Id.ToString(), l.Name + "（" + l.Title + "）", l.IsRetired)).ToListAsync(ct);
        var projects = await db.Projects.AsNoTracking().VisibleTo(actor).OrderBy(p => p.Name)
            .Select(p => new Option(p.Id.ToString(), p.Name)).ToListAsync(ct);
        return new SupervisionLookups(departments, leaders, projects);
    }

    private async Task<List<SupervisionRow>> RowsAsync(List<long> ids, CancellationToken ct)
    {
        var items = await db.SupervisionItems.AsNoTracking().Where(i => ids.Contains(i.Id))
            .Select(i => new
            {
                i.Id, i.Content, i.Source, i.State, i.LeadUnitId, i.Deadline, i.Evaluation, i.LeaderId,
                Units = i.CooperatingUnits.Select(u => u.UnitId).ToList(),
                Urges = i.Entries.Count(e => e.Kind == SupervisionEntryKind.Urge),
            }).ToListAsync(ct);
        var units = await UnitNamesAsync(ct);
        var leaders = await db.Leaders.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct);
        var today = clock.Today;
        var rows = items.Select(i => new SupervisionRow(
            i.Id, i.Content, i.Source, i.State, units.GetValueOrDefault(i.LeadUnitId, "?"), i.Units.Select(u => units.GetValueOrDefault(u, "?")).ToList(),
            i.Deadline, i.State != SupervisionState.Closed && i.Deadline < today ? today.DayNumber - i.Deadline.DayNumber : null,
            i.Urges, i.Evaluation, i.LeaderId is { } l ? leaders.GetValueOrDefault(l) : null));
        // Keep the order the ids came in, except that overdue items come first (the longest overdue at the top).
        var order = ids.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return rows.OrderBy(r => r.OverdueDays is null).ThenByDescending(r => r.OverdueDays ?? 0).ThenBy(r => order[r.Id]).ToList();
    }

    private Task<Dictionary<long, string>> UnitNamesAsync(CancellationToken ct) =>
        db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct);

    private int? OverdueDays(SupervisionItem i) =>
        i.IsOverdueOn(clock.Today) ? clock.Today.DayNumber - i.Deadline.DayNumber : null;
}
