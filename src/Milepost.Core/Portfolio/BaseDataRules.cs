using Milepost.Core.Projects;

namespace Milepost.Core.Portfolio;

/// <summary>
/// The rules of base data (基础数据), one record at a time and pure, so the pages, the API and the base-data workbook
/// refuse the same input with the same words. Lengths are the columns' (PortfolioConfigurations). What only the
/// database knows (does the parent exist, which names do other records answer to) is looked up by the caller and
/// passed in.
/// </summary>
public static partial class BaseDataRules
{
    public const int DivisionNameLength = 100, UnitNameLength = 100, ShortNameLength = 50, ContactPersonLength = 50,
        PhoneLength = 30, LeaderNameLength = 50, TitleLength = 100, FieldsLength = 200, ProgrammeNameLength = 100,
        CategoryNameLength = 50, AliasesLength = 1000;

    /// <summary>The largest order of precedence or sort order (a province has a few thousand units, never more leaders).</summary>
    public const int MaxOrder = 99_999;

    public static IReadOnlyList<ValidationError> Validate(DivisionInput d, Division? parent)
    {
        var e = new Errors(BaseDataKind.Division);
        var code = Clean(d.Code);
        if (code is null) e.Add("Code", "code.required", "请填写 6 位行政区划代码", "Enter the 6-digit division code");
        else if (!Division.IsValidCode(code))
            e.Add("Code", "code.format", $"行政区划代码“{code}”应为 6 位数字（GB/T 2260），如 511802", $"The division code \"{code}\" must be 6 digits (GB/T 2260), e.g. 511802");
        e.Name(d.Name, DivisionNameLength);
        if (Clean(d.ParentCode) is not { } parentCode) return e.List;
        if (parent is null || parent.Code != parentCode)
            e.Add("ParentCode", "parent.unknown", $"上级行政区划 {parentCode} 不存在", $"The parent division {parentCode} does not exist");
        else if (parent.IsRetired)
            e.Add("ParentCode", "parent.retired", $"上级行政区划 {parent.Name} 已停用", $"The parent division {parent.Name} is retired");
        else if (code is not null && Division.IsValidCode(code))
        {
            var level = Division.LevelOf(code);
            if (parentCode == code)
                e.Add("ParentCode", "parent.self", "上级行政区划不能是本区划", "A division cannot be its own parent");
            else if (parent.Level >= level)
                e.Add("ParentCode", "parent.level",
                    $"上级行政区划须高一级：{parent.Name}（{parent.Code}）是{BaseDataNames.Of(parent.Level).Zh}，{code} 是{BaseDataNames.Of(level).Zh}",
                    $"The parent must be of a higher level: {parent.Name} ({parent.Code}) is a {BaseDataNames.Of(parent.Level).En}, {code} a {BaseDataNames.Of(level).En}");
            else if (!code.StartsWith(Prefix(parent), StringComparison.Ordinal))
                e.Add("Code", "code.parent",
                    $"行政区划代码 {code} 不在 {parent.Name}（{parent.Code}）之下：应以 {Prefix(parent)} 开头",
                    $"The code {code} is not under {parent.Name} ({parent.Code}): it must begin with {Prefix(parent)}");
        }
        return e.List;
    }

    /// <summary>The digits every code under a division begins with: 2 under a province, 4 under a city.</summary>
    private static string Prefix(Division parent) => parent.Level == DivisionLevel.Province ? parent.Code[..2] : parent.Code[..4];

    public static IReadOnlyList<ValidationError> Validate(UnitInput u)
    {
        var e = new Errors(BaseDataKind.Unit);
        e.Name(u.Name, UnitNameLength);
        e.Length("ShortName", "shortname.length", u.ShortName, ShortNameLength, "简称", "The short name");
        if (u.Kind is not { } kind || !Enum.IsDefined(kind))
            e.Add("Kind", "kind.required", "请选择单位类型（牵头部门、责任单位、业主单位或县区政府）", "Choose the kind of unit");
        e.Aliases(u.Aliases, UnitNameLength, u.Name, u.ShortName);
        e.Length("ContactPerson", "contact.length", u.ContactPerson, ContactPersonLength, "联系人", "The contact person");
        if (Clean(u.ContactPhone) is { } phone)
        {
            if (phone.Length > PhoneLength)
                e.Add("ContactPhone", "phone.length", $"联系电话不能超过 {PhoneLength} 个字符", $"The phone number cannot exceed {PhoneLength} characters");
            else if (!ProjectRules.IsValidPhone(phone))
                e.Add("ContactPhone", "phone.format", "联系电话只能包含数字、空格、“-”和“+”", "The phone number may contain only digits, spaces, '-' and '+'");
        }
        return e.List;
    }

