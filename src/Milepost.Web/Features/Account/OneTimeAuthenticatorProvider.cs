using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Milepost.Data;

namespace Milepost.Web.Features.Account;

/// <summary>
/// The authenticator-app second factor, with what Identity's own provider lacks: a code works
/// once (SECURITY.md 4, ASVS 6.5). The last accepted time step is kept per account; a code for that
/// step or an earlier one is refused. Two requests racing with one code both write the account's
/// concurrency stamp, so one of them fails.
/// </summary>
public sealed class OneTimeAuthenticatorProvider(TimeProvider time) : IUserTwoFactorTokenProvider<MilepostUser>
{
    public const string Name = "MilepostAuthenticator";
    private const string TokenProvider = "Milepost";
    private const string LastStepToken = "LastTotpStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<MilepostUser> manager, MilepostUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    /// <summary>The code comes from the user's app; the server never sends one.</summary>
    public Task<string> GenerateAsync(string purpose, UserManager<MilepostUser> manager, MilepostUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<MilepostUser> manager, MilepostUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        token = token.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (string.IsNullOrWhiteSpace(key) || token.Length != 6 || !token.All(char.IsAsciiDigit)) return false;

        var keyBytes = Totp.FromBase32(key);
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenProvider, LastStepToken), NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : -1;
        var now = Totp.StepAt(time.GetUtcNow());
        // One step either side allows for a phone clock a little off and a code typed at a step's end.
        for (var step = now - 1; step <= now + 1; step++)
        {
            if (step <= last) continue;
            if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Totp.Code(keyBytes, step)), Encoding.ASCII.GetBytes(token))) continue;
            var stored = await manager.SetAuthenticationTokenAsync(user, TokenProvider, LastStepToken, step.ToString(CultureInfo.InvariantCulture));
            return stored.Succeeded;
        }
        return false;
    }
}
