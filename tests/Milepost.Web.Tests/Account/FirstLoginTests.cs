using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Account;

/// <summary>SECURITY.md 1 and 10: a generated password is changed at first login; sign-in events are audited.</summary>
public sealed class FirstLoginTests : IAsyncLifetime
{
    private const string Generated = "Generated-Pw-2020";
    private const string Chosen = "Chosen-river-77";
    private readonly MilepostFactory _factory = new();

    public async Task InitializeAsync()
    {
        await _factory.InitializeAccountsAsync();
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        var user = new MilepostUser { UserName = "newcomer", DisplayName = "新同事", MustChangePassword = true };
        Assert.True((await users.CreateAsync(user, Generated)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.Supervisor)).Succeeded);
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private static Task<HttpResponseMessage> Change(HttpClient client, string old, string @new, string confirm) =>
        MilepostFactory.PostFormAsync(client, "/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = old, ["Input.NewPassword"] = @new, ["Input.ConfirmPassword"] = confirm,
        });

    [Fact]
    public async Task FirstLogin_ForcesAPasswordChange_BeforeAnythingElse()
    {
        var client = await _factory.SignInAsync("newcomer", Generated);

        var page = await client.GetAsync("/projects");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/account/change-password", MilepostFactory.RedirectPath(page));
        var api = await client.GetAsync("/api/v1/projects");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("修改初始密码", await api.Content.ReadAsStringAsync());

        // A wrong current password and a weak new one are refused on the page.
        var wrong = await Change(client, "Not-the-pw-2020", Chosen, Chosen);
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("原密码不正确", await wrong.Content.ReadAsStringAsync());
        var weak = await Change(client, Generated, "newcomer-2020-X", "newcomer-2020-X");
        Assert.Contains("密码不能包含用户名", await weak.Content.ReadAsStringAsync());

        var done = await Change(client, Generated, Chosen, Chosen);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        // Then to 挂图作战, where the office's work starts.
        Assert.Equal("/", MilepostFactory.RedirectPath(done));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/change-password")).StatusCode); // still there, voluntarily

        using var scope = _factory.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>().FindByNameAsync("newcomer");
        Assert.False(user!.MustChangePassword);
        var events = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Actor == "newcomer").OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(["account.login", "account.password-change-failed", "account.password-change"], events.Select(e => e.Action));
        Assert.All(events, e => Assert.Equal(MilepostFactory.ClientAddress.ToString(), e.ClientAddress));
        Assert.All(events, e => Assert.DoesNotContain(Generated, e.After ?? ""));
        Assert.All(events, e => Assert.DoesNotContain(Chosen, e.After ?? ""));
    }

    [Fact]
    public async Task FailedLoginAndLogout_AreAuditedOnceEach()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        var bad = await MilepostFactory.PostLoginAsync(client, "nobody-here", "Wrong-pass-2020");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);

        var supervisor = await _factory.SignInAsync("supervisor");
        // The change-password page carries a logout form; its token signs the logout post.
        var page = await supervisor.GetStringAsync("/account/change-password");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var outResponse = await supervisor.PostAsync("/account/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, outResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await supervisor.GetAsync("/api/v1/projects")).StatusCode);

        using var scope = _factory.Services.CreateScope();
        var events = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Entity == "Account").OrderBy(e => e.Sequence).ToListAsync();
        var failed = Assert.Single(events, e => e.Action == "account.login-failed");
        Assert.Equal("nobody-here", failed.Actor);
        Assert.DoesNotContain("Wrong-pass-2020", failed.After);
        Assert.Single(events, e => e.Action == "account.login" && e.Actor == "supervisor");
        Assert.Single(events, e => e.Action == "account.logout" && e.Actor == "supervisor");
    }
}
