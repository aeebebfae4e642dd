using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Ledger;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Reports;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// Imports monthly reports (issue 8 item 2) the way <see cref="ProjectImport"/> imports the ledger: every row checked
/// first, any error and nothing is written, then one transaction with one audit event per report written.
/// The project is found by 项目代码, else by its exact name (within the division, when the sheet has that column).
/// Each row goes through the report's own rules (<see cref="ReportRules"/>, <see cref="ReportWorkflow"/>), judged
/// against the months before it as they will stand after the import:
/// no report yet → a new one, submitted (or approved, when the office asks); a draft or returned one → its figures
/// replaced and submitted; a submitted or approved one → left alone when the figures agree, else an error (the workflow
/// changes those only by review or by a correction with a reason, on the report's page).
/// A blank 形象进度 keeps the report's (or last month's) figure; progress written in words goes into the narrative.
/// </summary>
public sealed class ReportImport(MilepostDb db, PortfolioClock clock, ReportQueries queries)
{
    private const int Batch = 500;

    public async Task<ImportResult> RunAsync(Actor actor, SheetSource source, bool dryRun, bool approve,
        IProgress<ImportProgress>? progress = null, bool english = false, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!actor.CanEditProjects)
            throw new ForbiddenException("只有督查室可以导入月报", "Only the supervision office may import monthly reports");

        var read = LedgerSheet.ReadReports(source.SheetName, source.Rows(), clock.Today.Year);
        var header = read.Header;
        var errors = new List<LedgerError>(header.Errors.Where(e => !e.IsWarning));
        var warnings = new List<LedgerError>(header.Errors.Where(e => e.IsWarning));
        var finder = await ProjectFinder.LoadAsync(db, ct);
        var thisMonth = YearMonth.Of(clock.Today);
        var rows = new List<(MonthlyReportLine Line, ProjectFinder.Key Project)>();
        var seen = new Dictionary<(long Project, int Month), int>();
        var rowsRead = 0;

        foreach (var result in read.Results)
        {
            if (++rowsRead % 200 == 0) progress?.Report(new ImportProgress("read", rowsRead));
            foreach (var e in result.Errors) (e.IsWarning ? warnings : errors).Add(e);
            if (result.Line is not { } line)
            {
                // A row with bad cells still has its project looked up, so the user sees all of the row's errors at once.
                if (result.Draft is { } draft)
                    finder.Find(draft, (field, kind, value, args) => (kind.IsWarning ? warnings : errors)
                        .Add(new LedgerError(header.Sheet, draft.RowNumber, header.ColumnOf(field)?.Index, value, kind, args)));
                continue;
            }
            var before = errors.Count;
            void Add(LedgerField field, LedgerErrorKind kind, string? value, params string[] args) =>
                (kind.IsWarning ? warnings : errors).Add(new LedgerError(header.Sheet, line.RowNumber, header.ColumnOf(field)?.Index, value, kind, args));

            var project = finder.Find(line, Add);
            if (line.Month > thisMonth) Add(LedgerField.Month, ImportErrorKinds.FutureMonth, null, MonthText(line.Month), line.Month.ToString());
            if (project is not null && !seen.TryAdd((project.Id, line.Month.ToInt()), line.RowNumber))
                Add(line.Code is not null ? LedgerField.Code : LedgerField.Name, ImportErrorKinds.SameReport, line.Code ?? line.Name,
                    seen[(project.Id, line.Month.ToInt())].ToString(CultureInfo.InvariantCulture));
            if (project is not null && errors.Count == before) rows.Add((line, project));
        }
        progress?.Report(new ImportProgress("read", rowsRead));

