using Milepost.Core.Portfolio;

namespace Milepost.Core.Tests.Portfolio;

/// <summary>The names a record answers to, their uniqueness among live records, a unit's parent, and merging.</summary>
public class BaseDataNamesTests
{
    private static Unit U(long id, string name, UnitKind kind, string? shortName = null, string? aliases = null) =>
        new() { Id = id, DivisionCode = "511800", Name = name, ShortName = shortName, Kind = kind, Aliases = aliases };

    private static readonly Unit Transport = U(2, "市交通运输局", UnitKind.Department, "市交通局", "交通局\n市交通委");
    private static readonly Unit Investment = U(10, "市交通建设投资集团有限公司", UnitKind.Owner, "市交投集团");

    [Fact]
    public void NamesOf_Unit_NameShortNameThenEachAlias_TrimmedAndOnce()
    {
        var names = BaseDataRules.NamesOf(new UnitInput(" 市住房城乡建设局 ", "市住建局", UnitKind.Department, null, "市住建局、 住建局 ；住建局\n市建设局", null, null));
        Assert.Equal(
            [new("Name", "市住房城乡建设局"), new("ShortName", "市住建局"), new("Aliases", "住建局"), new AnsweredName("Aliases", "市建设局")],
            names);
    }

    [Fact]
    public void Named_Leader_IsLabelledWithTheTitle()
    {
        var named = BaseDataRules.Named(new Leader { Id = 6, DivisionCode = "511800", Name = "陈宇航", Title = "副市长", Aliases = "陈市长" });
        Assert.Equal(("6", "陈宇航副市长"), (named.Key, named.Label));
        Assert.Equal(["陈宇航", "陈市长"], named.Names);
    }

    [Theory]
    [InlineData("市交通运输局", null, null, "Name")]   // another's name
    [InlineData("市交通运输管理局", "交通局", null, "ShortName")] // another's alias as a short name
    [InlineData("市交通运输管理局", null, "市交通局", "Aliases")]  // another's short name as an alias
    [InlineData("市交通运输管理局", "市交运局", "交运局", null)]   // nothing shared
    public void UniqueNames_ANameAnotherLiveUnitAnswersTo_RefusedAtTheFieldItWasTypedIn(string name, string? shortName, string? aliases, string? field)
    {
        var names = BaseDataRules.NamesOf(new UnitInput(name, shortName, UnitKind.Department, null, aliases, null, null));
        var errors = BaseDataRules.UniqueNames(BaseDataKind.Unit, names, [BaseDataRules.Named(Transport), BaseDataRules.Named(Investment)]);
        Assert.Equal(field is null ? [] : [field], errors.Select(e => e.Field));
        Assert.All(errors, e => Assert.Equal("unit.name.taken", e.Code));
    }

    [Fact]
    public void UniqueNames_Message_NamesTheRecordThatHasIt()
    {
        var names = BaseDataRules.NamesOf(new UnitInput("市交通委", null, UnitKind.Department, null, null, null, null));
        var error = Assert.Single(BaseDataRules.UniqueNames(BaseDataKind.Unit, names, [BaseDataRules.Named(Transport)]));
        Assert.Equal("“市交通委”已是单位“市交通运输局”的名称、简称或别名，不能重复（导入台账按名称、简称和别名识别单位）", error.MessageZh);
        Assert.Contains("市交通运输局", error.MessageEn);
    }

    [Fact]
    public void UniqueNames_Division_SaysTheParentHasOne()
    {
        var sibling = BaseDataRules.Named(new Division { Code = "511802", Name = "江城区", ParentCode = "511800" });
        var error = Assert.Single(BaseDataRules.UniqueNames(BaseDataKind.Division, BaseDataRules.NamesOf(new DivisionInput("511803", "江城区", "511800")), [sibling]));
        Assert.Equal(("Name", "division.name.taken", "同一上级下已有行政区划“江城区”（511802）"), (error.Field, error.Code, error.MessageZh));
    }

    // 1 ← 2 ← 3 (3's parent is 2, 2's parent is 1); 8 ↔ 9 is a loop already in the data.
    private static long? ParentOf(long id) => id switch { 2 => 1, 3 => 2, 8 => 9, 9 => 8, _ => null };

