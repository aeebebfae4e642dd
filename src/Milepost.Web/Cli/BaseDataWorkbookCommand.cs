using System.CommandLine;
using System.Data.Common;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Shared;

namespace Milepost.Web.Cli;

/// <summary>
/// The base-data workbook on the command line, as the office's page and API have it:
/// <c>milepost import base FILE [--dry-run] [--user NAME] [--lang en]</c> and
/// <c>milepost export base --output FILE [--user NAME] [--lang en]</c>, as the named supervisor account (default:
/// the command line itself, audited as "cli", as the ledger import is). The import prints each sheet's
/// counts and every changed row to stdout, and every error as <c>单位!C12 “值”：原因</c>. Exit codes: 0 done (or the dry
/// run found no error); 1 the file, the configuration or the database cannot be used; 2 the arguments are wrong (an
/// export's account unknown or not the office's); 3 the workbook has errors or the account may not import: nothing
/// was written.
/// </summary>
public static class BaseDataWorkbookCommand
{
    private static Option<string?> User(string help) => new("--user", "-u") { Description = help };

    private static Option<string?> LangOption() => new("--lang") { Description = "zh (default) or en." };

    public static Command Import()
    {
        var file = new Argument<string>("FILE") { Description = "The base-data workbook (.xlsx): sheets 行政区划, 单位, 市领导, 专项, 行业类别, each optional." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and show what would be created, updated and left alone; write nothing." };
        var (user, lang) = (User("The supervisor account the import is done as (default: the command line itself, audited as \"cli\")."), LangOption());
        var command = new Command("base", "Import the base-data workbook (基础数据: divisions, units, leaders, programmes, categories).") { file, dryRun, user, lang };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((r, ct) => CliDatabase.InLanguageAsync(r.GetValue(lang), r.InvocationConfiguration.Error, () =>
            ImportAsync(r.GetValue(file)!, r.GetValue(dryRun), r.GetValue(user), [.. r.UnmatchedTokens],
                r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct)));
        return command;
    }

    public static Command Export()
    {
        var output = new Option<string?>("--output", "-o") { Description = "The .xlsx file to write." };
        var (user, lang) = (User("Export as this supervisor account (default: the command line, audited as \"cli\")."), LangOption());
        var command = new Command("base", "Export the base data as one workbook (a sheet for each kind), to edit and import back.") { output, user, lang };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((r, ct) => CliDatabase.InLanguageAsync(r.GetValue(lang), r.InvocationConfiguration.Error, () =>
            ExportAsync(r.GetValue(output), r.GetValue(user), [.. r.UnmatchedTokens], r.InvocationConfiguration.Output, r.InvocationConfiguration.Error, ct)));
        return command;
    }

    private static async Task<int> ImportAsync(string path, bool dryRun, string? user, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(path)) return CliDatabase.Fail(stderr, 1, $"找不到文件“{path}”", $"File \"{path}\" not found");
        return await WithDatabaseAsync(configArgs, dryRun ? DatabaseUse.Existing : DatabaseUse.CreateIfMissing, stdout, stderr, async (db, clock) =>
        {
            var actor = user is null ? CliDatabase.CommandLineActor() : await RankCommand.SupervisorAsync(db, user.Trim(), ct);
            if (actor is null)
                return CliDatabase.Fail(stderr, 3, $"账号“{user}”不存在或不是督查室账号，不能导入", $"The account \"{user}\" does not exist or is not a supervisor; it may not import");
            await using var stream = File.OpenRead(path);
            using var source = await SheetReader.OpenWorkbookAsync(stream, ct);
            var result = await new BaseDataWorkbookImport(db, clock).RunAsync(actor, source, dryRun, Shared.Lang.IsEnglish, ct);
            Print(stdout, result);
            return result.HasErrors ? 3 : 0;
        }, ct);
    }