        var plans = await PlanAsync(rows, header, approve, errors, ct);
        var outcomes = plans.Select(p => p.Outcome(null)).OrderBy(o => o.Row).ToList();
        // Warnings come in sheet order already: the header's, then each row's as it is read.
        ImportResult Result(bool written, IReadOnlyList<ImportRowOutcome> done) =>
            ImportResult.Of(header, dryRun, written, rowsRead, [], done, errors, warnings, english);
        if (errors.Count > 0 || !header.IsUsable) return Result(false, []) with { Rows = outcomes };
        if (dryRun) return Result(false, outcomes);
        return Result(true, await ImportErrorKinds.UnlessChangedAsync(() => WriteAsync(actor, plans, approve, progress, ct)));
    }

    /// <summary>Decides each row's outcome, project by project in month order, so a month is judged against the imported months before it.</summary>
    private async Task<List<ReportPlan>> PlanAsync(List<(MonthlyReportLine Line, ProjectFinder.Key Project)> rows, LedgerHeader header, bool approve,
        List<LedgerError> errors, CancellationToken ct)
    {
        var existing = new Dictionary<long, List<MonthlyReport>>();
        foreach (var ids in rows.Select(r => r.Project.Id).Distinct().Chunk(Batch))
            foreach (var r in await db.MonthlyReports.AsNoTracking().Where(r => ids.Contains(r.ProjectId)).ToListAsync(ct))
                (existing.TryGetValue(r.ProjectId, out var list) ? list : existing[r.ProjectId] = []).Add(r);

        var today = clock.Today;
        var plans = new List<ReportPlan>(rows.Count);
        foreach (var group in rows.GroupBy(r => r.Project.Id))
        {
            var reports = existing.GetValueOrDefault(group.Key) ?? [];
            // The figure that counts for each month, as it will stand: the database's, then each imported month's.
            var counting = IndicatorCalculator.CountingReports(reports.Select(queries.Figure), YearMonth.Of(today))
                .ToDictionary(f => f.Month, f => f.ProgressPercent);
            foreach (var (line, project) in group.OrderBy(r => r.Line.Month))
            {
                void Add(LedgerField field, LedgerErrorKind kind, params string[] args) => errors.Add(new LedgerError(header.Sheet, line.RowNumber,
                    (header.ColumnOf(field) ?? header.ColumnOf(LedgerField.PhysicalProgress) ?? header.ColumnOf(LedgerField.MonthCompleted))?.Index, null, kind, args));
                var current = reports.Where(r => r.Month == line.Month && r.SupersededById == null).MaxBy(r => r.Revision);
                var earlier = counting.Keys.Where(m => m < line.Month).DefaultIfEmpty().Max();
                decimal? last = counting.TryGetValue(earlier, out var p) ? p : null;
                var input = Input(line, current, last);
                foreach (var v in ReportRules.Validate(input, last))
                    Add(FieldOf(v.Field), ImportErrorKinds.Rule, v.MessageZh, v.MessageEn);

                var changed = Changes(current, input);
                var month = MonthText(line.Month);
                ImportOutcome outcome;
                switch (current?.State)
                {
                    case null:
                        outcome = ImportOutcome.Created;
                        changed.Add(approve ? "报送并审核通过" : "报送");
                        break;
                    case ReportState.Draft or ReportState.Returned:
                        outcome = ImportOutcome.Updated;
                        changed.Add(approve ? "报送并审核通过" : "报送");
                        break;
                    case ReportState.Submitted when changed.Count > 0:
                        Add(LedgerField.MonthCompleted, ImportErrorKinds.ReportAwaitingReview, month, string.Join("、", changed), line.Month.ToString());
                        continue;
                    case ReportState.Submitted:
                        outcome = approve ? ImportOutcome.Updated : ImportOutcome.Unchanged;
                        if (approve) changed.Add("审核通过");
                        break;
                    default:
                        if (changed.Count > 0)
                        {
                            Add(LedgerField.MonthCompleted, ImportErrorKinds.ReportApproved, month, string.Join("、", changed), line.Month.ToString());
                            continue;
                        }
                        outcome = ImportOutcome.Unchanged;
                        break;
                }
                counting[line.Month] = input.ProgressPercent;
                plans.Add(new ReportPlan(line, project, current?.Id, current?.Version ?? 0, input, outcome, changed));
            }
        }
        return plans;
    }

    /// <summary>
    /// The row's figures over the report's: a blank cell keeps what the report has. A blank 形象进度 keeps a submitted or
    /// approved report's figure; for a new report, or a draft never filled in (0%), it is last month's progress.
    /// </summary>
    private static ReportInput Input(MonthlyReportLine line, MonthlyReport? current, decimal? lastMonth)
    {
        var narrative = line.Narrative ?? current?.Narrative;
        if (line.ProgressPercent is null && line.ProgressText is { } words)
        {
            var progress = $"形象进度：{words}";
            if (narrative?.Contains(progress, StringComparison.Ordinal) != true)
                narrative = narrative is null ? progress : $"{progress}\n{narrative}";
        }
        var percent = line.ProgressPercent
                      ?? (current is { State: ReportState.Submitted or ReportState.Approved } or { ProgressPercent: > 0 } ? current.ProgressPercent : lastMonth ?? 0m);
        return new ReportInput(line.Completed, percent, current?.WorkersOnSite ?? 0,
            narrative, line.NextMonthPlan ?? current?.NextMonthPlan, line.ProgressReason ?? current?.ProgressReason, []);
    }

    private static List<string> Changes(MonthlyReport? current, ReportInput input)
    {
        var changed = new List<string>();
        if (current is null) return changed;
        if (current.CompletedInvestment != input.CompletedInvestment) changed.Add(LedgerFieldTable.Label(LedgerField.MonthCompleted));
        if (current.ProgressPercent != input.ProgressPercent) changed.Add(LedgerFieldTable.Label(LedgerField.PhysicalProgress));
        if (current.Narrative != Clean(input.Narrative)) changed.Add(LedgerFieldTable.Label(LedgerField.Narrative));
        if (current.NextMonthPlan != Clean(input.NextMonthPlan)) changed.Add(LedgerFieldTable.Label(LedgerField.NextMonthPlan));
        if (current.ProgressReason != Clean(input.ProgressReason)) changed.Add(LedgerFieldTable.Label(LedgerField.ProgressReason));
        return changed;
    }

    private static LedgerField FieldOf(string reportField) => reportField switch
    {
        "CompletedInvestment" => LedgerField.MonthCompleted,
        "Narrative" => LedgerField.Narrative,
        "NextMonthPlan" => LedgerField.NextMonthPlan,
        "ProgressReason" => LedgerField.ProgressReason,
        _ => LedgerField.PhysicalProgress,
    };

    /// <summary>One transaction: the reports in batches, each with its audit event; a report changed since the check stops everything.</summary>
    private async Task<List<ImportRowOutcome>> WriteAsync(Actor actor, List<ReportPlan> plans, bool approve, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = clock.UtcNow;
        var outcomes = new List<ImportRowOutcome>(plans.Count);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var done = 0;
        foreach (var chunk in plans.Where(p => p.Result != ImportOutcome.Unchanged).Chunk(Batch))
        {
            var ids = chunk.Where(p => p.ReportId is not null).Select(p => p.ReportId!.Value).ToList();
            // With their funds: the audit snapshot lists them, before and after (the import leaves them as they are).
            var tracked = await db.MonthlyReports.Include(r => r.FundsReceived).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
            var written = new List<(ReportPlan Plan, MonthlyReport Report, object? Before)>();
            foreach (var plan in chunk)
            {
                MonthlyReport report;
                object? before = null;
                if (plan.ReportId is { } id)
                {
                    report = tracked[id];
                    if (report.Version != plan.Version)
                        throw new ValidationException(new ValidationError("", ImportErrorKinds.Changed.Code,
                            $"第{plan.Line.RowNumber}行“{plan.Project.Name}”{MonthText(plan.Line.Month)}月报：导入过程中已被他人修改，未导入任何数据，请重新导入",
                            $"Row {plan.Line.RowNumber}: the {plan.Line.Month} report of \"{plan.Project.Name}\" changed during the import; nothing was imported"));
                    before = ReportCommands.Snapshot(report);
                    report.Version++;
                }
                else
                {
                    report = new MonthlyReport { ProjectId = plan.Project.Id, DivisionCode = plan.Project.DivisionCode, Month = plan.Line.Month, Revision = 1, State = ReportState.Draft, Version = 1 };
                    db.MonthlyReports.Add(report);
                }
                Apply(report, plan.Input);
                if (report.State is ReportState.Draft or ReportState.Returned)
                {
                    report.State = ReportWorkflow.Next(report.State, ReportAction.Submit);
                    report.SubmittedAt = now;
                    report.SubmittedBy = actor.UserName;
                    report.ReviewComment = null;
                }
                if (approve && report.State == ReportState.Submitted)
                {
                    report.State = ReportWorkflow.Next(report.State, ReportAction.Approve);
                    report.ReviewedAt = now;
                    report.ReviewedBy = actor.UserName;
                }
                written.Add((plan, report, before));
            }
            await SqliteBulkInsert.SaveAddedAsync<MonthlyReport>(db, ct);
            await db.SaveChangesAsync(ct);
            foreach (var (plan, report, before) in written)
            {
                // Approving a correction supersedes the revisions it corrects, as the review page does, and says which.
                var superseded = new List<long>();
                if (report.State == ReportState.Approved && report.Revision > 1)
                {
                    var older = db.MonthlyReports.Where(r => r.ProjectId == report.ProjectId && r.Month == report.Month && r.Revision < report.Revision && r.SupersededById == null);
                    superseded = await older.Select(r => r.Id).ToListAsync(ct);
                    await older.ExecuteUpdateAsync(u => u.SetProperty(r => r.SupersededById, report.Id).SetProperty(r => r.Version, r => r.Version + 1), ct);
                }
                var after = superseded.Count == 0 ? ReportCommands.Snapshot(report) : new { report = ReportCommands.Snapshot(report), extra = new { supersedes = superseded } };
                await AuditTrail.AppendAsync(db, now, actor.UserName, before is null ? "report.import.create" : "report.import.update", "MonthlyReport",
                    report.Id.ToString(CultureInfo.InvariantCulture), report.DivisionCode, before, after, ct);
                outcomes.Add(plan.Outcome(report.Id));
            }
            await SqliteBulkInsert.SaveAddedAsync<Core.Audit.AuditEvent>(db, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += chunk.Length;
            progress?.Report(new ImportProgress("write", done));
        }
        await tx.CommitAsync(ct);
        outcomes.AddRange(plans.Where(p => p.Result == ImportOutcome.Unchanged).Select(p => p.Outcome(p.ReportId)));
        return [.. outcomes.OrderBy(o => o.Row)];
    }

    private static void Apply(MonthlyReport report, ReportInput input)
    {
        report.CompletedInvestment = input.CompletedInvestment;
        report.ProgressPercent = input.ProgressPercent;
        report.Narrative = Clean(input.Narrative);
        report.NextMonthPlan = Clean(input.NextMonthPlan);
        report.ProgressReason = Clean(input.ProgressReason);
    }

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static string MonthText(YearMonth m) => $"{m.Year}年{m.Month}月";

    private sealed record ReportPlan(MonthlyReportLine Line, ProjectFinder.Key Project, long? ReportId, long Version, ReportInput Input,
        ImportOutcome Result, IReadOnlyList<string> Changed)
    {
        public ImportRowOutcome Outcome(long? reportId) =>
            new(Line.RowNumber, Project.Name, Project.Code, Result, Changed, Project.Id, Line.Month.ToString(), reportId ?? ReportId);
    }
}
