using Milepost.Core.Portfolio;

namespace Milepost.Core.Tests.Portfolio;

/// <summary>The field rules of each kind of base data: what the page, the API and the workbook import refuse, and where.</summary>
public class BaseDataRulesTests
{
    private static readonly Division Province = new() { Code = "510000", Name = "四川省" };
    private static readonly Division City = new() { Code = "511800", Name = "岷江市", ParentCode = "510000" };
    private static readonly Division District = new() { Code = "511802", Name = "江城区", ParentCode = "511800" };

    private static readonly UnitInput Unit = new("市交通运输局", "市交通局", UnitKind.Department, null, "交通局、市交通委", "杨帆", "0835-2610001");
    private static readonly LeaderInput Leader = new("陈宇航", "副市长", LeaderBody.Government, 6, "交通、住建",
        new DateOnly(2018, 1, 20), new DateOnly(2023, 1, 10), "陈市长");
    private static readonly ProgrammeInput Programme = new("交通物流板块", 5, 1, "交通物流专项");
    private static readonly CategoryInput Category = new("交通", "Transport", 1, "交通基础设施");

    private static string[] Codes(IEnumerable<ValidationError> errors) => [.. errors.Select(e => e.Code)];

    private static Division? ParentOf(string? code) => code switch
    {
        "510000" => Province, "511800" => City, "511802" => District,
        "511900" => new Division { Code = "511900", Name = "撤销市", IsRetired = true },
        _ => null,
    };

    [Theory]
    [InlineData("511802", "江城区", "511800")] // a district under its city
    [InlineData("511800", "岷江市", "510000")] // a city under its province
    [InlineData("511800", "岷江市", null)]     // a city at the top of a city's install
    [InlineData("519004", "直管市", "510000")] // a county-level city the province governs directly
    [InlineData(" 511823 ", " 云顶县 ", " 511800 ")]
    public void Division_Valid_NoErrors(string code, string name, string? parent)
    {
        Assert.Empty(BaseDataRules.Validate(new DivisionInput(code, name, parent), ParentOf(parent?.Trim())));
    }

    [Theory]
    [InlineData(null, "division.code.required")]
    [InlineData("  ", "division.code.required")]
    [InlineData("51180", "division.code.format")]
    [InlineData("5118020", "division.code.format")]
    [InlineData("51180a", "division.code.format")]
    [InlineData("５１１８０２", "division.code.format")] // full-width digits typed with an IME are not a code
    public void Division_CodeMissingOrMalformed_RefusedAtTheCode(string? code, string expected)
    {
        var error = Assert.Single(BaseDataRules.Validate(new DivisionInput(code, "江城区", null), null));
        Assert.Equal((expected, "Code"), (error.Code, error.Field));
    }

    [Theory]
    [InlineData("511899", "511800", null)]                       // fine: a county of the city
    [InlineData("511802", "511803", "division.parent.unknown")]  // no such division
    [InlineData("511902", "511900", "division.parent.retired")]
    [InlineData("511802", "511802", "division.parent.self")]
    [InlineData("511800", "511800", "division.parent.self")]
    [InlineData("511822", "511802", "division.parent.level")]    // a county under a district
    [InlineData("510000", "511800", "division.parent.level")]    // a province under a city
    [InlineData("512002", "511800", "division.code.parent")]     // another city's code
    [InlineData("520100", "510000", "division.code.parent")]     // another province's city
    public void Division_Parent_MustBeARealLiveDivisionOfAHigherLevelAboveTheCode(string code, string parent, string? expected)
    {
        var errors = BaseDataRules.Validate(new DivisionInput(code, "某区", parent), ParentOf(parent));
        Assert.Equal(expected is null ? [] : [expected], Codes(errors));
    }