    private static async Task<int> ExportAsync(string? output, string? user, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(output)) return CliDatabase.Fail(stderr, 2, "须用 --output 指明输出文件", "--output FILE is required");
        var target = Path.GetFullPath(output);
        return await WithDatabaseAsync(configArgs, DatabaseUse.Existing, stdout, stderr, async (db, clock) =>
        {
            var actor = user is null ? CliDatabase.CommandLineActor() : await RankCommand.SupervisorAsync(db, user.Trim(), ct);
            if (actor is null)
                return CliDatabase.Fail(stderr, 2, $"账号“{user}”不存在或不是督查室账号", $"The account \"{user}\" does not exist or is not a supervisor");
            var file = await new BaseDataWorkbookExport(db, clock).ExportAsync(actor, ct);
            // Written beside the target and moved into place whole, so a failure never leaves half a workbook.
            await File.WriteAllBytesAsync(target + ".part", file.Bytes, ct);
            File.Move(target + ".part", target, overwrite: true);
            stdout.WriteLine(Shared.Lang.T(
                $"已导出基础数据到 {target}：{string.Join("、", file.Rows.Select(r => $"{r.Key} {r.Value} 行"))}（审计事件第 {file.AuditSequence} 条）",
                $"Exported the base data to {target}: {string.Join(", ", file.Rows.Select(r => $"{r.Key} {r.Value} rows"))} (audit event {file.AuditSequence})"));
            return 0;
        }, ct);
    }

    /// <summary>
    /// Runs with the configured database (opened as <see cref="CliDatabase.OpenAsync"/> does for every command: pending
    /// migrations first; <paramref name="use"/> says whether a database not created yet may be) and the portfolio's clock;
    /// what cannot be read or written is exit 1, a rule's refusal 3.
    /// </summary>
    private static async Task<int> WithDatabaseAsync(string[] configArgs, DatabaseUse use, TextWriter stdout, TextWriter stderr,
        Func<MilepostDb, Hosting.PortfolioClock, Task<int>> run, CancellationToken ct)
    {
        var (session, exit) = await CliDatabase.OpenAsync(configArgs, use, stdout, stderr, ct);
        if (session is null) return exit;
        await using (session)
        {
            var db = session.Db;
            try
            {
                return await run(db, await CliDatabase.ClockAsync(db, session.Options, ct));
            }
            catch (SheetRefusedException e)
            {
                return CliDatabase.Fail(stderr, 1, e.MessageZh, e.Message);
            }
            catch (ValidationException e)
            {
                foreach (var error in e.Errors) stderr.WriteLine(Shared.Lang.T(error.MessageZh, error.MessageEn));
                return 3;
            }
            catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
            {
                return CliDatabase.Fail(stderr, 1, $"无法读写：{e.Message}", $"Cannot read or write: {e.Message}");
            }
        }
    }

    private static void Print(TextWriter stdout, BaseDataWorkbookResult r)
    {
        stdout.WriteLine(r.DryRun ? Shared.Lang.T("试导入（未写入）：", "Dry run (nothing written):") : r.Written ? Shared.Lang.T("已导入：", "Imported:") : Shared.Lang.T("未导入：", "Not imported:"));
        foreach (var s in r.Sheets)
        {
            stdout.WriteLine(Shared.Lang.T($"  {s.Sheet}：共 {s.RowsRead} 行；新增 {s.Created}、更新 {s.Updated}、不变 {s.Unchanged}",
                $"  {s.Sheet}: {s.RowsRead} rows; {s.Created} created, {s.Updated} updated, {s.Unchanged} unchanged"));
            foreach (var row in s.Rows.Where(x => x.Outcome != ImportOutcome.Unchanged))
                stdout.WriteLine(row.Outcome == ImportOutcome.Created
                    ? Shared.Lang.T($"    第{row.Row}行 新增 {row.Name}", $"    row {row.Row} new: {row.Name}")
                    : Shared.Lang.T($"    第{row.Row}行 更新 {row.Name}（{string.Join("、", row.ChangedFields)}）", $"    row {row.Row} updated: {row.Name} ({string.Join(", ", row.ChangedFields)})"));
        }
        foreach (var w in r.Warnings) stdout.WriteLine(Shared.Lang.T("提示 ", "Note ") + w);
        if (!r.HasErrors) return;
        stdout.WriteLine(Shared.Lang.T($"发现 {r.Errors.Count} 处错误，未写入任何数据：", $"{r.Errors.Count} errors found; nothing was written:"));
        foreach (var e in r.Errors) stdout.WriteLine(e.ToString());
    }
}
