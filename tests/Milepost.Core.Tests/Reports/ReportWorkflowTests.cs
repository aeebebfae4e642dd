using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Reports;

namespace Milepost.Core.Tests.Reports;

public class ReportWorkflowTests
{
    public static TheoryData<ReportState, ReportAction, ReportState> Legal => new()
    {
        { ReportState.Draft, ReportAction.Save, ReportState.Draft },
        { ReportState.Draft, ReportAction.Submit, ReportState.Submitted },
        { ReportState.Submitted, ReportAction.Approve, ReportState.Approved },
        { ReportState.Submitted, ReportAction.Return, ReportState.Returned },
        { ReportState.Returned, ReportAction.Save, ReportState.Returned },
        { ReportState.Returned, ReportAction.Submit, ReportState.Submitted },
        // The approved report stays approved while its correction (a new revision) is worked on.
        { ReportState.Approved, ReportAction.StartCorrection, ReportState.Approved },
    };

    [Theory, MemberData(nameof(Legal))]
    public void Next_LegalStep_GivesTheNextState(ReportState from, ReportAction action, ReportState to) =>
        Assert.Equal(to, ReportWorkflow.Next(from, action));

    public static TheoryData<ReportState, ReportAction, string> Illegal => new()
    {
        { ReportState.Draft, ReportAction.Approve, "草稿" },
        { ReportState.Draft, ReportAction.Return, "草稿" },
        { ReportState.Draft, ReportAction.StartCorrection, "草稿" },
        { ReportState.Submitted, ReportAction.Save, "已报送待审核" },
        { ReportState.Submitted, ReportAction.Submit, "已报送待审核" },
        { ReportState.Submitted, ReportAction.StartCorrection, "已报送待审核" },
        { ReportState.Returned, ReportAction.Approve, "已退回" },
        { ReportState.Returned, ReportAction.Return, "已退回" },
        { ReportState.Returned, ReportAction.StartCorrection, "已退回" },
        { ReportState.Approved, ReportAction.Save, "已审核通过" },
        { ReportState.Approved, ReportAction.Submit, "已审核通过" },
        { ReportState.Approved, ReportAction.Approve, "已审核通过" },
        { ReportState.Approved, ReportAction.Return, "已审核通过" },
    };

    [Theory, MemberData(nameof(Illegal))]
    public void Next_IllegalStep_IsRefusedNamingTheStateAndTheAllowedSteps(ReportState from, ReportAction action, string stateZh)
    {
        var e = Assert.Throws<ValidationException>(() => ReportWorkflow.Next(from, action));
        var message = Assert.Single(e.Errors).MessageZh;
        Assert.Contains($"“{stateZh}”", message);
        Assert.Contains(ReportWorkflow.ActionZh(action), message);
        foreach (var allowed in ReportWorkflow.Allowed(from)) Assert.Contains(ReportWorkflow.ActionZh(allowed), message);
    }

    [Theory]
    [InlineData(ReportAction.Save)]
    [InlineData(ReportAction.Submit)]
    [InlineData(ReportAction.Approve)]
    [InlineData(ReportAction.Return)]
    [InlineData(ReportAction.StartCorrection)]
    public void Next_OnASupersededRevision_RefusesEverything(ReportAction action)
    {
        var e = Assert.Throws<ValidationException>(() => ReportWorkflow.Next(ReportState.Approved, action, superseded: true));
        Assert.Contains("已被更正版本替代", e.Errors[0].MessageZh);
    }

    private static ReportInput Input(decimal wan = 10, decimal progress = 50, string? reason = null, int workers = 5, params FundsInput[] funds) =>
        new(Money.FromWan(wan), progress, workers, "正常推进", null, reason, funds);

    public static TheoryData<ReportInput, decimal?, string?> Validation => new()
    {
        { Input(), 40m, null },
        { Input(wan: 0), null, null },
        { Input(wan: -0.01m), null, "CompletedInvestment" },
        { Input(progress: 0), null, null },
        { Input(progress: 100), 100m, null },
        { Input(progress: -1), null, "ProgressPercent" },
        { Input(progress: 100.5m), null, "ProgressPercent" },
        { Input(progress: 50), 50m, null },                       // equal to last month: no reason needed
        { Input(progress: 49.9m), 50m, "ProgressReason" },        // below last month without a reason
        { Input(progress: 49.9m, reason: "  "), 50m, "ProgressReason" },
        { Input(progress: 49.9m, reason: "设计变更，部分已完工程量核减"), 50m, null },
        { Input(workers: -1), null, "WorkersOnSite" },
        { Input(funds: [new(FundingSource.Fiscal, Money.FromWan(-1))]), null, "Funds" },
        { Input(funds: [new(FundingSource.Fiscal, Money.FromWan(1)), new(FundingSource.Fiscal, Money.FromWan(2))]), null, "Funds" },
    };

    [Theory, MemberData(nameof(Validation))]
    public void Validate_ChecksTheFiguresOfSpec34(ReportInput input, decimal? lastMonth, string? failingField)
    {
        var errors = ReportRules.Validate(input, lastMonth);
        if (failingField is null) Assert.Empty(errors);
        else Assert.Equal(failingField, Assert.Single(errors).Field);
    }

    [Fact]
    public void YearToDate_CountsOneFigurePerEarlierMonth_NeverDraftsReturnedOrOlderRevisions()
    {
        var d = new DateOnly(2020, 2, 3);
        ReportFigure F(int month, decimal wan, bool approved, bool submitted, int revision = 1, int year = 2020) =>
            new(new YearMonth(year, month), Money.FromWan(wan), 10, approved, submitted ? d : null, revision);
        var others = new[]
        {
            F(12, 999, true, true, year: 2019),  // last year: not in this year's total
            F(1, 100, true, true),               // January, approved revision 1 ...
            F(1, 120, true, true, revision: 2),  // ... corrected and approved as revision 2: only this counts
            F(2, 80, false, true),               // February submitted
            F(3, 70, false, false),              // March draft: does not count
            F(5, 60, false, true),               // a later month: not in April's total
        };
        Assert.Equal(Money.FromWan(120 + 80 + 30), ReportRules.YearToDate(others, new YearMonth(2020, 4), Money.FromWan(30)));
        // A correction in draft does not displace the approved figure.
        var withDraft = others.Append(F(2, 500, false, false, revision: 2));
        Assert.Equal(Money.FromWan(120 + 80 + 30), ReportRules.YearToDate(withDraft, new YearMonth(2020, 4), Money.FromWan(30)));
    }

    [Theory]
    [InlineData(2020, 5, 5, "2020-06-05")]
    [InlineData(2020, 12, 5, "2021-01-05")]
    [InlineData(2020, 6, 10, "2020-07-10")]
    public void DueDate_IsTheDueDayOfTheNextMonth(int year, int month, int dueDay, string expected) =>
        Assert.Equal(DateOnly.Parse(expected), MonthlyReport.DueDate(new YearMonth(year, month), dueDay));

    [Fact]
    public void CompletionRate_WithoutAPlan_IsUndefined()
    {
        Assert.Null(ReportRules.CompletionRate(Money.FromWan(10), Money.Zero));
        Assert.Equal(0.25m, ReportRules.CompletionRate(Money.FromWan(10), Money.FromWan(40)));
    }
}
