using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

public class LedgerLinesTests
{
    private const string Sheet = "台账";

    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static readonly LedgerHeader Header = LedgerHeader.Find(Sheet,
    [
        Row("岷江市2020年重点项目台账"),
        Row("序号", "项目名称", "项目代码", "总投资（亿元）", "年度计划投资（万元）", "业主单位", "责任单位",
            "联系市领导", "建设内容", "计划开工时间", "计划竣工时间", "项目类别", "专项", "行政区划"),
    ], LedgerFieldTable.Projects);

    private static object?[] Good() =>
        [1.0, "岷江大桥", "MJ-2020-001", "1.2345", "3,000", "市交投集团", "市交通局", "张三、李四",
         "全长1.2公里", "2020.3", "2022年6月", "交通", "重大基础设施", "岷江区"];

    private static LedgerResult<ProjectLedgerLine> Parse(object?[] cells, int row = 3) =>
        LedgerLines.ParseProject(Sheet, LedgerRows.Read(Header with { DataStartRow = row }, [cells]).Single(), 2020);

    private static object?[] With(params (int Column, object? Value)[] changes)
    {
        var cells = Good();
        foreach (var (c, v) in changes) cells[c] = v;
        return cells;
    }

    [Fact]
    public void ParseProject_GoodRow_EveryValueTyped()
    {
        var result = Parse(Good());

        Assert.Empty(result.Errors);
        Assert.Equal(new ProjectLedgerLine(3, "岷江大桥", "MJ-2020-001", new Money(123_450_000), new Money(30_000_000),
            "市交投集团", "市交通局", result.Line!.LeaderMentions, "全长1.2公里", new DateOnly(2020, 3, 1), new DateOnly(2022, 6, 30),
            "交通", "重大基础设施", "岷江区", null), result.Line);
        Assert.Equal(["张三", "李四"], result.Line.Leaders);
        Assert.Equal([new LeaderMention("张三", null), new LeaderMention("李四", null)], result.Line.LeaderMentions);
        Assert.True(result.Line.Opening.IsEmpty); // this header has no opening-balance columns
    }

    [Theory]
    [InlineData("张三、李四", new[] { "张三", "李四" })]
    [InlineData("张三，李四,王五", new[] { "张三", "李四", "王五" })]
    [InlineData("张三 李四", new[] { "张三", "李四" })]
    [InlineData("张三\n欧阳修", new[] { "张三", "欧阳修" })]
    [InlineData("张  三", new[] { "张三" })]
    [InlineData("张　三、李　四", new[] { "张三", "李四" })]
    public void SplitNames_Leaders(string written, string[] names) => Assert.Equal(names, LedgerLines.SplitNames(written));

    [Fact]
    public void ParseProject_EveryBadCellReported()
    {
        var result = Parse(With((1, " "), (3, "约1亿"), (9, "明年"), (10, "2022-02-30")));

        Assert.Null(result.Line);
        Assert.Equal(["B", "D", "J", "K"], result.Errors.Select(e => e.ColumnLetter));
        Assert.All(result.Errors, e => Assert.Equal(3, e.Row));
        Assert.Equal("约1亿", result.Errors[1].Value);
    }

    public static TheoryData<(int Column, object? Value)[], string, string, string> ErrorKinds => new()
    {
        { [(1, null)], "ledger.missing_value", "B", "“项目名称”不能为空" },
        { [(9, "明年")], "ledger.bad_date", "J", "日期无法识别，应写作 2020-06-30、2020/6/30、2020.6、2020年6月30日等" },
        { [(3, "约1亿")], "ledger.bad_number", "D", "金额无法识别，应为数字，如 1,234.5 或 3000万元" },
        { [(4, "-5")], "ledger.negative_amount", "E", "金额不能为负数" },
        { [(4, "0.00001")], "ledger.too_precise", "E", "金额精度超过 1 元" },
        { [(9, "2023-01-01")], "ledger.start_after_completion", "J", "计划开工时间晚于计划竣工时间" },
        { [(3, "0.1"), (4, "3000")], "ledger.annual_plan_above_total", "E", "年度计划投资大于总投资，请核对单位" },
    };

    [Theory]
    [MemberData(nameof(ErrorKinds))]
    public void ParseProject_ErrorKind_Message((int Column, object? Value)[] changes, string code, string letter, string message)
    {
        var error = Assert.Single(Parse(With(changes)).Errors);
        Assert.Equal(code, error.Kind.Code);
        Assert.Equal(letter, error.ColumnLetter);
        Assert.Equal(message, error.MessageZh);
        Assert.Equal(Sheet, error.Sheet);
    }

    [Fact]
    public void ParseProject_AnnualPlanAboveTotal_IsAWarningThatKeepsTheLine()
    {
        var result = Parse(With((3, "0.1"), (4, "3000")));
        Assert.NotNull(result.Line);
        Assert.True(Assert.Single(result.Errors).IsWarning);
    }

    [Fact]
    public void ParseProject_SectionAndBlanks()
    {
        var rows = LedgerRows.Read(Header with { DataStartRow = 3 },
            [Row("一、交通项目"), With((2, null), (3, "-"), (7, null), (9, null))]).Single();
        var line = LedgerLines.ParseProject(Sheet, rows, 2020).Line!;
        Assert.Equal(("交通项目", 4, (string?)null, (Money?)null), (line.Section, line.RowNumber, line.Code, line.TotalInvestment));
        Assert.Empty(line.Leaders);
        Assert.Null(line.PlannedStart);
    }

