using System.Data.Common;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Cli;

/// <summary>
/// How a command meets a database that does not exist yet (no SQLite file, no PostgreSQL database, or one that no
/// migration has been applied to). Whatever the value, a database that exists is first brought up to date: its pending
/// migrations are applied, as the server's start applies them, so a command never trips on a table of a newer release.
/// </summary>
internal enum DatabaseUse
{
    /// <summary>
    /// Refuse (exit 1) and create nothing: the reading commands (audit verify, export, rank, import --dry-run) have
    /// nothing to read, and rank --publish needs a supervisor account that a new database cannot hold.
    /// </summary>
    Existing,

    /// <summary>
    /// Create it as the server's first start does (migrations, roles, the three administrators with their passwords
    /// printed once), so that a city can import its ledger before it first serves; <c>import</c> without --dry-run.
    /// When the creation fails, the database this command created is removed again.
    /// </summary>
    CreateIfMissing,
}

/// <summary>The configured database opened for one command: one scope of its services, its context and its settings.</summary>
internal sealed class CliSession(ServiceProvider root, IConfiguration configuration, MilepostOptions options) : IAsyncDisposable
{
    private readonly AsyncServiceScope _scope = root.CreateAsyncScope();

    public IConfiguration Configuration { get; } = configuration;
    public MilepostOptions Options { get; } = options;
    public IServiceProvider Services => _scope.ServiceProvider;
    public MilepostDb Db => Services.GetRequiredService<MilepostDb>();

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await root.DisposeAsync();
    }
}

/// <summary>What the commands that read the portfolio share: the configured database and the portfolio's clock.</summary>
internal static class CliDatabase
{
    /// <summary>The actor a command runs as when no account is named: the operator of the server's own configuration.</summary>
    public const string CliActor = "cli";

    /// <summary>The command line acting with the office's full view, audited as <see cref="CliActor"/>.</summary>
    public static Actor CommandLineActor() => new(CliActor, Lang.T("命令行", "Command line"), new HashSet<string> { Roles.Supervisor }, null, null);

    /// <summary>
    /// Opens the database the web app would use, from the same settings (appsettings, environment,
    /// <paramref name="configArgs"/>), and makes it ready as <paramref name="use"/> says. On failure (a configuration
    /// that cannot be used, a database that cannot be read or does not exist yet) the reason goes to
    /// <paramref name="stderr"/> in both languages and the session is null with the exit code (1).
    /// </summary>
    public static async Task<(CliSession? Session, int Exit)> OpenAsync(string[] configArgs, DatabaseUse use, TextWriter stdout, TextWriter stderr,
        CancellationToken ct)
    {
        CliSession session;
        try
        {
            var config = AuditCommand.Configuration(configArgs);
            var options = config.GetSection("Milepost").Get<MilepostOptions>() ?? new MilepostOptions();
            var services = new ServiceCollection()
                .AddLogging()
                .AddMilepostDb(DatabaseSetup.ParseProvider(options.Database), config.GetConnectionString("Milepost"));
            // Accounts as the server makes them, for the administrators of a database created here.
            services.AddIdentityCore<MilepostUser>(AccountRules.Configure).AddRoles<IdentityRole>().AddEntityFrameworkStores<MilepostDb>();
            services.AddAccountRules();
            session = new CliSession(services.BuildServiceProvider(), config, options);
        }
        catch (Exception e) when (e is InvalidOperationException or TimeZoneNotFoundException)
        {
            return (null, Fail(stderr, 1, $"配置无效：{e.Message}", $"Invalid configuration: {e.Message}"));
        }

        try
        {
            if (await ReadyAsync(session, use, stdout, stderr, ct) is { } refused)
            {
                await session.DisposeAsync();
                return (null, refused);
            }
            return (session, 0);
        }
        catch (DbException e)
        {
            await session.DisposeAsync();
            return (null, Fail(stderr, 1, $"无法读取数据库：{e.Message}", $"Cannot read the database: {e.Message}"));
        }
    }

