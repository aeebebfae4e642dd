using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// Imports the base-data workbook (issue 15 item 1): every sheet optional, every row checked by the rules of base data
/// before anything is written (<see cref="BaseDataWorkbookPlan"/>). Any error: nothing is written and every error is
/// returned at its cell. Otherwise, unless it is a dry run, one transaction writes every created or changed record with
/// one audit event each (<see cref="BaseDataWorkbookWrite"/>). The workbook the export writes comes back unchanged.
/// </summary>
public sealed class BaseDataWorkbookImport(MilepostDb db, PortfolioClock clock)
{
    public async Task<BaseDataWorkbookResult> RunAsync(Actor actor, WorkbookSource source, bool dryRun, bool english = false, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!actor.CanEditProjects)
            throw new ForbiddenException("只有督查室可以导入基础数据", "Only the supervision office may import base data");
        var errors = new WorkbookErrors(english);
        var sheets = BaseDataWorkbookRows.Read(source, errors);
        var stored = new BaseDataStored(
            await db.Divisions.AsNoTracking().ToListAsync(ct), await db.Units.AsNoTracking().ToListAsync(ct),
            await db.Leaders.AsNoTracking().ToListAsync(ct), await db.Programmes.AsNoTracking().ToListAsync(ct),
            await db.Categories.AsNoTracking().ToListAsync(ct));
        var plan = new BaseDataWorkbookPlan(sheets, stored, errors, clock.Today.Year);
        await CheckSidesAsync(plan, errors, ct);

        var order = sheets.Select((s, i) => (s.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var result = new BaseDataWorkbookResult(dryRun, false, plan.Results(),
            [.. errors.Errors.OrderBy(e => order.GetValueOrDefault(e.Sheet, -1)).ThenBy(e => e.Row).ThenBy(e => e.Column.Length).ThenBy(e => e.Column, StringComparer.Ordinal)],
            errors.Warnings);
        if (result.HasErrors || dryRun) return result;
        await ImportErrorKinds.UnlessChangedAsync(async () =>
        {
            await new BaseDataWorkbookWrite(db, clock.UtcNow, actor).WriteAsync(plan, ct);
            return true;
        });
        return result with { Written = true };
    }

    /// <summary>
    /// The workbook to fix a refused import with: the list of every error, then each sheet that has one, as uploaded,
    /// its bad cells filled (<see cref="ImportErrorWorkbook"/>).
    /// </summary>
    public static byte[] ErrorWorkbook(WorkbookSource source, BaseDataWorkbookResult result)
    {
        var marks = result.Errors.Concat(result.Warnings).Where(e => e.Row > 0).ToLookup(e => e.Sheet);
        var sheets = source.SheetNames.Where(n => marks[n].Any())
            .Select(n => new ImportErrorWorkbook.ErrorSheet(n, source.Rows(n), [.. marks[n]])).ToList();
        return ImportErrorWorkbook.Build(sheets, result.Errors.Concat(result.Warnings));
    }

    /// <summary>A unit that changes sides (业主单位 ⇄ a responsible kind) is refused while projects name it in its present role.</summary>
    private async Task CheckSidesAsync(BaseDataWorkbookPlan plan, WorkbookErrors errors, CancellationToken ct)
    {
        foreach (var p in plan.SideChanges())
        {
            var (id, from) = (p.Stored!.Id, p.Stored.Kind);
            var projects = from == UnitKind.Owner
                ? await db.Projects.CountAsync(x => x.OwnerUnitId == id, ct)
                : await db.Projects.CountAsync(x => x.ResponsibleUnitId == id, ct);
            if (BaseDataWorkbookRules.KindChange(p.Stored.Name, from, p.Entity.Kind, projects) is { } e) errors.Add(plan.Units.Sheet!, p.Row!, e);
        }
    }
}
