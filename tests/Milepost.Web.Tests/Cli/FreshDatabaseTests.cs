using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Tests.Infrastructure;
using Npgsql;
using static Milepost.Web.Tests.Ledger.ImportFiles;

namespace Milepost.Web.Tests.Cli;

/// <summary>
/// The command line on a database that is not there yet or is behind the code: the reading commands refuse and create
/// nothing, an import creates it as the server's first start would, and an older one is migrated before it is read.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class FreshDatabaseTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>, IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("milepost-fresh-");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { _dir.Delete(recursive: true); } catch (IOException) { /* a file still held open; temp is cleaned later */ }
    }

    /// <summary>Two projects of a city whose units and categories are not known yet (leaders and divisions an import never makes).</summary>
    private string Ledger() => Write("台账.xlsx", Xlsx(
        Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "行业类别", "联系市领导"),
        Row("雨城大道改造", 12_000.0, "雨城交通投资公司", "市交通运输局", "交通", "王伟"),
        Row("名山污水处理厂", 6_000.0, "名山水务公司", "市住房城乡建设局", "市政", "王伟")));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory, DatabaseData]
    public async Task ImportIntoAFreshInstall_CreatesTheDatabaseAsTheFirstStartDoes_AndTheServerThenStartsOnIt(DatabaseProvider provider)
    {
        await using var target = await MissingDatabase.CreateAsync(provider, postgres, _dir);
        var ledger = Ledger();

        // The reading commands have nothing to read: each says so and creates nothing.
        string[][] reading = [["audit", "verify"], ["rank"], ["export", "projects", "--output", Path.Combine(_dir.FullName, "out.xlsx")],
            ["import", "projects", ledger, "--dry-run"]];
        foreach (var command in reading)
        {
            var refused = CliRun.Run([.. command, .. target.Args]);
            Assert.True(refused.Exit == 1, $"{string.Join(' ', command)}: {refused.Exit} {refused.Err}");
            Assert.Contains($"数据库尚未创建：{target.Where}。请先运行 milepost（启动服务时创建数据库），或用 milepost import projects 台账.xlsx 导入台账", refused.Err);
            Assert.Contains("The database does not exist yet", refused.Err);
        }
        Assert.False(await target.ExistsAsync());
        Assert.False(File.Exists(Path.Combine(_dir.FullName, "out.xlsx")));

        // The import creates it, with the three administrators, then checks the ledger: no city yet, and (without
        // --create-missing) unknown units, refused with the command line's switch named, not the web page's checkbox.
        var first = CliRun.Run(["import", "projects", ledger, .. target.Args]);
        Assert.True(first.Exit == 3, first.Err + first.Out);
        Assert.Contains($"数据库尚未创建，现在新建：{target.Where}", first.Out);
        var passwords = InitialPassword().Matches(first.Out).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(["admin", "auditor", "security"], passwords.Keys.Order());
        Assert.Contains("项目台账!C2 “雨城交通投资公司”：业主单位“雨城交通投资公司”不存在；如需新建，请加上 --create-missing 重新导入", first.Out);
        Assert.Contains("项目台账!第2行：未填写行政区划，且系统中没有唯一的市级行政区划可作默认", first.Out);
        Assert.DoesNotContain("勾选", first.Out);
        Assert.True(await target.ExistsAsync());

        // The office sets its city and leaders (as /base-data does); now the ledger goes in, as the command line, with no new accounts.
        await using (var db = target.NewContext())
        {
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            db.Divisions.Add(new Core.Portfolio.Division { Code = "511800", Name = "雅安市" });
            db.Leaders.Add(new Core.Portfolio.Leader { DivisionCode = "511800", Name = "王伟", Title = "副市长" });
            await db.SaveChangesAsync();
        }
        var second = CliRun.Run(["import", "projects", ledger, "--create-missing", .. target.Args]);
        Assert.True(second.Exit == 0, second.Err + second.Out);
        Assert.Contains("已导入：工作表“项目台账”，共 2 行数据；新增 2 个、更新 0 个、不变 0 个项目", second.Out);
        Assert.DoesNotContain("initial password", second.Out);

        // The server starts on that database (without the demo, as a real city runs it) and keeps what the import made.
        await using var factory = new MilepostFactory(target.Provider, target.ConnectionString, demo: false, dataDirectory: _dir.FullName) { KeepDataDirectory = true };
        var client = factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var signIn = await MilepostFactory.PostLoginAsync(client, "admin", passwords["admin"]);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/change-password", MilepostFactory.RedirectPath(signIn));
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            Assert.Equal(["admin", "auditor", "security"], await db.Users.Select(u => u.UserName!).OrderBy(u => u).ToListAsync());
            Assert.Equal(2, await db.Projects.CountAsync());
            Assert.Equal(["cli"], await db.AuditEvents.Where(e => e.Entity == "Project").Select(e => e.Actor).Distinct().ToListAsync());
            // Hashed as the server hashes: PBKDF2 with 210,000 iterations (SECURITY.md 2), read from the hash's header.
            var hash = Convert.FromBase64String((await db.Users.SingleAsync(u => u.UserName == "security")).PasswordHash!);
            Assert.Equal(210_000, hash[5] << 24 | hash[6] << 16 | hash[7] << 8 | hash[8]);

            // On the web the same refusal names the page's checkbox.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
            Assert.True((await users.CreateAsync(new MilepostUser { UserName = "office", DisplayName = "督查室" })).Succeeded);
            Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync("office"))!, Roles.Supervisor)).Succeeded);
        }
        await factory.InitializeAccountsAsync();
        var office = await factory.SignInAsync("office");
        var web = await (await UploadAsync(office, File.ReadAllBytes(Write("新台账.xlsx", Xlsx(
            Row("项目名称", "总投资（万元）", "业主单位", "责任单位", "行业类别", "联系市领导"),
            Row("蒙顶山索道", 3_000.0, "蒙顶山旅游公司", "市交通运输局", "交通", "王伟")))), "新台账.xlsx", dryRun: true)).ReadAsync<ImportResult>();
        Assert.Equal(["业主单位“蒙顶山旅游公司”不存在；如需新建，请勾选“自动创建缺少的单位、专项和类别”"], web.Errors.Select(e => e.Message));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AnEmptyFileLeftBehind_IsRefusedByAReadingCommandAndLeftAlone_ThenAnImportMakesItADatabase(bool zeroBytes)
    {
        // What `milepost import` left before this was fixed: the app's connection opened the file (a page of header, no
        // tables) and the first query failed. Or a file of no bytes, as `touch` makes it.
        var file = Path.Combine(_dir.FullName, "milepost.db");
        var options = new DbContextOptionsBuilder<SqliteMilepostDb>();
        DatabaseSetup.ConfigureSqlite(options, $"Data Source={file}");
        if (zeroBytes) File.WriteAllBytes(file, []);
        else
            await using (var leftover = new SqliteMilepostDb(options.Options))
            {
                await leftover.Database.OpenConnectionAsync();
                await leftover.Database.CloseConnectionAsync();
            }
        SqliteConnection.ClearAllPools();
        var bytes = File.ReadAllBytes(file);
        string[] args = ["--Milepost:Database=sqlite", $"--ConnectionStrings:Milepost=Data Source={file}"];

        var rank = CliRun.Run(["rank", "--lang", "en", .. args]);
        Assert.Equal(1, rank.Exit);
        Assert.Contains($"The database does not exist yet: {file}. Start the server (milepost), or import a ledger", rank.Err);
        SqliteConnection.ClearAllPools();
        Assert.Equal(bytes, File.ReadAllBytes(file));

        var import = CliRun.Run(["import", "projects", Ledger(), .. args]);
        Assert.True(import.Exit == 3, import.Err + import.Out);
        Assert.Equal(3, InitialPassword().Matches(import.Out).Count);
        await using var db = new SqliteMilepostDb(options.Options);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(3, await db.Users.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task ADatabaseOfAnOlderRelease_IsMigratedBeforeTheCommandReadsIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        await using (var db = database.NewContext())
        {
            // The release before the base-data model: units, leaders and divisions without their newer columns.
            var migrations = db.Database.GetMigrations().ToList();
            await db.GetService<IMigrator>().MigrateAsync(migrations[^2]);
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"Divisions\" (\"Code\", \"Name\") VALUES ('511800', '雅安市')");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "Leaders" ("DivisionCode", "Name", "Title", "Body", "Precedence") VALUES ('511800', '王伟', '副市长', 'Government', 3)
                """);
            Assert.Equal([migrations[^1]], await db.Database.GetPendingMigrationsAsync());
        }

        // The import reads whole units (short names, aliases: columns the older release lacks), so it needs the migration first.
        var (exit, stdout, stderr) = CliRun.Run(["import", "projects", Ledger(), "--dry-run", "--create-missing",
            $"--Milepost:Database={database.Provider}", $"--ConnectionStrings:Milepost={database.ConnectionString}"]);

        Assert.True(exit == 0, stderr + stdout);
        Assert.Contains("试导入（未写入）：工作表“项目台账”，共 2 行数据；新增 2 个", stdout);
        await using (var db = database.NewContext())
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [GeneratedRegex(@"^initial password for (\w+): (\S+)$", RegexOptions.Multiline)]
    private static partial Regex InitialPassword();

    /// <summary>A database named in the configuration that does not exist: a SQLite file not yet made, or a PostgreSQL database not yet created.</summary>
    private sealed class MissingDatabase : IAsyncDisposable
    {
        private readonly Func<Task<bool>> _exists;
        private readonly Func<ValueTask> _drop;

        private MissingDatabase(DatabaseProvider kind, string connectionString, string where, Func<Task<bool>> exists, Func<ValueTask> drop)
        {
            Kind = kind;
            ConnectionString = connectionString;
            Where = where;
            _exists = exists;
            _drop = drop;
        }

        public DatabaseProvider Kind { get; }
        public string Provider => Kind == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        public string ConnectionString { get; }
        /// <summary>How the command names the database to the operator.</summary>
        public string Where { get; }
        public string[] Args => [$"--Milepost:Database={Provider}", $"--ConnectionStrings:Milepost={ConnectionString}"];

        public Task<bool> ExistsAsync() => _exists();

        public MilepostDb NewContext()
        {
            if (Kind == DatabaseProvider.Sqlite)
            {
                var sqlite = new DbContextOptionsBuilder<SqliteMilepostDb>();
                DatabaseSetup.ConfigureSqlite(sqlite, ConnectionString);
                return new SqliteMilepostDb(sqlite.Options);
            }
            var npgsql = new DbContextOptionsBuilder<PostgresMilepostDb>();
            DatabaseSetup.ConfigurePostgres(npgsql, ConnectionString);
            return new PostgresMilepostDb(npgsql.Options);
        }

        public static async Task<MissingDatabase> CreateAsync(DatabaseProvider kind, PostgresFixture postgres, DirectoryInfo dir)
        {
            if (kind == DatabaseProvider.Sqlite)
            {
                var file = Path.Combine(dir.FullName, "milepost.db");
                return new(kind, $"Data Source={file}", file, () => Task.FromResult(File.Exists(file)), () => ValueTask.CompletedTask);
            }
            var cluster = await postgres.GetClusterAsync();
            var name = "fresh_" + Guid.NewGuid().ToString("N")[..12];
            var connectionString = cluster.ConnectionString(name);
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return new(kind, connectionString, $"{name} (tcp://{builder.Host}:{builder.Port})", async () =>
            {
                await using var connection = new NpgsqlConnection(cluster.ConnectionString("postgres"));
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
                command.Parameters.AddWithValue("name", name);
                return (long)(await command.ExecuteScalarAsync())! > 0;
            }, async () =>
            {
                NpgsqlConnection.ClearAllPools();
                await cluster.DropDatabaseAsync(name);
            });
        }

        public ValueTask DisposeAsync() => _drop();
    }
}
