using Milepost.Core.Ledger;

namespace Milepost.Core.Tests.Ledger;

public class LedgerHeaderTests
{
    private static IReadOnlyList<object?> Row(params object?[] cells) => cells;

    private static LedgerHeader Find(params IReadOnlyList<object?>[] rows) => LedgerHeader.Find("台账", rows, LedgerFieldTable.Projects);

    [Theory]
    [InlineData("项目名称", LedgerField.Name)]
    [InlineData("名称", LedgerField.Name)]
    [InlineData("Project name", LedgerField.Name)]
    [InlineData("PROJECT  NAME", LedgerField.Name)]
    [InlineData("项目\n名称", LedgerField.Name)]
    [InlineData("项目名称*", LedgerField.Name)]
    [InlineData("项目代码", LedgerField.Code)]
    [InlineData("代码", LedgerField.Code)]
    [InlineData("Project code", LedgerField.Code)]
    [InlineData("总投资（万元）", LedgerField.TotalInvestment)]
    [InlineData("总投资(亿元)", LedgerField.TotalInvestment)]
    [InlineData("总 投 资", LedgerField.TotalInvestment)]
    [InlineData("计划总投资", LedgerField.TotalInvestment)]
    [InlineData("Total investment", LedgerField.TotalInvestment)]
    [InlineData("年度计划投资", LedgerField.AnnualPlan)]
    [InlineData("2020年计划投资", LedgerField.AnnualPlan)]
    [InlineData("2020年度计划投资（万元）", LedgerField.AnnualPlan)]
    [InlineData("年度计划", LedgerField.AnnualPlan)]
    [InlineData("Annual plan", LedgerField.AnnualPlan)]
    [InlineData("业主单位", LedgerField.Owner)]
    [InlineData("建设单位", LedgerField.Owner)]
    [InlineData("Owner", LedgerField.Owner)]
    [InlineData("责任单位", LedgerField.ResponsibleUnit)]
    [InlineData("牵头单位", LedgerField.ResponsibleUnit)]
    [InlineData("Responsible unit", LedgerField.ResponsibleUnit)]
    [InlineData("联系市领导", LedgerField.Leader)]
    [InlineData("联系领导", LedgerField.Leader)]
    [InlineData("包联领导", LedgerField.Leader)]
    [InlineData("Leader", LedgerField.Leader)]
    [InlineData("建设内容", LedgerField.Content)]
    [InlineData("建设内容及规模", LedgerField.Content)]
    [InlineData("Content", LedgerField.Content)]
    [InlineData("计划开工时间", LedgerField.PlannedStart)]
    [InlineData("开工时间", LedgerField.PlannedStart)]
    [InlineData("Planned start", LedgerField.PlannedStart)]
    [InlineData("计划竣工时间", LedgerField.PlannedCompletion)]
    [InlineData("竣工时间", LedgerField.PlannedCompletion)]
    [InlineData("Planned completion", LedgerField.PlannedCompletion)]
    [InlineData("项目类别", LedgerField.Category)]
    [InlineData("行业类别", LedgerField.Category)]
    [InlineData("Category", LedgerField.Category)]
    [InlineData("专项", LedgerField.Programme)]
    [InlineData("板块", LedgerField.Programme)]
    [InlineData("Programme", LedgerField.Programme)]
    [InlineData("行政区划", LedgerField.Division)]
    [InlineData("所在地", LedgerField.Division)]
    [InlineData("县（区）", LedgerField.Division)]
    [InlineData("Division", LedgerField.Division)]
    [InlineData("序号", LedgerField.Ignored)]
    [InlineData("备注", LedgerField.Ignored)]
    public void Projects_Synonyms(string header, LedgerField field) =>
        Assert.Equal(field, LedgerFieldTable.Projects.Match(LedgerHeader.Normalise(header).Text));

