namespace Milepost.Core.Ledger;

/// <summary>A column an import understands. Project ledger fields first, then monthly report fields.</summary>
public enum LedgerField
{
    /// <summary>A column read but not used (序号, 备注).</summary>
    Ignored,
    Name,
    Code,
    TotalInvestment,
    AnnualPlan,
    Owner,
    ResponsibleUnit,
    Leader,
    Content,
    PlannedStart,
    PlannedCompletion,
    Category,
    Programme,
    Division,
    Month,
    MonthCompleted,
    CumulativeCompleted,
    PhysicalProgress,
    Narrative,
    /// <summary>进度回退原因: required by the report's rules when physical progress falls below last month's.</summary>
    ProgressReason,
    NextMonthPlan,
    // The opening-balance columns of a project ledger (SPEC §4.1), after the report fields so the others keep their numbers.
    /// <summary>截至上年底累计完成投资: completed before the ledger's year.</summary>
    CompletedBeforeYear,
    /// <summary>开工累计完成投资: completed since the project started, this year included.</summary>
    CompletedToDate,
    /// <summary>本年累计完成投资 / 1-9月完成投资: completed this year up to a month (<see cref="LedgerHeader.ThisYearThrough"/>).</summary>
    CompletedThisYear,
}

/// <summary>The unit an amount is written in; a column's header or the title rows say which (default 万元).</summary>
public enum MoneyUnit
{
    Yuan,
    Wan,
    Yi,
}

public static class MoneyUnits
{
    /// <summary>元 per unit: 1, 10,000, 100,000,000.</summary>
    public static decimal YuanPer(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => 1m,
        MoneyUnit.Wan => 10_000m,
        MoneyUnit.Yi => 100_000_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit)),
    };

    public static string Chinese(this MoneyUnit unit) => unit switch
    {
        MoneyUnit.Yuan => "元",
        MoneyUnit.Wan => "万元",
        _ => "亿元",
    };

    /// <summary>Reads 元 / 万元 / 亿元 (also 万, 亿); null for anything else.</summary>
    public static MoneyUnit? Parse(string text) => text switch
    {
        "元" => MoneyUnit.Yuan,
        "万元" or "万" => MoneyUnit.Wan,
        "亿元" or "亿" => MoneyUnit.Yi,
        _ => null,
    };
}

