namespace Milepost.Core.Portfolio;

/// <summary>
/// What the base-data workbook asks beyond one record's fields (<see cref="BaseDataRules"/>): a record appears once,
/// a reference (a unit's parent, a programme's lead leader) names a record of the database or of the workbook itself,
/// new records need the city they belong to, and a unit does not change sides under the projects that name it.
/// </summary>
public static class BaseDataWorkbookRules
{
    /// <summary>A second row for a record an earlier row of the sheet already gives (the same code, name, short name or alias).</summary>
    public static ValidationError Repeated(BaseDataKind kind, string field, int firstRow)
    {
        var (zh, en) = BaseDataNames.Of(kind);
        return new(field, $"{BaseDataNames.CodePrefix(kind)}.row.repeated", $"与第{firstRow}行是同一{zh}，每个{zh}只能填一行",
            $"Row {firstRow} already gives this {en}; one row per {en}");
    }

    /// <summary>A name that more than one record answers to, so the row cannot say which it means.</summary>
    public static ValidationError Ambiguous(BaseDataKind kind, string field, string name, IEnumerable<string> labels)
    {
        var (zh, en) = BaseDataNames.Of(kind);
        var list = string.Join("、", labels);
        return new(field, $"{BaseDataNames.CodePrefix(kind)}.name.ambiguous", $"“{name}”对应多个{zh}（{list}），无法确定是哪一个",
            $"\"{name}\" answers to more than one {en} ({list})");
    }

    public static ValidationError UnknownParentUnit(string name) => new(BaseDataWorkbookSheets.Parent, "unit.parent.unknown",
        $"上级单位“{name}”不存在：系统和本工作簿的“单位”表中都没有这个名称、简称或别名",
        $"The parent unit \"{name}\" is neither in the database nor on the sheet 单位 (by name, short name or alias)");

    public static ValidationError UnknownLeader(string name) => new(BaseDataWorkbookSheets.LeadLeader, "programme.leader.unknown",
        $"牵头市领导“{name}”不存在：系统和本工作簿的“市领导”表中都没有这个姓名或别名",
        $"The lead leader \"{name}\" is neither in the database nor on the sheet 市领导 (by name or alias)");

    /// <summary>A reference newly made to a retired record; one the record already had stays as history has it.</summary>
    public static ValidationError RetiredReference(BaseDataKind kind, string field, string label)
    {
        var (zh, en) = BaseDataNames.Of(kind);
        return new(field, $"{BaseDataNames.CodePrefix(kind)}.reference.retired", $"{zh}“{label}”已停用，不能再选用", $"The {en} \"{label}\" is retired and cannot be chosen");
    }

    /// <summary>New units, leaders and programmes belong to the city: the single division at the top of the tree.</summary>
    public static ValidationError NoCity(BaseDataKind kind)
    {
        var (zh, en) = BaseDataNames.Of(kind);
        return new("", "workbook.no_city", $"新建{zh}须归属本市，但系统中没有唯一的最上级行政区划：请先在“行政区划”表中填写本市（上级代码留空）",
            $"A new {en} belongs to the city, but there is no single top-level division: add the city on the sheet 行政区划 (no parent code)");
    }

    /// <summary>
    /// A unit may change between the responsible kinds (牵头部门, 责任单位, 县区政府), but not to or from 业主单位 while
    /// <paramref name="projectsInRole"/> projects name it in the role it has now: they would lose their owner or their
    /// responsible unit.
    /// </summary>
    public static ValidationError? KindChange(string name, UnitKind from, UnitKind to, int projectsInRole)
    {
        if (from.IsResponsible() == to.IsResponsible() || projectsInRole == 0) return null;
        var (f, t) = (BaseDataNames.Of(from), BaseDataNames.Of(to));
        return new("Kind", "unit.kind.in_use",
            $"“{name}”是 {projectsInRole} 个项目的{f.Zh}，不能改为{t.Zh}；请先在项目中更换{f.Zh}",
            $"\"{name}\" is the {f.En} of {projectsInRole} projects and cannot become a {t.En}; change those projects first");
    }
}
