using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

/// <summary>A whole messy sheet, as an office keeps it, read to exact values.</summary>
public class LedgerSheetTests
{
    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static IEnumerable<IReadOnlyList<object?>> MessySheet() =>
    [
        Row("岷江市2020年重点项目台账"),
        Row("填报单位：市发改委", null, null, null, "单位：万元"),
        Row("序号", "项目名称", "项目\n代码", "总投资（亿元）", "2020年计划投资", "建设年限", null, "责任单位", "联系市领导", "县（区）"),
        Row(null, null, null, null, null, "计划开工时间", "计划竣工时间", null, null, null),
        Row("合　计", null, null, 3.0, 9000.0),
        Row("一、交通项目（2个）"),
        Row(1.0, "岷江大桥", "MJ-001", "１．２", "３，０００", "2020.3", 2022.6, "市交通局", "张三、李四", "岷江区"),
        Row(2.0, "绕城高速", "MJ-002", 1.8, "6000万元", "2020年6月", "2023年12月31日", "市交通局", "张三", "青城县"),
        Row(null, "交通项目小计", null, 3.0, 9000.0),
        Row(null, null, null, null, null),
        Row("（二）社会事业"),
        Row(3.0, "市一医院", "MJ-003", "5000万元", "-", 43891.0, new DateTime(2021, 12, 31), "市卫健委", "王五", "岷江区"),
        Row(4.0, "市二医院", "MJ-001", "0.5", "100", "6月", "12月底", "市卫健委", "王五", "岷江区"),
        Row(5.0, "市三医院", "MJ-005", "0.05", "1000", "2020/13/1", "2020.6", "市卫健委", "王五", "岷江区"),
    ];

    [Fact]
    public void ReadProjects_MessySheet_ExactValues()
    {
        var read = LedgerSheet.ReadProjects("Sheet1", MessySheet(), 2019);

        Assert.Equal((3, 5, 2020), (read.Header.HeaderRow, read.Header.DataStartRow, read.Year));
        Assert.Empty(read.Header.Errors);
        var results = read.Results.ToList();
        Assert.Equal([7, 8, 12, 13, 14], results.Select(r => r.Line?.RowNumber ?? r.Errors[0].Row));

        var bridge = results[0].Line!;
        Assert.Equal(("岷江大桥", "MJ-001", "交通项目"), (bridge.Name, bridge.Code, bridge.Section));
        Assert.Equal((new Money(120_000_000), new Money(30_000_000)), (bridge.TotalInvestment, bridge.AnnualPlan));
        Assert.Equal((new DateOnly(2020, 3, 1), new DateOnly(2022, 6, 30)), (bridge.PlannedStart, bridge.PlannedCompletion));
        Assert.Equal(["张三", "李四"], bridge.Leaders);
        Assert.Equal(("市交通局", "岷江区"), (bridge.ResponsibleUnit, bridge.Division));

        var road = results[1].Line!;
        Assert.Equal((new Money(180_000_000), new Money(60_000_000)), (road.TotalInvestment, road.AnnualPlan));
        Assert.Equal((new DateOnly(2020, 6, 1), new DateOnly(2023, 12, 31)), (road.PlannedStart, road.PlannedCompletion));

        var hospital = results[2].Line!;
        Assert.Equal(("社会事业", new Money(50_000_000), (Money?)null), (hospital.Section, hospital.TotalInvestment, hospital.AnnualPlan));
        Assert.Equal((new DateOnly(2020, 3, 1), new DateOnly(2021, 12, 31)), (hospital.PlannedStart, hospital.PlannedCompletion));

        // Its own cells are fine, but its code is the bridge's.
        var copy = Assert.Single(results[3].Errors);
        Assert.Equal(("C", "项目代码与第7行重复"), (copy.ColumnLetter, copy.MessageZh));

        // Bad start and a 亿/万 slip: every problem of the row, the warning included.
        Assert.Null(results[4].Line);
        Assert.Equal(["F", "E"], results[4].Errors.Select(e => e.ColumnLetter));
        Assert.Equal([false, true], results[4].Errors.Select(e => e.IsWarning));
    }

    [Fact]
    public void ReadProjects_NoHeader_NoResults()
    {
        var read = LedgerSheet.ReadProjects("Sheet1", [Row("随便写的"), Row("1", "2")], 2020);
        Assert.Equal(LedgerErrorKinds.NoHeader, Assert.Single(read.Header.Errors).Kind);
        Assert.Empty(read.Results);
    }

    [Fact]
    public void ReadProjects_StreamsPastTheSearchedRows()
    {
        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            yield return Row("项目名称", "总投资");
            for (var i = 1; i <= 5000; i++) yield return Row($"项目{i}", (double)i);
        }
        var lines = LedgerSheet.ReadProjects("Sheet1", Rows(), 2020).Results.Select(r => r.Line!).ToList();
        Assert.Equal(5000, lines.Count);
        Assert.Equal((5001, new Money(50_000_000)), (lines[^1].RowNumber, lines[^1].TotalInvestment!.Value));
    }

    [Fact]
    public void ReadReports_ByCodeAndMonth()
    {
        var read = LedgerSheet.ReadReports("5月",
        [
            Row("2020年5月重点项目进展月报"),
            Row("项目代码", "项目名称", "月份", "本月完成投资（万元）", "形象进度", "本月进展"),
            Row("MJ-001", "岷江大桥", "5月", "120.5", 0.45, "桥墩施工"),
            Row("MJ-001", "岷江大桥", "2020年5月", "1", null, null),
        ], 2019);
        var results = read.Results.ToList();
        Assert.Equal((new YearMonth(2020, 5), new Money(1_205_000), (decimal?)45m),
            (results[0].Line!.Month, results[0].Line!.Completed, results[0].Line!.ProgressPercent));
        Assert.Equal("同一项目同一月份与第3行重复", Assert.Single(results[1].Errors).MessageZh);
    }
}
