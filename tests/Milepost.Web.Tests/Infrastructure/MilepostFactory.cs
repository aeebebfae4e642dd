using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web;

namespace Milepost.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real database (a temp SQLite file by default, or a given PostgreSQL
/// database), seeded with the demo portfolio. Every account gets <see cref="Password"/> so tests can sign in.
/// </summary>
public sealed partial class MilepostFactory : WebApplicationFactory<Program>
{
    public const string Password = "Test-pass-2020-Xq";

    private readonly string _provider;
    private readonly string _connectionString;
    private readonly bool _demo;

    /// <param name="dataDirectory">An existing data folder (keys, SQLite file) to start on, as a restarted server would.</param>
    public MilepostFactory(string provider = "sqlite", string? connectionString = null, bool demo = true, string? dataDirectory = null)
    {
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("milepost-test-").FullName;
        _provider = provider;
        _connectionString = connectionString ?? $"Data Source={Path.Combine(DataDirectory, "milepost.db")}";
        _demo = demo;
    }

    public string DataDirectory { get; }

    /// <summary>Leave the data folder in place on dispose (a restart test hands it to the next server).</summary>
    public bool KeepDataDirectory { get; init; }

    /// <summary>Set to "http://127.0.0.1:0" with UseKestrel() for a real port (browser tests).</summary>
    public string? Urls { get; init; }

    /// <summary>Sign-in requests per address and minute (high by default, so tests are not throttled).</summary>
    public int SignInRateLimit { get; init; } = 10_000;

    /// <summary>A clock to replace the real one (cookie expiry, audit times, PortfolioClock).</summary>
    public TimeProvider? Time { get; init; }

    /// <summary>Where the first start prints the generated passwords (the process's console when null).</summary>
    public TextWriter? OperatorConsole { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (Time is { } time) builder.ConfigureTestServices(s => s.AddSingleton(time));
        if (OperatorConsole is { } console) builder.ConfigureTestServices(s => s.AddSingleton(new Milepost.Web.Hosting.OperatorConsole(console)));
        // UseSetting reaches the configuration before services are built (ConfigureAppConfiguration would be too late).
        builder.UseEnvironment("Testing");
        builder.UseSetting("Milepost:Database", _provider);
        builder.UseSetting("ConnectionStrings:Milepost", _connectionString);
        builder.UseSetting("Milepost:Demo", _demo ? "true" : "false");
        builder.UseSetting("Milepost:DataDirectory", DataDirectory);
        // Tests sign in far more often than people do; the limit itself is tested with its own factory.
        builder.UseSetting("Milepost:SignInRateLimit", SignInRateLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Urls is not null) builder.UseUrls(Urls);
        // The in-memory test server has no network peer; give requests one, as Kestrel would.
        else builder.ConfigureTestServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ClientAddressFilter()));
    }

    /// <summary>The address requests come from on the in-memory test server.</summary>
    public static readonly IPAddress ClientAddress = IPAddress.Parse("10.20.30.40");

    private sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(nextMiddleware => ctx =>
            {
                ctx.Connection.RemoteIpAddress ??= ClientAddress;
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }

    /// <summary>
    /// Starts the app (migrating and seeding) and gives every account the test password, as if each
    /// had already replaced its generated one (the forced change has tests of its own).
    /// </summary>
    public async Task InitializeAccountsAsync()
    {
        StartServer(); // builds and starts the host (idempotent)
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        foreach (var user in users.Users.ToList())
        {
            await users.RemovePasswordAsync(user);
            var result = await users.AddPasswordAsync(user, Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
            // Admin accounts sign in with a second factor; theirs is enrolled here, and SignInAsync answers it.
            var roles = await users.GetRolesAsync(user);
            if (roles.Any(r => r is Roles.SystemAdmin or Roles.SecurityAdmin or Roles.Auditor))
            {
                await users.ResetAuthenticatorKeyAsync(user);
                _authenticatorKeys[user.UserName!] = (await users.GetAuthenticatorKeyAsync(user))!;
                await users.SetTwoFactorEnabledAsync(user, true);
            }
        }
    }

    /// <summary>
    /// Adds an account in a role, as the administrators would open it (an install without the demo has only the three
    /// administrators); call before <see cref="InitializeAccountsAsync"/>, which gives it the test password.
    /// </summary>
    public async Task AddAccountAsync(string userName, string role)
    {
        StartServer();
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        var user = new MilepostUser { UserName = userName, DisplayName = userName };
        foreach (var result in new[] { await users.CreateAsync(user, Password), await users.AddToRoleAsync(user, role) })
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    private readonly ConcurrentDictionary<string, string> _authenticatorKeys = new();
    private readonly ConcurrentDictionary<string, long> _lastSteps = new();

    /// <summary>A client signed in as <paramref name="userName"/> through the real login form (and the code page, for an admin).</summary>
    public async Task<HttpClient> SignInAsync(string userName, string? password = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostLoginAsync(client, userName, password ?? Password);
        if (response.StatusCode == HttpStatusCode.Redirect && RedirectPath(response) == "/account/login-2fa"
            && _authenticatorKeys.TryGetValue(userName, out var key))
            response = await PostFormAsync(client, response.Headers.Location!.ToString(), "login-2fa",
                new Dictionary<string, string> { ["Input.Code"] = await NextCodeAsync(userName, key) });
        if (response.StatusCode != HttpStatusCode.Redirect || RedirectPath(response) == "/account/login-2fa")
            throw new InvalidOperationException($"Sign-in of {userName} failed: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>The authenticator key enrolled for an admin-role account by <see cref="InitializeAccountsAsync"/>.</summary>
    public string AuthenticatorKey(string userName) => _authenticatorKeys[userName];

    /// <summary>A code the app has not accepted before (a code works once): the next unused step, waiting if need be.</summary>
    public async Task<string> NextCodeAsync(string userName, string key)
    {
        while (true)
        {
            var now = TestTotp.CurrentStep;
            var step = Math.Max(now, _lastSteps.GetValueOrDefault(userName, -1) + 1);
            if (step <= now + 1)
            {
                _lastSteps[userName] = step;
                return TestTotp.Code(key, step);
            }
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/account/login");
        var token = AntiforgeryField().Match(page).Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        });
        return await client.PostAsync("/account/login", form);
    }

    /// <summary>The path a redirect points to, whether the app wrote it absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    /// <summary>Posts a static server-rendered form the way a browser does: with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, IDictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        if (page.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET {url} answered {(int)page.StatusCode} {page.Headers.Location}");
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        var form = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!KeepDataDirectory)
            try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { /* a file still held open; temp is cleaned later */ }
    }
}
