using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Milepost.Data;
using Milepost.Web.Features.FirstUse;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Account;

/// <summary>
/// Holds a signed-in account at a required step until it is done: a generated or reset password is
/// changed first (SECURITY.md 1), then an admin account enrolls its authenticator (SECURITY.md 4).
/// Until then the account reaches only that step's page, logout and the public (anonymous)
/// endpoints; the API answers 403 with a JSON message.
/// </summary>
public static class AccountGate
{
    public const string MustChangePasswordClaim = "milepost:must-change";
    public const string MustEnrollTwoFactorClaim = "milepost:must-enroll-2fa";
    public const string ChangePasswordPath = "/account/change-password";
    public const string TwoFactorPath = "/account/two-factor";
    public const string LogoutPath = "/account/logout";

    /// <summary>The roles that must sign in with a second factor (三员: GB 8.1.4.1d).</summary>
    public static readonly string[] TwoFactorRoles = [Roles.SystemAdmin, Roles.SecurityAdmin, Roles.Auditor];

    /// <summary>
    /// Where an account lands after signing in: 挂图作战 (the dashboard) for the business roles, the audit trail for the
    /// auditor, user management for the administrators, who may not read the dashboard.
    /// </summary>
    public static string HomeFor(IEnumerable<string> roles)
    {
        var held = roles.ToHashSet();
        if (held.Overlaps([Roles.Supervisor, Roles.Leader, Roles.Department, Roles.Owner])) return "/";
        if (held.Contains(Roles.Auditor)) return "/audit";
        return held.Overlaps([Roles.SystemAdmin, Roles.SecurityAdmin]) ? "/users" : "/projects";
    }

    /// <summary>
    /// <see cref="HomeFor"/>, knowing the install: while there is no project yet the office lands on the first-use
    /// checklist (首次使用), which leads it, instead of an empty dashboard.
    /// </summary>
    public static async Task<string> HomeForAsync(IList<string> roles, FirstUseQueries firstUse)
    {
        var home = HomeFor(roles);
        return home == "/" && roles.Contains(Roles.Supervisor) && await firstUse.IsEmptyAsync() ? FirstUseQueries.Path : home;
    }

    /// <summary>The page an account must visit before any other, or null when it may go anywhere.</summary>
    public static string? PendingStep(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true ? null
        : user.HasClaim(c => c.Type == MustChangePasswordClaim) ? ChangePasswordPath
        : user.HasClaim(c => c.Type == MustEnrollTwoFactorClaim) ? TwoFactorPath
        : null;

    public static IApplicationBuilder UseAccountGate(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (PendingStep(ctx.User) is { } step && !IsAllowed(ctx, step))
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.Response.WriteAsJsonAsync(new
                {
                    error = step == ChangePasswordPath
                        ? T("请先修改初始密码。", "Change your initial password first.")
                        : T("请先启用双因素认证。", "Enroll two-factor authentication first."),
                    next = step,
                });
                return;
            }
            ctx.Response.Redirect(step);
            return;
        }
        await next(ctx);
    });

    private static bool IsAllowed(HttpContext ctx, string step) =>
        ctx.Request.Path.Equals(step, StringComparison.OrdinalIgnoreCase)
        || ctx.Request.Path.Equals(LogoutPath, StringComparison.OrdinalIgnoreCase)
        // What anyone may reach (static assets, the login and error pages) stays reachable.
        || ctx.GetEndpoint()?.Metadata.GetMetadata<IAllowAnonymous>() is not null;
}
