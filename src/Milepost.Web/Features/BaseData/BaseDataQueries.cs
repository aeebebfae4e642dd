using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;
using static Milepost.Core.Portfolio.BaseDataRules;

namespace Milepost.Web.Features.BaseData;

/// <summary>Records offered to choose from by a search (merge into…, parent unit): at most <see cref="BaseDataQueries.MaxCandidates"/>.</summary>
/// <param name="More">True when more records match than are offered: the user should type more.</param>
public sealed record BaseDataCandidates(IReadOnlyList<Option> Items, bool More);

/// <summary>
/// The office's base-data tables: a page of one kind at a time, searched in names, short names, aliases (and codes),
/// with how many projects use each record. Only for those <see cref="BaseDataAccess"/> lets read.
/// </summary>
public sealed class BaseDataQueries(MilepostDb db)
{
    public const int MaxCandidates = 50;

    public async Task<PageOf<DivisionRow>> DivisionsAsync(Actor actor, BaseDataFilter f, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        var q = db.Divisions.AsNoTracking();
        if (!f.Retired) q = q.Where(d => !d.IsRetired);
        if (Clean(f.Q) is { } s) q = q.Where(d => d.Code.StartsWith(s) || d.Name.Contains(s));
        // Codes sort as the tree does: a city, then its districts and counties.
        return await PageAsync(q.OrderBy(d => d.Code), f, DivisionRowsAsync, ct);
    }

    public async Task<DivisionRow?> DivisionAsync(Actor actor, string code, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        return (await DivisionRowsAsync(await db.Divisions.AsNoTracking().Where(d => d.Code == code).ToListAsync(ct), ct)).FirstOrDefault();
    }

    private async Task<List<DivisionRow>> DivisionRowsAsync(List<Division> divisions, CancellationToken ct)
    {
        var codes = divisions.Select(d => d.Code).ToList();
        var projects = await CountsAsync(db.Projects.Where(p => codes.Contains(p.DivisionCode)).Select(p => p.DivisionCode), ct);
        // The whole tree is small (a province has a few hundred divisions): names and depths from one read.
        var all = await db.Divisions.AsNoTracking().ToDictionaryAsync(d => d.Code, d => (d.Name, d.ParentCode), ct);
        int Depth(string code)
        {
            var depth = 0;
            for (var at = all.GetValueOrDefault(code).ParentCode; at is not null && depth < 10; at = all.GetValueOrDefault(at).ParentCode) depth++;
            return depth;
        }
        return [.. divisions.Select(d => new DivisionRow(d.Code, d.Name, d.ParentCode, d.ParentCode is { } p ? all.GetValueOrDefault(p).Name : null,
            d.Level, Depth(d.Code), d.IsRetired, d.Version, projects.GetValueOrDefault(d.Code)))];
    }

    public async Task<PageOf<UnitRow>> UnitsAsync(Actor actor, BaseDataFilter f, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        var q = db.Units.AsNoTracking();
        if (!f.Retired) q = q.Where(u => !u.IsRetired);
        if (Clean(f.Q) is { } s)
            q = q.Where(u => u.Name.Contains(s) || (u.ShortName != null && u.ShortName.Contains(s)) || (u.Aliases != null && u.Aliases.Contains(s))
                             || (u.ContactPerson != null && u.ContactPerson.Contains(s)));
        return await PageAsync(q.OrderBy(u => u.Id), f, UnitRowsAsync, ct);
    }

    public async Task<UnitRow?> UnitAsync(Actor actor, long id, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        return (await UnitRowsAsync(await db.Units.AsNoTracking().Where(u => u.Id == id).ToListAsync(ct), ct)).FirstOrDefault();
    }