    /// <summary>Null when the database is ready; otherwise the exit code, the reason written to stderr.</summary>
    private static async Task<int?> ReadyAsync(CliSession session, DatabaseUse use, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        var db = session.Db;
        var exists = await ExistsAsync(db, ct);
        if (exists && (await db.Database.GetAppliedMigrationsAsync(ct)).Any())
        {
            await db.Database.MigrateAsync(ct);
            return null;
        }
        var where = Where(db);
        if (use == DatabaseUse.Existing)
            return Fail(stderr, 1,
                $"数据库尚未创建：{where}。请先运行 milepost（启动服务时创建数据库），或用 milepost import projects 台账.xlsx 导入台账（导入时创建数据库）",
                $"The database does not exist yet: {where}. Start the server (milepost), or import a ledger with milepost import projects LEDGER.xlsx; either creates it");

        stdout.WriteLine(Lang.T($"数据库尚未创建，现在新建：{where}", $"The database does not exist yet; creating it: {where}"));
        // SQLite cannot migrate a file of no bytes (its first read-only look cannot switch it to WAL); it holds nothing to keep.
        if (!exists && db.Database.IsSqlite()) File.Delete(SqliteFile(db));
        try
        {
            await DatabaseInitializer.PrepareAsync(session.Services, stdout, ct);
        }
        catch when (!exists)
        {
            // Leave nothing behind: a half-made database would pass for a started one with the next command and the server.
            await RemoveAsync(db);
            throw;
        }
        stdout.WriteLine(Lang.T("以上是系统管理员（admin）、安全管理员（security）和审计管理员（auditor）的初始密码，只显示这一次，首次登录时须修改",
            "Above are the initial passwords of the system administrator (admin), security administrator (security) and auditor (auditor), shown this once; each must change it at first sign-in"));
        return null;
    }

    /// <summary>
    /// Whether there is a database to open, asked so that asking creates nothing (a connection to a missing SQLite file
    /// would make it). A SQLite file of no bytes (what an earlier release's failed import left) holds nothing: it counts
    /// as missing, and is left as it is unless an import makes it a database.
    /// </summary>
    private static async Task<bool> ExistsAsync(MilepostDb db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return await db.GetService<IRelationalDatabaseCreator>().ExistsAsync(ct);
        var file = new FileInfo(SqliteFile(db));
        return file.Exists && file.Length > 0;
    }

    private static string SqliteFile(MilepostDb db) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetDbConnection().ConnectionString).DataSource);

    private static async Task RemoveAsync(MilepostDb db)
    {
        try
        {
            SqliteConnection.ClearAllPools();
            await db.Database.EnsureDeletedAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbException or IOException or UnauthorizedAccessException)
        {
            // The original failure is what the operator needs to read; this one would hide it.
        }
    }

    /// <summary>The database as the operator would find it: the SQLite file's full path, or the PostgreSQL database and server.</summary>
    private static string Where(MilepostDb db)
    {
        var connection = db.Database.GetDbConnection();
        return db.Database.IsSqlite() ? SqliteFile(db) : $"{connection.Database} ({connection.DataSource})";
    }

    /// <summary>The portfolio's today, as the web app has it: pinned when the portfolio tells its story as of a day.</summary>
    public static async Task<PortfolioClock> ClockAsync(MilepostDb db, MilepostOptions options, CancellationToken ct)
    {
        var clock = new PortfolioClock(TimeProvider.System, Options.Create(options));
        var asOf = await db.Settings.AsNoTracking().Where(x => x.Key == SettingKeys.AsOfDate).Select(x => x.Value).FirstOrDefaultAsync(ct);
        clock.Pin(asOf is null ? null : System.Text.Json.JsonSerializer.Deserialize<DateOnly>(asOf));
        return clock;
    }

    /// <summary>
    /// Runs a command in the language of <c>--lang</c> (zh, the default, or en) and puts the caller's back afterwards;
    /// any other value is a usage error (exit 2).
    /// </summary>
    public static async Task<int> InLanguageAsync(string? lang, TextWriter stderr, Func<Task<int>> run)
    {
        if (lang is { } l && l != "zh" && l != "en")
            return Fail(stderr, 2, $"--lang 只能是 zh 或 en，而不是“{l}”", $"--lang must be zh or en, not \"{l}\"");
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-CN");
            return await run();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>Writes a failure in both languages to stderr (scripts and people read it) and returns its exit code.</summary>
    public static int Fail(TextWriter stderr, int code, string zh, string en)
    {
        stderr.WriteLine(zh);
        stderr.WriteLine(en);
        return code;
    }
}
