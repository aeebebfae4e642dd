using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

public enum ProjectSort { Code, Name, TotalInvestment, PlannedStart, PlannedCompletion }

/// <summary>The project list's filters; every one is optional. Pages count from 1.</summary>
public sealed record ProjectFilter
{
    public long? ProgrammeId { get; init; }
    public long? CategoryId { get; init; }
    public string? DivisionCode { get; init; }
    public ProjectStage? Stage { get; init; }
    public long? LeaderId { get; init; }
    public long? ResponsibleUnitId { get; init; }
    /// <summary>A leader's view (SPEC §6): the projects the leader is linked to, and those of the programmes the leader leads.</summary>
    public long? LedBy { get; init; }
    /// <summary>Text searched in the project name and code.</summary>
    public string? Search { get; init; }
    /// <summary>The year whose annual plan is shown; the latest planned year when empty.</summary>
    public int? Year { get; init; }
    public ProjectSort Sort { get; init; } = ProjectSort.Code;
    public bool Descending { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 20;
}

public sealed record ProjectRow(
    long Id, string? Code, string Name, string DivisionName, string? ProgrammeName, string CategoryName,
    string OwnerUnitName, string ResponsibleUnitName, IReadOnlyList<string> Leaders, decimal TotalInvestmentWan,
    ProjectStage Stage, DateOnly? PlannedStart, DateOnly? PlannedCompletion, decimal? AnnualPlanWan)
{
    /// <summary>The warning level as of the portfolio's date, with its reasons (SPEC §4.3).</summary>
    public Core.Warnings.WarningResult? Warning { get; init; }
    /// <summary>Completion rate of the current year's plan (null when undefined).</summary>
    public decimal? CompletionRate { get; init; }
    /// <summary>Lag behind the time-elapsed expectation, in percentage points.</summary>
    public decimal? LagPoints { get; init; }
    /// <summary>Completed investment of the current year to date, in 万元 (from the reports that count).</summary>
    public decimal? YtdCompletedWan { get; init; }
}

public sealed record PageOf<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, int? Year);

/// <summary>A choice in a picker or filter; <paramref name="Retired"/> ones are offered only where already chosen (<see cref="BaseData.Pickers"/>).</summary>
public sealed record Option(string Value, string Label, bool Retired = false);

/// <summary>
/// Lookups that filters and forms choose from, and that name the records of breakdowns: retired records included,
/// marked, so that what was chosen before they were retired still displays. <see cref="Pickable"/> gives what a
/// picker offers. Departments are the units that may answer for a project (every responsible kind).
/// </summary>
public sealed record ProjectLookups(
    IReadOnlyList<Option> Programmes, IReadOnlyList<Option> Categories, IReadOnlyList<Option> Divisions,
    IReadOnlyList<Option> Leaders, IReadOnlyList<Option> Departments, IReadOnlyList<Option> Owners)
{
    /// <summary>The live choices, plus the ones already chosen (in the form or in the filter).</summary>
    public ProjectLookups Pickable(string? programme = null, string? category = null, string? division = null,
        IEnumerable<string?>? leaders = null, string? department = null, string? owner = null) => new(
        Programmes.Pickable(programme), Categories.Pickable(category), Divisions.Pickable(division),
        Leaders.Pickable([.. leaders ?? []]), Departments.Pickable(department), Owners.Pickable(owner));
}

public sealed partial class ProjectQueries(MilepostDb db, ProjectStatusService status)
{
    private MilepostDb Db => db;

    public const int MaxPageSize = 200;

    public async Task<PageOf<ProjectRow>> ListAsync(Actor actor, ProjectFilter f, CancellationToken ct = default)
    {
        var q = db.Projects.AsNoTracking().VisibleTo(actor).Filtered(f);
        var total = await q.CountAsync(ct);
        var size = Math.Clamp(f.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, f.Page);
        var year = f.Year ?? await db.AnnualPlans.MaxAsync(a => (int?)a.Year, ct);
        var items = await RowsAsync(Ordered(q, f).Skip((page - 1) * size).Take(size), year, await DivisionNamesAsync(ct), ct);
        return new PageOf<ProjectRow>(items, total, page, size, year);
    }

    /// <summary>
    /// Every project of the list under its filters and sort, as the pages show them, for exports. The ids are read once
    /// in order and the rows fetched by id, a thousand at a time: paging with OFFSET would sort and skip the whole list
    /// again for each page, which grows with the square of the list (a province's 100,000 projects).
    /// </summary>
    public async IAsyncEnumerable<ProjectRow> AllAsync(Actor actor, ProjectFilter f, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        var q = db.Projects.AsNoTracking().VisibleTo(actor).Filtered(f);
        var year = f.Year ?? await db.AnnualPlans.MaxAsync(a => (int?)a.Year, ct);
        var divisions = await DivisionNamesAsync(ct);
        var ids = await Ordered(q, f).Select(p => p.Id).ToListAsync(ct);
        foreach (var chunk in ids.Chunk(1000))
        {
            var rows = (await RowsAsync(db.Projects.AsNoTracking().Where(p => chunk.Contains(p.Id)), year, divisions, ct)).ToDictionary(r => r.Id);
            foreach (var id in chunk)
                if (rows.TryGetValue(id, out var row)) yield return row;
        }
    }

