using Milepost.Core.Portfolio;

namespace Milepost.Core.Tests.Portfolio;

/// <summary>The built-in national table (民政部, as of 2024-12-31) and the city search the office types into.</summary>
public class NationalDivisionsTests
{
    [Fact]
    public void EveryCode_IsSixDigits_Unique_AndSorted()
    {
        var codes = NationalDivisions.All.Select(e => e.Code).ToList();
        Assert.All(codes, c => Assert.True(Division.IsValidCode(c), c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.All(NationalDivisions.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Name), e.Code));
    }

    [Fact]
    public void EveryParent_Exists_OneLevelUp_AndOnlyProvincesHaveNone()
    {
        foreach (var e in NationalDivisions.All)
        {
            if (e.Level == DivisionLevel.Province) { Assert.Null(e.ParentCode); continue; }
            var parent = NationalDivisions.ByCode(e.ParentCode);
            Assert.True(parent is not null, $"{e.Code} {e.Name}: parent {e.ParentCode} missing");
            Assert.True(parent.Level < e.Level, $"{e.Code} {e.Name} under {parent.Code} {parent.Name}");
            Assert.StartsWith(parent.Code[..2], e.Code);
        }
    }

    [Fact]
    public void TheTable_HoldsTheWholeCountry_WithoutTheOldPlaceholderRows()
    {
        var byLevel = NationalDivisions.All.GroupBy(e => e.Level).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(34, byLevel[DivisionLevel.Province]); // 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
        Assert.Equal(333, byLevel[DivisionLevel.City]);
        Assert.InRange(byLevel[DivisionLevel.County], 2_800, 2_900);
        Assert.DoesNotContain(NationalDivisions.All, e => e.Name is "市辖区" or "县" or "省直辖县级行政区划" or "自治区直辖县级行政区划");
    }

    [Theory]
    [InlineData("511800", "雅安市", 8, "511802 雨城区")]
    [InlineData("513400", "凉山彝族自治州", 17, "513401 西昌市")]
    [InlineData("513200", "阿坝藏族羌族自治州", 13, "513231 阿坝县")]
    [InlineData("510100", "成都市", 20, "510104 锦江区")]
    [InlineData("152200", "兴安盟", 6, "152201 乌兰浩特市")]
    [InlineData("110000", "北京市", 16, "110108 海淀区")]       // a municipality: its districts hang directly under it
    [InlineData("500000", "重庆市", 38, "500229 城口县")]       // districts and counties alike
    [InlineData("441900", "东莞市", 0, null)]                   // a prefecture-level city without districts
    public void CountiesOf_ACity_AreItsCountyLevelDivisions(string code, string name, int count, string? oneOfThem)
    {
        var city = NationalDivisions.ByCode(code)!;
        Assert.Equal(name, city.Name);
        Assert.True(NationalDivisions.IsCity(city));
        var counties = NationalDivisions.CountiesOf(code);
        Assert.Equal(count, counties.Count);
        Assert.All(counties, c => Assert.Equal((DivisionLevel.County, code), (c.Level, c.ParentCode)));
        if (oneOfThem is not null) Assert.Contains(oneOfThem, counties.Select(c => $"{c.Code} {c.Name}"));
    }

    [Fact]
    public void YaAn_HasItsEightDistrictsAndCounties_InCodeOrder()
    {
        Assert.Equal(["雨城区", "名山区", "荥经县", "汉源县", "石棉县", "天全县", "芦山县", "宝兴县"],
            NationalDivisions.CountiesOf("511800").Select(c => c.Name));
    }

    [Theory]
    [InlineData("429004", "仙桃市", "420000")] // a county-level city the province governs directly
    [InlineData("419001", "济源市", "410000")]
    [InlineData("659001", "石河子市", "650000")]
    [InlineData("110101", "东城区", "110000")]
    public void DirectlyGovernedCounties_HangUnderTheirProvince(string code, string name, string parent)
    {
        var e = NationalDivisions.ByCode(code)!;
        Assert.Equal((name, parent, DivisionLevel.County), (e.Name, e.ParentCode, e.Level));
    }