    private async Task<List<UnitRow>> UnitRowsAsync(List<Unit> units, CancellationToken ct)
    {
        var ids = units.Select(u => u.Id).ToList();
        var owned = await CountsAsync(db.Projects.Where(p => ids.Contains(p.OwnerUnitId)).Select(p => p.OwnerUnitId), ct);
        var answered = await CountsAsync(db.Projects.Where(p => ids.Contains(p.ResponsibleUnitId)).Select(p => p.ResponsibleUnitId), ct);
        var parentIds = units.Where(u => u.ParentId is not null).Select(u => u.ParentId!.Value).Distinct().ToList();
        var parents = await db.Units.AsNoTracking().Where(u => parentIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var divisions = await DivisionNamesAsync(units.Select(u => u.DivisionCode), ct);
        return [.. units.Select(u => new UnitRow(u.Id, u.Name, u.ShortName, u.Kind, u.ParentId, u.ParentId is { } p ? parents.GetValueOrDefault(p) : null,
            u.DivisionCode, divisions.GetValueOrDefault(u.DivisionCode), AliasList.Split(u.Aliases), u.ContactPerson, u.ContactPhone,
            u.IsRetired, u.Version, owned.GetValueOrDefault(u.Id) + answered.GetValueOrDefault(u.Id)))];
    }

    public async Task<PageOf<LeaderRow>> LeadersAsync(Actor actor, BaseDataFilter f, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        var q = db.Leaders.AsNoTracking();
        if (!f.Retired) q = q.Where(l => !l.IsRetired);
        if (Clean(f.Q) is { } s)
            q = q.Where(l => l.Name.Contains(s) || l.Title.Contains(s) || (l.Aliases != null && l.Aliases.Contains(s)) || (l.Fields != null && l.Fields.Contains(s)));
        return await PageAsync(q.OrderBy(l => l.Precedence).ThenBy(l => l.Id), f, LeaderRowsAsync, ct);
    }

    public async Task<LeaderRow?> LeaderAsync(Actor actor, long id, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        return (await LeaderRowsAsync(await db.Leaders.AsNoTracking().Where(l => l.Id == id).ToListAsync(ct), ct)).FirstOrDefault();
    }

    private async Task<List<LeaderRow>> LeaderRowsAsync(List<Leader> leaders, CancellationToken ct)
    {
        var ids = leaders.Select(l => l.Id).ToList();
        var linked = await CountsAsync(db.ProjectLeaders.Where(l => ids.Contains(l.LeaderId)).Select(l => l.LeaderId), ct);
        return [.. leaders.Select(l => new LeaderRow(l.Id, l.Name, l.Title, l.Body, l.Precedence, l.Fields, l.InOfficeFrom, l.InOfficeTo,
            l.DivisionCode, AliasList.Split(l.Aliases), l.IsRetired, l.Version, linked.GetValueOrDefault(l.Id)))];
    }

    public async Task<PageOf<ProgrammeRow>> ProgrammesAsync(Actor actor, BaseDataFilter f, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        var q = db.Programmes.AsNoTracking();
        if (!f.Retired) q = q.Where(p => !p.IsRetired);
        if (Clean(f.Q) is { } s) q = q.Where(p => p.Name.Contains(s) || (p.Aliases != null && p.Aliases.Contains(s)));
        return await PageAsync(q.OrderBy(p => p.SortOrder).ThenBy(p => p.Id), f, ProgrammeRowsAsync, ct);
    }

    public async Task<ProgrammeRow?> ProgrammeAsync(Actor actor, long id, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        return (await ProgrammeRowsAsync(await db.Programmes.AsNoTracking().Where(p => p.Id == id).ToListAsync(ct), ct)).FirstOrDefault();
    }

    private async Task<List<ProgrammeRow>> ProgrammeRowsAsync(List<Programme> programmes, CancellationToken ct)
    {
        var ids = programmes.Select(p => p.Id).ToList();
        var projects = await CountsAsync(db.Projects.Where(p => p.ProgrammeId != null && ids.Contains(p.ProgrammeId.Value)).Select(p => p.ProgrammeId!.Value), ct);
        var leaderIds = programmes.Where(p => p.LeadLeaderId is not null).Select(p => p.LeadLeaderId!.Value).Distinct().ToList();
        var leaders = await db.Leaders.AsNoTracking().Where(l => leaderIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name + "（" + l.Title + "）", ct);
        return [.. programmes.Select(p => new ProgrammeRow(p.Id, p.Name, p.LeadLeaderId, p.LeadLeaderId is { } l ? leaders.GetValueOrDefault(l) : null,
            p.SortOrder, p.DivisionCode, AliasList.Split(p.Aliases), p.IsRetired, p.Version, projects.GetValueOrDefault(p.Id)))];
    }

    public async Task<PageOf<CategoryRow>> CategoriesAsync(Actor actor, BaseDataFilter f, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        var q = db.Categories.AsNoTracking();
        if (!f.Retired) q = q.Where(c => !c.IsRetired);
        if (Clean(f.Q) is { } s) q = q.Where(c => c.Name.Contains(s) || (c.NameEn != null && c.NameEn.Contains(s)) || (c.Aliases != null && c.Aliases.Contains(s)));
        return await PageAsync(q.OrderBy(c => c.SortOrder).ThenBy(c => c.Id), f, CategoryRowsAsync, ct);
    }

    public async Task<CategoryRow?> CategoryAsync(Actor actor, long id, CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        return (await CategoryRowsAsync(await db.Categories.AsNoTracking().Where(c => c.Id == id).ToListAsync(ct), ct)).FirstOrDefault();
    }

    private async Task<List<CategoryRow>> CategoryRowsAsync(List<Category> categories, CancellationToken ct)
    {
        var ids = categories.Select(c => c.Id).ToList();
        var projects = await CountsAsync(db.Projects.Where(p => ids.Contains(p.CategoryId)).Select(p => p.CategoryId), ct);
        return [.. categories.Select(c => new CategoryRow(c.Id, c.Name, c.NameEn, c.SortOrder, AliasList.Split(c.Aliases),
            c.IsRetired, c.Version, projects.GetValueOrDefault(c.Id)))];
    }

    /// <summary>
    /// Live records whose name, short name or alias contains <paramref name="q"/>, for a picker that must not list a
    /// whole province's table: at most <see cref="MaxCandidates"/>. <paramref name="mergeable"/> leaves out those the
    /// excluded record may not be merged into (an owner unit and a responsible one).
    /// </summary>
    public async Task<BaseDataCandidates> CandidatesAsync(Actor actor, BaseDataKind kind, string? q, string? excludeKey = null, bool mergeable = false,
        CancellationToken ct = default)
    {
        BaseDataAccess.Require(actor, BaseDataOperation.Read);
        var s = Clean(q) ?? "";
        var exclude = long.TryParse(excludeKey, out var id) ? id : -1;
        List<Option> options;
        switch (kind)
        {
            case BaseDataKind.Division:
                options = await db.Divisions.AsNoTracking().Where(d => !d.IsRetired && d.Code != excludeKey && (d.Code.StartsWith(s) || d.Name.Contains(s)))
                    .OrderBy(d => d.Code).Take(MaxCandidates + 1).Select(d => new Option(d.Code, d.Name + "（" + d.Code + "）")).ToListAsync(ct);
                break;
            case BaseDataKind.Unit:
                var units = db.Units.AsNoTracking().Where(u => !u.IsRetired && u.Id != exclude
                    && (u.Name.Contains(s) || (u.ShortName != null && u.ShortName.Contains(s)) || (u.Aliases != null && u.Aliases.Contains(s))));
                if (mergeable && await db.Units.Where(u => u.Id == exclude).Select(u => (UnitKind?)u.Kind).FirstOrDefaultAsync(ct) is { } k)
                    units = k == UnitKind.Owner ? units.Where(u => u.Kind == UnitKind.Owner) : units.Where(u => u.Kind != UnitKind.Owner);
                options = await units.OrderBy(u => u.Id).Take(MaxCandidates + 1)
                    .Select(u => new Option(u.Id.ToString(), u.ShortName == null ? u.Name : u.Name + "（" + u.ShortName + "）")).ToListAsync(ct);
                break;
            case BaseDataKind.Leader:
                options = await db.Leaders.AsNoTracking().Where(l => !l.IsRetired && l.Id != exclude && (l.Name.Contains(s) || (l.Aliases != null && l.Aliases.Contains(s))))
                    .OrderBy(l => l.Precedence).Take(MaxCandidates + 1).Select(l => new Option(l.Id.ToString(), l.Name + "（" + l.Title + "）")).ToListAsync(ct);
                break;
            case BaseDataKind.Programme:
                options = await db.Programmes.AsNoTracking().Where(p => !p.IsRetired && p.Id != exclude && (p.Name.Contains(s) || (p.Aliases != null && p.Aliases.Contains(s))))
                    .OrderBy(p => p.SortOrder).Take(MaxCandidates + 1).Select(p => new Option(p.Id.ToString(), p.Name)).ToListAsync(ct);
                break;
            default:
                options = await db.Categories.AsNoTracking().Where(c => !c.IsRetired && c.Id != exclude && (c.Name.Contains(s) || (c.Aliases != null && c.Aliases.Contains(s))))
                    .OrderBy(c => c.SortOrder).Take(MaxCandidates + 1).Select(c => new Option(c.Id.ToString(), c.Name)).ToListAsync(ct);
                break;
        }
        return new BaseDataCandidates([.. options.Take(MaxCandidates)], options.Count > MaxCandidates);
    }

    /// <summary>Live divisions for the forms' pickers (a city's are a handful), and the one already chosen even if retired.</summary>
    public async Task<IReadOnlyList<Option>> DivisionOptionsAsync(string? chosen = null, CancellationToken ct = default) =>
        await db.Divisions.AsNoTracking().Where(d => !d.IsRetired || d.Code == chosen).OrderBy(d => d.Code)
            .Select(d => new Option(d.Code, d.Name + "（" + d.Code + "）")).ToListAsync(ct);

    /// <summary>Live leaders for the programme form, and the one already chosen even if retired.</summary>
    public async Task<IReadOnlyList<Option>> LeaderOptionsAsync(long? chosen = null, CancellationToken ct = default) =>
        await db.Leaders.AsNoTracking().Where(l => !l.IsRetired || l.Id == chosen).OrderBy(l => l.Precedence)
            .Select(l => new Option(l.Id.ToString(), l.Name + "（" + l.Title + "）")).ToListAsync(ct);

    private async Task<Dictionary<string, string>> DivisionNamesAsync(IEnumerable<string> codes, CancellationToken ct)
    {
        var wanted = codes.Distinct().ToList();
        return await db.Divisions.AsNoTracking().Where(d => wanted.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
    }

    private static async Task<Dictionary<TKey, int>> CountsAsync<TKey>(IQueryable<TKey> keys, CancellationToken ct) where TKey : notnull =>
        await keys.GroupBy(k => k).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, ct);

    private static async Task<PageOf<TRow>> PageAsync<TEntity, TRow>(IQueryable<TEntity> ordered, BaseDataFilter f,
        Func<List<TEntity>, CancellationToken, Task<List<TRow>>> rows, CancellationToken ct)
    {
        var size = Math.Clamp(f.PageSize, 1, BaseDataFilter.MaxPageSize);
        var page = Math.Max(1, f.Page);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new PageOf<TRow>(await rows(items, ct), total, page, size, null);
    }
}
