using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Milepost.Data;
using Milepost.Web.Demo;

namespace Milepost.Web.Hosting;

/// <summary>
/// Before the server accepts requests: brings the database up (<see cref="PrepareAsync"/>) and seeds the demo
/// portfolio into an empty database. Each generated account's password is printed once, when the account is
/// created; there is no default password.
/// </summary>
public sealed class DatabaseInitializer(IServiceProvider services, IOptions<MilepostOptions> options, ILogger<DatabaseInitializer> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var console = services.GetService<OperatorConsole>()?.Writer ?? Console.Out;
        await PrepareAsync(scope.ServiceProvider, console, ct);

        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var clock = scope.ServiceProvider.GetRequiredService<PortfolioClock>();
        if (options.Value.Demo && !await db.Projects.AnyAsync(ct))
        {
            var demo = await DemoPortfolio.SeedAsync(db, clock.UtcNow, ct);
            log.LogInformation("Seeded the demo portfolio: {Projects} projects", demo.ProjectCount);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
            foreach (var account in demo.Accounts)
                await EnsureAccount(users, account.User, account.Role, console);
        }

        var asOf = await db.Settings.AsNoTracking().Where(x => x.Key == SettingKeys.AsOfDate).Select(x => x.Value).FirstOrDefaultAsync(ct);
        clock.Pin(asOf is null ? null : System.Text.Json.JsonSerializer.Deserialize<DateOnly>(asOf));
    }

    /// <summary>
    /// What a database needs before anyone can use it, the same whichever door opens it first (the server's start,
    /// or <c>milepost import</c> before the first start): the pending migrations, the roles, and the three
    /// administrators (三权分立), each with a generated password written to <paramref name="console"/> once.
    /// Idempotent: existing roles and accounts are left as they are.
    /// </summary>
    /// <param name="scoped">A scope holding MilepostDb, RoleManager and UserManager (with <see cref="AccountRules"/>).</param>
    public static async Task PrepareAsync(IServiceProvider scoped, TextWriter console, CancellationToken ct)
    {
        var db = scoped.GetRequiredService<MilepostDb>();
        await db.Database.MigrateAsync(ct);

        var roles = scoped.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");

        var users = scoped.GetRequiredService<UserManager<MilepostUser>>();
        // 三权分立: the three administrators are separate accounts from the start.
        await EnsureAccount(users, new MilepostUser { UserName = "admin", DisplayName = "系统管理员" }, Roles.SystemAdmin, console);
        await EnsureAccount(users, new MilepostUser { UserName = "security", DisplayName = "安全管理员" }, Roles.SecurityAdmin, console);
        await EnsureAccount(users, new MilepostUser { UserName = "auditor", DisplayName = "审计管理员" }, Roles.Auditor, console);
    }

    private static async Task EnsureAccount(UserManager<MilepostUser> users, MilepostUser user, string role, TextWriter console)
    {
        if (await users.FindByNameAsync(user.UserName!) is not null) return;
        // The password rules refuse a password that contains the user name: draw again in that (rare) case.
        var password = GeneratePassword();
        while (password.Contains(user.UserName!, StringComparison.OrdinalIgnoreCase)) password = GeneratePassword();
        user.MustChangePassword = true;
        Check(await users.CreateAsync(user, password), $"account {user.UserName}");
        Check(await users.AddToRoleAsync(user, role), $"role of {user.UserName}");
        // The one place a password is shown: to the operator, on the console, once.
        console.WriteLine($"initial password for {user.UserName}: {password}");
    }

    /// <summary>16 characters with lower case, upper case and digits, from an alphabet without look-alikes.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789";
        const string all = lower + upper + digits;
        while (true)
        {
            var chars = new char[16];
            for (var i = 0; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
            var s = new string(chars);
            if (s.Any(lower.Contains) && s.Any(upper.Contains) && s.Any(digits.Contains)) return s;
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// Where the first start prints the generated passwords for the operator: the process's console unless one is registered
/// (a test that plays the operator registers its own, as other servers in the same process print to the same console).
/// </summary>
public sealed class OperatorConsole(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;
}
