using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// Imports a project ledger (issue 8 item 1). Everything is checked first: the cells (Core's ledger parser), the names
/// (units, leaders, programmes, categories, divisions: exact after trimming), the form's rules (ProjectRules,
/// AnnualPlanRules) and clashes with existing projects. Any error: nothing is written and every error is returned.
/// Otherwise one transaction writes every change, with one audit event per created or changed project.
/// Rules: a project is matched by 项目代码, else by its exact name in its division; an empty cell never erases
/// what a project has; a row without a division belongs to the top-level division (the city); the section heading
/// ("一、交通项目") is the category of the rows under it when there is no category column.
/// </summary>
public sealed class ProjectImport(MilepostDb db, PortfolioClock clock)
{
    private const int Batch = 500;

    /// <param name="sectionChoices">The category the office chose in the preview for a section heading (heading → category name).</param>
    public async Task<ImportResult> RunAsync(Actor actor, SheetSource source, bool dryRun, bool createMissing,
        IProgress<ImportProgress>? progress = null, bool english = false, CancellationToken ct = default,
        IReadOnlyDictionary<string, string>? sectionChoices = null)
    {
        db.BeginCommand();
        if (!actor.CanEditProjects)
            throw new ForbiddenException("只有督查室可以导入项目台账", "Only the supervision office may import the project ledger");

        var read = LedgerSheet.ReadProjects(source.SheetName, source.Rows(), clock.Today.Year);
        var errors = new List<LedgerError>(read.Header.Errors.Where(e => !e.IsWarning));
        var warnings = new List<LedgerError>(read.Header.Errors.Where(e => e.IsWarning));
        var lookups = await ImportLookups.LoadAsync(db, createMissing, ct, sectionChoices);
        // The month the file's opening balances run through: its 本年1-N月 header, else the last closed month (SPEC §4.1).
        var through = read.Header.ThisYearThrough(read.Year) ?? YearMonth.Of(clock.Today).Previous();
        var hasOpening = read.Header.ColumnOf(LedgerField.CompletedBeforeYear) is not null || read.Header.ColumnOf(LedgerField.CompletedToDate) is not null
            || read.Header.ColumnOf(LedgerField.CompletedThisYear) is not null;
        // An existing project's first reported month: an opening may only cover months it has no report of.
        var firstReported = hasOpening
            ? await db.MonthlyReports.AsNoTracking().Where(r => r.State != Core.Reports.ReportState.Draft)
                .GroupBy(r => r.ProjectId).Select(g => new { g.Key, First = g.Min(r => r.Month) }).ToDictionaryAsync(x => x.Key, x => x.First, ct)
            : [];
        var openings = hasOpening ? await db.OpeningBalances.AsNoTracking().ToDictionaryAsync(o => o.ProjectId, ct) : [];
        var existing = await db.Projects.AsNoTracking().Include(p => p.Leaders).Include(p => p.AnnualPlans).AsSplitQuery().ToListAsync(ct);
        var byCode = existing.Where(p => p.Code != null).ToDictionary(p => p.Code!, StringComparer.OrdinalIgnoreCase);
        var byName = existing.GroupBy(p => (p.DivisionCode, p.Name)).ToDictionary(g => g.Key, g => g.First());
        var matched = new Dictionary<long, int>();
        var plans = new List<RowPlan>();
        var rowsRead = 0;

        foreach (var result in read.Results)
        {
            if (++rowsRead % 200 == 0) progress?.Report(new ImportProgress("read", rowsRead));
            foreach (var e in result.Errors) (e.IsWarning ? warnings : errors).Add(e);
            if (result.Line is not { } line)
            {
                // A row with bad cells still has its names checked, so the user sees all of the row's errors at once.
                if (result.Draft is { } draft)
                    lookups.Resolve(draft, (field, kind, value, args) =>
                        (kind.IsWarning ? warnings : errors).Add(new LedgerError(read.Header.Sheet, draft.RowNumber, read.Header.ColumnOf(field)?.Index, value, kind, args)));
                continue;
            }
            var rowErrors = new List<LedgerError>();
            void Add(LedgerField field, LedgerErrorKind kind, string? value, params string[] args) =>
                (kind.IsWarning ? warnings : rowErrors).Add(new LedgerError(read.Header.Sheet, line.RowNumber, read.Header.ColumnOf(field)?.Index, value, kind, args));

            var refs = lookups.Resolve(line, Add);
            var target = line.Code is { } code && byCode.TryGetValue(code.Trim(), out var byC) ? byC
                : refs.DivisionCode is { } div && byName.TryGetValue((div, line.Name.Trim()), out var byN) ? byN : null;
            if (target is not null && target.Code is { } had && line.Code is { } given && !string.Equals(had, given.Trim(), StringComparison.OrdinalIgnoreCase))
                Add(LedgerField.Code, ImportErrorKinds.CodeConflict, line.Code, had);
            if (target is not null && !matched.TryAdd(target.Id, line.RowNumber))
                Add(LedgerField.Name, ImportErrorKinds.SameProject, line.Name, matched[target.Id].ToString(System.Globalization.CultureInfo.InvariantCulture));

            // A copy: the loaded projects stay as the database has them, for the rows after this one to be matched against.
            var project = target is not null ? ImportApply.Copy(target) : new Project { Name = line.Name.Trim(), DivisionCode = refs.DivisionCode ?? "" };
            if (target is null) RequireForNew(line, refs, Add);
            var changed = ImportApply.Apply(project, line, refs, read.Year, target is null, Add);
            // The form's rules, unless the cell already has its own error (an unknown owner is not also "choose an owner").
            foreach (var v in ProjectRules.Validate(ImportApply.ToInput(project)))
            {
                var field = ImportApply.FieldOf(v.Field);
                var column = read.Header.ColumnOf(field)?.Index;
                if (!rowErrors.Any(e => e.Column == column)) Add(field, ImportErrorKinds.Rule, null, v.MessageZh, v.MessageEn);
            }

            // A new project joins with an opening through `through` (its amounts, if the file gives any); an existing one
            // takes the file's opening figures only for months it has not reported.
            var opening = line.Opening;
            OpeningBalance? newOpening = null;
            if (target is null || !opening.IsEmpty)
            {
                newOpening = new OpeningBalance
                {
                    DivisionCode = project.DivisionCode, Through = through,
                    CompletedBeforeYear = opening.CompletedBeforeYear, CompletedInYear = opening.CompletedInYear,
                };
                if (target is not null && firstReported.TryGetValue(target.Id, out var first) && first <= through)
                    Add(OpeningField(read.Header), ImportErrorKinds.OpeningAfterReports, null, first.ToString(), through.ToString());
                else if (target is not null && SameOpening(openings.GetValueOrDefault(target.Id), newOpening)) newOpening = null;
                else if (target is not null) changed.Add("期初数据");
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
                plans.Add(new RowPlan(line, refs, target?.Id, target?.Version ?? 0,
                    target is null ? ImportOutcome.Created : changed.Count > 0 ? ImportOutcome.Updated : ImportOutcome.Unchanged,
                    target is null ? [] : changed, newOpening));
        }
        progress?.Report(new ImportProgress("read", rowsRead));

        var outcomes = plans.Select(p => new ImportRowOutcome(p.Line.RowNumber, p.Line.Name, p.Line.Code, p.Outcome, p.Changed, p.ProjectId)).ToList();
        ImportResult Result(bool written, IReadOnlyList<ImportRowOutcome> rows) => ImportResult.Of(read.Header, dryRun, written, rowsRead,
            lookups.PendingNames(plans.Select(p => p.Refs)), rows, errors, warnings, english) with
        {
            Sections = lookups.Sections,
            OpeningThrough = plans.Any(p => p.Opening is not null) ? through.ToString() : null,
        };
        if (errors.Count > 0 || !read.Header.IsUsable) return Result(false, []) with { Rows = outcomes };
        if (dryRun) return Result(false, outcomes);

        var written = await ImportErrorKinds.UnlessChangedAsync(() => WriteAsync(actor, plans, lookups, read.Year, progress, ct));
        return Result(true, written);
    }

    private static bool SameOpening(OpeningBalance? had, OpeningBalance wanted) => had is not null && had.Through == wanted.Through
        && had.CompletedBeforeYear == wanted.CompletedBeforeYear && had.CompletedInYear == wanted.CompletedInYear;

    /// <summary>The column an opening balance's refusal is shown at: the this-year column, else the one before the year, else since the start.</summary>
    private static LedgerField OpeningField(LedgerHeader header) =>
        new[] { LedgerField.CompletedThisYear, LedgerField.CompletedBeforeYear, LedgerField.CompletedToDate }
            .FirstOrDefault(f => header.ColumnOf(f) is not null, LedgerField.CompletedThisYear);

    private static void RequireForNew(ProjectLedgerLine line, ImportRefs refs, Action<LedgerField, LedgerErrorKind, string?, string[]> add)
    {
        void Need(bool ok, LedgerField field) { if (!ok) add(field, ImportErrorKinds.MissingForNew, null, [LedgerFieldTable.Label(field)]); }
        Need(line.TotalInvestment is not null, LedgerField.TotalInvestment);
        Need(line.Owner is not null, LedgerField.Owner);
        Need(line.ResponsibleUnit is not null, LedgerField.ResponsibleUnit);
        Need(line.Leaders.Count > 0, LedgerField.Leader);
        Need(line.Category is not null || line.Section is not null, LedgerField.Category);
    }

    /// <summary>One transaction: the missing lookups first, then the projects in batches, each with its audit event.</summary>
    private async Task<List<ImportRowOutcome>> WriteAsync(Actor actor, List<RowPlan> plans, ImportLookups lookups, int year,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var outcomes = new List<ImportRowOutcome>(plans.Count);
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await lookups.CreatePendingAsync(db, actor, now, plans.Select(p => p.Refs), ct);
            var done = 0;
            foreach (var chunk in plans.Where(p => p.Outcome != ImportOutcome.Unchanged).Chunk(Batch))
            {
                var ids = chunk.Where(p => p.ProjectId is not null).Select(p => p.ProjectId!.Value).ToList();
                var tracked = await db.Projects.Where(p => ids.Contains(p.Id)).Include(p => p.Leaders).Include(p => p.AnnualPlans)
                    .AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
                var trackedOpenings = await db.OpeningBalances.Where(o => ids.Contains(o.ProjectId)).ToDictionaryAsync(o => o.ProjectId, ct);
                var audits = new List<(Project Project, object? Before, string Action)>();
                foreach (var plan in chunk)
                {
                    Project project;
                    object? before = null;
                    if (plan.ProjectId is { } id)
                    {
                        project = tracked[id];
                        if (project.Version != plan.Version)
                            throw new ValidationException(new ValidationError("", ImportErrorKinds.Changed.Code,
                                $"第{plan.Line.RowNumber}行“{plan.Line.Name}”：{ImportErrorKinds.Changed.MessageZh}", ImportErrorKinds.Changed.MessageEn));
                        before = ImportApply.Snapshot(project);
                        ImportApply.Apply(project, plan.Line, lookups.Final(plan.Refs), year, false, (_, _, _, _) => { });
                        project.Version++;
                    }
                    else
                    {
                        project = new Project { Name = plan.Line.Name.Trim(), DivisionCode = plan.Refs.DivisionCode!, Version = 1 };
                        ImportApply.Apply(project, plan.Line, lookups.Final(plan.Refs), year, true, (_, _, _, _) => { });
                        db.Projects.Add(project);
                    }
                    audits.Add((project, before, plan.ProjectId is null ? "project.import.create" : "project.import.update"));
                }
                db.ChangeTracker.DetectChanges();
                // New projects first (their ids go to their leaders and plans), then whatever SaveChanges still has: the updates.
                await SqliteBulkInsert.SaveAddedAsync<Project>(db, ct);
                await SqliteBulkInsert.SaveAddedAsync<ProjectLeader>(db, ct);
                await SqliteBulkInsert.SaveAddedAsync<AnnualPlan>(db, ct);
                // The projects have their ids after this (on PostgreSQL the bulk path is SQLite's alone): the openings need them.
                await db.SaveChangesAsync(ct);
                for (var i = 0; i < chunk.Length; i++)
                {
                    if (chunk[i].Opening is not { } wanted) continue;
                    var project = audits[i].Project;
                    if (trackedOpenings.TryGetValue(project.Id, out var had))
                    {
                        (had.Through, had.CompletedBeforeYear, had.CompletedInYear, had.DivisionCode, had.RecordedAt) =
                            (wanted.Through, wanted.CompletedBeforeYear, wanted.CompletedInYear, project.DivisionCode, now);
                        db.Entry(had).State = EntityState.Modified;
                    }
                    else
                        db.OpeningBalances.Add(new OpeningBalance
                        {
                            ProjectId = project.Id, DivisionCode = project.DivisionCode, Through = wanted.Through,
                            CompletedBeforeYear = wanted.CompletedBeforeYear, CompletedInYear = wanted.CompletedInYear, RecordedAt = now,
                        });
                }
                await db.SaveChangesAsync(ct);
                for (var i = 0; i < chunk.Length; i++)
                {
                    var (project, before, action) = audits[i];
                    await AuditTrail.AppendAsync(db, now, actor.UserName, action, "Project",
                        project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), project.DivisionCode, before,
                        ImportApply.Snapshot(project, chunk[i].Opening), ct);
                }
                await SqliteBulkInsert.SaveAddedAsync<Core.Audit.AuditEvent>(db, ct);
                await db.SaveChangesAsync(ct);
                for (var i = 0; i < chunk.Length; i++)
                    outcomes.Add(new ImportRowOutcome(chunk[i].Line.RowNumber, chunk[i].Line.Name, chunk[i].Line.Code, chunk[i].Outcome, chunk[i].Changed, audits[i].Project.Id));
                db.ChangeTracker.Clear();
                done += chunk.Length;
                progress?.Report(new ImportProgress("write", done));
            }
            await tx.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
        outcomes.AddRange(plans.Where(p => p.Outcome == ImportOutcome.Unchanged)
            .Select(p => new ImportRowOutcome(p.Line.RowNumber, p.Line.Name, p.Line.Code, p.Outcome, p.Changed, p.ProjectId)));
        return [.. outcomes.OrderBy(o => o.Row)];
    }

    /// <param name="Opening">The opening balance to record (the project's id is set when it is written), or null to leave it.</param>
    private sealed record RowPlan(ProjectLedgerLine Line, ImportRefs Refs, long? ProjectId, long Version, ImportOutcome Outcome,
        IReadOnlyList<string> Changed, OpeningBalance? Opening);
}
