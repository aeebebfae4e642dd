using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Reports;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Cli;

/// <summary>
/// <c>milepost import projects FILE [--dry-run] [--create-missing] [--user supervisor] [--lang en]</c> imports a project
/// ledger (.xlsx or .csv), <c>milepost import reports FILE [--dry-run] [--approve] …</c> monthly reports, as the web page does, as the named supervisor account (audited under its name). Progress (rows
/// read) goes to stderr; the counts and every error, as <c>工作表!C12 “值”：原因</c>, to stdout. Exit codes: 0 done (or the
/// dry run found no error); 1 the file or the configuration cannot be read (a refused file: too large, damaged, a zip
/// bomb); 2 the arguments are wrong; 3 the ledger has errors or the account may not import: nothing was written.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The ledger, .xlsx or .csv (UTF-8 or GB18030)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and show what would be created, updated and left alone; write nothing." };
        var createMissing = new Option<bool>("--create-missing") { Description = "Create unknown owner units, responsible units, programmes and categories (never leaders or divisions)." };
        var user = new Option<string?>("--user", "-u") { Description = "The supervisor account the import is done as (default: supervisor)." };
        var lang = new Option<string?>("--lang") { Description = "zh (default) or en." };
        var projects = new Command("projects", "Import a project ledger (项目台账).") { file, dryRun, createMissing, user, lang };
        projects.TreatUnmatchedTokensAsErrors = false;
        projects.SetAction((result, ct) => RunAsync(
            new Request(result.GetValue(file)!, result.GetValue(dryRun), result.GetValue(createMissing), result.GetValue(user) ?? "supervisor", result.GetValue(lang)),
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var approve = new Option<bool>("--approve") { Description = "Record the reports as approved by the office (default: submitted, awaiting review)." };
        var reports = new Command("reports", "Import monthly reports (月报): project by code or name, month, completed investment, physical progress, narrative.")
            { file, dryRun, approve, user, lang };
        reports.TreatUnmatchedTokensAsErrors = false;
        reports.SetAction((result, ct) => RunAsync(
            new Request(result.GetValue(file)!, result.GetValue(dryRun), false, result.GetValue(user) ?? "supervisor", result.GetValue(lang), Kind.Reports, result.GetValue(approve)),
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return new Command("import", "Import spreadsheets (.xlsx, .csv).") { projects, reports, BaseDataWorkbookCommand.Import() };
    }

    internal enum Kind { Projects, Reports }

    internal sealed record Request(string File, bool DryRun, bool CreateMissing, string User, string? Lang, Kind What = Kind.Projects, bool Approve = false);

    internal static Task<int> RunAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CliDatabase.InLanguageAsync(request.Lang, stderr, () => RunInCultureAsync(request, configArgs, stdout, stderr, ct));

    private static async Task<int> RunInCultureAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!File.Exists(request.File))
            return Fail(stderr, 1, $"找不到文件“{request.File}”", $"File \"{request.File}\" not found");
        ServiceProvider services;
        MilepostOptions options;
        try
        {
            services = CliDatabase.Services(configArgs, out options);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeZoneNotFoundException)
        {
            return Fail(stderr, 1, $"配置无效：{e.Message}", $"Invalid configuration: {e.Message}");
        }

        using (services)
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            try
            {
                var clock = await CliDatabase.ClockAsync(db, options, ct);
                var actor = await RankCommand.SupervisorAsync(db, request.User.Trim(), ct);
                if (actor is null)
                    return Fail(stderr, 3, $"账号“{request.User}”不存在或不是督查室账号，不能导入", $"The account \"{request.User}\" does not exist or is not a supervisor; it may not import");

                await using var stream = File.OpenRead(request.File);
                using var source = await SheetReader.OpenAsync(stream, Path.GetFileName(request.File), ct);
                var what = request.What == Kind.Reports ? new Noun("份", "月报", "reports") : new Noun("个", "项目", "projects");
                var progress = new SyncProgress<ImportProgress>(p => stderr.Write(p.Phase == "read"
                    ? Lang.T($"\r正在校验第 {p.Rows} 行…", $"\rChecking row {p.Rows}…")
                    : Lang.T($"\r正在写入：{p.Rows} {what.Measure}{what.Zh}…", $"\rWriting: {p.Rows} {what.En}…")));
                var result = request.What == Kind.Reports
                    ? await new ReportImport(db, clock, new ReportQueries(db, clock, new SettingsReader(db))).RunAsync(actor, source, request.DryRun, request.Approve, progress, Lang.IsEnglish, ct)
                    : await new ProjectImport(db, clock).RunAsync(actor, source, request.DryRun, request.CreateMissing, progress, Lang.IsEnglish, ct);
                stderr.WriteLine();
                Print(stdout, result, what);
                return result.HasErrors ? 3 : 0;
            }
            catch (SheetRefusedException e)
            {
                return Fail(stderr, 1, e.MessageZh, e.Message);
            }
            catch (ValidationException e)
            {
                foreach (var error in e.Errors) stderr.WriteLine(Lang.T(error.MessageZh, error.MessageEn));
                return 3;
            }
            catch (DbException e)
            {
                return Fail(stderr, 1, $"无法读取数据库：{e.Message}", $"Cannot read the database: {e.Message}");
            }
        }
    }

    /// <summary>What is counted, with its measure word: 4 个项目, 4 份月报.</summary>
    private sealed record Noun(string Measure, string Zh, string En);

    private static void Print(TextWriter stdout, ImportResult r, Noun what)
    {
        var mode = r.DryRun ? Lang.T("试导入（未写入）", "Dry run (nothing written)") : r.Written ? Lang.T("已导入", "Imported") : Lang.T("未导入", "Not imported");
        stdout.WriteLine(Lang.T($"{mode}：工作表“{r.Sheet}”，共 {r.RowsRead} 行数据；新增 {r.Created} {what.Measure}、更新 {r.Updated} {what.Measure}、不变 {r.Unchanged} {what.Measure}{what.Zh}",
            $"{mode}: sheet \"{r.Sheet}\", {r.RowsRead} data rows; {r.Created} created, {r.Updated} updated, {r.Unchanged} unchanged {what.En}"));
        foreach (var name in r.CreatedLookups) stdout.WriteLine(Lang.T($"新建 {name}", $"New {name}"));
        foreach (var w in r.Warnings) stdout.WriteLine(Lang.T("提示 ", "Note ") + w);
        if (r.HasErrors)
        {
            stdout.WriteLine(Lang.T($"发现 {r.Errors.Count} 处错误，未写入任何数据：", $"{r.Errors.Count} errors found; nothing was written:"));
            foreach (var e in r.Errors) stdout.WriteLine(e.ToString());
        }
    }

    /// <summary>Reports on the calling thread, in order (Progress&lt;T&gt; would post to the thread pool and print out of order).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    private static int Fail(TextWriter stderr, int code, string zh, string en) => CliDatabase.Fail(stderr, code, zh, en);
}
