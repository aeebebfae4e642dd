using Milepost.Core.Indicators;
using Milepost.Core.Warnings;

namespace Milepost.Core.Tests.Warnings;

public class WarningRulesTests
{
    // T = 15 April 2024: the last closed month is March 2024, its report due on 5 April.
    private static readonly DateOnly T = new(2024, 4, 15);
    private static readonly DateOnly Due = new(2024, 4, 5);
    private static readonly YearMonth March = new(2024, 3);

    /// <summary>A March report submitted on time, so that only the rule under test can trip.</summary>
    private static readonly ReportFigure OnTimeMarch = new(March, Money.FromWan(100m), 10m, Approved: true, SubmittedOn: Due);

    private static WarningFacts Facts(
        decimal? lag = null, WarningNode[]? nodes = null, WarningProblem[]? problems = null, ReportFigure[]? reports = null, bool reportRequired = true) =>
        new(lag, nodes ?? [], problems ?? [], reports ?? [OnTimeMarch], reportRequired);

    private static WarningResult Eval(WarningFacts facts, DateOnly? asOf = null, WarningSettings? settings = null) =>
        WarningRules.Evaluate(facts, asOf ?? T, settings ?? WarningSettings.Default);

    [Theory]
    [InlineData("-25", "lag.red")]
    [InlineData("-20.01", "lag.red")]     // just beyond the red threshold
    [InlineData("-20", "lag.red")]        // at it: ≤ −20 is red
    [InlineData("-19.99", "lag")]         // just short of it: yellow
    [InlineData("-10.01", "lag")]
    [InlineData("-10", "lag")]            // at the yellow threshold: ≤ −10 is yellow
    [InlineData("-9.99", null)]
    [InlineData("0", null)]
    [InlineData("12.5", null)]            // ahead of the plan
    public void Lag_Thresholds(string lagText, string? rule)
    {
        var lag = decimal.Parse(lagText, System.Globalization.CultureInfo.InvariantCulture);

        var result = Eval(Facts(lag: lag));

        AssertSingleOrNone(result, rule);
        if (rule is null) return;
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(lag, reason.Numbers[WarningNumbers.LagPoints]);
        Assert.Equal(rule == "lag.red" ? -20m : -10m, reason.Numbers[WarningNumbers.Threshold]);
    }

    [Fact]
    public void Lag_Undefined_NoReason()
    {
        Assert.Equal(WarningResult.Green, Eval(Facts(lag: null)));
    }

    [Fact]
    public void Lag_Messages()
    {
        var red = Assert.Single(Eval(Facts(lag: -23.5m)).Reasons);
        Assert.Equal("序时进度滞后 23.5 个百分点（红色预警阈值 20）", red.MessageZh);
        Assert.Equal("Behind the time-elapsed expectation by 23.5 percentage points (red threshold 20)", red.MessageEn);

        var yellow = Assert.Single(Eval(Facts(lag: -12m)).Reasons);
        Assert.Equal("序时进度滞后 12.0 个百分点（黄色预警阈值 10）", yellow.MessageZh);
    }

    [Theory]
    [InlineData(-45, "node.overdue.red", WarningLevel.Red)]
    [InlineData(-31, "node.overdue.red", WarningLevel.Red)]    // 31 days overdue: more than 30
    [InlineData(-30, "node.overdue", WarningLevel.Yellow)]     // exactly 30: not yet red
    [InlineData(-29, "node.overdue", WarningLevel.Yellow)]
    [InlineData(-1, "node.overdue", WarningLevel.Yellow)]      // planned finish yesterday: 1 day overdue
    [InlineData(0, "node.due-soon", WarningLevel.Yellow)]      // planned finish today: due, not overdue
    [InlineData(6, "node.due-soon", WarningLevel.Yellow)]
    [InlineData(7, "node.due-soon", WarningLevel.Yellow)]      // T + 7: still within 7 days
    [InlineData(8, null, WarningLevel.Green)]                  // T + 8: not yet
    public void Node_NotFinished_Thresholds(int plannedFinishFromT, string? rule, WarningLevel level)
    {
        var planned = T.AddDays(plannedFinishFromT);

        var result = Eval(Facts(nodes: [new(42, "施工许可", planned, null)]));

        AssertSingleOrNone(result, rule);
        Assert.Equal(level, result.Level);
        if (rule is null) return;
        var n = Assert.Single(result.Reasons).Numbers;
        Assert.Equal(42m, n[WarningNumbers.NodeId]);
        Assert.Equal(planned.Year * 10000 + planned.Month * 100 + planned.Day, n[WarningNumbers.PlannedFinish]);
        if (plannedFinishFromT < 0) Assert.Equal(-plannedFinishFromT, n[WarningNumbers.DaysOverdue]);
        else Assert.Equal(plannedFinishFromT, n[WarningNumbers.DaysLeft]);
    }

