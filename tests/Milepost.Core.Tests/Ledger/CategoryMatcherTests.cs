using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;

namespace Milepost.Core.Tests.Ledger;

public class CategoryMatcherTests
{
    private static readonly Category[] Categories =
    [
        new() { Id = 1, Name = "交通", Aliases = "交通运输\n路网" },
        new() { Id = 2, Name = "产业" },
        new() { Id = 3, Name = "社会民生", Aliases = "民生保障" },
        new() { Id = 4, Name = "生态环保" },
        new() { Id = 5, Name = "文化旅游", Aliases = "文旅" },
        new() { Id = 6, Name = "城市更新", IsRetired = true },
        new() { Id = 7, Name = "农业农村" },
        new() { Id = 8, Name = "农业产业化" },
    ];

    private static readonly CategoryMatcher Matcher = new(Categories);

    [Theory]
    [InlineData("交通", 1L, CategoryMatchKind.Exact, "交通")]
    [InlineData("一、交通", 1L, CategoryMatchKind.Exact, "交通")]
    [InlineData(" 产 业 ", 2L, CategoryMatchKind.Exact, "产业")]
    [InlineData("路网", 1L, CategoryMatchKind.Alias, "路网")]
    [InlineData("（三）文旅", 5L, CategoryMatchKind.Alias, "文旅")]
    [InlineData("交通项目", 1L, CategoryMatchKind.Stripped, "交通")]
    [InlineData("二、产业类项目", 2L, CategoryMatchKind.Stripped, "产业")]
    [InlineData("社会民生类", 3L, CategoryMatchKind.Stripped, "社会民生")]
    [InlineData("交通项目（12个）", 1L, CategoryMatchKind.Stripped, "交通")]
    [InlineData("生态环保建设工程", 4L, CategoryMatchKind.Stripped, "生态环保")]
    [InlineData("文旅类项目", 5L, CategoryMatchKind.Stripped, "文旅")]
    [InlineData("（一）交通基础设施工程", 1L, CategoryMatchKind.Contains, "交通")]
    [InlineData("交通运输基础设施", 1L, CategoryMatchKind.Contains, "交通运输")]
    [InlineData("民生", 3L, CategoryMatchKind.Contains, "社会民生")]
    [InlineData("农业农村现代化项目", 7L, CategoryMatchKind.Contains, "农业农村")]
    public void Match_ByNameAliasStrippedOrContainment(string heading, long id, CategoryMatchKind how, string via)
    {
        var match = Matcher.Match(heading);
        Assert.NotNull(match);
        Assert.Equal((id, how, via), (match.Category.Id, match.How, match.MatchedName));
    }

    [Theory]
    [InlineData("城市更新")]           // retired: never mapped to
    [InlineData("教育")]               // nothing like it
    [InlineData("新开工项目")]
    [InlineData("农业")]               // contained in 农业农村 and 农业产业化 alike
    [InlineData("交通与产业融合")]      // contains 交通 and 产业, both two characters
    [InlineData("（一）项目")]          // nothing but generic words
    [InlineData("")]
    public void Match_NoneOrAmbiguous_IsNoMatch(string heading) => Assert.Null(Matcher.Match(heading));

    [Fact]
    public void Match_AnAliasSharedByTwoCategories_IsNoMatch()
    {
        var matcher = new CategoryMatcher(
        [
            new Category { Id = 1, Name = "交通", Aliases = "基础设施" },
            new Category { Id = 2, Name = "水利", Aliases = "基础设施" },
        ]);
        Assert.Null(matcher.Match("基础设施"));
        Assert.Equal(1L, matcher.Match("交通项目")!.Category.Id);
    }

    [Fact]
    public void Match_TheLongerContainedNameWins()
    {
        var matcher = new CategoryMatcher([new Category { Id = 1, Name = "交通" }, new Category { Id = 2, Name = "基础设施" }]);
        Assert.Equal(2L, matcher.Match("交通基础设施工程")!.Category.Id);
    }

    [Theory]
    [InlineData("交通类", "交通", true)]
    [InlineData("交通项目", "交通工程", true)]
    [InlineData("产业类项目", "产业", true)]
    [InlineData("交通 类", "交通", true)]
    [InlineData("交通基础设施", "交通", false)]
    [InlineData("交通", "水利", false)]
    [InlineData("项目", "工程", false)]
    public void SameExceptGenericWords(string a, string b, bool same)
    {
        Assert.Equal(same, CategoryMatcher.SameExceptGenericWords(a, b));
        Assert.Equal(same, CategoryMatcher.SameExceptGenericWords(b, a));
    }
}
