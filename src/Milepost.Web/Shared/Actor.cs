using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Milepost.Data;

namespace Milepost.Web.Shared;

/// <summary>Who is acting: the signed-in account, its roles and the unit or leader it stands for.</summary>
public sealed record Actor(string UserName, string DisplayName, IReadOnlySet<string> Roles, long? UnitId, long? LeaderId)
{
    public const string UnitClaim = "milepost:unit";
    public const string LeaderClaim = "milepost:leader";
    public const string DisplayNameClaim = "milepost:name";

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>Supervisors edit the portfolio's business data (SPEC §1).</summary>
    public bool CanEditProjects => Is(Data.Roles.Supervisor);

    /// <summary>The business roles (office, leaders, departments, owners); the auditor and the admin roles hold no business data.</summary>
    public bool HoldsBusinessData => Is(Data.Roles.Supervisor) || Is(Data.Roles.Leader) || Is(Data.Roles.Department) || Is(Data.Roles.Owner);

    public static Actor From(ClaimsPrincipal user)
    {
        long? Long(string type) => long.TryParse(user.FindFirstValue(type), out var v) ? v : null;
        var name = user.Identity?.Name ?? "";
        return new Actor(
            name,
            user.FindFirstValue(DisplayNameClaim) ?? name,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(),
            Long(UnitClaim),
            Long(LeaderClaim));
    }
}

/// <summary>Puts the account's unit, leader and display name into its cookie, so no request looks them up.</summary>
public sealed class MilepostClaimsFactory(UserManager<MilepostUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<MilepostUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(MilepostUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Actor.DisplayNameClaim, user.DisplayName));
        if (user.UnitId is { } unit) identity.AddClaim(new Claim(Actor.UnitClaim, unit.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        // The steps an account must take before anything else (AccountGate): a new password, then an authenticator.
        if (user.MustChangePassword) identity.AddClaim(new Claim(Features.Account.AccountGate.MustChangePasswordClaim, "1"));
        else if (!user.TwoFactorEnabled && Features.Account.AccountGate.TwoFactorRoles.Any(r => identity.HasClaim(identity.RoleClaimType, r)))
            identity.AddClaim(new Claim(Features.Account.AccountGate.MustEnrollTwoFactorClaim, "1"));
        if (user.LeaderId is { } leader) identity.AddClaim(new Claim(Actor.LeaderClaim, leader.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return identity;
    }
}