    [Theory]
    [InlineData(-40, -1)]    // finished late but finished: no warning
    [InlineData(-40, -40)]
    [InlineData(3, 0)]       // finished today, early
    [InlineData(-35, 0)]     // finished today
    public void Node_Finished_NoWarning(int plannedFromT, int actualFromT)
    {
        Assert.Equal(WarningResult.Green, Eval(Facts(nodes: [new(1, "主体封顶", T.AddDays(plannedFromT), T.AddDays(actualFromT))])));
    }

    [Fact]
    public void Node_ActualFinishAfterT_CountsAsNotFinishedThen()
    {
        var result = Eval(Facts(nodes: [new(1, "主体封顶", T.AddDays(-31), T.AddDays(1))]));

        Assert.Equal("node.overdue.red", Assert.Single(result.Reasons).RuleId);
    }

    [Fact]
    public void Node_WithoutPlannedFinish_NoWarning()
    {
        Assert.Equal(WarningResult.Green, Eval(Facts(nodes: [new(1, "其他", null, null)])));
    }

    [Fact]
    public void Node_Messages()
    {
        var red = Assert.Single(Eval(Facts(nodes: [new(7, "施工许可", T.AddDays(-35), null)])).Reasons);
        Assert.StartsWith("节点“施工许可”已逾期 35 天", red.MessageZh);
        Assert.Contains("35 days overdue", red.MessageEn);
        Assert.Equal("施工许可", red.Subject);

        var yellow = Assert.Single(Eval(Facts(nodes: [new(7, "施工许可", T.AddDays(-1), null)])).Reasons);
        Assert.Equal("节点“施工许可”已逾期 1 天（计划 2024-04-14 完成）", yellow.MessageZh);
        Assert.Equal("Node “施工许可” is 1 day overdue (planned to finish 2024-04-14)", yellow.MessageEn);

        var soon = Assert.Single(Eval(Facts(nodes: [new(7, "施工许可", T.AddDays(3), null)])).Reasons);
        Assert.Equal("节点“施工许可”将于 3 天后（2024-04-18）到期，尚未完成", soon.MessageZh);

        var today = Assert.Single(Eval(Facts(nodes: [new(7, "施工许可", T, null)])).Reasons);
        Assert.Equal("节点“施工许可”今天（2024-04-15）到期，尚未完成", today.MessageZh);
    }

    [Theory]
    [InlineData(-30, "problem.overdue.red", WarningLevel.Red)]
    [InlineData(-16, "problem.overdue.red", WarningLevel.Red)]   // 16 days past: more than 15
    [InlineData(-15, "problem.overdue", WarningLevel.Yellow)]    // exactly 15: not yet red
    [InlineData(-14, "problem.overdue", WarningLevel.Yellow)]
    [InlineData(-1, "problem.overdue", WarningLevel.Yellow)]     // deadline yesterday
    [InlineData(0, null, WarningLevel.Green)]                    // deadline today: not past it
    [InlineData(5, null, WarningLevel.Green)]
    public void Problem_Open_Thresholds(int deadlineFromT, string? rule, WarningLevel level)
    {
        var result = Eval(Facts(problems: [new(9, "征地拆迁补偿款未到位", T.AddDays(deadlineFromT), IsOpen: true)]));

        AssertSingleOrNone(result, rule);
        Assert.Equal(level, result.Level);
        if (rule is null) return;
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(9m, reason.Numbers[WarningNumbers.ProblemId]);
        Assert.Equal(-deadlineFromT, reason.Numbers[WarningNumbers.DaysOverdue]);
        Assert.Contains($"已超过办结时限 {-deadlineFromT} 天", reason.MessageZh);
        Assert.Equal("征地拆迁补偿款未到位", reason.Subject);
    }

