using Milepost.Core.Visits;

namespace Milepost.Core.Tests.Visits;

public class VisitRulesTests
{
    private static readonly DateOnly Today = new(2020, 6, 11);

    private static VisitInput Visit(long lead = 1, long[]? leaders = null, string date = "2020-06-01", long[]? projects = null,
        string? findings = "征地拆迁滞后", params FindingInput[] items) =>
        new(lead, leaders ?? [1, 2], DateOnly.Parse(date), projects ?? [10, 11], findings, items);

    [Fact]
    public void Validate_AGoodVisit_NoErrors() =>
        Assert.Empty(VisitRules.Validate(Visit(items: [new(null, "6 月底前完成交地", 10), new(null, "加强安全管理", null)]), Today));

    public static TheoryData<VisitInput, string> Bad => new()
    {
        { Visit(lead: 0), "visit.lead.required" },
        { Visit(lead: 3), "visit.lead.not-among" },
        { Visit(date: "2020-06-12"), "visit.date.future" },
        { Visit(projects: []), "visit.projects.required" },
        { Visit(findings: " "), "visit.findings.required" },
        { Visit(items: [new(null, "", 10)]), "visit.item.text" },
        { Visit(items: [new(null, "交地", 99)]), "visit.item.project" },
    };

    [Theory, MemberData(nameof(Bad))]
    public void Validate_Bad_IsRefusedWithTheCode(VisitInput v, string code) =>
        Assert.Contains(code, VisitRules.Validate(v, Today).Select(e => e.Code));

    [Theory]
    [InlineData(null, null, 10L, true, null)]
    [InlineData(null, null, 10L, false, null)]
    [InlineData(null, null, null, false, null)]
    [InlineData(null, null, null, true, "visit.finding.project")]
    [InlineData(5L, null, 10L, true, "visit.finding.converted")]
    [InlineData(5L, null, 10L, false, "visit.finding.converted")]
    [InlineData(null, 7L, 10L, true, "visit.finding.converted")]
    [InlineData(null, 7L, 10L, false, "visit.finding.converted")]
    public void CheckConvertible_OnceOnly_AndAProblemNeedsAProject(long? problem, long? item, long? project, bool toProblem, string? code)
    {
        var f = new VisitFinding { DivisionCode = "511800", Text = "交地滞后", ProblemId = problem, SupervisionItemId = item, ProjectId = project };
        Assert.Equal(code, VisitRules.CheckConvertible(f, toProblem)?.Code);
    }

    [Theory]
    [InlineData(null, "visit.convert.deadline.required")]
    [InlineData("2020-05-31", "visit.convert.deadline.before-visit")]
    [InlineData("2020-06-10", "visit.convert.deadline.past")]
    [InlineData("2020-06-11", null)]
    [InlineData("2020-07-31", null)]
    public void CheckDeadline_OnOrAfterVisitAndToday(string? deadline, string? code) =>
        Assert.Equal(code, VisitRules.CheckDeadline(deadline is null ? null : DateOnly.Parse(deadline), new DateOnly(2020, 6, 1), Today)?.Code);
}