    public static IReadOnlyList<ValidationError> Validate(LeaderInput l)
    {
        var e = new Errors(BaseDataKind.Leader);
        e.Name(l.Name, LeaderNameLength, "姓名", "The name");
        if (Clean(l.Title) is null) e.Add("Title", "title.required", "请填写职务，如 副市长", "Enter the title, e.g. 副市长");
        else e.Length("Title", "title.length", l.Title, TitleLength, "职务", "The title");
        if (l.Body is not { } body || !Enum.IsDefined(body))
            e.Add("Body", "body.required", "请选择所属班子（市委、市人大常委会、市政府或市政协）", "Choose the leading body");
        e.Order("Precedence", l.Precedence, "排序");
        e.Length("Fields", "fields.length", l.Fields, FieldsLength, "分管领域", "The fields");
        if (l.InOfficeFrom is { } from && l.InOfficeTo is { } to && to < from)
            e.Add("InOfficeTo", "term.order", $"任职止 {to:yyyy-MM-dd} 早于任职起 {from:yyyy-MM-dd}",
                $"The term ends ({to:yyyy-MM-dd}) before it begins ({from:yyyy-MM-dd})");
        e.Aliases(l.Aliases, LeaderNameLength, l.Name);
        return e.List;
    }

    public static IReadOnlyList<ValidationError> Validate(ProgrammeInput p)
    {
        var e = new Errors(BaseDataKind.Programme);
        e.Name(p.Name, ProgrammeNameLength);
        e.Order("SortOrder", p.SortOrder, "排序");
        e.Aliases(p.Aliases, ProgrammeNameLength, p.Name);
        return e.List;
    }

    public static IReadOnlyList<ValidationError> Validate(CategoryInput c)
    {
        var e = new Errors(BaseDataKind.Category);
        e.Name(c.Name, CategoryNameLength);
        e.Length("NameEn", "name-en.length", c.NameEn, CategoryNameLength, "英文名称", "The English name");
        e.Order("SortOrder", c.SortOrder, "排序");
        e.Aliases(c.Aliases, CategoryNameLength, c.Name);
        return e.List;
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Collects a record's errors with the kind's code prefix and the words its messages use.</summary>
    private sealed class Errors(BaseDataKind kind)
    {
        public List<ValidationError> List { get; } = [];
        private readonly string _prefix = BaseDataNames.CodePrefix(kind);
        private readonly (string Zh, string En) _kind = BaseDataNames.Of(kind);

        public void Add(string field, string code, string zh, string en) => List.Add(new(field, $"{_prefix}.{code}", zh, en));

        public void Name(string? name, int length, string zh = "名称", string en = "The name")
        {
            if (Clean(name) is null) Add("Name", "name.required", $"请填写{_kind.Zh}{zh}", $"Enter the {_kind.En}'s name");
            else Length("Name", "name.length", name, length, zh, en);
        }

        public void Length(string field, string code, string? value, int length, string zh, string en)
        {
            if (Clean(value) is { } v && v.Length > length)
                Add(field, code, $"{zh}不能超过 {length} 个字（现为 {v.Length} 个字）", $"{en} cannot exceed {length} characters (it has {v.Length})");
        }

        public void Order(string field, int? order, string zh)
        {
            if (order is { } o && o is < 0 or > MaxOrder)
                Add(field, "order.range", $"{zh}须为 0 至 {MaxOrder} 的整数", $"The order must be a whole number from 0 to {MaxOrder}");
        }

        /// <summary>Each alias fits a name's column and is not one of the record's own names; all of them fit the column.</summary>
        public void Aliases(string? aliases, int length, params string?[] ownNames)
        {
            var list = AliasList.Split(aliases);
            var own = ownNames.Select(Clean).OfType<string>().ToHashSet(StringComparer.Ordinal);
            foreach (var alias in list)
            {
                if (alias.Length > length)
                    Add("Aliases", "alias.length", $"别名“{alias[..Math.Min(alias.Length, 20)]}…”超过 {length} 个字", $"The alias \"{alias[..Math.Min(alias.Length, 20)]}…\" exceeds {length} characters");
                else if (own.Contains(alias))
                    Add("Aliases", "alias.own", $"别名“{alias}”与本{_kind.Zh}的名称或简称相同，不用再列为别名",
                        $"The alias \"{alias}\" is the {_kind.En}'s own name or short name");
            }
            if ((AliasList.Join(list)?.Length ?? 0) > AliasesLength)
                Add("Aliases", "aliases.length", $"别名合计不能超过 {AliasesLength} 个字", $"The aliases together cannot exceed {AliasesLength} characters");
        }
    }
}