    [Fact]
    public void Problem_ClosedOrWithoutDeadline_NoWarning()
    {
        var result = Eval(Facts(problems: [new(1, "已解决", T.AddDays(-40), IsOpen: false), new(2, "无时限", null, IsOpen: true)]));

        Assert.Equal(WarningResult.Green, result);
    }

    [Fact]
    public void Problem_LongTitle_CutInMessages()
    {
        var title = new string('问', 40);

        var reason = Assert.Single(Eval(Facts(problems: [new(1, title, T.AddDays(-2), true)])).Reasons);

        Assert.Contains(new string('问', 30) + "…”", reason.MessageZh);
        Assert.DoesNotContain(new string('问', 31), reason.MessageZh);
    }

    [Theory]
    [InlineData(4, null)]                           // before the due date
    [InlineData(5, null)]                           // on the due date: not yet missing
    [InlineData(6, "report.late-or-missing")]       // 1 day past
    [InlineData(14, "report.late-or-missing")]
    [InlineData(15, "report.late-or-missing")]      // due + 10: not yet red
    [InlineData(16, "report.missing.red")]          // due + 11: more than 10 days
    [InlineData(30, "report.missing.red")]
    public void Report_Missing_Thresholds(int aprilDay, string? rule)
    {
        var asOf = new DateOnly(2024, 4, aprilDay);

        var result = Eval(Facts(reports: []), asOf);

        AssertSingleOrNone(result, rule);
        if (rule is null) return;
        var n = Assert.Single(result.Reasons).Numbers;
        Assert.Equal(202403m, n[WarningNumbers.Month]);
        Assert.Equal(20240405m, n[WarningNumbers.DueDate]);
        Assert.Equal(aprilDay - 5, n[WarningNumbers.DaysPastDue]);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(5, null)]                         // on the due date: on time
    [InlineData(6, "report.late-or-missing")]     // a day after: late
    [InlineData(25, "report.late-or-missing")]    // 20 days late is still only yellow: it is not missing
    public void Report_Submitted_LateOrOnTime(int submittedAprilDay, string? rule)
    {
        var submitted = new DateOnly(2024, 4, submittedAprilDay);
        var report = new ReportFigure(March, Money.FromWan(1m), 1m, Approved: false, SubmittedOn: submitted);

        var result = Eval(Facts(reports: [report]), new DateOnly(2024, 4, 28));

        AssertSingleOrNone(result, rule);
        if (rule is null) return;
        Assert.Equal(WarningLevel.Yellow, result.Level);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(submittedAprilDay - 5, reason.Numbers[WarningNumbers.DaysLate]);
        Assert.Equal(20240400m + submittedAprilDay, reason.Numbers[WarningNumbers.SubmittedOn]);
    }

    [Fact]
    public void Report_Messages()
    {
        var red = Assert.Single(Eval(Facts(reports: []), new DateOnly(2024, 4, 17)).Reasons);
        Assert.Equal("2024年3月月报未报送，已超过报送期限（2024-04-05）12 天（超过 10 天为红色预警）", red.MessageZh);
        Assert.Equal("The report for 2024-03 is missing, 12 days after its due date 2024-04-05 (red after 10 days)", red.MessageEn);

        var late = new ReportFigure(March, Money.FromWan(1m), 1m, Approved: true, SubmittedOn: new DateOnly(2024, 4, 7));
        var yellow = Assert.Single(Eval(Facts(reports: [late])).Reasons);
        Assert.Equal("2024年3月月报迟报 2 天（报送期限 2024-04-05，2024-04-07 报送）", yellow.MessageZh);
    }