    [Theory]
    [InlineData("110000", true)]
    [InlineData("120000", true)]
    [InlineData("310000", true)]
    [InlineData("500000", true)]
    [InlineData("420000", false)] // governs 仙桃 directly, but has prefecture-level cities: not a municipality
    [InlineData("510000", false)]
    [InlineData("810000", false)] // 香港: no divisions listed below it
    [InlineData("511802", false)]
    public void OnlyPrefectureLevelCitiesAndTheFourMunicipalities_AreCities(string code, bool city)
    {
        Assert.Equal(city, NationalDivisions.IsCity(NationalDivisions.ByCode(code)!));
        if (!city) Assert.Empty(NationalDivisions.CountiesOf(code));
    }

    [Theory]
    [InlineData("雅安", "511800")]
    [InlineData("雅安市", "511800")]
    [InlineData(" 511800 ", "511800")]
    [InlineData("511802", "511800")]   // a district's code finds its city
    [InlineData("凉山州", "513400")]
    [InlineData("凉山彝族自治州", "513400")]
    [InlineData("凉山", "513400")]
    [InlineData("阿坝", "513200")]     // the prefecture, not 阿坝县 (a county)
    [InlineData("阿坝州", "513200")]
    [InlineData("兴安盟", "152200")]
    [InlineData("兴安", "152200")]
    [InlineData("大兴安岭", "232700")]
    [InlineData("阿克苏地区", "652900")]
    [InlineData("北京", "110000")]
    [InlineData("重庆市", "500000")]
    [InlineData("广州", "440100")]     // 州 is part of the name here, not an ending to drop
    public void Search_FindsTheCity_FirstOfAll(string text, string code)
    {
        var found = NationalDivisions.Search(text, 20);
        Assert.NotEmpty(found);
        Assert.Equal(code, found[0].Code);
        Assert.All(found, c => Assert.True(NationalDivisions.IsCity(c), $"{c.Code} {c.Name} is no city"));
    }

    [Fact]
    public void Search_PutsTheExactName_ThenTheShortName_ThenABeginning_ThenContainment()
    {
        // 吉林市 (220200) is named exactly; 吉林省's other cities come after it.
        var jilin = NationalDivisions.Search("吉林市", 20);
        Assert.Equal("220200", jilin[0].Code);
        Assert.All(jilin.Skip(1), c => Assert.Equal("220000", c.ParentCode));
        // "安": the names that begin with it (安庆市, 安阳市 …), then those that contain it (兴安盟, 雅安市 …), each in code order.
        var an = NationalDivisions.Search("安", 50);
        var begins = an.TakeWhile(c => c.Name.StartsWith('安')).Select(c => c.Code).ToList();
        var contains = an.Skip(begins.Count).Select(c => c.Code).ToList();
        Assert.Equal(["340800", "410500", "520400", "610900"], begins);
        Assert.Equal(contains.Order(StringComparer.Ordinal), contains);
        Assert.Contains("511800", contains);
        Assert.All(an.Skip(begins.Count), c => Assert.Contains("安", c.Name));
    }

    [Fact]
    public void Search_ByProvince_ListsItsCities()
    {
        var sichuan = NationalDivisions.Search("四川", 50);
        Assert.Equal(21, sichuan.Count);
        Assert.All(sichuan, c => Assert.Equal("510000", c.ParentCode));
    }

    [Theory]
    [InlineData("安", 5)]
    [InlineData("51", 7)]
    [InlineData("四川", 3)]
    [InlineData("510000", 4)]
    public void Search_IsBounded(string text, int max)
    {
        Assert.Equal(max, NationalDivisions.Search(text, max).Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    [InlineData("岷江")]   // the demo's invented city
    [InlineData("999999")]
    [InlineData("429004")] // 仙桃 is county-level under its province: no city to serve
    public void Search_FindsNothing_ForNothingOrAnUnknownCity(string? text)
    {
        Assert.Empty(NationalDivisions.Search(text, 20));
        Assert.Empty(NationalDivisions.Search("雅安", 0));
    }
}
