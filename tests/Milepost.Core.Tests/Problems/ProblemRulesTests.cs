using Milepost.Core.Problems;

namespace Milepost.Core.Tests.Problems;

public class ProblemStateMachineTests
{
    private static readonly DateOnly Today = new(2020, 6, 11);

    // Written out from SPEC §3.5 (plus reopening), not derived from the machine, so a change to it fails here.
    private static readonly HashSet<(ProblemState From, ProblemState To)> Legal =
    [
        (ProblemState.Open, ProblemState.InProgress),
        (ProblemState.InProgress, ProblemState.Resolved),
        (ProblemState.InProgress, ProblemState.Unresolvable),
        (ProblemState.Resolved, ProblemState.InProgress),
        (ProblemState.Unresolvable, ProblemState.InProgress),
    ];

    private static IEnumerable<(ProblemState From, ProblemState To)> AllPairs() =>
        from f in Enum.GetValues<ProblemState>() from t in Enum.GetValues<ProblemState>() select (f, t);

    public static TheoryData<ProblemState, ProblemState> LegalPairs()
    {
        var data = new TheoryData<ProblemState, ProblemState>();
        foreach (var (f, t) in AllPairs().Where(Legal.Contains)) data.Add(f, t);
        return data;
    }

    public static TheoryData<ProblemState, ProblemState> IllegalPairs()
    {
        var data = new TheoryData<ProblemState, ProblemState>();
        foreach (var (f, t) in AllPairs().Where(p => !Legal.Contains(p))) data.Add(f, t);
        return data;
    }

    private static Problem In(ProblemState state) => new()
    {
        DivisionCode = "511800", Description = "施工用电容量不足", RaisedBy = "owner", State = state,
        Resolution = state is ProblemState.Resolved or ProblemState.Unresolvable ? "已协调" : null,
        ResolvedOn = state is ProblemState.Resolved or ProblemState.Unresolvable ? Today.AddDays(-5) : null,
    };

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void Legal_transitions_change_the_state(ProblemState from, ProblemState to)
    {
        var p = In(from);
        ProblemStateMachine.Transition(p, to, "经市供电公司协调，已增容", Today);
        Assert.Equal(to, p.State);
        if (to is ProblemState.Resolved or ProblemState.Unresolvable)
        {
            Assert.Equal(Today, p.ResolvedOn);
            Assert.Equal("经市供电公司协调，已增容", p.Resolution);
        }
        else
        {
            Assert.Null(p.ResolvedOn);
        }
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void Illegal_transitions_are_refused_naming_the_state_and_the_allowed_steps(ProblemState from, ProblemState to)
    {
        var p = In(from);
        var e = Assert.Throws<ValidationException>(() => ProblemStateMachine.Transition(p, to, "说明", Today));
        var message = e.Errors.Single().MessageZh;
        Assert.Contains(ProblemStateMachine.Zh(from), message);
        foreach (var next in Legal.Where(l => l.From == from)) Assert.Contains(ProblemStateMachine.Zh(next.To), message);
        Assert.Equal(from, p.State);
    }

    [Theory]
    [InlineData(ProblemState.Resolved, null, "problem.resolution.required")]
    [InlineData(ProblemState.Resolved, "   ", "problem.resolution.required")]
    [InlineData(ProblemState.Unresolvable, null, "problem.reason.required")]
    [InlineData(ProblemState.Unresolvable, "", "problem.reason.required")]
    public void Closing_requires_a_resolution_or_a_reason(ProblemState to, string? text, string code)
    {
        var p = In(ProblemState.InProgress);
        var e = Assert.Throws<ValidationException>(() => ProblemStateMachine.Transition(p, to, text, Today));
        Assert.Equal(code, e.Errors.Single().Code);
        Assert.Equal("Resolution", e.Errors.Single().Field);
        Assert.Equal(ProblemState.InProgress, p.State);
        Assert.Null(p.ResolvedOn);
    }
}

public class ProblemEscalationRuleTests
{
    private static Problem P(string? deadline, int level = 1, string? escalatedOn = null, ProblemState state = ProblemState.Open) => new()
    {
        DivisionCode = "511800", Description = "专项债资金未到位", RaisedBy = "owner", State = state, EscalationLevel = level,
        Deadline = deadline is null ? null : DateOnly.Parse(deadline), EscalatedOn = escalatedOn is null ? null : DateOnly.Parse(escalatedOn),
    };