    [Fact]
    public void Report_OnlyDraftOrOtherMonths_IsMissing()
    {
        var draft = new ReportFigure(March, Money.FromWan(1m), 1m, Approved: false, SubmittedOn: null);
        var february = new ReportFigure(new YearMonth(2024, 2), Money.FromWan(1m), 1m, Approved: true, SubmittedOn: new DateOnly(2024, 3, 1));

        var result = Eval(Facts(reports: [draft, february]), new DateOnly(2024, 4, 20));

        Assert.Equal("report.missing.red", Assert.Single(result.Reasons).RuleId);
    }

    [Fact]
    public void Report_FirstSubmissionDecides_ACorrectionLaterIsNotLate()
    {
        var first = new ReportFigure(March, Money.FromWan(1m), 1m, Approved: true, SubmittedOn: new DateOnly(2024, 4, 3));
        var correction = new ReportFigure(March, Money.FromWan(2m), 1m, Approved: false, SubmittedOn: new DateOnly(2024, 4, 12), Revision: 2);

        Assert.Equal(WarningResult.Green, Eval(Facts(reports: [correction, first])));
    }

    [Fact]
    public void Report_ApprovedWithoutDate_CountsAsSubmitted()
    {
        var approved = new ReportFigure(March, Money.FromWan(1m), 1m, Approved: true, SubmittedOn: null);

        Assert.Equal(WarningResult.Green, Eval(Facts(reports: [approved]), new DateOnly(2024, 4, 30)));
    }

    [Fact]
    public void Report_NotRequired_NoWarning()
    {
        Assert.Equal(WarningResult.Green, Eval(Facts(reports: [], reportRequired: false), new DateOnly(2024, 4, 30)));
    }

    [Theory]
    [InlineData(2025, 1, 15, 202412, "report.late-or-missing")]   // January: last December's report, due 5 January, 10 days past
    [InlineData(2025, 1, 16, 202412, "report.missing.red")]
    [InlineData(2024, 3, 6, 202402, "report.late-or-missing")]
    public void Report_LastClosedMonth_IsTheMonthBeforeT(int y, int m, int d, int month, string rule)
    {
        var result = Eval(Facts(reports: []), new DateOnly(y, m, d));

        AssertSingleOrNone(result, rule);
        Assert.Equal(month, result.Reasons[0].Numbers[WarningNumbers.Month]);
    }

    [Fact]
    public void Report_DecemberSubmittedInJanuaryOnTime_NoWarning()
    {
        var december = new ReportFigure(new YearMonth(2024, 12), Money.FromWan(1m), 1m, Approved: false, SubmittedOn: new DateOnly(2025, 1, 5));

        Assert.Equal(WarningResult.Green, Eval(Facts(reports: [december]), new DateOnly(2025, 1, 31)));
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(11, "report.late-or-missing")]
    public void Report_DueDayFromSettings(int aprilDay, string? rule)
    {
        var settings = WarningSettings.Default with { ReportDueDay = 10 };

        AssertSingleOrNone(Eval(Facts(reports: []), new DateOnly(2024, 4, aprilDay), settings), rule);
    }

    [Fact]
    public void Thresholds_FromSettings()
    {
        var settings = new WarningSettings
        {
            RedLagPoints = -30, YellowLagPoints = -5, RedNodeOverdueDays = 10, DueSoonDays = 3, RedProblemOverdueDays = 2, RedReportMissingDays = 1,
        };

        Assert.Equal("lag", Assert.Single(Eval(Facts(lag: -29m), settings: settings).Reasons).RuleId);
        Assert.Equal("lag", Assert.Single(Eval(Facts(lag: -5m), settings: settings).Reasons).RuleId);
        Assert.Equal("lag.red", Assert.Single(Eval(Facts(lag: -30m), settings: settings).Reasons).RuleId);
        Assert.Equal("node.overdue.red", Assert.Single(Eval(Facts(nodes: [new(1, "a", T.AddDays(-11), null)]), settings: settings).Reasons).RuleId);
        Assert.Equal("node.overdue", Assert.Single(Eval(Facts(nodes: [new(1, "a", T.AddDays(-10), null)]), settings: settings).Reasons).RuleId);
        Assert.Equal(WarningResult.Green, Eval(Facts(nodes: [new(1, "a", T.AddDays(4), null)]), settings: settings));
        Assert.Equal("problem.overdue.red", Assert.Single(Eval(Facts(problems: [new(1, "p", T.AddDays(-3), true)]), settings: settings).Reasons).RuleId);
        Assert.Equal("report.missing.red", Assert.Single(Eval(Facts(reports: []), new DateOnly(2024, 4, 7), settings).Reasons).RuleId);
    }

