using System.Buffers.Binary;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Account;

/// <summary>SECURITY.md item 2: length, classes, blocklist, and the PBKDF2 work factor.</summary>
public sealed class PasswordRulesTests : IAsyncLifetime
{
    private readonly MilepostFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task StoredHash_CarriesAtLeast210000Iterations()
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        var user = new MilepostUser { UserName = "hash-check", DisplayName = "hash" };
        Assert.True((await users.CreateAsync(user, "Strong-pass-2020")).Succeeded);

        var bytes = Convert.FromBase64String((await users.FindByNameAsync("hash-check"))!.PasswordHash!);
        Assert.Equal(0x01, bytes[0]); // Identity V3 format
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1))); // HMAC-SHA512
        Assert.True(BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)) >= 210_000);
    }

    [Theory]
    [InlineData("Ab1-short", "PasswordTooShort", "至少需要 10 个字符")]
    [InlineData("alllowercase2020", "PasswordClasses", "至少三类")]
    [InlineData("ALLUPPER-NODIGITS", "PasswordClasses", "至少三类")]
    [InlineData("My-MILEPOST-2020", "PasswordProductName", "milepost")]
    [InlineData("Supervisor-2020", "PasswordUserName", "用户名")]
    [InlineData("市交通运输局Ab2020", "PasswordUnitName", "单位名称")]
    public async Task WeakPasswords_AreRefused_WithAChineseReason(string password, string code, string message)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        var user = (await users.FindByNameAsync("supervisor"))!;
        var result = await users.ChangePasswordAsync(user, MilepostFactory.Password, password);
        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors, e => e.Code == code);
        Assert.Contains(message, error.Description);
    }

    [Theory]
    [InlineData("Gold-river-2020")]
    [InlineData("gold river 2020")]
    [InlineData("GOLDRIVER2020x")]
    public async Task StrongPasswords_AreAccepted(string password)
    {
        using var scope = _factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MilepostUser>>();
        var user = new MilepostUser { UserName = "strong-" + Guid.NewGuid().ToString("N")[..6], DisplayName = "x" };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
