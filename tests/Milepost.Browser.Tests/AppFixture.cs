using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Browser.Tests;

/// <summary>
/// The application on a real Kestrel port with the demo portfolio (or, for <see cref="EmptyAppFixture"/>, an empty
/// install), and Debian's Chromium driven by Playwright. Nothing is downloaded: the browser is /usr/bin/chromium.
/// </summary>
public class AppFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private readonly bool _demo, _asFirstStarted;
    private readonly StringWriter _printed = new();

    public AppFixture() : this(demo: true) { }

    /// <param name="asFirstStarted">Leave the accounts as the first start made them (generated passwords, to be changed,
    /// no second factor) and keep the passwords it printed in <see cref="InitialPasswords"/>, as an operator reads them.</param>
    protected AppFixture(bool demo, bool asFirstStarted = false)
    {
        (_demo, _asFirstStarted) = (demo, asFirstStarted);
        Factory = new MilepostFactory(demo: demo) { Urls = "http://127.0.0.1:0", OperatorConsole = asFirstStarted ? _printed : null };
    }

    /// <summary>"initial password for admin: …" lines of the first start, by user name (only with asFirstStarted).</summary>
    public IReadOnlyDictionary<string, string> InitialPasswords { get; private set; } = new Dictionary<string, string>();

    public MilepostFactory Factory { get; }
    public IBrowser Browser { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";

    public static string ArtifactsDirectory
    {
        get
        {
            // tests/Milepost.Browser.Tests/artifacts, found from the test assembly's folder (bin/…).
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Milepost.Browser.Tests.csproj"))) dir = dir.Parent;
            var path = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: install it with `apt-get install -y chromium fonts-noto-cjk` (./test.sh does this).");
        Factory.UseKestrel();
        if (_asFirstStarted)
        {
            // The first start prints each administrator's generated password for the operator, once: read it there.
            Factory.StartServer();
            InitialPasswords = System.Text.RegularExpressions.Regex.Matches(_printed.ToString(), @"initial password for (\w+): (\S+)")
                .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
            if (InitialPasswords.Count != 3) throw new InvalidOperationException("The first start printed no initial passwords:\n" + _printed);
        }
        else
        {
            Factory.StartServer();
            // An empty install has only the three administrators: the office's account is opened for it.
            if (!_demo) await Factory.AddAccountAsync("supervisor", Milepost.Data.Roles.Supervisor);
            await Factory.InitializeAccountsAsync();
        }
        var addresses = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.First().TrimEnd('/');

        // CI shares two cores with the build and the other test assemblies: give pages time to render.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context signed in through the login form.</summary>
    public async Task<IPage> SignInAsync(string user, string? loginScreenshot = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl, Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        var page = await context.NewPageAsync();
        var login = new LoginPage(page);
        await login.OpenAsync();
        if (loginScreenshot is not null) await login.Screenshot(loginScreenshot);
        await login.SignInAsync(user, MilepostFactory.Password);
        // The administrators answer the second factor with a code from the key the factory enrolled.
        if (new Uri(page.Url).AbsolutePath == "/account/login-2fa")
        {
            await page.GetByLabel("验证码").FillAsync(await Factory.NextCodeAsync(user, Factory.AuthenticatorKey(user)));
            await page.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != "/account/login-2fa");
        }
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.CloseAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition("app")]
public sealed class AppCollection : ICollectionFixture<AppFixture>;

/// <summary>A fresh install without the demo (--no-demo): no divisions, units or projects; an office account "supervisor".</summary>
public sealed class EmptyAppFixture() : AppFixture(demo: false);

[CollectionDefinition("empty-app")]
public sealed class EmptyAppCollection : ICollectionFixture<EmptyAppFixture>;

/// <summary>An install as its first start leaves it: no demo, the three administrators with the passwords it printed.</summary>
public sealed class FirstStartFixture() : AppFixture(demo: false, asFirstStarted: true);

[CollectionDefinition("first-start")]
public sealed class FirstStartCollection : ICollectionFixture<FirstStartFixture>;

/// <summary>Collects a page's console errors and uncaught exceptions (a CSP refusal is one): a test asserts there are none.</summary>
public static class ConsoleErrors
{
    public static List<string> Watch(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") errors.Add($"{m.Text} ({m.Location})"); };
        page.PageError += (_, e) => errors.Add(e);
        return errors;
    }
}