    [Theory]
    [InlineData(-10, -20, 30, 5)]    // red above yellow
    [InlineData(5, -20, 30, 5)]      // a yellow threshold ahead of the plan
    [InlineData(-20, -10, -1, 5)]    // negative days
    [InlineData(-20, -10, 30, 0)]    // due day 0
    [InlineData(-20, -10, 30, 29)]   // due day that February lacks
    public void Settings_Contradictory_Refused(int red, int yellow, int nodeDays, int dueDay)
    {
        var settings = new WarningSettings { RedLagPoints = red, YellowLagPoints = yellow, RedNodeOverdueDays = nodeDays, ReportDueDay = dueDay };

        Assert.Throws<ArgumentException>(() => Eval(Facts(), settings: settings));
    }

    [Fact]
    public void Settings_DefaultsAreTheSpecs()
    {
        var s = new WarningSettings();

        Assert.Equal((-20m, -10m, 30, 7, 15, 10, 5),
            (s.RedLagPoints, s.YellowLagPoints, s.RedNodeOverdueDays, s.DueSoonDays, s.RedProblemOverdueDays, s.RedReportMissingDays, s.ReportDueDay));
    }

    [Fact]
    public void SeveralReasons_AllListed_RedFirst_OnePerSubject()
    {
        var facts = Facts(
            lag: -25m,
            nodes:
            [
                new(1, "用地预审", T.AddDays(-35), null),    // red (not also listed as yellow)
                new(2, "施工许可", T.AddDays(-3), null),     // yellow overdue
                new(3, "主体封顶", T.AddDays(2), null),      // yellow due soon
                new(4, "竣工验收", T.AddDays(60), null),     // nothing
            ],
            problems: [new(5, "资金未到位", T.AddDays(-20), true), new(6, "管线迁改", T.AddDays(-1), true)],
            reports: []);

        var result = Eval(facts, new DateOnly(2024, 4, 15));   // report missing 10 days: yellow

        Assert.Equal(WarningLevel.Red, result.Level);
        Assert.Equal(
            ["lag.red", "node.overdue.red", "problem.overdue.red", "node.overdue", "node.due-soon", "problem.overdue", "report.late-or-missing"],
            result.Reasons.Select(r => r.RuleId));
        Assert.Equal([WarningLevel.Red, WarningLevel.Red, WarningLevel.Red, WarningLevel.Yellow, WarningLevel.Yellow, WarningLevel.Yellow, WarningLevel.Yellow],
            result.Reasons.Select(r => r.Level));
    }

    [Fact]
    public void OnlyYellowReasons_Yellow()
    {
        var result = Eval(Facts(lag: -15m, nodes: [new(1, "a", T.AddDays(-30), null)]));

        Assert.Equal(WarningLevel.Yellow, result.Level);
        Assert.Equal(["lag", "node.overdue"], result.Reasons.Select(r => r.RuleId));
    }

    [Fact]
    public void NothingTrips_GreenWithNoReasons()
    {
        var result = Eval(Facts(
            lag: -9.99m,
            nodes: [new(1, "a", T.AddDays(8), null), new(2, "b", T.AddDays(-40), T.AddDays(-39))],
            problems: [new(3, "c", T, true)]));

        Assert.Equal(WarningLevel.Green, result.Level);
        Assert.Empty(result.Reasons);
    }

    private static void AssertSingleOrNone(WarningResult result, string? rule)
    {
        if (rule is null)
        {
            Assert.Equal(WarningLevel.Green, result.Level);
            Assert.Empty(result.Reasons);
            return;
        }
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(rule, reason.RuleId);
        Assert.Equal(rule.EndsWith(".red", StringComparison.Ordinal) ? WarningLevel.Red : WarningLevel.Yellow, reason.Level);
        Assert.Equal(reason.Level, result.Level);
    }
}
