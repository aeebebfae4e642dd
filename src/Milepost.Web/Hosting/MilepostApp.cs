using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Milepost.Data;
using Milepost.Web.Features.Account;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Approvals;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Features.Visits;
using Milepost.Web.Shared;

namespace Milepost.Web.Hosting;

/// <summary>Builds the web application: services, pipeline and endpoints.</summary>
public static class MilepostApp
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public static readonly TimeSpan AbsoluteSessionLimit = TimeSpan.FromHours(12);
    private const string SignedInAtKey = "milepost.signedInAt";

    public static WebApplication Build(string[] args)
    {
        // The app's own files (appsettings.json, wwwroot) live beside the executable; the data folder is
        // relative to where the operator runs it. The test host names its own content root.
        var builder = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            ? WebApplication.CreateBuilder(args)
            : WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultUrl);
        // `dotnet run` and the tests serve package assets (AntDesign, blazor.web.js) from the build's
        // manifest in every environment, not only Development; a published app has them as files.
        builder.WebHost.UseStaticWebAssets();
        ConfigureServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(IServiceCollection services, IConfiguration config)
    {
        services.Configure<MilepostOptions>(config.GetSection("Milepost"));
        var options = config.GetSection("Milepost").Get<MilepostOptions>() ?? new MilepostOptions();
        services.AddSingleton(TimeProvider.System);
        // Keys survive restarts (sessions and antiforgery tokens stay valid) and stay out of the web root (SECURITY.md 25).
        var keys = Directory.CreateDirectory(Path.Combine(options.DataDirectory, "keys"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keys.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        services.AddDataProtection().PersistKeysToFileSystem(keys).SetApplicationName("Milepost");
        services.AddSingleton<PortfolioClock>();
        services.AddHttpContextAccessor();
        services.AddScoped<ClientOrigin>();
        services.AddScoped<IAuditOrigin>(sp => sp.GetRequiredService<ClientOrigin>());
        services.AddMilepostDb(DatabaseSetup.ParseProvider(options.Database), config.GetConnectionString("Milepost"));

        services.AddIdentity<MilepostUser, IdentityRole>(AccountRules.Configure)
            .AddEntityFrameworkStores<MilepostDb>()
            .AddClaimsPrincipalFactory<MilepostClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<OneTimeAuthenticatorProvider>(OneTimeAuthenticatorProvider.Name);
        services.AddAccountRules();
        // A disabled account or a changed password ends other sessions within a minute (SECURITY.md 5).
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // SECURITY.md 5: served over HTTPS, the cookies are __Host- (Secure, whole site, no Domain), which a
        // browser refuses over plain HTTP; the loopback default (HTTP) keeps plain names.
        var https = ServesHttps(config);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = https ? "__Host-milepost.af" : "milepost.af";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = https ? "__Host-milepost.auth" : "milepost.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Events.OnSigningIn = ctx =>
            {
                // The moment of sign-in is kept across sliding renewals: the absolute limit counts from it.
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                ctx.Properties.Items[SignedInAtKey] = now.UtcTicks.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            };
            o.Events.OnValidatePrincipal = async ctx =>
            {
                // SECURITY.md 5: a session ends 12 hours after sign-in however busy it is.
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (ctx.Properties.Items.TryGetValue(SignedInAtKey, out var at) && long.TryParse(at, CultureInfo.InvariantCulture, out var ticks)
                    && now - new DateTimeOffset(ticks, TimeSpan.Zero) > AbsoluteSessionLimit)
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
            o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status403Forbidden);
        });
        // Deny by default: every endpoint needs a signed-in user unless it says otherwise.
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddCascadingAuthenticationState();
        // Exports are limited per user and minute; a refusal is 429 (the limiter's default would be 503).
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // A body of its own, so the status-code pages leave the 429 as it is.
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(Features.Ledger.ExportEndpoints.TooManyMessage, ct);
            };
            Features.Ledger.ExportEndpoints.AddExportRateLimit(o, config.GetValue("Milepost:ExportRateLimit", 20));
        });
        // Sign-in is throttled on failed attempts only (SignInThrottle): a request limiter on the login path refused a whole
        // office behind one NAT address at 9:00, and counted every opening of the page.
        services.AddSingleton<Features.Account.SignInThrottle>();

        // Chinese text goes out as text, not as &#x...; entities (smaller pages, readable source).
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = cultures;
            o.SupportedUICultures = cultures;
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddAntDesign();
        services.AddScoped<ProjectQueries>();
        services.AddScoped<ProjectCommands>();
        services.AddProblems();
        services.AddDashboard();
        Features.Supervision.SupervisionFeature.AddSupervision(services);
        services.AddVisits();
        services.AddApprovals();
        Features.Ranking.RankingFeature.AddRanking(services);
        Features.Ledger.ImportFeature.AddImport(services);
        Features.Reports.ReportsFeature.AddReports(services);
        Features.Ledger.ExportEndpoints.AddExports(services);
        Features.BaseData.BaseDataApi.AddBaseData(services);
        Features.BaseData.BaseDataWorkbookApi.AddBaseDataWorkbook(services);
        services.AddScoped<ProjectSchedule>();
        services.AddScoped<NodeCommands>();
        services.AddScoped<ProjectStatusService>();
        services.AddScoped<SettingsReader>();
        services.AddScoped<SettingsCommands>();
        services.AddScoped<Features.Users.UserCommands>();
        services.AddScoped<Features.FirstUse.FirstUseQueries>();
        services.AddScoped<AccountAudit>();
        services.AddHostedService<DatabaseInitializer>();
        services.AddScoped<Features.Audit.AuditVerifier>();
        services.AddHostedService<Features.Audit.AuditAnchorService>();
    }

    /// <summary>Whether any address the server listens on is HTTPS (the urls setting or a Kestrel endpoint).</summary>
    public static bool ServesHttps(IConfiguration config) =>
        (config["urls"] ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Concat(config.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"] ?? ""))
            .Any(u => u.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) app.UseExceptionHandler("/error", createScopeForErrors: true);
        // Pages get a friendly 404 page; the API keeps its status codes and JSON bodies.
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseSecurityHeaders();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAccountGate();
        app.UseAccessDeniedAudit();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapAccountEndpoints();
        app.MapProjectsApi();
        app.MapNodesApi();
        app.MapProblemsApi();
        app.MapDashboardApi();
        Features.Supervision.SupervisionFeature.MapSupervisionApi(app);
        app.MapVisitsApi();
        app.MapApprovalsApi();
        Features.Ranking.RankingFeature.MapRankingApi(app);
        Features.Reports.ReportsFeature.MapReportsApi(app);
        Features.Ledger.ExportEndpoints.MapExports(app);
        Features.Ledger.ImportFeature.MapImportApi(app);
        Features.BaseData.CityDivisionsApi.MapCityDivisionsApi(app);
        Features.BaseData.BaseDataApi.MapBaseDataApi(app);
        Features.BaseData.BaseDataWorkbookApi.MapBaseDataWorkbookApi(app);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
            foreach (var a in addresses ?? []) Console.WriteLine($"Milepost is listening on {a}");
        });
    }
}
