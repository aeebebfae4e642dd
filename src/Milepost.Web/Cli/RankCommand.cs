using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Cli;

/// <summary>
/// <c>milepost rank [--month 2020-05] [--publish --user NAME [--note TEXT]] [--lang en]</c>: prints a month's
/// red-black list computed from the configured database as the draft page shows it (SPEC §4.4), and with
/// <c>--publish</c> publishes it as the named supervisor account, in one transaction with its audit event.
/// Without <c>--month</c>, the latest month whose reports are due. Configuration as <see cref="AuditCommand"/> reads
/// it (<c>--Milepost:Database=…</c>, <c>--ConnectionStrings:Milepost=…</c>). Exit codes: 0 done; 1 the configuration
/// or database cannot be read, or the database does not exist yet (it is not created); 2 the arguments are wrong (a bad month, <c>--publish</c> without <c>--user</c>);
/// 3 the publication is refused (unknown account, not a supervisor, reports not yet due, a re-publication without a
/// note), in which case nothing is written.
/// </summary>
public static class RankCommand
{
    public static Command Create()
    {
        var month = new Option<string?>("--month", "-m") { Description = "The month, as 2020-05 (default: the latest month whose reports are due)." };
        var publish = new Option<bool>("--publish") { Description = "Publish the list (freeze it with its SHA-256) after printing it." };
        var user = new Option<string?>("--user", "-u") { Description = "The account that publishes; it must hold the Supervisor role." };
        var note = new Option<string?>("--note") { Description = "Why the month is published again (required for a re-publication)." };
        var lang = new Option<string?>("--lang") { Description = "zh (default) or en." };
        var command = new Command("rank", "Compute (and publish) a month's red-black list (红黑榜).")
        {
            month, publish, user, note, lang,
        };
        // --Milepost:Database=..., --ConnectionStrings:Milepost=... are configuration.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, ct) => RunAsync(
            new Request(result.GetValue(month), result.GetValue(publish), result.GetValue(user), result.GetValue(note), result.GetValue(lang)),
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return command;
    }

    internal sealed record Request(string? Month, bool Publish, string? User, string? Note, string? Lang);

    internal static Task<int> RunAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct) =>
        CliDatabase.InLanguageAsync(request.Lang, stderr, () => RunInCultureAsync(request, configArgs, stdout, stderr, ct));

    private static async Task<int> RunInCultureAsync(Request request, string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        YearMonth? month = null;
        if (request.Month is { } text)
        {
            if (!YearMonth.TryParse(text, out var m))
                return Usage(stderr, $"月份无效：“{text}”，应写作 2020-05", $"Invalid month \"{text}\"; write it as 2020-05");
            month = m;
        }
        if (request.Publish && string.IsNullOrWhiteSpace(request.User))
            return Usage(stderr, "发布须用 --user 指明发布人（督查室账号）", "--publish needs --user: the supervisor account that publishes");
        if (!request.Publish && (request.User is not null || request.Note is not null))
            return Usage(stderr, "--user 和 --note 只用于 --publish", "--user and --note go with --publish only");

        var (session, exit) = await CliDatabase.OpenAsync(configArgs, DatabaseUse.Existing, stdout, stderr, ct);
        if (session is null) return exit;

        await using (session)
        {
            var db = session.Db;
            try
            {
                var clock = await CliDatabase.ClockAsync(db, session.Options, ct);
                var queries = new RankingQueries(db, clock, new SettingsReader(db));
                var target = month ?? await queries.DefaultMonthAsync(ct);

                Actor? actor = null;
                if (request.Publish)
                {
                    actor = await SupervisorAsync(db, request.User!.Trim(), ct);
                    if (actor is null)
                        return Refused(stderr, $"账号“{request.User}”不存在或不是督查室账号，不能发布红黑榜",
                            $"The account \"{request.User}\" does not exist or does not hold the Supervisor role; it may not publish");
                }

                var draft = await queries.ComputeAsync(target, ct);
                stdout.Write(RankReport.Render(draft, clock.Zone));
                if (actor is null) return 0;

                // Publish the list just printed, or nothing: a change in between is refused.
                var id = await new RankingCommands(db, clock, queries).PublishAsync(actor, target, request.Note, ct, Core.Ranking.RankingSnapshot.Hash(draft.Snapshot.ToJson()));
                var view = await queries.PublicationAsync(actor, id, ct);
                stdout.WriteLine();
                stdout.WriteLine(Lang.T($"已发布：{RankingText.Month(target)}红黑榜，发布编号 {id}（本月第 {view!.Info.Sequence} 次发布），发布人 {actor.DisplayName}",
                    $"Published: the list of {RankingText.Month(target)}, publication {id} (number {view!.Info.Sequence} of the month), by {actor.DisplayName}"));
                stdout.WriteLine($"SHA-256: {view.Info.Sha256}");
                if (view.AuditEvent is { } ev)
                    stdout.WriteLine(Lang.T($"审计事件：第 {ev.Sequence} 条，{ev.Hash}", $"Audit event: {ev.Sequence}, {ev.Hash}"));
                return 0;
            }
            catch (ValidationException e)
            {
                foreach (var error in e.Errors) stderr.WriteLine(error.MessageZh);
                foreach (var error in e.Errors) stderr.WriteLine(error.MessageEn);
                return 3;
            }
            catch (ConflictException e)
            {
                return Refused(stderr, e.MessageZh, e.Message);
            }
            catch (DbException e)
            {
                stderr.WriteLine($"无法读取数据库：{e.Message}");
                stderr.WriteLine($"Cannot read the database: {e.Message}");
                return 1;
            }
        }
    }

    /// <summary>The named account as an actor, when it exists and holds the Supervisor role; null otherwise.</summary>
    internal static async Task<Actor?> SupervisorAsync(MilepostDb db, string userName, CancellationToken ct)
    {
        var normalized = userName.ToUpperInvariant();
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, ct);
        if (user is null) return null;
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(ct);
        var actor = new Actor(user.UserName!, user.DisplayName, roles.ToHashSet(), user.UnitId, user.LeaderId);
        return actor.Is(Roles.Supervisor) ? actor : null;
    }

    private static int Usage(TextWriter stderr, string zh, string en) => CliDatabase.Fail(stderr, 2, zh, en);

    private static int Refused(TextWriter stderr, string zh, string en) => CliDatabase.Fail(stderr, 3, zh, en);
}
