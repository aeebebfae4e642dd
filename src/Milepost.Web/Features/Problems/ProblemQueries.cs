using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Problems;

/// <summary>The ledger filters (all optional; they combine with AND).</summary>
public sealed record ProblemFilter(ProblemCategory? Category = null, ProblemState? State = null, long? DepartmentId = null,
    long? LeaderId = null, bool Overdue = false, long? ProjectId = null);

/// <summary>One line of the ledger.</summary>
public sealed record ProblemRow(long Id, long ProjectId, string ProjectName, ProblemCategory Category, string Description,
    string? LeadDepartment, IReadOnlyList<string> OtherDepartments, string? Leader, DateOnly RaisedOn, DateOnly? Deadline, int DaysOverdue,
    int EscalationLevel, DateOnly? NextEscalation, ProblemState State, DateOnly? ResolvedOn, long Version);

public sealed record DepartmentSummary(long UnitId, string Department, int Open, int Overdue, int Resolved, int Unresolvable, double? AverageDaysToResolve);

public sealed record ProblemLedger(DateOnly Today, int EscalationDays, IReadOnlyList<ProblemRow> Rows, IReadOnlyList<DepartmentSummary> Departments);

public sealed record EscalationView(int FromLevel, int ToLevel, DateOnly On, string By, string? Reason);

public sealed record ProblemNote(DateTime TimeUtc, string Actor, string Action, string Text);

/// <summary>What the actor may do with the problem now (the page offers exactly these; the commands check again).</summary>
public sealed record ProblemActions(bool Assign, bool Escalate, IReadOnlyList<ProblemState> Transitions, bool Comment);

public sealed record ProblemDetailView(ProblemRow Row, string RaisedBy, string? Resolution, long? ReportId, long? ResponsibleUnitId,
    IReadOnlyList<long> DepartmentIds, long? CoordinatingLeaderId, IReadOnlyList<EscalationView> Escalations, IReadOnlyList<ProblemNote> Journal,
    ProblemActions Actions);

public sealed class ProblemQueries(MilepostDb db, PortfolioClock clock, SettingsReader settings)
{
    public async Task<int> EscalationDaysAsync(CancellationToken ct = default) =>
        (await settings.GetAsync<ProblemSettings>(ProblemEscalationRunner.SettingKey, ct))?.EscalationDays ?? ProblemEscalationRule.DefaultDays;

    public async Task<ProblemLedger> LedgerAsync(Actor actor, ProblemFilter f, CancellationToken ct = default)
    {
        var today = clock.Today;
        var days = await EscalationDaysAsync(ct);
        var visible = db.Problems.AsNoTracking().VisibleTo(db.Projects, actor);
        var q = visible;
        if (f.Category is { } c) q = q.Where(p => p.Category == c);
        if (f.State is { } s) q = q.Where(p => p.State == s);
        if (f.DepartmentId is { } d) q = q.Where(p => p.ResponsibleUnitId == d || p.Departments.Any(u => u.UnitId == d));
        if (f.LeaderId is { } l) q = q.Where(p => p.CoordinatingLeaderId == l);
        if (f.ProjectId is { } pid) q = q.Where(p => p.ProjectId == pid);
        if (f.Overdue) q = q.Where(p => (p.State == ProblemState.Open || p.State == ProblemState.InProgress) && p.Deadline != null && p.Deadline < today);
        var problems = await q.Include(p => p.Departments).AsSplitQuery().ToListAsync(ct);
        var names = await NamesAsync(ct);
        var rows = problems.Select(p => Row(p, names, today, days))
            .OrderByDescending(r => r.State is ProblemState.Open or ProblemState.InProgress).ThenByDescending(r => r.DaysOverdue)
            .ThenByDescending(r => r.EscalationLevel).ThenBy(r => r.Deadline ?? DateOnly.MaxValue).ThenBy(r => r.Id).ToList();
        var all = await visible.Select(p => new Problem
        {
            DivisionCode = p.DivisionCode, Description = "", RaisedBy = "", ResponsibleUnitId = p.ResponsibleUnitId, State = p.State,
            RaisedOn = p.RaisedOn, Deadline = p.Deadline, ResolvedOn = p.ResolvedOn,
        }).ToListAsync(ct);
        var summary = ProblemStatistics.ByDepartment(all, today)
            .Select(x => new DepartmentSummary(x.UnitId, names.Units.GetValueOrDefault(x.UnitId, "?"), x.Open, x.Overdue, x.Resolved, x.Unresolvable, x.AverageDaysToResolve))
            .ToList();
        return new ProblemLedger(today, days, rows, summary);
    }

