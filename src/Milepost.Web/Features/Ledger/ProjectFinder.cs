using Microsoft.EntityFrameworkCore;
using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;
using Milepost.Data;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// Finds the project a report row is about: by 项目代码 when the row has one, else by its exact name (trimmed),
/// narrowed to the row's division when the sheet says it. A name shared by projects in several divisions is an
/// error that lists them, not a guess.
/// </summary>
public sealed class ProjectFinder
{
    public sealed record Key(long Id, string? Code, string Name, string DivisionCode);

    private readonly Dictionary<string, Key> _byCode;
    private readonly ILookup<string, Key> _byName;
    private readonly Dictionary<string, string> _divisions;
    private readonly Dictionary<string, string> _divisionNames;

    private ProjectFinder(List<Key> projects, List<Division> divisions)
    {
        _byCode = new Dictionary<string, Key>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in projects.Where(p => p.Code is not null)) _byCode.TryAdd(p.Code!.Trim(), p);
        _byName = projects.ToLookup(p => p.Name.Trim(), StringComparer.Ordinal);
        _divisions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in divisions) { _divisions.TryAdd(d.Name.Trim(), d.Code); _divisions.TryAdd(d.Code, d.Code); }
        _divisionNames = divisions.ToDictionary(d => d.Code, d => d.Name);
    }

    public static async Task<ProjectFinder> LoadAsync(MilepostDb db, CancellationToken ct) => new(
        await db.Projects.AsNoTracking().Select(p => new Key(p.Id, p.Code, p.Name, p.DivisionCode)).ToListAsync(ct),
        await db.Divisions.AsNoTracking().ToListAsync(ct));

    /// <summary>The row's project, or null after reporting why at the cell (a name that disagrees with the code is only a warning).</summary>
    public Key? Find(MonthlyReportLine line, Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        if (line.Code is { } code)
        {
            if (!_byCode.TryGetValue(code.Trim(), out var byCode))
            {
                add(LedgerField.Code, ImportErrorKinds.UnknownProjectCode, code, [code.Trim()]);
                return null;
            }
            if (line.Name is { } written && written.Trim() != byCode.Name.Trim())
                add(LedgerField.Name, ImportErrorKinds.NameMismatch, written, [code.Trim(), byCode.Name]);
            return byCode;
        }
        var name = line.Name!.Trim();
        string? division = null;
        if (line.Division is { } dn && !_divisions.TryGetValue(dn.Trim(), out division))
        {
            add(LedgerField.Division, ImportErrorKinds.UnknownDivision, dn, [dn.Trim()]);
            return null;
        }
        var named = _byName[name].ToList();
        var found = named.Where(p => division is null || p.DivisionCode == division).ToList();
        switch (found.Count)
        {
            case 1: return found[0];
            case 0 when named.Count > 0:
                add(LedgerField.Division, ImportErrorKinds.NotInDivision, line.Division, [name, line.Division!.Trim(), Where(named)]);
                return null;
            case 0:
                add(LedgerField.Name, ImportErrorKinds.UnknownProjectName, line.Name, [name]);
                return null;
            default:
                add(LedgerField.Name, ImportErrorKinds.AmbiguousProject, line.Name, [name, Where(found)]);
                return null;
        }
    }

    /// <summary>"江城区 2020-511802-…、青山县": where the projects of one name are, for the user to choose.</summary>
    private string Where(IEnumerable<Key> projects) =>
        string.Join("、", projects.Select(p => _divisionNames.GetValueOrDefault(p.DivisionCode, p.DivisionCode) + (p.Code is null ? "" : $" {p.Code}")));
}
