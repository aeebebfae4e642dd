namespace Milepost.Core.Projects;

/// <summary>Lifecycle stages of a project (SPEC §3.2).</summary>
public enum ProjectStage
{
    Pipeline,      // 储备
    Preparation,   // 前期
    Construction,  // 在建
    Completed,     // 竣工
    Operating,     // 运营
    Suspended,     // 停工
    Cancelled,     // 终止
}

/// <summary>The level of the key-project list the project is on (省/市/县).</summary>
public enum KeyProjectLevel
{
    Province,
    City,
    County,
}

/// <summary>Sources of funding (资金来源).</summary>
public enum FundingSource
{
    Fiscal,         // 财政资金
    SpecialBond,    // 专项债
    BankLoan,       // 银行贷款
    SocialCapital,  // 社会资本
    Other,          // 其他
}

/// <summary>The class of a project for a given year (新开工 / 续建 / 竣工 / 前期), SPEC §3.2.</summary>
public enum ProjectYearClass
{
    NewStart,
    Continuing,
    Completing,
    Preparing,
    /// <summary>None of the four applies (e.g. finished in an earlier year).</summary>
    Other,
}

public static class StageNames
{
    public static string Zh(ProjectStage s) => s switch
    {
        ProjectStage.Pipeline => "储备",
        ProjectStage.Preparation => "前期",
        ProjectStage.Construction => "在建",
        ProjectStage.Completed => "竣工",
        ProjectStage.Operating => "运营",
        ProjectStage.Suspended => "停工",
        ProjectStage.Cancelled => "终止",
        _ => s.ToString(),
    };

    public static string En(ProjectStage s) => s.ToString();

    public static string Zh(FundingSource f) => f switch
    {
        FundingSource.Fiscal => "财政资金",
        FundingSource.SpecialBond => "专项债",
        FundingSource.BankLoan => "银行贷款",
        FundingSource.SocialCapital => "社会资本",
        _ => "其他",
    };

    public static string Zh(KeyProjectLevel l) => l switch
    {
        KeyProjectLevel.Province => "省级",
        KeyProjectLevel.City => "市级",
        _ => "县级",
    };

    public static string Zh(ProjectYearClass c) => c switch
    {
        ProjectYearClass.NewStart => "新开工",
        ProjectYearClass.Continuing => "续建",
        ProjectYearClass.Completing => "竣工",
        ProjectYearClass.Preparing => "前期",
        _ => "其他",
    };

    /// <summary>The year class in English words, not the enum's name ("NewStart").</summary>
    public static string En(ProjectYearClass c) => c switch
    {
        ProjectYearClass.NewStart => "New starts",
        ProjectYearClass.Continuing => "Continuing",
        ProjectYearClass.Completing => "Completing",
        ProjectYearClass.Preparing => "In preparation",
        _ => "Other",
    };
}
