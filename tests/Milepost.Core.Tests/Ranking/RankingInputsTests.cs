using Milepost.Core.Indicators;
using Milepost.Core.Ranking;
using static Milepost.Core.Tests.Indicators.IndicatorTestData;

namespace Milepost.Core.Tests.Ranking;

/// <summary>
/// <see cref="RankingInputs.From"/>: the month's report on time / late / missing as of the day the list is read,
/// missing months in a row within the year, and the node most overdue at the end of the month.
/// Month m is May 2024; its report is due on 10 June.
/// </summary>
public class RankingInputsTests
{
    private static readonly YearMonth May = M(5);
    private static readonly DateOnly AsOf = new(Y, 6, 20);
    private const int DueDay = 10;

    private static RankingInput From(IReadOnlyList<ReportFigure>? reports = null, IReadOnlyList<VetoNode>? nodes = null,
        YearMonth? month = null, DateOnly? asOf = null, decimal planWan = 1_200m, bool cancelled = false) =>
        RankingInputs.From(Facts(planWan: planWan, reports: reports ?? AllBefore(month ?? May)), "2024-510100-01", "岷江大道快速通道",
            3, "市交通运输局", nodes ?? [], month ?? May, asOf ?? AsOf, DueDay, cancelled);

    /// <summary>On-time reports of every month of the year before <paramref name="month"/>.</summary>
    private static List<ReportFigure> AllBefore(YearMonth month) =>
        Enumerable.Range(1, month.Month - 1).Select(m => Approved(m, 100)).ToList();

    private static ReportFigure Report(DateOnly? submitted, bool approved = false, int month = 5, int revision = 1) =>
        new(M(month), Wan(100), 0, approved, submitted, revision);

    [Fact]
    public void DueDate_DayOfNextMonth()
    {
        Assert.Equal(new DateOnly(Y, 6, 10), RankingInputs.DueDate(May, DueDay));
        Assert.Equal(new DateOnly(Y + 1, 1, 10), RankingInputs.DueDate(M(12), DueDay));
    }

    [Theory]
    [InlineData("2024-06-03", false, ReportTimeliness.OnTime)]
    [InlineData("2024-06-10", false, ReportTimeliness.OnTime)]    // on the due date
    [InlineData("2024-06-11", true, ReportTimeliness.Late)]       // the day after, even when approved since
    [InlineData("2024-06-20", false, ReportTimeliness.Late)]      // on the day the list is read
    [InlineData("2024-06-21", false, ReportTimeliness.Missing)]   // after the list was read: had not happened yet
    [InlineData(null, true, ReportTimeliness.OnTime)]             // approved without a date: nothing to be late by
    [InlineData(null, false, ReportTimeliness.Missing)]           // a draft is not a report
    public void From_MonthsReport_TimelinessAsOfReadingDay(string? submitted, bool approved, ReportTimeliness expected)
    {
        var day = submitted is null ? (DateOnly?)null : DateOnly.Parse(submitted, System.Globalization.CultureInfo.InvariantCulture);

        var input = From([.. AllBefore(May), Report(day, approved)]);

        Assert.Equal(expected, input.Report);
        Assert.Equal(expected == ReportTimeliness.Missing ? null : day ?? new DateOnly(Y, 6, 1), input.ReportSubmittedOn);
    }

    [Fact]
    public void From_Resubmission_FirstSubmissionCounts()
    {
        var input = From([.. AllBefore(May), Report(new(Y, 6, 25), revision: 2), Report(new(Y, 6, 9), revision: 1)], asOf: new(Y, 6, 30));

        Assert.Equal((ReportTimeliness.OnTime, (DateOnly?)new DateOnly(Y, 6, 9)), (input.Report, input.ReportSubmittedOn));
    }

    [Theory]
    [InlineData(5, new[] { 1, 2, 3, 4, 5 }, 0)]
    [InlineData(5, new[] { 1, 2, 3, 5 }, 0)]       // counted back from m: April's gap is not "in a row" up to May
    [InlineData(5, new[] { 1, 2, 3, 4 }, 1)]
    [InlineData(5, new[] { 1, 2, 3 }, 2)]          // April and May: veto
    [InlineData(5, new int[0], 5)]
    [InlineData(2, new int[0], 2)]                 // stops at January: last December is another year
    [InlineData(1, new int[0], 1)]
    public void From_MissingMonthsInRow_CountedBackWithinTheYear(int month, int[] reported, int missing)
    {
        // Last December is missing too; it must not be counted.
        var input = From(reported.Select(m => Approved(m, 100)).ToList(), month: M(month), asOf: M(month).Next().LastDay);

        Assert.Equal(missing, input.MissingMonthsInRow);
        Assert.Equal(missing >= 2, RankingCalculator.Score(input, RankingSettings.Default).Vetoes.Any(v => v.Rule == RankingCalculator.VetoReportsMissing));
    }

    [Fact]
    public void From_EarlierMonthSubmittedAfterReadingDay_CountsAsMissing()
    {
        var input = From([Approved(1, 100), Approved(2, 100), Approved(3, 100), Report(new(Y, 6, 25), month: 4)]);

        Assert.Equal(2, input.MissingMonthsInRow);   // April's report came in after 20 June; May has none
    }

    [Theory]
    // planned finish, actual finish → most overdue days at 31 May (0 = none)
    [InlineData("2024-04-01", null, 60)]            // 60 days: no veto
    [InlineData("2024-03-31", null, 61)]            // 61 days: veto
    [InlineData("2024-03-31", "2024-06-05", 61)]    // finished after the month end: overdue at the month end
    [InlineData("2024-03-31", "2024-05-31", 0)]     // finished by the month end
    [InlineData("2024-05-31", null, 0)]             // due on the last day: not overdue yet
    [InlineData("2024-05-30", null, 1)]
    [InlineData("2024-06-15", null, 0)]
    [InlineData(null, null, 0)]                     // no planned finish: never due
    public void From_NodeOverdue_DaysFromPlannedFinishToMonthEnd(string? planned, string? actual, int days)
    {
        var input = From(nodes: [new VetoNode("主体结构封顶", Day(planned), Day(actual))]);

        Assert.Equal(days, input.MostOverdueDays);
        Assert.Equal(days > 0 ? "主体结构封顶" : null, input.MostOverdueNode);
        Assert.Equal(days > 60, RankingCalculator.Score(input, RankingSettings.Default).Vetoes.Any(v => v.Rule == RankingCalculator.VetoNodeOverdue));
    }

    [Fact]
    public void From_SeveralOverdueNodes_MostOverdueNamed()
    {
        var input = From(nodes:
        [
            new VetoNode("施工许可", new(Y, 4, 20), null),
            new VetoNode("征地拆迁完成", new(Y, 2, 15), new(Y, 7, 1)),
            new VetoNode("可研批复", new(Y, 1, 10), new(Y, 1, 9)),
        ]);

        Assert.Equal(("征地拆迁完成", 106), (input.MostOverdueNode, input.MostOverdueDays));
    }

    [Theory]
    [InlineData(0, false, false)]
    [InlineData(1_200, true, false)]
    [InlineData(1_200, false, true)]
    public void From_PlanAndCancelled_Eligibility(int planWan, bool cancelled, bool eligible)
    {
        var input = From(planWan: planWan, cancelled: cancelled);

        Assert.Equal(eligible, input.Eligible);
        Assert.Equal(("2024-510100-01", "岷江大道快速通道", 3L, "市交通运输局"), (input.Code, input.Name, input.UnitId, input.UnitName));
    }

    private static DateOnly? Day(string? s) => s is null ? null : DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
}