    [Fact]
    public void Division_ParentLevel_MessageNamesBothLevels()
    {
        var error = Assert.Single(BaseDataRules.Validate(new DivisionInput("511822", "青山县", "511802"), District));
        Assert.Equal("上级行政区划须高一级：江城区（511802）是县级，511822 是县级", error.MessageZh);
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public void Division_Name_RequiredAndAtMost100(int length, bool valid)
    {
        var errors = BaseDataRules.Validate(new DivisionInput("511802", new string('区', length), null), null);
        Assert.Equal(valid ? [] : ["division.name.length"], Codes(errors));
        Assert.Equal(["division.name.required"], Codes(BaseDataRules.Validate(new DivisionInput("511802", " ", null), null)));
    }

    [Fact]
    public void Unit_Valid_NoErrors() => Assert.Empty(BaseDataRules.Validate(Unit));

    [Fact]
    public void Unit_OnlyNameAndKind_NoErrors() =>
        Assert.Empty(BaseDataRules.Validate(new UnitInput("新城区人民政府", null, UnitKind.CountyGovernment, null, null, null, null)));

    public static TheoryData<UnitInput, string, string> BadUnits => new()
    {
        { Unit with { Name = "" }, "unit.name.required", "Name" },
        { Unit with { Name = new string('局', 101) }, "unit.name.length", "Name" },
        { Unit with { ShortName = new string('局', 51) }, "unit.shortname.length", "ShortName" },
        { Unit with { Kind = null }, "unit.kind.required", "Kind" },
        { Unit with { Kind = (UnitKind)42 }, "unit.kind.required", "Kind" },
        { Unit with { Aliases = "交通局；市交通运输局" }, "unit.alias.own", "Aliases" },  // its own name
        { Unit with { Aliases = "市交通局" }, "unit.alias.own", "Aliases" },             // its own short name
        { Unit with { Aliases = new string('交', 101) }, "unit.alias.length", "Aliases" },
        { Unit with { Aliases = string.Join("、", Enumerable.Range(1000, 120).Select(i => $"交通局{i}号")) }, "unit.aliases.length", "Aliases" },
        { Unit with { ContactPerson = new string('杨', 51) }, "unit.contact.length", "ContactPerson" },
        { Unit with { ContactPhone = "0835-261000１" }, "unit.phone.format", "ContactPhone" },
        { Unit with { ContactPhone = "电话 0835" }, "unit.phone.format", "ContactPhone" },
        { Unit with { ContactPhone = new string('1', 31) }, "unit.phone.length", "ContactPhone" },
    };

    [Theory, MemberData(nameof(BadUnits))]
    public void Unit_BadField_RefusedAtThatField(UnitInput input, string code, string field)
    {
        var error = Assert.Single(BaseDataRules.Validate(input));
        Assert.Equal((code, field), (error.Code, error.Field));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageZh));
        Assert.False(string.IsNullOrWhiteSpace(error.MessageEn));
    }

    [Fact]
    public void Unit_AliasThatIsItsName_MessageSaysWhich()
    {
        var error = Assert.Single(BaseDataRules.Validate(Unit with { Aliases = "市交通局" }));
        Assert.Equal("别名“市交通局”与本单位的名称或简称相同，不用再列为别名", error.MessageZh);
    }

    [Fact]
    public void Leader_Valid_NoErrors() => Assert.Empty(BaseDataRules.Validate(Leader));

    [Fact]
    public void Leader_TermOpenOrUnknown_NoErrors()
    {
        Assert.Empty(BaseDataRules.Validate(Leader with { InOfficeTo = null }));
        Assert.Empty(BaseDataRules.Validate(Leader with { InOfficeFrom = null, Precedence = null, Fields = null, Aliases = null }));
        Assert.Empty(BaseDataRules.Validate(Leader with { InOfficeTo = Leader.InOfficeFrom })); // one day in office
    }

    public static TheoryData<LeaderInput, string, string> BadLeaders => new()
    {
        { Leader with { Name = null }, "leader.name.required", "Name" },
        { Leader with { Name = new string('陈', 51) }, "leader.name.length", "Name" },
        { Leader with { Title = " " }, "leader.title.required", "Title" },
        { Leader with { Title = new string('长', 101) }, "leader.title.length", "Title" },
        { Leader with { Body = null }, "leader.body.required", "Body" },
        { Leader with { Precedence = -1 }, "leader.order.range", "Precedence" },
        { Leader with { Precedence = BaseDataRules.MaxOrder + 1 }, "leader.order.range", "Precedence" },
        { Leader with { Fields = new string('交', 201) }, "leader.fields.length", "Fields" },
        { Leader with { InOfficeTo = new DateOnly(2018, 1, 19) }, "leader.term.order", "InOfficeTo" },
        { Leader with { Aliases = "陈宇航" }, "leader.alias.own", "Aliases" },
    };

    [Theory, MemberData(nameof(BadLeaders))]
    public void Leader_BadField_RefusedAtThatField(LeaderInput input, string code, string field)
    {
        var error = Assert.Single(BaseDataRules.Validate(input));
        Assert.Equal((code, field), (error.Code, error.Field));
    }

    [Fact]
    public void Leader_TermOrder_MessageGivesBothDates()
    {
        var error = Assert.Single(BaseDataRules.Validate(Leader with { InOfficeTo = new DateOnly(2017, 12, 31) }));
        Assert.Equal("任职止 2017-12-31 早于任职起 2018-01-20", error.MessageZh);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(BaseDataRules.MaxOrder, true)]
    [InlineData(-1, false)]
    public void Programme_SortOrder_InRange(int order, bool valid) =>
        Assert.Equal(valid ? [] : ["programme.order.range"], Codes(BaseDataRules.Validate(Programme with { SortOrder = order })));

    [Fact]
    public void Programme_NameRequired_AliasNotItsName()
    {
        Assert.Empty(BaseDataRules.Validate(Programme));
        Assert.Equal(["programme.name.required"], Codes(BaseDataRules.Validate(Programme with { Name = "" })));
        Assert.Equal(["programme.alias.own"], Codes(BaseDataRules.Validate(Programme with { Aliases = "交通物流专项\n交通物流板块" })));
    }

    [Theory]
    [InlineData("交通", "Transport", null)]
    [InlineData("交通", null, null)]
    [InlineData("", "Transport", "category.name.required")]
    [InlineData("交通", "Transport, roads, bridges, tunnels, railways and ports", "category.name-en.length")]
    public void Category_Names_RequiredAndAtMost50(string name, string? nameEn, string? expected) =>
        Assert.Equal(expected is null ? [] : [expected], Codes(BaseDataRules.Validate(Category with { Name = name, NameEn = nameEn })));

    [Fact]
    public void Category_NameOf51_Refused() =>
        Assert.Equal(["category.name.length"], Codes(BaseDataRules.Validate(Category with { Name = new string('交', 51) })));

    [Fact]
    public void Category_SeveralBadFields_EachReported()
    {
        var errors = BaseDataRules.Validate(new CategoryInput(" ", new string('T', 51), -5, null));
        Assert.Equal(["Name", "NameEn", "SortOrder"], errors.Select(e => e.Field));
    }
}