    public async Task<ProblemDetailView?> DetailAsync(Actor actor, long id, CancellationToken ct = default)
    {
        var p = await db.Problems.AsNoTracking().VisibleTo(db.Projects, actor).Include(x => x.Departments).Include(x => x.Escalations)
            .AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var names = await NamesAsync(ct);
        var key = id.ToString(CultureInfo.InvariantCulture);
        var events = await db.AuditEvents.AsNoTracking().Where(e => e.Entity == ProblemCommands.Entity && e.EntityId == key)
            .OrderByDescending(e => e.Sequence).Take(200).Select(e => new { e.TimeUtc, e.Actor, e.Action, e.After }).ToListAsync(ct);
        var people = await PeopleAsync(events.Select(e => e.Actor).Append(p.RaisedBy).Concat(p.Escalations.Select(e => e.By)), ct);
        var journal = events.Select(e => new ProblemNote(e.TimeUtc, people.GetValueOrDefault(e.Actor, e.Actor), e.Action, JournalText(e.Action, e.After))).ToList();
        var transitions = ProblemStateMachine.Allowed(p.State).Where(to => ProblemAccess.CanTransition(actor, p, to)).ToList();
        var actions = new ProblemActions(ProblemAccess.CanAssign(actor),
            ProblemAccess.CanEscalate(actor) && p.IsOpen && p.EscalationLevel < ProblemEscalationRule.MaxLevel, transitions, ProblemAccess.CanComment(actor));
        return new ProblemDetailView(Row(p, names, clock.Today, await EscalationDaysAsync(ct)), people.GetValueOrDefault(p.RaisedBy, p.RaisedBy), p.Resolution,
            p.ReportId, p.ResponsibleUnitId, p.Departments.Select(d => d.UnitId).ToList(), p.CoordinatingLeaderId,
            p.Escalations.OrderBy(e => e.On).ThenBy(e => e.ToLevel)
                .Select(e => new EscalationView(e.FromLevel, e.ToLevel, e.On, e.By == ProblemEscalationRunner.SystemActor ? Lang.T("系统（每日自动升级）", "System (daily job)") : people.GetValueOrDefault(e.By, e.By), e.Reason)).ToList(),
            journal, actions);
    }

    /// <summary>
    /// Departments (every unit that may answer for a problem) and leaders to choose from in the forms and filters,
    /// retired ones marked: pickers offer them only where already chosen (<see cref="Pickers"/>).
    /// </summary>
    public async Task<(IReadOnlyList<Option> Departments, IReadOnlyList<Option> Leaders)> ChoicesAsync(CancellationToken ct = default)
    {
        var units = await db.Units.AsNoTracking().Responsible().OrderBy(u => u.Id)
            .Select(u => new Option(u.Id.ToString(), u.Name, u.IsRetired)).ToListAsync(ct);
        var leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Precedence)
            .Select(l => new Option(l.Id.ToString(), l.Name + "（" + l.Title + "）", l.IsRetired)).ToListAsync(ct);
        return (units, leaders);
    }

    /// <summary>The projects the actor may raise a problem on (its data scope).</summary>
    public async Task<IReadOnlyList<Option>> ProjectChoicesAsync(Actor actor, CancellationToken ct = default) =>
        await db.Projects.AsNoTracking().VisibleTo(actor).OrderBy(p => p.Name).Select(p => new Option(p.Id.ToString(), p.Name)).ToListAsync(ct);

    private static string JournalText(string action, string? after)
    {
        if (after is null) return "";
        using var doc = System.Text.Json.JsonDocument.Parse(after);
        var root = doc.RootElement;
        string? Str(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == System.Text.Json.JsonValueKind.String ? v.GetString() : null;
        return action switch
        {
            "problem.comment" => Str("Comment") ?? "",
            "problem.transition" => Str("State") is { } s && Enum.TryParse<ProblemState>(s, out var st)
                ? Lang.T($"状态改为“{ProblemStateMachine.Zh(st)}”", $"State set to {ProblemStateMachine.En(st)}") + (Str("Resolution") is { } r ? "：" + r : "")
                : "",
            "problem.escalate" => root.TryGetProperty("EscalationLevel", out var lv) && lv.TryGetInt32(out var level)
                ? Lang.T($"提级至{ProblemEscalationRule.LevelZh(level)}", $"Escalated to {ProblemEscalationRule.LevelEn(level)}") : "",
            "problem.assign" => Lang.T("调整交办（责任单位、协调领导、办结时限）", "Assignment changed"),
            "problem.create" => Lang.T("登记问题", "Problem raised"),
            _ => "",
        };
    }

    private sealed record Names(Dictionary<long, string> Units, Dictionary<long, string> Leaders, Dictionary<long, string> Projects);

    private async Task<Names> NamesAsync(CancellationToken ct) => new(
        await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Name, ct),
        await db.Leaders.AsNoTracking().ToDictionaryAsync(l => l.Id, l => l.Name, ct),
        await db.Projects.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.Name, ct));

    private async Task<Dictionary<string, string>> PeopleAsync(IEnumerable<string> userNames, CancellationToken ct)
    {
        var list = userNames.Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => list.Contains(u.UserName!)).ToDictionaryAsync(u => u.UserName!, u => u.DisplayName, ct);
    }

    private static ProblemRow Row(Problem p, Names n, DateOnly today, int days) => new(
        p.Id, p.ProjectId, n.Projects.GetValueOrDefault(p.ProjectId, "?"), p.Category, p.Description,
        p.ResponsibleUnitId is { } u ? n.Units.GetValueOrDefault(u) : null,
        p.Departments.Select(d => n.Units.GetValueOrDefault(d.UnitId, "?")).ToList(),
        p.CoordinatingLeaderId is { } l ? n.Leaders.GetValueOrDefault(l) : null,
        p.RaisedOn, p.Deadline, ProblemEscalationRule.DaysOverdue(p, today), p.EscalationLevel, ProblemEscalationRule.NextDue(p, days),
        p.State, p.ResolvedOn, p.Version);
}
