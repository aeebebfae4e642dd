using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

public class LedgerRowsTests
{
    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static readonly LedgerHeader Header = LedgerHeader.Find("台账",
        [Row("序号", "项目名称", "总投资", "责任单位")], LedgerFieldTable.Projects);

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", "\n")]
    [InlineData("　", null, "")]
    public void Classify_Blank(object? a, object? b, object? c) =>
        Assert.Equal(LedgerRowKind.Blank, LedgerRows.Classify(Row(a, b, c), Header).Kind);

    [Theory]
    [InlineData("合计", null, 12345.0)]
    [InlineData("总 计", null, 12345.0)]
    [InlineData("总计：", null, 12345.0)]
    [InlineData(null, "合计", 12345.0)]
    [InlineData(null, "一、交通项目小计", 12345.0)]
    [InlineData("", "全市合计", 12345.0)]
    [InlineData("累计", null, 1.0)]
    [InlineData("小计", null, null)]
    public void Classify_Total(object? a, object? b, object? c) =>
        Assert.Equal(LedgerRowKind.Total, LedgerRows.Classify(Row(a, b, c, "市发改委"), Header).Kind);

    [Theory]
    [InlineData("一、交通项目", null, "交通项目")]
    [InlineData("（一）产业项目", null, "产业项目")]
    [InlineData("（一）交通基础设施工程", null, "交通基础设施工程")]
    [InlineData("（十二）交通基础设施工程（共12个项目）", null, "交通基础设施工程")]
    [InlineData("二、产业类项目", null, "产业类项目")]
    [InlineData("社会民生类", null, "社会民生类")]
    [InlineData("(一)产业项目", null, "产业项目")]
    [InlineData("二、社会事业类", null, "社会事业类")]
    [InlineData("1. 新开工项目", null, "新开工项目")]
    [InlineData("1、续建项目", null, "续建项目")]
    [InlineData("一、交通项目（12个）", null, "交通项目")]
    [InlineData("一、交通项目：", null, "交通项目")]
    [InlineData("第一部分 基础设施", null, "基础设施")]
    [InlineData("一", "交通项目", "交通项目")]
    [InlineData("交通项目", null, "交通项目")] // unnumbered, left of the name column
    [InlineData(null, "三、生态环保", "生态环保")]
    public void Classify_Section_NameWithoutNumbering(object? a, object? b, string name)
    {
        var (kind, section) = LedgerRows.Classify(Row(a, b, null, null), Header);
        Assert.Equal(LedgerRowKind.Section, kind);
        Assert.Equal(name, section);
    }

    [Theory]
    [InlineData(1.0, "岷江大桥", null)]       // a project with nothing else filled is data, so its errors show
    [InlineData(null, "岷江大桥", null)]
    [InlineData(1.0, "岷江大桥", 1200.0)]
    [InlineData("1", "岷江合计大楼", 1200.0)]  // 合计 inside a name is not a total label
    [InlineData(1.0, "2020.6", null)]
    public void Classify_Data(object? a, object? b, object? c) =>
        Assert.Equal(LedgerRowKind.Data, LedgerRows.Classify(Row(a, b, c, null), Header).Kind);

    [Fact]
    public void Read_SkipsBlankTotalAndSectionRows_CarriesSectionsAndRowNumbers()
    {
        var header = LedgerHeader.Find("台账",
        [
            Row("岷江市2020年重点项目台账", null, null, null),
            Row("单位：万元", null, null, null),
            Row("序号", "项目名称", "总投资", "责任单位"),
        ], LedgerFieldTable.Projects);
        IReadOnlyList<object?>[] below =
        [
            Row("合计", null, 3000.0, null),            // row 4
            Row("一、交通项目", null, null, null),       // 5
            Row(1.0, "岷江大桥", 1000.0, "市交通局"),    // 6
            Row(null, null, null, null),               // 7
            Row(2.0, "绕城高速", 1500.0, "市交通局"),    // 8
            Row(null, "交通项目小计", 2500.0, null),     // 9
            Row("二、社会事业", null, null, null),       // 10
            Row(3.0, "市一医院", 500.0),                 // 11: shorter than the header
        ];

        var rows = LedgerRows.Read(header, below).ToList();

        Assert.Equal([6, 8, 11], rows.Select(r => r.RowNumber));
        Assert.Equal(["交通项目", "交通项目", "社会事业"], rows.Select(r => r.Section));
        Assert.Equal("岷江大桥", rows[0][LedgerField.Name]);
        Assert.Equal(1000.0, rows[0][LedgerField.TotalInvestment]);
        Assert.Null(rows[2][LedgerField.ResponsibleUnit]);
        Assert.Equal(2, rows[0].Cells[LedgerField.TotalInvestment].Column);
        Assert.False(rows[0].Cells.ContainsKey(LedgerField.Ignored));
    }

    [Theory]
    [InlineData("（一）交通基础设施工程", "交通基础设施工程")]
    [InlineData(" 二、产业类项目 ", "产业类项目")]
    [InlineData("交通项目（12个）：", "交通项目")]
    [InlineData("第一部分 基础设施", "基础设施")]
    [InlineData("社会民生类", "社会民生类")]
    public void SectionTitle_NumberingAndCountRemoved(string heading, string title) =>
        Assert.Equal(title, LedgerRows.SectionTitle(heading));
}
