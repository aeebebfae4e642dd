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
/// ledger (.xlsx or .csv), <c>milepost import reports FILE [--dry-run] [--approve] …</c> monthly reports, as the web page does,
/// as the named supervisor account (audited under its name) or, without <c>--user</c>, as the command line (audited as
/// "cli", as an export is), so that a city can import before any office account exists. An import (not a dry run) into a
/// database that does not exist yet creates it first, as the server's first start would (<see cref="DatabaseUse"/>).
/// Progress (rows read) goes to stderr; the counts and every error, as <c>工作表!C12 “值”：原因</c>, to stdout. Exit codes:
/// 0 done (or the dry run found no error); 1 the file, the configuration or the database cannot be read (a refused file:
/// too large, damaged, a zip bomb; a dry run on a database not created yet); 2 the arguments are wrong; 3 the ledger has
/// errors or the account may not import: nothing was written.
/// </summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The ledger, .xlsx or .csv (UTF-8 or GB18030)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Check everything and show what would be created, updated and left alone; write nothing." };
        var createMissing = new Option<bool>("--create-missing") { Description = "Create unknown owner units, responsible units, programmes, categories, and leaders written with a title (王伟（副市长）); never divisions." };
        var section = new Option<string[]>("--section")
        {
            Description = "The category for a section heading, as HEADING=CATEGORY (e.g. --section 社会民生工程=教育); repeat for several. Without it headings are mapped by name, alias or containment.",
            AllowMultipleArgumentsPerToken = false,
        };
        var user = new Option<string?>("--user", "-u") { Description = "The supervisor account the import is done as (default: the command line itself, audited as 'cli')." };
        var lang = new Option<string?>("--lang") { Description = "zh (default) or en." };
        var projects = new Command("projects", "Import a project ledger (项目台账).") { file, dryRun, createMissing, section, user, lang };
        projects.TreatUnmatchedTokensAsErrors = false;
        projects.SetAction((result, ct) => RunAsync(
            new Request(result.GetValue(file)!, result.GetValue(dryRun), result.GetValue(createMissing), result.GetValue(user), result.GetValue(lang))
                { Sections = result.GetValue(section) ?? [] },
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));

        var approve = new Option<bool>("--approve") { Description = "Record the reports as approved by the office (default: submitted, awaiting review)." };
        var reports = new Command("reports", "Import monthly reports (月报): project by code or name, month, completed investment, physical progress, narrative.")
            { file, dryRun, approve, user, lang };
        reports.TreatUnmatchedTokensAsErrors = false;
        reports.SetAction((result, ct) => RunAsync(
            new Request(result.GetValue(file)!, result.GetValue(dryRun), false, result.GetValue(user), result.GetValue(lang), Kind.Reports, result.GetValue(approve)),
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return new Command("import", "Import spreadsheets (.xlsx, .csv).") { projects, reports, BaseDataWorkbookCommand.Import() };
    }

    internal enum Kind { Projects, Reports }

    internal sealed record Request(string File, bool DryRun, bool CreateMissing, string? User, string? Lang, Kind What = Kind.Projects, bool Approve = false)
    {
        /// <summary>--section HEADING=CATEGORY, as given.</summary>
        public IReadOnlyList<string> Sections { get; init; } = [];
    }

    internal static Task<int> RunAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CliDatabase.InLanguageAsync(request.Lang, stderr, () => RunInCultureAsync(request, configArgs, stdout, stderr, ct));

    private static async Task<int> RunInCultureAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (request.Sections.FirstOrDefault(p => SectionChoice(p) is null) is { } bad)
            return Fail(stderr, 2, $"--section 应写成“分组标题=行业类别”，而不是“{bad}”", $"--section takes HEADING=CATEGORY, not \"{bad}\"");
        if (!File.Exists(request.File))
            return Fail(stderr, 1, $"找不到文件“{request.File}”", $"File \"{request.File}\" not found");
        SheetSource source;
        try
        {
            // The file is checked first: a damaged one must not create a database either.
            await using var stream = File.OpenRead(request.File);
            source = await SheetReader.OpenAsync(stream, Path.GetFileName(request.File), ct);
        }
        catch (SheetRefusedException e)
        {
            return Fail(stderr, 1, e.MessageZh, e.Message);
        }

        using (source)
        {
            // A dry run reads only; an import may be the city's first, before the server has ever started.
            var (session, exit) = await CliDatabase.OpenAsync(configArgs, request.DryRun ? DatabaseUse.Existing : DatabaseUse.CreateIfMissing, stdout, stderr, ct);
            if (session is null) return exit;
            await using (session)
                return await ImportAsync(request, session, source, stdout, stderr, ct);
        }
    }

    private static async Task<int> ImportAsync(Request request, CliSession session, SheetSource source, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var db = session.Db;
        try
        {
            var clock = await CliDatabase.ClockAsync(db, session.Options, ct);
            var actor = CliDatabase.CommandLineActor();
            if (request.User is { } name)
            {
                if (await RankCommand.SupervisorAsync(db, name.Trim(), ct) is not { } account)
                    return Fail(stderr, 3, $"账号“{name}”不存在或不是督查室账号，不能导入", $"The account \"{name}\" does not exist or is not a supervisor; it may not import");
                actor = account;
            }

            var what = request.What == Kind.Reports ? new Noun("份", "月报", "reports") : new Noun("个", "项目", "projects");
            var progress = new SyncProgress<ImportProgress>(p => stderr.Write(p.Phase == "read"
                ? Lang.T($"\r正在校验第 {p.Rows} 行…", $"\rChecking row {p.Rows}…")
                : Lang.T($"\r正在写入：{p.Rows} {what.Measure}{what.Zh}…", $"\rWriting: {p.Rows} {what.En}…")));
            // Refusals tell the user to allow creation the way this door does: --create-missing, not the page's checkbox.
            ImportErrorKinds.Door = ImportDoor.CommandLine;
            var result = request.What == Kind.Reports
                ? await new ReportImport(db, clock, new ReportQueries(db, clock, new SettingsReader(db))).RunAsync(actor, source, request.DryRun, request.Approve, progress, Lang.IsEnglish, ct)
                : await new ProjectImport(db, clock).RunAsync(actor, source, request.DryRun, request.CreateMissing, progress, Lang.IsEnglish, ct,
                    request.Sections.Select(SectionChoice).OfType<(string Heading, string Category)>().ToDictionary(c => c.Heading, c => c.Category, StringComparer.Ordinal));
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

    /// <summary>"社会民生工程=教育" → (社会民生工程, 教育); null when it is not HEADING=CATEGORY.</summary>
    private static (string Heading, string Category)? SectionChoice(string pair)
    {
        var at = pair.IndexOf('=');
        return at <= 0 || at == pair.Length - 1 ? null : (pair[..at].Trim(), pair[(at + 1)..].Trim());
    }

    /// <summary>What is counted, with its measure word: 4 个项目, 4 份月报.</summary>
    private sealed record Noun(string Measure, string Zh, string En);

    private static void Print(TextWriter stdout, ImportResult r, Noun what)
    {
        var mode = r.DryRun ? Lang.T("试导入（未写入）", "Dry run (nothing written)") : r.Written ? Lang.T("已导入", "Imported") : Lang.T("未导入", "Not imported");
        stdout.WriteLine(Lang.T($"{mode}：工作表“{r.Sheet}”，共 {r.RowsRead} 行数据；新增 {r.Created} {what.Measure}、更新 {r.Updated} {what.Measure}、不变 {r.Unchanged} {what.Measure}{what.Zh}",
            $"{mode}: sheet \"{r.Sheet}\", {r.RowsRead} data rows; {r.Created} created, {r.Updated} updated, {r.Unchanged} unchanged {what.En}"));
        foreach (var name in r.CreatedLookups) stdout.WriteLine(Lang.T($"新建 {name}", $"New {name}"));
        // Each section heading and its category, so the office can check them and correct one with --section.
        foreach (var sec in r.Sections)
            stdout.WriteLine(Lang.T($"分组“{sec.Section}”（{sec.Rows} 个项目）→ {sec.Category ?? "未对应，请用 --section 指定"}",
                $"Section \"{sec.Section}\" ({sec.Rows} rows) → {sec.Category ?? "no match; give one with --section"}"));
        if (r.OpeningThrough is { } through)
            stdout.WriteLine(Lang.T($"期初数据截至 {through}：此前各月不再要求报送月报", $"Opening balances through {through}: earlier months owe no report"));
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
