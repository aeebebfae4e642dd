using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Account;

/// <summary>SECURITY.md 4: TOTP is required for the three admin roles, and a code works once.</summary>
public sealed partial class TwoFactorTests : IAsyncLifetime
{
    private const string Password = "Audit-desk-2020";
    private readonly MilepostFactory _factory = new();

    public async Task InitializeAsync()
    {
        await _factory.InitializeAccountsAsync();
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        var user = new MilepostUser { UserName = "auditor2", DisplayName = "审计员" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Auditor)).Succeeded);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private HttpClient NewClient() => _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });

    private static Task<HttpResponseMessage> PostCode(HttpClient client, string url, string form, string code) =>
        MilepostFactory.PostFormAsync(client, url, form, new Dictionary<string, string> { ["Input.Code"] = code });

    [Fact]
    public async Task AnAuditor_MustEnroll_ThenSignsInWithACodeThatWorksOnce()
    {
        // Signed in with the password only: nothing but the enrollment page.
        var client = await _factory.SignInAsync("auditor2", Password);
        var page = await client.GetAsync("/projects");
        Assert.Equal("/account/two-factor", MilepostFactory.RedirectPath(page));
        var api = await client.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("双因素", await api.Content.ReadAsStringAsync());

        // Opening the page changes nothing; the key is made by a POST with the antiforgery token.
        var opened = await client.GetStringAsync("/account/two-factor");
        Assert.DoesNotMatch(SecretParameter(), opened);
        Assert.Contains("生成密钥", opened);
        Assert.Null(await KeyOfAsync("auditor2"));
        var forged = await client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "two-factor-key" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(await KeyOfAsync("auditor2"));
        var created = await MilepostFactory.PostFormAsync(client, "/account/two-factor", "two-factor-key", new Dictionary<string, string>());
        var enroll = await created.Content.ReadAsStringAsync();
        var key = SecretParameter().Match(enroll).Groups[1].Value;
        Assert.Matches("^[A-Z2-7]{32}$", key);
        Assert.Contains("otpauth://totp/Milepost:auditor2", enroll);
        // Issue 16: a QR code to scan, drawn as inline SVG (no request for an image; the CSP allows no script).
        Assert.Matches("data-testid=\"totp-qr\"[^>]*>\\s*<svg[^>]*>.*<(rect|path)", enroll.Replace("\n", " "));
        Assert.Equal(key, await KeyOfAsync("auditor2"));
        // Reopening shows the same key: it is made once.
        Assert.Contains(key, await client.GetStringAsync("/account/two-factor"));

        var wrongEnroll = await PostCode(client, "/account/two-factor", "two-factor", WrongCode(key));
        Assert.Contains("验证码不正确", await wrongEnroll.Content.ReadAsStringAsync());
        var enrolled = await PostCode(client, "/account/two-factor", "two-factor", TestTotp.Code(key, TestTotp.CurrentStep));
        // The auditor's home is the audit trail.
        Assert.Equal("/audit", MilepostFactory.RedirectPath(enrolled));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);

        // From now on the password alone gives no auth cookie.
        var second = NewClient();
        var password = await MilepostFactory.PostLoginAsync(second, "auditor2", Password);
        Assert.Equal("/account/login-2fa", MilepostFactory.RedirectPath(password));
        Assert.DoesNotContain(password.Headers.GetValues("Set-Cookie"), c => c.StartsWith("milepost.auth", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/projects")).StatusCode);

        var wrong = await PostCode(second, password.Headers.Location!.ToString(), "login-2fa", WrongCode(key));
        Assert.Contains("验证码不正确或已使用过", await wrong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/v1/projects")).StatusCode);

        // The enrollment used the current step's code; the next step's code is the first unused one.
        var code = TestTotp.Code(key, TestTotp.CurrentStep + 1);
        var signedIn = await PostCode(second, "/account/login-2fa", "login-2fa", code);
        Assert.Equal("/audit", MilepostFactory.RedirectPath(signedIn));
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/v1/projects")).StatusCode);

        // The same code again, from another client: refused.
        var third = NewClient();
        Assert.Equal("/account/login-2fa", MilepostFactory.RedirectPath(await MilepostFactory.PostLoginAsync(third, "auditor2", Password)));
        var replay = await PostCode(third, "/account/login-2fa", "login-2fa", code);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("验证码不正确或已使用过", await replay.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await third.GetAsync("/api/v1/projects")).StatusCode);
    }

    private async Task<string?> KeyOfAsync(string userName)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByNameAsync(userName))!);
    }

    [Fact]
    public async Task TheCodePage_WithoutAPassword_SendsBackToLogin()
    {
        var response = await NewClient().GetAsync("/account/login-2fa");
        Assert.Equal("/account/login", MilepostFactory.RedirectPath(response));
    }

    /// <summary>A code that matches none of the steps the server accepts.</summary>
    private static string WrongCode(string key)
    {
        var now = TestTotp.CurrentStep;
        var valid = Enumerable.Range(-2, 5).Select(d => TestTotp.Code(key, now + d)).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("000000", System.Globalization.CultureInfo.InvariantCulture)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("secret=([A-Z2-7]+)")]
    private static partial Regex SecretParameter();
}
