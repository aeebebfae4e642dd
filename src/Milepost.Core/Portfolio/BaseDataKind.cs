namespace Milepost.Core.Portfolio;

/// <summary>The five kinds of base data (基础数据) the supervision office keeps.</summary>
public enum BaseDataKind
{
    Division,
    Unit,
    Leader,
    Programme,
    Category,
}

/// <summary>How the kinds and their enumerations are named in messages, in Chinese and English.</summary>
public static class BaseDataNames
{
    public static (string Zh, string En) Of(BaseDataKind kind) => kind switch
    {
        BaseDataKind.Division => ("行政区划", "division"),
        BaseDataKind.Unit => ("单位", "unit"),
        BaseDataKind.Leader => ("市领导", "leader"),
        BaseDataKind.Programme => ("专项（板块）", "programme"),
        _ => ("行业类别", "category"),
    };

    /// <summary>The stable prefix of the kind's error codes ("unit.name.required").</summary>
    public static string CodePrefix(BaseDataKind kind) => kind.ToString().ToLowerInvariant();

    public static (string Zh, string En) Of(UnitKind kind) => kind switch
    {
        UnitKind.Department => ("责任单位", "responsible department"),
        UnitKind.Owner => ("业主单位", "owner unit"),
        UnitKind.LeadDepartment => ("牵头部门", "lead department"),
        _ => ("县区政府", "county government"),
    };

    public static (string Zh, string En) Of(LeaderBody body) => body switch
    {
        LeaderBody.PartyCommittee => ("市委", "Party committee"),
        LeaderBody.PeoplesCongress => ("市人大常委会", "People's congress"),
        LeaderBody.Government => ("市政府", "Government"),
        _ => ("市政协", "CPPCC"),
    };

    public static (string Zh, string En) Of(DivisionLevel level) => level switch
    {
        DivisionLevel.Province => ("省级", "province"),
        DivisionLevel.City => ("地级", "prefecture"),
        _ => ("县级", "county"),
    };
}