    [Theory]
    // level 1: due when today > deadline + N (N = 10)
    [InlineData("2020-05-31", 1, null, "2020-06-10", false)]
    [InlineData("2020-05-31", 1, null, "2020-06-11", true)]
    [InlineData("2020-05-31", 1, null, "2020-07-30", true)]
    [InlineData("2020-06-30", 1, null, "2020-06-11", false)]
    [InlineData(null, 1, null, "2030-01-01", false)]
    // further levels: N days after the last escalation
    [InlineData("2020-05-31", 2, "2020-06-11", "2020-06-21", false)]
    [InlineData("2020-05-31", 2, "2020-06-11", "2020-06-22", true)]
    // escalated by hand before the deadline: the deadline still counts
    [InlineData("2020-06-30", 2, "2020-06-01", "2020-07-10", false)]
    [InlineData("2020-06-30", 2, "2020-06-01", "2020-07-11", true)]
    // the highest level stays
    [InlineData("2020-01-01", 3, "2020-02-01", "2021-01-01", false)]
    public void Due_counts_N_days_from_the_deadline_or_the_last_escalation(string? deadline, int level, string? escalatedOn, string today, bool due) =>
        Assert.Equal(due, ProblemEscalationRule.Due(P(deadline, level, escalatedOn), DateOnly.Parse(today), 10));

    [Theory]
    [InlineData(ProblemState.Open, true)]
    [InlineData(ProblemState.InProgress, true)]
    [InlineData(ProblemState.Resolved, false)]
    [InlineData(ProblemState.Unresolvable, false)]
    public void Only_open_problems_escalate(ProblemState state, bool due) =>
        Assert.Equal(due, ProblemEscalationRule.Due(P("2020-01-01", state: state), new DateOnly(2020, 6, 11), 10));

    [Theory]
    [InlineData(0, "2020-06-01", true)]
    [InlineData(5, "2020-06-05", false)]
    [InlineData(5, "2020-06-06", true)]
    public void The_setting_N_moves_the_day(int days, string today, bool due) =>
        Assert.Equal(due, ProblemEscalationRule.Due(P("2020-05-31"), DateOnly.Parse(today), days));

    [Fact]
    public void Escalate_raises_one_level_and_records_it()
    {
        var p = P("2020-05-31");
        var record = ProblemEscalationRule.Escalate(p, new DateOnly(2020, 6, 11), "system", "超期 11 天");
        Assert.Equal((1, 2), (record.FromLevel, record.ToLevel));
        Assert.Equal(2, p.EscalationLevel);
        Assert.Equal(new DateOnly(2020, 6, 11), p.EscalatedOn);
        Assert.Single(p.Escalations);
    }

    [Theory]
    [InlineData(3, ProblemState.Open, "problem.escalate.max")]
    [InlineData(1, ProblemState.Resolved, "problem.escalate.closed")]
    public void Escalate_refuses_beyond_the_top_or_when_closed(int level, ProblemState state, string code)
    {
        var p = P("2020-05-31", level, "2020-06-01", state);
        var e = Assert.Throws<ValidationException>(() => ProblemEscalationRule.Escalate(p, new DateOnly(2020, 6, 11), "supervisor", null));
        Assert.Equal(code, e.Errors.Single().Code);
        Assert.Equal(level, p.EscalationLevel);
    }

    [Theory]
    [InlineData("2020-05-31", ProblemState.Open, "2020-06-11", 11)]
    [InlineData("2020-06-30", ProblemState.Open, "2020-06-11", 0)]
    [InlineData("2020-05-31", ProblemState.Resolved, "2020-06-11", 0)]
    public void DaysOverdue(string deadline, ProblemState state, string today, int days) =>
        Assert.Equal(days, ProblemEscalationRule.DaysOverdue(P(deadline, state: state), DateOnly.Parse(today)));
}

public class ProblemStatisticsTests
{
    private static Problem P(long unit, ProblemState state, string raised, string? deadline, string? resolved = null) => new()
    {
        DivisionCode = "511800", Description = "x", RaisedBy = "owner", ResponsibleUnitId = unit, State = state, RaisedOn = DateOnly.Parse(raised),
        Deadline = deadline is null ? null : DateOnly.Parse(deadline), ResolvedOn = resolved is null ? null : DateOnly.Parse(resolved),
    };

    [Fact]
    public void Counts_open_overdue_resolved_and_the_average_days_to_resolve_per_lead_department()
    {
        var today = new DateOnly(2020, 6, 11);
        var stats = ProblemStatistics.ByDepartment(
        [
            P(1, ProblemState.Open, "2020-05-01", "2020-06-10"),            // overdue
            P(1, ProblemState.InProgress, "2020-05-01", "2020-06-11"),      // due today: not overdue
            P(1, ProblemState.Resolved, "2020-03-01", "2020-04-01", "2020-03-11"), // 10 days
            P(1, ProblemState.Resolved, "2020-03-01", "2020-04-01", "2020-03-16"), // 15 days
            P(1, ProblemState.Unresolvable, "2020-03-01", "2020-04-01", "2020-05-01"),
            P(2, ProblemState.Resolved, "2020-01-01", null, "2020-01-02"),
        ], today);
        Assert.Equal(new DepartmentProblemStats(1, 2, 1, 2, 1, 12.5), stats[0]);
        Assert.Equal(new DepartmentProblemStats(2, 0, 0, 1, 0, 1), stats[1]);
    }
}
