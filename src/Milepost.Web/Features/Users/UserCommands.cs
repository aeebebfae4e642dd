using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Users;

/// <summary>What the system admin types to open an account: a name only, never its roles or scope (the security admin's).</summary>
public sealed record UserInput(string UserName, string DisplayName);

/// <summary>
/// What the security admin assigns: the account's roles and the scope they work in, together — a unit (an owner unit or a
/// responsible department) or a city leader, never both; none for the supervision office and the admins.
/// </summary>
public sealed record UserAccess(IReadOnlyList<string> Roles, long? UnitId = null, long? LeaderId = null);

/// <summary>One account as the user-administration page lists it.</summary>
public sealed record UserRow(
    string UserName, string DisplayName, long? UnitId, string? UnitName, UnitKind? UnitKind,
    long? LeaderId, string? LeaderName, IReadOnlyList<string> Roles, bool Disabled, bool MustChangePassword);

/// <summary>
/// 三权分立 (SECURITY.md 9): the system admin opens, disables and resets accounts; the security admin
/// assigns roles and the unit or leader that scopes them, so neither alone can widen what an account sees.
/// The three admin roles are exclusive and never combined with a business role.
/// Each change is one transaction with its one audit event (never a password in it).
/// </summary>
public sealed class UserCommands(MilepostDb db, UserManager<MilepostUser> users, PortfolioClock clock)
{
    /// <summary>The lockout end of a disabled account: far enough to mean "until enabled again".</summary>
    public static readonly DateTimeOffset DisabledUntil = new(9999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] AdminRoles = [Roles.SystemAdmin, Roles.SecurityAdmin, Roles.Auditor];

    /// <summary>The Chinese (and English) name of a role.</summary>
    public static string RoleName(string role) => role switch
    {
        Roles.Supervisor => Lang.T("督查室", "Supervision office"),
        Roles.Leader => Lang.T("市领导", "City leader"),
        Roles.Department => Lang.T("责任单位", "Responsible department"),
        Roles.Owner => Lang.T("业主单位", "Owner unit"),
        Roles.SystemAdmin => Lang.T("系统管理员", "System admin"),
        Roles.SecurityAdmin => Lang.T("安全管理员", "Security admin"),
        Roles.Auditor => Lang.T("审计管理员", "Auditor"),
        _ => role,
    };