    [Theory]
    [InlineData(3L, 1L, false)]  // a grandparent above: fine
    [InlineData(5L, 3L, false)]  // an unrelated unit's child
    [InlineData(1L, 1L, true)]   // itself
    [InlineData(1L, 3L, true)]   // its own grandchild
    [InlineData(2L, 3L, true)]   // its own child
    [InlineData(1L, 8L, false)]  // a loop elsewhere ends the walk
    [InlineData(1L, null, false)]
    public void UnitParent_RefusesTheUnitItselfAndAnyUnitBelowIt(long id, long? parent, bool refused)
    {
        var error = BaseDataRules.UnitParent(id, parent, ParentOf);
        Assert.Equal(refused, error is not null);
        if (error is not null) Assert.Equal(("ParentId", "unit.parent.loop"), (error.Field, error.Code));
    }

    [Fact]
    public void UnitParent_NewUnit_AnyExistingParent() => Assert.Null(BaseDataRules.UnitParent(null, 3, ParentOf));

    [Fact]
    public void CanMerge_TwoLiveRecords_Allowed() =>
        Assert.Empty(BaseDataRules.CanMerge(BaseDataKind.Unit, BaseDataRules.Named(Transport), BaseDataRules.Named(Investment), keepRetired: false));

    [Theory]
    [InlineData(BaseDataKind.Division, "2", false, "division.merge")]
    [InlineData(BaseDataKind.Unit, "2", false, "unit.merge.self")]
    [InlineData(BaseDataKind.Category, "10", true, "category.merge.retired")]
    public void CanMerge_DivisionsItselfOrIntoARetiredRecord_Refused(BaseDataKind kind, string keepKey, bool keepRetired, string code)
    {
        var keep = BaseDataRules.Named(Transport) with { Key = keepKey };
        var error = Assert.Single(BaseDataRules.CanMerge(kind, BaseDataRules.Named(Transport), keep, keepRetired));
        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData(UnitKind.Department, UnitKind.LeadDepartment, true)]
    [InlineData(UnitKind.CountyGovernment, UnitKind.Department, true)]
    [InlineData(UnitKind.Owner, UnitKind.Owner, true)]
    [InlineData(UnitKind.Owner, UnitKind.Department, false)]
    [InlineData(UnitKind.LeadDepartment, UnitKind.Owner, false)]
    public void CanMergeUnits_OwnersOnlyWithOwners(UnitKind duplicate, UnitKind keep, bool allowed)
    {
        var error = BaseDataRules.CanMergeUnits(U(2, "市交通运输局", duplicate), U(10, "市交通建设投资集团有限公司", keep));
        Assert.Equal(allowed, error is null);
    }

    [Fact]
    public void CanMergeUnits_Refusal_SaysWhatEachIs()
    {
        var error = BaseDataRules.CanMergeUnits(Investment, Transport)!;
        Assert.Equal("“市交通建设投资集团有限公司”是业主单位，“市交通运输局”是责任单位：业主单位不能与其他类型的单位合并", error.MessageZh);
    }

    [Fact]
    public void AliasesAfterMerge_KeepsItsOwn_ThenAddsTheDuplicatesNamesItDoesNotAnswerTo()
    {
        var duplicate = U(7, "岷江市交通运输局", UnitKind.Department, "市交通局", "交通运输局\n交通局");
        var (aliases, error) = BaseDataRules.AliasesAfterMerge(BaseDataKind.Unit, BaseDataRules.Named(Transport), Transport.Aliases, BaseDataRules.Named(duplicate));
        Assert.Null(error);
        Assert.Equal("交通局\n市交通委\n岷江市交通运输局\n交通运输局", aliases);
    }

    [Fact]
    public void AliasesAfterMerge_TooLong_RefusedNamingTheKeptRecord()
    {
        var many = string.Join("\n", Enumerable.Range(0, 110).Select(i => $"交通局第{i:000}号")); // 989 characters
        var keep = U(2, "市交通运输局", UnitKind.Department, "市交通局", many);
        var duplicate = U(7, "岷江市交通运输局（原岷江市交通局）", UnitKind.Department);
        var (aliases, error) = BaseDataRules.AliasesAfterMerge(BaseDataKind.Unit, BaseDataRules.Named(keep), keep.Aliases, BaseDataRules.Named(duplicate));
        Assert.Null(aliases);
        Assert.Equal(("Aliases", "unit.merge.aliases"), (error!.Field, error.Code));
        Assert.Contains("市交通运输局", error.MessageZh);
    }
}
