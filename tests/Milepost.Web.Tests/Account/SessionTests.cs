using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Account;

/// <summary>SECURITY.md 3 and 5: lockout after 5 failures, and the 30-minute idle timeout.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private readonly ShiftedClock _clock = new();
    private readonly MilepostFactory _factory;

    public SessionTests() => _factory = new MilepostFactory { Time = _clock };

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task FiveBadPasswords_LockTheAccount_EvenAgainstTheRightPassword()
    {
        var client = _factory.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await MilepostFactory.PostLoginAsync(client, "owner", "Wrong-pass-2020")).StatusCode);

        var right = await MilepostFactory.PostLoginAsync(client, "owner", MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("账号已锁定", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects")).StatusCode);

        using var scope = _factory.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Actor == "owner").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal([.. Enumerable.Repeat("account.login-failed", 4), "account.lockout", "account.login-failed"], actions);

        // For fifteen minutes (Identity's lockout reads the system clock, so the test reads the stored end).
        var owner = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MilepostUser>>().FindByNameAsync("owner");
        var left = owner!.LockoutEnd!.Value - DateTimeOffset.UtcNow;
        Assert.InRange(left, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));

        // When those minutes have passed, the right password works again.
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<MilepostUser>>();
        await users.SetLockoutEndDateAsync(owner, DateTimeOffset.UtcNow.AddSeconds(-1));
        var after = await MilepostFactory.PostLoginAsync(client, "owner", MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);
    }

    [Fact]
    public async Task WrongCurrentPasswords_OnTheChangePage_LockTheAccountAndEndTheSession()
    {
        var client = await _factory.SignInAsync("dept");
        var fields = new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "Wrong-pass-2020", ["Input.NewPassword"] = "Another-pass-2021", ["Input.ConfirmPassword"] = "Another-pass-2021",
        };
        for (var i = 0; i < 4; i++)
        {
            var refused = await MilepostFactory.PostFormAsync(client, "/account/change-password", "change-password", fields);
            Assert.Contains("原密码不正确", await refused.Content.ReadAsStringAsync());
        }
        var fifth = await MilepostFactory.PostFormAsync(client, "/account/change-password", "change-password", fields);
        Assert.Equal("/account/login", MilepostFactory.RedirectPath(fifth));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects")).StatusCode);
        // Locked: the right password is refused at the sign-in page too.
        var again = await MilepostFactory.PostLoginAsync(_factory.CreateClient(new() { AllowAutoRedirect = false }), "dept", MilepostFactory.Password);
        Assert.Contains("账号已锁定", await again.Content.ReadAsStringAsync());

        using var scope = _factory.Services.CreateScope();
        var actions = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Actor == "dept" && e.Action != "account.login").OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
        Assert.Equal([.. Enumerable.Repeat("account.password-change-failed", 4), "account.lockout", "account.login-failed"], actions);
    }

    [Fact]
    public async Task AnIdleSession_EndsAfter30Minutes_AndUseKeepsItAlive()
    {
        var client = await _factory.SignInAsync("supervisor");
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode); // renews the cookie
        _clock.Advance(TimeSpan.FromMinutes(20));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects")).StatusCode);

        _clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects")).StatusCode);
        var page = await client.GetAsync("/projects");
        Assert.Equal("/account/login", MilepostFactory.RedirectPath(page));
    }

    [Fact]
    public async Task ABusySession_StillEnds12HoursAfterSignIn()
    {
        var client = await _factory.SignInAsync("leader");
        var step = TimeSpan.FromMinutes(25); // never idle for 30 minutes
        var elapsed = TimeSpan.Zero;
        for (; elapsed + step <= TimeSpan.FromHours(12); elapsed += step)
        {
            _clock.Advance(step);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/projects?pageSize=1")).StatusCode);
        }
        _clock.Advance(step); // 12 h 5 min after sign-in
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/projects?pageSize=1")).StatusCode);
    }

    /// <summary>
    /// Issue 16: only failed sign-ins count against an address. Opening the page never does, and an office of fifty behind
    /// one NAT address signing in correctly at 9:00 is never refused; after the limit of failures even the right password
    /// waits for the minute to pass.
    /// </summary>
    [Fact]
    public async Task FailedSignIns_AreLimitedPerAddress_ButOpeningThePageOrSucceedingNeverIs()
    {
        await using var factory = new MilepostFactory { SignInRateLimit = 5, Time = _clock };
        await factory.InitializeAccountsAsync();
        HttpClient NewClient() => factory.CreateClient(new() { AllowAutoRedirect = false });
        var client = NewClient();
        for (var i = 0; i < 30; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
        for (var i = 0; i < 50; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await MilepostFactory.PostLoginAsync(NewClient(), "supervisor", MilepostFactory.Password)).StatusCode);

        // Five failures from the address, over several accounts (none of them locks): then even the right password waits.
        foreach (var user in new[] { "leader", "dept", "owner", "leader", "dept" })
        {
            var failed = await MilepostFactory.PostLoginAsync(NewClient(), user, "Wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("用户名或密码不正确", await failed.Content.ReadAsStringAsync());
        }
        var refused = await MilepostFactory.PostLoginAsync(NewClient(), "owner", MilepostFactory.Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("登录失败次数过多，请一分钟后再试", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);   // the page itself still opens

        _clock.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.Redirect, (await MilepostFactory.PostLoginAsync(NewClient(), "owner", MilepostFactory.Password)).StatusCode);
    }
}
