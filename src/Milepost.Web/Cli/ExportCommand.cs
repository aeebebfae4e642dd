using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Features.Supervision;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Cli;

/// <summary>
/// <c>milepost export projects|reports|statistics|overdue-nodes|problems|supervision --format xlsx|csv [--encoding gb18030]
/// --output FILE [filters] [--user NAME] [--lang en]</c>: writes the same file as the web export
/// (/api/v1/export/{kind}.{format}), with the same filters, scope and audit event. Without <c>--user</c> the export is
/// made with the office's full view and audited as "cli"; with it, under that account's scope (a business role).
/// The file is written beside FILE and moved into place only when complete. Exit codes: 0 written; 1 the configuration,
/// database or output file cannot be used (a database not created yet is not created: there is nothing to export); 2 the arguments are wrong (kind, format, encoding, a filter, an unknown or
/// non-business account), in which case nothing is written.
/// </summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "projects | reports | statistics | overdue-nodes | problems | supervision" };
        var format = new Option<string?>("--format", "-f") { Description = "xlsx or csv (default: from the output file's extension)." };
        var encoding = new Option<string?>("--encoding") { Description = "CSV only: utf-8 (default, with BOM) or gb18030." };
        var output = new Option<string?>("--output", "-o") { Description = "The file to write." };
        var user = new Option<string?>("--user", "-u") { Description = "Export as this account, under its scope (default: the office's full view)." };
        var lang = new Option<string?>("--lang") { Description = "zh (default) or en: headers, values and messages." };
        // Filters, named as on the web (the list pages' query names).
        var filters = new (string Name, string Key, string Help)[]
        {
            ("--programme", "programme", "Programme id (专项)."), ("--category", "category", "Category id; for problems the problem category (e.g. Land)."),
            ("--division", "division", "Division code (6 digits); a prefecture includes its districts."), ("--stage", "stage", "Lifecycle stage (e.g. Construction)."),
            ("--leader", "leader", "Linked leader id."), ("--unit", "unit", "Responsible unit id (projects), department (problems), lead or cooperating unit (supervision)."),
            ("--q", "q", "Text in the name or code."), ("--ledby", "ledby", "A leader's view: linked projects and the programmes the leader leads."),
            ("--year", "year", "Year of the annual plan / statistics."), ("--month", "month", "Statistics as of this month (1-12)."),
            ("--from", "from", "Reports: first month, as 2020-01."), ("--to", "to", "Reports: last month, as 2020-05."),
            ("--state", "state", "Problems or supervision items in this state."), ("--source", "source", "Supervision items from this source."),
            ("--overdue", "overdue", "true: overdue problems or items only."),
        };
        var filterOptions = filters.Select(f => (Option: new Option<string?>(f.Name) { Description = f.Help }, f.Key)).ToList();
        var command = new Command("export", "Export a list as .xlsx or CSV (重点项目清单, 月报, 统计表, 逾期节点, 问题台账, 督办事项).")
        {
            kind, format, encoding, output, user, lang,
        };
        foreach (var (option, _) in filterOptions) command.Options.Add(option);
        command.Subcommands.Add(BaseDataWorkbookCommand.Export());
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => RunAsync(
            new Request(result.GetValue(kind)!, result.GetValue(format), result.GetValue(encoding), result.GetValue(output), result.GetValue(user),
                result.GetValue(lang), filterOptions.Select(f => KeyValuePair.Create(f.Key, result.GetValue(f.Option))).ToList()),
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return command;
    }

    internal sealed record Request(string Kind, string? Format, string? Encoding, string? Output, string? User, string? Lang,
        IReadOnlyList<KeyValuePair<string, string?>> Filters);

    internal static Task<int> RunAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CliDatabase.InLanguageAsync(request.Lang, stderr, () => RunInCultureAsync(request, configArgs, stdout, stderr, ct));

    private static async Task<int> RunInCultureAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (!ExportKinds.All.Contains(request.Kind))
            return Fail(stderr, 2, $"导出种类“{request.Kind}”无效，可选：{string.Join("、", ExportKinds.All)}",
                $"Unknown export \"{request.Kind}\"; choose one of {string.Join(", ", ExportKinds.All)}");
        if (string.IsNullOrWhiteSpace(request.Output))
            return Fail(stderr, 2, "须用 --output 指明输出文件", "--output FILE is required");
        var formatText = request.Format ?? Path.GetExtension(request.Output).TrimStart('.');
        ExportFormat format;
        switch (formatText.ToLowerInvariant())
        {
            case "xlsx": format = ExportFormat.Xlsx; break;
            case "csv": format = ExportFormat.Csv; break;
            default: return Fail(stderr, 2, $"--format 只能是 xlsx 或 csv，而不是“{formatText}”", $"--format must be xlsx or csv, not \"{formatText}\"");
        }
        if (request.Encoding is not null && format != ExportFormat.Csv)
            return Fail(stderr, 2, "--encoding 只用于 csv", "--encoding goes with --format csv only");
        ExportRequest exportRequest;
        System.Text.Encoding encoding;
        try
        {
            encoding = ExportService.CsvEncoding(request.Encoding);
            // --unit is the unit filter of each list: the responsible unit, the problem's department or the item's unit.
            var filters = request.Filters.Select(f => request.Kind == ExportKinds.Problems && f.Key == "unit" ? KeyValuePair.Create("dept", f.Value) : f);
            exportRequest = new ExportRequest(request.Kind, filters);
        }
        catch (ValidationException e)
        {
            return Errors(stderr, e);
        }

        var (session, exit) = await CliDatabase.OpenAsync(configArgs, DatabaseUse.Existing, stdout, stderr, ct);
        if (session is null) return exit;

        var target = Path.GetFullPath(request.Output);
        var partial = target + ".part";
        await using (session)
        {
            var db = session.Db;
            try
            {
                var clock = await CliDatabase.ClockAsync(db, session.Options, ct);
                Actor actor;
                if (request.User is { } name)
                {
                    if (await AccountAsync(db, name.Trim(), ct) is not { } account)
                        return Fail(stderr, 2, $"账号“{name}”不存在", $"The account \"{name}\" does not exist");
                    actor = account;
                }
                else actor = CliDatabase.CommandLineActor();

                var settings = new SettingsReader(db);
                var status = new ProjectStatusService(db, clock, settings);
                var projects = new ProjectQueries(db, status);
                var sources = new ExportSources(db, clock, projects, new ProblemQueries(db, clock, settings), new SupervisionQueries(db, clock),
                    new DashboardQueries(db, clock, status, projects, settings));
                ExportResult result;
                await using (var file = new FileStream(partial, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, useAsync: true))
                    result = await new ExportService(db, clock, sources).RunAsync(actor, exportRequest, format, encoding, file, ct);
                File.Move(partial, target, overwrite: true);
                stdout.WriteLine(Lang.T($"已导出 {result.Rows} 行到 {target}（审计事件第 {result.AuditSequence} 条）",
                    $"Exported {result.Rows} rows to {target} (audit event {result.AuditSequence})"));
                return 0;
            }
            catch (ValidationException e)
            {
                File.Delete(partial);
                return Errors(stderr, e);
            }
            catch (ForbiddenException e)
            {
                File.Delete(partial);
                return Fail(stderr, 2, e.MessageZh, e.Message);
            }
            catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
            {
                File.Delete(partial);
                return Fail(stderr, 1, $"导出失败：{e.Message}", $"The export failed: {e.Message}");
            }
        }
    }

    /// <summary>The named account as an actor with its roles, unit and leader; null when there is none.</summary>
    private static async Task<Actor?> AccountAsync(MilepostDb db, string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        return new Actor(user.UserName!, user.DisplayName, roles.ToHashSet(), user.UnitId, user.LeaderId);
    }

    private static int Errors(TextWriter stderr, ValidationException e)
    {
        foreach (var error in e.Errors) stderr.WriteLine(error.MessageZh);
        foreach (var error in e.Errors) stderr.WriteLine(error.MessageEn);
        return 2;
    }

    private static int Fail(TextWriter stderr, int code, string zh, string en) => CliDatabase.Fail(stderr, code, zh, en);
}