    public async Task<IReadOnlyList<UserRow>> ListAsync(Actor actor, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!actor.Is(Roles.SystemAdmin) && !actor.Is(Roles.SecurityAdmin))
            throw new ForbiddenException("只有系统管理员和安全管理员可以查看账号", "Only the system and security admins may list accounts");
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(ct);
        var roleNames = await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.AsNoTracking().ToListAsync(ct))
            .ToLookup(r => r.UserId, r => roleNames.GetValueOrDefault(r.RoleId, r.RoleId));
        var units = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id, ct);
        var leaders = await db.Leaders.AsNoTracking().ToDictionaryAsync(l => l.Id, ct);
        var now = new DateTimeOffset(clock.UtcNow, TimeSpan.Zero);
        return accounts.Select(u =>
        {
            var unit = u.UnitId is { } uid ? units.GetValueOrDefault(uid) : null;
            var leader = u.LeaderId is { } lid ? leaders.GetValueOrDefault(lid) : null;
            return new UserRow(u.UserName!, u.DisplayName, u.UnitId, unit?.Name, unit?.Kind, u.LeaderId, leader?.Name,
                [.. userRoles[u.Id].Order(StringComparer.Ordinal)], u.LockoutEnd is { } end && end >= DisabledUntil.AddYears(-1) && end > now,
                u.MustChangePassword);
        }).ToList();
    }

    /// <summary>Opens an account with a generated password, to be changed at first sign-in; returns that password once.</summary>
    public async Task<string> CreateAsync(Actor actor, UserInput input, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireSystemAdmin(actor);
        var userName = input.UserName?.Trim() ?? "";
        var displayName = input.DisplayName?.Trim() ?? "";
        var errors = new List<ValidationError>();
        if (userName.Length == 0) errors.Add(new("UserName", "user.name", "请填写用户名", "Enter a user name"));
        CheckDisplayName(displayName, errors);
        if (userName.Length > 0 && await users.FindByNameAsync(userName) is not null)
            errors.Add(new("UserName", "user.exists", $"用户名“{userName}”已存在", $"The user name {userName} is taken"));
        if (errors.Count > 0) throw new ValidationException(errors);

        var password = NewPassword(userName);
        var user = new MilepostUser
        {
            UserName = userName, DisplayName = displayName, MustChangePassword = true,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password));
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "user.create", "User", userName, null, null,
            new { userName, displayName }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return password;
    }

    /// <summary>
    /// Changes an account's display name (its user name stays; <see cref="UserInput.UserName"/> is ignored). The name is a
    /// claim in the account's cookie: the stamp changes with it, so the next sign-in shows the new one. Saving what is
    /// already there changes nothing and writes nothing (and answers false).
    /// </summary>
    public async Task<bool> UpdateAsync(Actor actor, string userName, UserInput input, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireSystemAdmin(actor);
        var user = await Find(userName);
        var displayName = input.DisplayName?.Trim() ?? "";
        var errors = new List<ValidationError>();
        CheckDisplayName(displayName, errors);
        if (errors.Count > 0) throw new ValidationException(errors);

        if (user.DisplayName == displayName) return false;
        var before = new { displayName = user.DisplayName };
        var after = new { displayName };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        user.DisplayName = displayName;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "user.update", "User", user.UserName!, null, before, after, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Disables (or enables again) an account; a disabled account's sessions end at the next stamp check.</summary>
    public async Task SetDisabledAsync(Actor actor, string userName, bool disabled, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireSystemAdmin(actor);
        if (disabled && string.Equals(actor.UserName, userName, StringComparison.OrdinalIgnoreCase))
            throw new ValidationException(new ValidationError("", "user.self-disable", "不能停用自己的账号", "You cannot disable your own account"));
        var user = await Find(userName);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.SetLockoutEnabledAsync(user, true));
        Check(await users.SetLockoutEndDateAsync(user, disabled ? DisabledUntil : null));
        if (!disabled) Check(await users.ResetAccessFailedCountAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, disabled ? "user.disable" : "user.enable", "User", user.UserName!, null, null,
            new { disabled }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Gives the account a new generated password, to be changed at its next sign-in; returns that password once.</summary>
    public async Task<string> ResetPasswordAsync(Actor actor, string userName, CancellationToken ct = default)
    {
        db.BeginCommand();
        RequireSystemAdmin(actor);
        var user = await Find(userName);
        var password = NewPassword(user.UserName!);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, password));
        user.MustChangePassword = true;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "user.reset-password", "User", user.UserName!, null, null,
            new { mustChangePassword = true }, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return password;
    }

    /// <summary>
    /// Replaces the account's roles and scope together (security admin only): the three admin roles stay apart, a
    /// department or owner role needs a unit of that kind, a leader role a leader. The unit and leader are claims in the
    /// account's cookie and decide what it sees: the stamp changes with them, so its sessions end at the next stamp check
    /// and the next sign-in carries the new access. Assigning what is already there writes nothing (and answers false).
    /// </summary>
    public async Task<bool> SetAccessAsync(Actor actor, string userName, UserAccess access, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!actor.Is(Roles.SecurityAdmin))
            throw new ForbiddenException("只有安全管理员可以分配角色和数据范围", "Only the security admin may assign roles and scopes");
        if (string.Equals(actor.UserName, userName, StringComparison.OrdinalIgnoreCase))
            throw new ValidationException(new ValidationError("Roles", "user.self-roles", "不能修改自己的角色和数据范围", "You cannot change your own roles or scope"));
        var user = await Find(userName);
        var wanted = (access.Roles ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var errors = await CheckAccessAsync(wanted, access.UnitId, access.LeaderId, ct);
        if (errors.Count > 0) throw new ValidationException(errors);

        var current = await users.GetRolesAsync(user);
        var before = new { roles = current.Order(StringComparer.Ordinal).ToArray(), unitId = user.UnitId, leaderId = user.LeaderId };
        var after = new { roles = wanted.ToArray(), unitId = access.UnitId, leaderId = access.LeaderId };
        if (before.roles.SequenceEqual(after.roles) && before.unitId == after.unitId && before.leaderId == after.leaderId) return false;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var remove = current.Except(wanted).ToList();
        var add = wanted.Except(current).ToList();
        if (remove.Count > 0) Check(await users.RemoveFromRolesAsync(user, remove));
        if (add.Count > 0) Check(await users.AddToRolesAsync(user, add));
        (user.UnitId, user.LeaderId) = (access.UnitId, access.LeaderId);
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, "user.access", "User", user.UserName!, null, before, after, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The rules roles and scope obey together; the unit and leader must exist, and the roles must be able to work in them.</summary>
    private async Task<List<ValidationError>> CheckAccessAsync(IReadOnlyList<string> wanted, long? unitId, long? leaderId, CancellationToken ct)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string code, string zh, string en) => errors.Add(new(field, code, zh, en));
        foreach (var unknown in wanted.Where(r => !Roles.All.Contains(r)))
            Add("Roles", "user.role-unknown", $"未知角色：{unknown}", $"Unknown role: {unknown}");
        var admin = wanted.Where(AdminRoles.Contains).ToList();
        var business = wanted.Where(r => Roles.All.Contains(r) && !AdminRoles.Contains(r)).ToList();
        if (admin.Count > 1)
            Add("Roles", "user.admin-exclusive", "系统管理员、安全管理员、审计管理员三个角色互斥，一个账号只能担任其中一个（三权分立）",
                "The system admin, security admin and auditor roles are exclusive: one account holds at most one");
        if (admin.Count > 0 && business.Count > 0)
            Add("Roles", "user.admin-business", "管理员角色不能与业务角色（督查室、市领导、责任单位、业主单位）同时授予",
                "An admin role cannot be combined with a business role");

        if (unitId is not null && leaderId is not null)
            Add("UnitId", "user.scope", "账号只能属于一个单位或对应一位市领导，不能同时两者", "An account belongs to a unit or is a leader, not both");
        UnitKind? kind = null;
        if (unitId is { } id)
        {
            kind = await db.Units.Where(u => u.Id == id).Select(u => (UnitKind?)u.Kind).FirstOrDefaultAsync(ct);
            if (kind is null) Add("UnitId", "user.unit", "所选单位不存在", "The unit does not exist");
        }
        var leaderKnown = leaderId is { } lid && await db.Leaders.AnyAsync(l => l.Id == lid, ct);
        if (leaderId is not null && !leaderKnown) Add("LeaderId", "user.leader", "所选市领导不存在", "The leader does not exist");
        if (errors.Count > 0) return errors;

        // 牵头部门 and 县区政府 answer for projects too: their accounts work as departments.
        if (wanted.Contains(Roles.Department) && kind?.IsResponsible() != true)
            Add("UnitId", "user.role-unit", "责任单位角色要求账号属于一个责任单位", "The department role needs the account to belong to a responsible department");
        if (wanted.Contains(Roles.Owner) && kind != UnitKind.Owner)
            Add("UnitId", "user.role-unit", "业主单位角色要求账号属于一个业主单位", "The owner role needs the account to belong to an owner unit");
        if (wanted.Contains(Roles.Leader) && leaderId is null)
            Add("LeaderId", "user.role-leader", "市领导角色要求账号对应一位市领导", "The leader role needs the account to be a city leader");
        return errors;
    }

    private static void CheckDisplayName(string displayName, List<ValidationError> errors)
    {
        if (displayName.Length == 0) errors.Add(new("DisplayName", "user.display-name", "请填写姓名或单位名称", "Enter a display name"));
    }

    private static void RequireSystemAdmin(Actor actor)
    {
        if (!actor.Is(Roles.SystemAdmin))
            throw new ForbiddenException("只有系统管理员可以管理账号", "Only the system admin may manage accounts");
    }

    private async Task<MilepostUser> Find(string userName) =>
        await users.FindByNameAsync(userName ?? "") ?? throw new NotFoundException($"User {userName}");

    private static string NewPassword(string userName)
    {
        // The password rules refuse a password that contains the user name: draw again in that (rare) case.
        var password = DatabaseInitializer.GeneratePassword();
        while (userName.Length > 0 && password.Contains(userName, StringComparison.OrdinalIgnoreCase)) password = DatabaseInitializer.GeneratePassword();
        return password;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ValidationException([.. result.Errors.Select(e => new ValidationError("", "identity." + e.Code, e.Description, e.Description))]);
    }
}