/// <summary>
/// Which header texts mean which field, and which fields must be present. Keys are normalised by
/// <see cref="LedgerHeader.Normalise"/> (half-width, no spaces or line breaks, lower case, unit removed).
/// </summary>
/// <param name="Required">Columns that must all be present.</param>
/// <param name="OneOfRequired">Columns of which at least one must be present (a report names its project by code or by name).</param>
/// <param name="MonthSpanField">
/// The field a header naming the months from January stands for ("1-9月完成投资", "1至9月累计完成"), which no list of
/// synonyms can hold; null when the table has none.
/// </param>
public sealed record LedgerFieldTable(
    string Name,
    IReadOnlyDictionary<string, LedgerField> Synonyms,
    IReadOnlyList<LedgerField> Required,
    IReadOnlyList<LedgerField> OneOfRequired,
    LedgerField? MonthSpanField = null)
{
    /// <summary>The project ledger (台账) as offices keep it.</summary>
    public static readonly LedgerFieldTable Projects = Build("项目台账", [LedgerField.Name], [],
        (LedgerField.Name, ["项目名称", "名称", "项目", "project name", "name"]),
        (LedgerField.Code, ["项目代码", "代码", "项目编码", "项目编号", "project code", "code"]),
        (LedgerField.TotalInvestment, ["总投资", "计划总投资", "项目总投资", "估算总投资", "total investment"]),
        (LedgerField.AnnualPlan, ["年度计划投资", "年度计划", "计划投资", "年度投资计划", "本年计划投资", "annual plan", "annual planned investment"]),
        (LedgerField.Owner, ["业主单位", "建设单位", "项目业主", "owner", "owner unit"]),
        (LedgerField.ResponsibleUnit, ["责任单位", "牵头单位", "牵头责任单位", "责任部门", "responsible unit"]),
        (LedgerField.Leader, ["联系市领导", "联系领导", "包联领导", "责任领导", "市领导", "leader", "leaders"]),
        (LedgerField.Content, ["建设内容", "建设内容及规模", "建设规模及内容", "主要建设内容", "content", "construction content"]),
        (LedgerField.PlannedStart, ["计划开工时间", "开工时间", "计划开工", "开工日期", "开工年月", "开工", "planned start"]),
        (LedgerField.PlannedCompletion, ["计划竣工时间", "竣工时间", "计划竣工", "竣工日期", "计划完工时间", "竣工年月", "竣工", "planned completion"]),
        (LedgerField.Category, ["项目类别", "行业类别", "类别", "行业", "category"]),
        (LedgerField.Programme, ["专项", "板块", "所属专项", "所属板块", "programme", "program"]),
        (LedgerField.Division, ["行政区划", "所在地", "县(区)", "县区", "县(市、区)", "所在县区", "division"]),
        // Opening balances. In a project ledger a bare 累计完成投资 counts from the project's start (in a 月报 it is the
        // year's: see Reports). "2020年底前累计完成" is stored as "底前累计完成": the leading year is normalised away.
        (LedgerField.CompletedBeforeYear, ["截至上年底累计完成投资", "截至上年底累计完成", "截止上年底累计完成投资", "截止上年底累计完成",
            "至上年底累计完成投资", "至上年底累计完成", "上年底累计完成投资", "上年底累计完成", "截至上年末累计完成投资", "上年末累计完成",
            "以前年度累计完成投资", "以前年度累计完成", "2020年底前累计完成", "2020年底前累计完成投资", "completed before the year"]),
        (LedgerField.CompletedToDate, ["开工累计完成投资", "开工累计完成", "开工以来累计完成投资", "开工以来累计完成", "自开工累计完成投资",
            "自开工累计完成", "自开工以来累计完成投资", "截至目前累计完成投资", "截至目前累计完成", "累计完成投资", "累计完成",
            "completed to date"]),
        (LedgerField.CompletedThisYear, ["本年累计完成投资", "本年累计完成", "本年完成投资", "今年以来完成投资", "今年以来累计完成投资",
            "年初至今完成投资", "年初至今累计完成投资", "本年度累计完成投资", "completed this year"]),
        (LedgerField.Ignored, ["序号", "备注", "no.", "no", "remarks", "note"])) with { MonthSpanField = LedgerField.CompletedThisYear };

    /// <summary>Monthly reports (月报, issue 8 item 2): the project by code or name, the month and the figures.</summary>
    public static readonly LedgerFieldTable Reports = Build("月报", [LedgerField.Month, LedgerField.MonthCompleted], [LedgerField.Code, LedgerField.Name],
        (LedgerField.Code, ["项目代码", "代码", "项目编码", "project code", "code"]),
        (LedgerField.Name, ["项目名称", "名称", "project name", "name"]),
        (LedgerField.Month, ["月份", "填报月份", "报告月份", "month"]),
        (LedgerField.MonthCompleted, ["本月完成投资", "当月完成投资", "月度完成投资", "完成投资本月", "完成投资当月", "completed this month", "monthly completed"]),
        (LedgerField.CumulativeCompleted, ["累计完成投资", "本年累计完成投资", "完成投资累计", "完成投资本年累计", "cumulative completed"]),
        (LedgerField.PhysicalProgress, ["形象进度", "工程形象进度", "形象进度(%)", "physical progress"]),
        (LedgerField.Narrative, ["进展情况", "本月进展", "本月进展情况", "项目进展情况", "progress", "narrative"]),
        (LedgerField.ProgressReason, ["进度回退原因", "回退原因", "progress reason"]),
        (LedgerField.NextMonthPlan, ["下月计划", "下月工作计划", "next month plan", "next month's plan"]),
        (LedgerField.Division, ["行政区划", "所在地", "县(区)", "县区", "县(市、区)", "所在县区", "division"]),
        (LedgerField.Ignored, ["序号", "备注", "no.", "no", "remarks", "note"]));

    /// <summary>The Chinese name of a field for messages ("项目名称不能为空").</summary>
    public static string Label(LedgerField field) => field switch
    {
        LedgerField.Name => "项目名称",
        LedgerField.Code => "项目代码",
        LedgerField.TotalInvestment => "总投资",
        LedgerField.AnnualPlan => "年度计划投资",
        LedgerField.Owner => "业主单位",
        LedgerField.ResponsibleUnit => "责任单位",
        LedgerField.Leader => "联系市领导",
        LedgerField.Content => "建设内容",
        LedgerField.PlannedStart => "计划开工时间",
        LedgerField.PlannedCompletion => "计划竣工时间",
        LedgerField.Category => "项目类别",
        LedgerField.Programme => "专项",
        LedgerField.Division => "行政区划",
        LedgerField.Month => "月份",
        LedgerField.MonthCompleted => "本月完成投资",
        LedgerField.CumulativeCompleted => "累计完成投资",
        LedgerField.PhysicalProgress => "形象进度",
        LedgerField.Narrative => "进展情况",
        LedgerField.ProgressReason => "进度回退原因",
        LedgerField.NextMonthPlan => "下月工作计划",
        LedgerField.CompletedBeforeYear => "截至上年底累计完成投资",
        LedgerField.CompletedToDate => "开工累计完成投资",
        LedgerField.CompletedThisYear => "本年累计完成投资",
        _ => field.ToString(),
    };

    public LedgerField? Match(string normalised) =>
        Synonyms.TryGetValue(normalised, out var f) ? f
        : MonthSpanField is { } span && YearToDateHeader.NamesMonths(normalised) ? span
        : null;

    /// <summary>"项目代码或项目名称": the labels of the fields, any of which will do.</summary>
    public static string Labels(IEnumerable<LedgerField> fields) => string.Join("或", fields.Select(Label));

    private static LedgerFieldTable Build(string name, LedgerField[] required, LedgerField[] oneOf, params (LedgerField Field, string[] Texts)[] rows)
    {
        var synonyms = new Dictionary<string, LedgerField>();
        foreach (var (field, texts) in rows)
            foreach (var text in texts)
                synonyms.TryAdd(LedgerHeader.Normalise(text).Text, field);
        return new LedgerFieldTable(name, synonyms, required, oneOf);
    }
}