    [Fact]
    public void Duplicates_CodeAndNameWithinDivision()
    {
        var duplicates = new LedgerDuplicates(Sheet);
        var first = Parse(Good(), 3).Line!;
        var sameCode = Parse(With((1, "岷江二桥")), 4).Line!;
        var sameNameOtherDivision = Parse(With((2, "MJ-2020-002"), (13, "青城县")), 5).Line!;
        var sameNameSameDivision = Parse(With((2, "mj-2020-001")), 6).Line!;

        Assert.Empty(duplicates.Add(first, Header));
        var code = Assert.Single(duplicates.Add(sameCode, Header));
        Assert.Equal(("ledger.duplicate_code", "C", 4, "项目代码与第3行重复"), (code.Kind.Code, code.ColumnLetter, code.Row, code.MessageZh));
        Assert.Empty(duplicates.Add(sameNameOtherDivision, Header));
        var both = duplicates.Add(sameNameSameDivision, Header);
        Assert.Equal(["项目代码与第3行重复", "同一行政区划内项目名称与第3行重复"], both.Select(e => e.MessageZh));
        Assert.Equal("B", both[1].ColumnLetter);
    }

    private static readonly LedgerHeader ReportHeader = LedgerHeader.Find("月报",
        [Row("项目代码", "项目名称", "填报月份", "本月完成投资（万元）", "累计完成投资", "形象进度", "本月进展")], LedgerFieldTable.Reports);

    private static LedgerResult<MonthlyReportLine> ParseReport(params object?[] cells) =>
        LedgerLines.ParseReport("月报", LedgerRows.Read(ReportHeader, [cells]).Single(), 2020);

    [Fact]
    public void ParseReport_GoodRows()
    {
        var line = ParseReport("MJ-001", "岷江大桥", "5月", "１２０．５", "600", "45%", "桥墩施工").Line!;
        Assert.Equal(new MonthlyReportLine(2, "MJ-001", "岷江大桥", new YearMonth(2020, 5), new Money(1_205_000), new Money(6_000_000),
            45m, "45%", "桥墩施工"), line);

        var words = ParseReport(null, "岷江大桥", 43952.0, 0.0, null, "主体完工", null).Line!;
        Assert.Equal((new YearMonth(2020, 5), Money.Zero, (decimal?)null, "主体完工"), (words.Month, words.Completed, words.ProgressPercent, words.ProgressText));
    }

    [Fact]
    public void ParseReport_Errors()
    {
        var result = ParseReport(null, " ", "五月", null, "x", "150%", null);
        Assert.Null(result.Line);
        Assert.Equal(
            ["“项目代码或项目名称”不能为空", "月份无法识别，应写作 2020-05、2020年5月、2020.5 或 5月", "“本月完成投资”不能为空",
             "金额无法识别，应为数字，如 1,234.5 或 3000万元", "进度应为 0 到 100 之间的百分数"],
            result.Errors.Select(e => e.MessageZh));
        Assert.Equal(["A", "C", "D", "E", "F"], result.Errors.Select(e => e.ColumnLetter));
        Assert.Equal("“月份”不能为空", Assert.Single(ParseReport("MJ-001", null, null, 1.0, null, null, null).Errors).MessageZh);
    }

    [Fact]
    public void Duplicates_ReportSameProjectAndMonth()
    {
        var duplicates = new LedgerDuplicates("月报");
        var may = ParseReport("MJ-001", null, "2020-05", 1.0, null, null, null).Line!;
        Assert.Empty(duplicates.Add(may, ReportHeader));
        Assert.Empty(duplicates.Add(may with { Month = new YearMonth(2020, 6) }, ReportHeader));
        var again = Assert.Single(duplicates.Add(may with { RowNumber = 7 }, ReportHeader));
        Assert.Equal(("同一项目同一月份与第2行重复", "C"), (again.MessageZh, again.ColumnLetter));

        // By name, the division tells apart two projects of one name.
        var byName = may with { Code = null, Name = "医院", Division = "江城区" };
        Assert.Empty(duplicates.Add(byName, ReportHeader));
        Assert.Empty(duplicates.Add(byName with { Division = "青山县" }, ReportHeader));
        Assert.Single(duplicates.Add(byName with { RowNumber = 9 }, ReportHeader));
    }

    [Fact]
    public void ParseReport_ReadsTheReasonThePlanAndTheDivision()
    {
        var header = LedgerHeader.Find("月报", [Row("项目名称", "县（区）", "月份", "本月完成投资", "形象进度", "进度回退原因", "下月工作计划")], LedgerFieldTable.Reports);
        Assert.Empty(header.Errors);
        var line = LedgerLines.ParseReport("月报", LedgerRows.Read(header, [Row("医院", "江城区", "2020-05", 10.0, "30%", "返工", "主体封顶")]).Single(), 2020).Line!;
        Assert.Equal(("江城区", "返工", "主体封顶"), (line.Division, line.ProgressReason, line.NextMonthPlan));
    }

    [Fact]
    public void ErrorKinds_AllListedWithDistinctCodesAndBothLanguages()
    {
        Assert.Equal(LedgerErrorKinds.All.Count, LedgerErrorKinds.All.Select(k => k.Code).Distinct().Count());
        Assert.All(LedgerErrorKinds.All, k => Assert.False(string.IsNullOrWhiteSpace(k.MessageZh) || string.IsNullOrWhiteSpace(k.MessageEn)));
        Assert.Equal([LedgerErrorKinds.UnknownHeader, LedgerErrorKinds.AnnualPlanAboveTotal], LedgerErrorKinds.All.Where(k => k.IsWarning));
    }

    [Fact]
    public void Error_ToString_ReadsLikeAnExcelReference()
    {
        var error = new LedgerError("台账", 7, 27, "abc", LedgerErrorKinds.BadNumber);
        Assert.Equal("台账!AB7: 金额无法识别，应为数字，如 1,234.5 或 3000万元 [abc]", error.ToString());
    }
}