    private static IQueryable<Project> Ordered(IQueryable<Project> q, ProjectFilter f)
    {
        IOrderedQueryable<Project> ordered = (f.Sort, f.Descending) switch
        {
            (ProjectSort.Name, false) => q.OrderBy(p => p.Name),
            (ProjectSort.Name, true) => q.OrderByDescending(p => p.Name),
            (ProjectSort.TotalInvestment, false) => q.OrderBy(p => p.TotalInvestment),
            (ProjectSort.TotalInvestment, true) => q.OrderByDescending(p => p.TotalInvestment),
            (ProjectSort.PlannedStart, false) => q.OrderBy(p => p.PlannedStart),
            (ProjectSort.PlannedStart, true) => q.OrderByDescending(p => p.PlannedStart),
            (ProjectSort.PlannedCompletion, false) => q.OrderBy(p => p.PlannedCompletion),
            (ProjectSort.PlannedCompletion, true) => q.OrderByDescending(p => p.PlannedCompletion),
            (_, false) => q.OrderBy(p => p.Code),
            (_, true) => q.OrderByDescending(p => p.Code),
        };
        return ordered.ThenBy(p => p.Id);
    }

    /// <summary>The list's rows for these projects, in the query's order, with their plan of <paramref name="year"/> and their status.</summary>
    private async Task<List<ProjectRow>> RowsAsync(IQueryable<Project> projects, int? year, Dictionary<string, string> divisions, CancellationToken ct)
    {
        var rows = await projects
            .Select(p => new
            {
                p.Id, p.Code, p.Name, p.DivisionCode, Programme = p.Programme!.Name, Category = p.Category!.Name,
                Owner = p.OwnerUnit!.Name, Responsible = p.ResponsibleUnit!.Name,
                Leaders = p.Leaders.OrderBy(l => l.Leader!.Precedence).Select(l => l.Leader!.Name).ToList(),
                p.TotalInvestment, p.Stage, p.PlannedStart, p.PlannedCompletion,
                Plans = p.AnnualPlans.Where(a => a.Year == year).Select(a => a.PlannedInvestment).ToList(),
            })
            .ToListAsync(ct);
        var statuses = await status.ForProjectsAsync(rows.Select(r => r.Id).ToList(), ct);
        return rows.Select(r => new ProjectRow(
            r.Id, r.Code, r.Name, divisions.GetValueOrDefault(r.DivisionCode, r.DivisionCode), r.Programme, r.Category,
            r.Owner, r.Responsible, r.Leaders, r.TotalInvestment.Wan, r.Stage, r.PlannedStart, r.PlannedCompletion, r.Plans.Count == 0 ? null : r.Plans[0].Wan)
        {
            Warning = statuses.GetValueOrDefault(r.Id)?.Warning,
            CompletionRate = statuses.GetValueOrDefault(r.Id)?.Indicators.CompletionRate,
            LagPoints = statuses.GetValueOrDefault(r.Id)?.Indicators.LagPoints,
            YtdCompletedWan = statuses.GetValueOrDefault(r.Id)?.Indicators.YtdCompleted.Wan,
        }).ToList();
    }

    public async Task<Dictionary<string, string>> DivisionNamesAsync(CancellationToken ct = default) =>
        await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);

    public async Task<ProjectLookups> LookupsAsync(CancellationToken ct = default)
    {
        static string Id(long id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Name, p.IsRetired }).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Name, c.NameEn, c.IsRetired }).ToListAsync(ct);
        var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Precedence).Select(l => new { l.Id, l.Name, l.Title, l.IsRetired }).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Kind, u.IsRetired }).ToListAsync(ct);
        return new ProjectLookups(
            programmes.Select(p => new Option(Id(p.Id), p.Name, p.IsRetired)).ToList(),
            categories.Select(c => new Option(Id(c.Id), Lang.IsEnglish && c.NameEn is not null ? c.NameEn : c.Name, c.IsRetired)).ToList(),
            divisions.Select(d => new Option(d.Code, d.ParentCode is null ? d.Name : "　" + d.Name, d.IsRetired)).ToList(),
            leaders.Select(l => new Option(Id(l.Id), $"{l.Name}（{l.Title}）", l.IsRetired)).ToList(),
            units.Where(u => u.Kind.IsResponsible()).Select(u => new Option(Id(u.Id), u.Name, u.IsRetired)).ToList(),
            units.Where(u => u.Kind == Core.Portfolio.UnitKind.Owner).Select(u => new Option(Id(u.Id), u.Name, u.IsRetired)).ToList());
    }
}

/// <summary>The list's project filters (not its paging), shared with the dashboard so their totals match.</summary>
public static class ProjectFiltering
{
    public static IQueryable<Project> Filtered(this IQueryable<Project> q, ProjectFilter f)
    {
        if (f.ProgrammeId is { } prog) q = q.Where(p => p.ProgrammeId == prog);
        if (f.CategoryId is { } cat) q = q.Where(p => p.CategoryId == cat);
        if (!string.IsNullOrWhiteSpace(f.DivisionCode))
        {
            var prefix = ProjectScope.DivisionPrefix(f.DivisionCode.Trim());
            q = q.Where(p => p.DivisionCode.StartsWith(prefix));
        }
        if (f.Stage is { } stage) q = q.Where(p => p.Stage == stage);
        if (f.LeaderId is { } leader) q = q.Where(p => p.Leaders.Any(l => l.LeaderId == leader));
        if (f.ResponsibleUnitId is { } unit) q = q.Where(p => p.ResponsibleUnitId == unit);
        if (f.LedBy is { } led) q = q.Where(p => p.Leaders.Any(l => l.LeaderId == led) || (p.Programme != null && p.Programme.LeadLeaderId == led));
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            var s = f.Search.Trim();
            q = q.Where(p => p.Name.Contains(s) || (p.Code != null && p.Code.Contains(s)));
        }
        return q;
    }
}
