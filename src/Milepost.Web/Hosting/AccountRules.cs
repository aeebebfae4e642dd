using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Milepost.Data;
using Milepost.Web.Features.Account;

namespace Milepost.Web.Hosting;

/// <summary>
/// The account rules of SECURITY.md 2–3, for every door that creates accounts: the server, and the command line that
/// opens the first administrators when it creates the database (so their hashes carry the same iteration count).
/// </summary>
public static class AccountRules
{
    public static void Configure(IdentityOptions o)
    {
        // PasswordRules (replacing Identity's validator below) reads the length and applies the rest.
        o.Password.RequiredLength = 10;
        o.Lockout.MaxFailedAccessAttempts = 5;
        o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        o.Lockout.AllowedForNewUsers = true;
        o.User.RequireUniqueEmail = false;
        o.Tokens.AuthenticatorTokenProvider = OneTimeAuthenticatorProvider.Name;
    }

    /// <summary>Our password validator instead of Identity's, and PBKDF2 with at least 210,000 iterations.</summary>
    public static IServiceCollection AddAccountRules(this IServiceCollection services)
    {
        services.Replace(ServiceDescriptor.Scoped<IPasswordValidator<MilepostUser>, PasswordRules>());
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        return services;
    }
}
