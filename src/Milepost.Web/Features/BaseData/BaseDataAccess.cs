using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>What one may do with base data (基础数据).</summary>
public enum BaseDataOperation
{
    /// <summary>List and open records as the office's tables show them (contacts, aliases, usage counts).</summary>
    Read,
    /// <summary>Create, edit, retire, restore, delete and merge.</summary>
    Change,
}

/// <summary>
/// Who keeps base data (SPEC §1): the supervision office alone, for both reading the tables and changing them. The
/// system administrator does not (business data belongs to the office, 三权分立); the other business roles see the
/// names they need through their own pages. The page and the API both ask here, so the rule is stated once.
/// </summary>
public static class BaseDataAccess
{
    /// <summary>The roles the page admits, for its <c>[Authorize]</c> attribute.</summary>
    public const string PageRoles = Roles.Supervisor;

    public static bool Can(Actor actor, BaseDataOperation operation) => operation switch
    {
        BaseDataOperation.Read or BaseDataOperation.Change => actor.Is(Roles.Supervisor),
        _ => false,
    };

    public static void Require(Actor actor, BaseDataOperation operation)
    {
        if (Can(actor, operation)) return;
        throw operation == BaseDataOperation.Read
            ? new ForbiddenException("只有督查室可以查看基础数据", "Only the supervision office may view base data")
            : new ForbiddenException("只有督查室可以维护基础数据（行政区划、单位、市领导、专项和行业类别）",
                "Only the supervision office may change base data (divisions, units, leaders, programmes and categories)");
    }
}
