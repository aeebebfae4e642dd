using Milepost.Data;
using Milepost.Web.Hosting;

namespace Milepost.Web.Features.Account;

/// <summary>
/// Sign-in events in the audit trail (SECURITY.md 10): one event each, in its own transaction,
/// with the client's address (the event's own field). Never a password or a code.
/// </summary>
public sealed class AccountAudit(MilepostDb db, PortfolioClock clock)
{
    public const string LoginSucceeded = "account.login";
    public const string LoginFailed = "account.login-failed";
    public const string LockedOut = "account.lockout";
    public const string LoggedOut = "account.logout";
    public const string PasswordChanged = "account.password-change";
    public const string PasswordCheckFailed = "account.password-change-failed";
    public const string TwoFactorEnabled = "account.2fa-enable";

    /// <param name="actor">The account, or for a failed login the name as typed.</param>
    /// <param name="accountId">The account's id, or the typed name when no such account exists.</param>
    public async Task RecordAsync(string actor, string action, string accountId, string? reason = null, CancellationToken ct = default)
    {
        var after = reason is null ? null : new { reason };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await AuditTrail.AppendAsync(db, clock.UtcNow, Clean(actor), action, "Account", Clean(accountId), null, null, after, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A typed name goes into the trail as one bounded line.</summary>
    private static string Clean(string value)
    {
        var s = value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
        return s.Length <= 100 ? s : s[..100];
    }
}