    [Theory]
    [InlineData("项目代码", LedgerField.Code)]
    [InlineData("项目名称", LedgerField.Name)]
    [InlineData("月份", LedgerField.Month)]
    [InlineData("填报月份", LedgerField.Month)]
    [InlineData("本月完成投资（万元）", LedgerField.MonthCompleted)]
    [InlineData("当月完成投资", LedgerField.MonthCompleted)]
    [InlineData("累计完成投资", LedgerField.CumulativeCompleted)]
    [InlineData("形象进度", LedgerField.PhysicalProgress)]
    [InlineData("工程形象进度", LedgerField.PhysicalProgress)]
    [InlineData("进展情况", LedgerField.Narrative)]
    [InlineData("本月进展", LedgerField.Narrative)]
    public void Reports_Synonyms(string header, LedgerField field) =>
        Assert.Equal(field, LedgerFieldTable.Reports.Match(LedgerHeader.Normalise(header).Text));

    [Theory]
    [InlineData("总投资（元）", MoneyUnit.Yuan)]
    [InlineData("总投资（万元）", MoneyUnit.Wan)]
    [InlineData("总投资(亿元)", MoneyUnit.Yi)]
    [InlineData("总投资（单位：亿元）", MoneyUnit.Yi)]
    [InlineData("总投资\n（亿元）", MoneyUnit.Yi)]
    public void Normalise_ReadsTheUnit(string header, MoneyUnit unit) => Assert.Equal(unit, LedgerHeader.Normalise(header).Unit);

    [Fact]
    public void Find_BelowTitleRows_ReadsTheSheetUnitAndYear()
    {
        var header = Find(
            Row("岷江市2020年重点项目台账", null, null, null),
            Row("填报单位：市发改委", null, "单位：亿元", null),
            Row("序号", "项目名称", "总投资", "年度计划投资（万元）"));

        Assert.Equal(3, header.HeaderRow);
        Assert.Equal(4, header.DataStartRow);
        Assert.Equal(2020, header.TitleYear);
        Assert.Empty(header.Errors);
        Assert.Equal(1, header.ColumnOf(LedgerField.Name)!.Index);
        Assert.Equal(MoneyUnit.Yi, header.ColumnOf(LedgerField.TotalInvestment)!.Unit); // from the title line
        Assert.Equal(MoneyUnit.Wan, header.ColumnOf(LedgerField.AnnualPlan)!.Unit);    // its own header wins
    }

    [Fact]
    public void Find_NoUnitAnywhere_Wan()
    {
        var header = Find(Row("项目名称", "总投资"));
        Assert.Equal(1, header.HeaderRow);
        Assert.Equal(MoneyUnit.Wan, header.ColumnOf(LedgerField.TotalInvestment)!.Unit);
        Assert.Null(header.TitleYear);
    }

    [Fact]
    public void Find_TwoRowHeader_DatesUnderAParent()
    {
        var header = Find(
            Row("2020年重点项目台账", null, null, null, null),
            Row("序号", "项目名称", "总投资（亿元）", "建设年限", null),
            Row(null, null, null, "计划开工时间", "计划竣工时间"),
            Row(1.0, "岷江大桥", 12.5, "2020.3", "2022.12"));

        Assert.Equal(2, header.HeaderRow);
        Assert.Equal(4, header.DataStartRow);
        Assert.Equal(3, header.ColumnOf(LedgerField.PlannedStart)!.Index);
        Assert.Equal(4, header.ColumnOf(LedgerField.PlannedCompletion)!.Index);
        Assert.Equal(MoneyUnit.Yi, header.ColumnOf(LedgerField.TotalInvestment)!.Unit);
        Assert.Equal("建设年限/计划开工时间", header.ColumnOf(LedgerField.PlannedStart)!.Text);
    }

    [Fact]
    public void Find_TwoRowHeader_TotalUnderAParentAndFundingSourcesBeside()
    {
        var header = Find(
            Row("序号", "项目名称", "总投资（万元）", null, null, "年度计划投资"),
            Row(null, null, "合计", "其中：中央资金", "省级资金", null));

        Assert.Equal(3, header.DataStartRow);
        var total = header.ColumnOf(LedgerField.TotalInvestment)!;
        Assert.Equal(2, total.Index);
        Assert.Equal("总投资（万元）/合计", total.Text);
        Assert.Equal(MoneyUnit.Wan, total.Unit);
        Assert.Equal(5, header.ColumnOf(LedgerField.AnnualPlan)!.Index);
        // The funding sources are not ledger fields: shown as warnings, the sheet still reads.
        Assert.Equal(["D", "E"], header.Errors.Select(e => e.ColumnLetter));
        Assert.All(header.Errors, e => Assert.Equal(LedgerErrorKinds.UnknownHeader, e.Kind));
        Assert.True(header.IsUsable);
    }

