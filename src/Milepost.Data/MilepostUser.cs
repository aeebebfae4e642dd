using Microsoft.AspNetCore.Identity;

namespace Milepost.Data;

/// <summary>An account. Department and owner accounts belong to a unit; a leader account is one city leader.</summary>
public class MilepostUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    /// <summary>The unit a department or owner account acts for: it scopes what the account sees.</summary>
    public long? UnitId { get; set; }
    /// <summary>The city leader a leader account is.</summary>
    public long? LeaderId { get; set; }
    /// <summary>A generated password must be changed at first login (SECURITY.md item 1).</summary>
    public bool MustChangePassword { get; set; }
}

/// <summary>Role names (SPEC §1). The three admin roles are kept apart (三权分立).</summary>
public static class Roles
{
    public const string Supervisor = "Supervisor";
    public const string Leader = "Leader";
    public const string Department = "Department";
    public const string Owner = "Owner";
    public const string SystemAdmin = "SystemAdmin";
    public const string SecurityAdmin = "SecurityAdmin";
    public const string Auditor = "Auditor";

    public static readonly string[] All = [Supervisor, Leader, Department, Owner, SystemAdmin, SecurityAdmin, Auditor];
}
