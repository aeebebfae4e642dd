using System.Text;
using System.Text.RegularExpressions;

namespace Milepost.Core.Portfolio;

/// <summary>
/// A column of the base-data workbook: the input field it fills (the <c>…Input</c> record's property, so a rule's error
/// lands on its cell), the header the export writes and the other headers offices write for it.
/// </summary>
/// <param name="IsKey">The column that identifies the record: a row without it is no record.</param>
/// <param name="ReadOnly">Written by the export for the reader only (a division's level follows from its code); never read back.</param>
public sealed record BaseDataColumn(string Field, string Header, string[] Synonyms, bool IsKey = false, bool ReadOnly = false)
{
    public bool Answers(string header) => header == Header || Synonyms.Contains(header, StringComparer.Ordinal);
}

/// <summary>One sheet of the workbook: the kind of base data it holds, its name, and its columns in the export's order.</summary>
public sealed record BaseDataSheet(BaseDataKind Kind, string Name, string[] OtherNames, IReadOnlyList<BaseDataColumn> Columns)
{
    public BaseDataColumn Key => Columns.First(c => c.IsKey);

    /// <summary>The column a header names (after <see cref="BaseDataWorkbookSheets.NormaliseHeader"/>), or null.</summary>
    public BaseDataColumn? ColumnOf(string header) => Columns.FirstOrDefault(c => c.Answers(header));

    public BaseDataColumn Column(string field) => Columns.First(c => c.Field == field);
}

/// <summary>
/// The base-data workbook (SPEC §7, issue 15): one sheet for each kind of base data, headers in Chinese, aliases in one
/// cell separated by 、. The export writes these headers; the import finds each sheet by its name and each column by its
/// header (or a synonym), in any order, so a workbook with only 单位, or with its columns rearranged, reads the same.
/// </summary>
public static partial class BaseDataWorkbookSheets
{
    // Fields that are not properties of an input record: what the row says about the record itself.
    public const string Level = "Level", Retired = "Retired", Parent = "Parent", LeadLeader = "LeadLeader";

    private static BaseDataColumn C(string field, string header, params string[] synonyms) => new(field, header, synonyms);

    private static readonly BaseDataColumn RetiredColumn = C(Retired, "已停用", "停用", "是否停用");
    private static readonly BaseDataColumn AliasesColumn = C("Aliases", "别名", "其他名称", "曾用名");
    private static readonly BaseDataColumn SortColumn = C("SortOrder", "排序", "顺序", "排列顺序");

    public static readonly BaseDataSheet Divisions = new(BaseDataKind.Division, "行政区划", ["区划"],
    [
        new("Code", "代码", ["行政区划代码", "区划代码"], IsKey: true),
        C("Name", "名称", "行政区划名称", "区划名称"),
        C("ParentCode", "上级代码", "上级行政区划代码", "上级区划代码"),
        new(Level, "层级", ["级别"], ReadOnly: true),
        RetiredColumn,
    ]);

    public static readonly BaseDataSheet Units = new(BaseDataKind.Unit, "单位", ["单位名录"],
    [
        new("Name", "名称", ["单位名称"], IsKey: true),
        C("ShortName", "简称", "单位简称"),
        C("Kind", "类型", "单位类型"),
        C(Parent, "上级单位", "上级"),
        AliasesColumn,
        C("ContactPerson", "联系人"),
        C("ContactPhone", "联系电话", "电话", "联系方式"),
        RetiredColumn,
    ]);

    public static readonly BaseDataSheet Leaders = new(BaseDataKind.Leader, "市领导", ["领导"],
    [
        new("Name", "姓名", ["名称", "领导姓名"], IsKey: true),
        C("Title", "职务"),
        C("Body", "班子", "所属班子"),
        C("Precedence", "排序", "顺序", "排列顺序"),
        C("Fields", "分管领域", "分管工作", "分管"),
        C("InOfficeFrom", "任职起", "任职时间", "任职开始"),
        C("InOfficeTo", "任职止", "离任时间", "任职结束"),
        AliasesColumn,
        RetiredColumn,
    ]);

    public static readonly BaseDataSheet Programmes = new(BaseDataKind.Programme, "专项", ["专项（板块）", "板块"],
    [
        new("Name", "名称", ["专项名称", "板块名称"], IsKey: true),
        C(LeadLeader, "牵头市领导", "牵头领导"),
        SortColumn,
        AliasesColumn,
        RetiredColumn,
    ]);

    public static readonly BaseDataSheet Categories = new(BaseDataKind.Category, "行业类别", ["类别"],
    [
        new("Name", "名称", ["类别名称"], IsKey: true),
        C("NameEn", "英文名", "英文名称"),
        SortColumn,
        AliasesColumn,
        RetiredColumn,
    ]);

    /// <summary>The sheets in the export's order, which is also the order the import applies them in (a programme's leader first).</summary>
    public static readonly IReadOnlyList<BaseDataSheet> All = [Divisions, Units, Leaders, Programmes, Categories];

    /// <summary>The sheet the template adds to explain the columns; an import passes over it silently.</summary>
    public const string NotesSheet = "填写说明";

    /// <summary>The sheet a workbook's sheet name stands for (spaces and full-width forms aside), or null.</summary>
    public static BaseDataSheet? Find(string sheetName)
    {
        var name = NormaliseHeader(sheetName);
        return All.FirstOrDefault(s => NormaliseHeader(s.Name) == name || s.OtherNames.Any(o => NormaliseHeader(o) == name));
    }

    /// <summary>
    /// A header as compared: half-width (NFKC), without spaces, required-field stars or a trailing note in brackets
    /// (“类型（牵头部门/责任单位/业主单位/县区政府）” is 类型).
    /// </summary>
    public static string NormaliseHeader(string header)
    {
        var text = Space().Replace(header.Normalize(NormalizationForm.FormKC), "").Trim('*');
        var note = TrailingNote().Match(text);
        return note.Success && note.Index > 0 ? text[..note.Index] : text;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Space();
    [GeneratedRegex(@"\([^()]*\)$")]
    private static partial Regex TrailingNote();
}
