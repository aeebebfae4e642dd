using System.CommandLine;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Audit;
using Milepost.Data;

namespace Milepost.Web.Cli;

/// <summary>
/// <c>milepost audit verify</c>: verifies the whole audit hash chain in the configured database
/// against the last head anchored in <c>Milepost:DataDirectory</c> (SPEC §3.10, SECURITY.md 12–13),
/// without starting the web server. Configuration as the web app reads it: appsettings.json (and
/// appsettings.{environment}.json) in the current folder, environment variables, and
/// <c>--Milepost:X=...</c> arguments. Exit 0 when intact; 2 with the first bad event on stderr;
/// 1 when the database or the anchor file cannot be read, or the database does not exist yet (it is not created).
/// </summary>
public static class AuditCommand
{
    private const int BatchSize = 1000;

    public static Command Create()
    {
        var verify = new Command("verify", "Verify the audit hash chain and name the first broken event.")
        {
            // --Milepost:Database=..., --ConnectionStrings:Milepost=... are configuration.
            TreatUnmatchedTokensAsErrors = false,
        };
        verify.SetAction((result, ct) => VerifyAsync(
            [.. result.UnmatchedTokens], result.InvocationConfiguration.Output, result.InvocationConfiguration.Error, ct));
        return new Command("audit", "Work on the audit trail.") { verify };
    }

    internal static async Task<int> VerifyAsync(string[] configArgs, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var (session, exit) = await CliDatabase.OpenAsync(configArgs, DatabaseUse.Existing, stdout, stderr, ct);
        if (session is null) return exit;

        await using (session)
        {
            var db = session.Db;
            var dataDir = session.Configuration["Milepost:DataDirectory"] is { Length: > 0 } d ? d : "data";
            AuditAnchorLine? anchor;
            try
            {
                anchor = AuditAnchor.ReadLatest(dataDir);
            }
            catch (Exception e) when (e is FormatException or IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"无法读取锚定文件：{e.Message}");
                stderr.WriteLine($"Cannot read the anchor file: {e.Message}");
                return 1;
            }
            if (anchor is null)
                stderr.WriteLine($"注意：未找到锚定文件 {AuditAnchor.PathIn(dataDir)}，仅校验链本身 / No anchor file: checking the chain by itself only");

            AuditVerification result;
            try
            {
                result = AuditChain.Verify(ReadInBatches(db), anchor?.Hash, anchor?.Sequence);
            }
            catch (DbException e)
            {
                stderr.WriteLine($"无法读取数据库：{e.Message}");
                stderr.WriteLine($"Cannot read the database: {e.Message}");
                return 1;
            }

            if (result.Ok)
            {
                stdout.WriteLine(result.MessageZh);
                return 0;
            }
            var at = result.FirstBadSequence is { } s ? $"第 {s} 条事件" : "审计链";
            stderr.WriteLine($"审计链校验失败：{at}（{result.Kind}）：{result.MessageZh}");
            stderr.WriteLine($"Audit chain verification failed at {(result.FirstBadSequence is { } n ? $"event {n}" : "the chain")} ({result.Kind}): {result.MessageEn}");
            return 2;
        }
    }

    /// <summary>The events in sequence order, read untracked a batch at a time so memory stays flat.</summary>
    private static IEnumerable<AuditEvent> ReadInBatches(MilepostDb db)
    {
        long after = long.MinValue;
        while (true)
        {
            var batch = db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence).Take(BatchSize).ToList();
            foreach (var e in batch) yield return e;
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Sequence;
        }
    }

    /// <summary>The web app's configuration sources, in its order (later ones win); every command that opens the database reads it.</summary>
    internal static IConfiguration Configuration(string[] args)
    {
        var environment = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
    }
}
