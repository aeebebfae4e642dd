using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Account;

/// <summary>SECURITY.md 5: over HTTPS the session and antiforgery cookies are __Host-, Secure and HttpOnly; the session's is SameSite=Lax.</summary>
public sealed class CookieTests : IAsyncLifetime
{
    private readonly MilepostFactory _factory = new() { Urls = "https://127.0.0.1:5443" };

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task ServedOverHttps_TheCookiesAreHostPrefixedAndSecure()
    {
        var client = _factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://127.0.0.1:5443"), AllowAutoRedirect = false, HandleCookies = true,
        });
        var login = await client.GetAsync("/account/login");
        var antiforgery = Assert.Single(login.Headers.GetValues("Set-Cookie"), c => c.Contains("milepost.af", StringComparison.Ordinal));
        AssertHostCookie(antiforgery, "__Host-milepost.af=", "samesite=strict");

        var signedIn = await MilepostFactory.PostLoginAsync(client, "supervisor", MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("milepost.auth", StringComparison.Ordinal));
        AssertHostCookie(session, "__Host-milepost.auth=", "samesite=lax");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);
    }

    private static void AssertHostCookie(string header, string prefix, string sameSite)
    {
        var parts = header.Split(';', StringSplitOptions.TrimEntries);
        Assert.StartsWith(prefix, parts[0], StringComparison.Ordinal);
        Assert.Contains("secure", parts, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("httponly", parts, StringComparer.OrdinalIgnoreCase);
        Assert.Contains("path=/", parts, StringComparer.OrdinalIgnoreCase);
        Assert.Contains(sameSite, parts, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(parts, p => p.StartsWith("domain=", StringComparison.OrdinalIgnoreCase));
    }
}