    [Fact]
    public void Find_TwoRowReportHeader_ParentAndChildJoined()
    {
        var header = LedgerHeader.Find("月报",
        [
            Row("项目代码", "月份", "完成投资（亿元）", null, "形象进度"),
            Row(null, null, "本月", "累计", null),
        ], LedgerFieldTable.Reports);

        Assert.Empty(header.Errors);
        Assert.Equal((2, MoneyUnit.Yi), (header.ColumnOf(LedgerField.MonthCompleted)!.Index, header.ColumnOf(LedgerField.MonthCompleted)!.Unit));
        Assert.Equal((3, MoneyUnit.Yi), (header.ColumnOf(LedgerField.CumulativeCompleted)!.Index, header.ColumnOf(LedgerField.CumulativeCompleted)!.Unit));
    }

    [Fact]
    public void Find_TwoRowHeader_StartAndCompletionUnderConstructionPeriod()
    {
        var header = Find(Row("项目名称", "建设年限", null), Row(null, "开工", "竣工"));
        Assert.Equal((1, 2), (header.ColumnOf(LedgerField.PlannedStart)!.Index, header.ColumnOf(LedgerField.PlannedCompletion)!.Index));
    }

    [Fact]
    public void Find_FirstDataRowIsNotTakenForASecondHeaderRow()
    {
        var header = Find(
            Row("项目名称", "业主单位", "总投资"),
            Row("岷江大桥", "市交投集团", 1200.0));
        Assert.Equal(2, header.DataStartRow);
    }

    [Fact]
    public void Find_AllTextDataRowUnderABlankHeaderCell_IsStillData()
    {
        // A blank header column and a first project with no figures yet: it names a project, so it is data.
        var header = Find(
            Row("项目名称", null, "责任单位"),
            Row("岷江大桥", "待定", "市交通局"));
        Assert.Equal(2, header.DataStartRow);
    }

    [Fact]
    public void Find_DuplicateHeader_Error()
    {
        var header = Find(Row("项目名称", "总投资（万元）", "计划总投资"));
        var error = Assert.Single(header.Errors);
        Assert.Equal(LedgerErrorKinds.DuplicateHeader, error.Kind);
        Assert.Equal("C", error.ColumnLetter);
        Assert.Equal("列“计划总投资”与第B列重复", error.MessageZh);
        Assert.False(header.IsUsable);
    }

    [Fact]
    public void Find_MissingName_Error()
    {
        var header = Find(Row("项目代码", "总投资", "责任单位"));
        var error = Assert.Single(header.Errors);
        Assert.Equal(LedgerErrorKinds.MissingHeader, error.Kind);
        Assert.Equal("缺少必填列“项目名称”", error.MessageZh);
        Assert.Equal("Required column \"项目名称\" is missing", error.MessageEn);
    }

    [Fact]
    public void Find_UnknownHeader_Warning()
    {
        var header = Find(Row("项目名称", "总投资", "联系电话"));
        var error = Assert.Single(header.Errors);
        Assert.Equal("无法识别的列“联系电话”，已忽略", error.MessageZh);
        Assert.True(error.IsWarning);
        Assert.True(header.IsUsable);
    }

    [Fact]
    public void Find_NoHeader_Error()
    {
        var header = Find(Row("岷江市重点项目台账"), Row("某某", 1.0));
        var error = Assert.Single(header.Errors);
        Assert.Equal("未找到表头行（应包含“项目名称”等列）", error.MessageZh);
        Assert.Equal(0, header.HeaderRow);
    }

    [Fact]
    public void Find_Reports_NeedCodeOrName()
    {
        var ok = LedgerHeader.Find("月报", [Row("项目代码", "月份", "本月完成投资")], LedgerFieldTable.Reports);
        Assert.Empty(ok.Errors);
        var bad = LedgerHeader.Find("月报", [Row("月份", "本月完成投资", "形象进度")], LedgerFieldTable.Reports);
        Assert.Equal("缺少必填列“项目代码或项目名称”", Assert.Single(bad.Errors).MessageZh);
    }
}
