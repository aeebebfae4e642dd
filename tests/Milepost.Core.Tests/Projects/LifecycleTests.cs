using Milepost.Core.Projects;

namespace Milepost.Core.Tests.Projects;

public class LifecycleTests
{
    private static readonly DateOnly Today = new(2024, 6, 30);
    private static readonly DateOnly Date = new(2024, 6, 15);
    private static readonly DateOnly EarlierTransition = new(2024, 1, 10);
    private static readonly DateOnly StartedOn = new(2023, 3, 1);
    private static readonly DateOnly CompletedOn = new(2023, 12, 20);
    private static readonly DateTime RecordedAt = new(2024, 6, 30, 2, 0, 0, DateTimeKind.Utc);

    // Written out from SPEC §3.2, not derived from Lifecycle, so that a change to the table fails here.
    private static readonly HashSet<(ProjectStage From, ProjectStage To)> Legal =
    [
        (ProjectStage.Pipeline, ProjectStage.Preparation),
        (ProjectStage.Preparation, ProjectStage.Construction),
        (ProjectStage.Construction, ProjectStage.Completed),
        (ProjectStage.Construction, ProjectStage.Suspended),
        (ProjectStage.Suspended, ProjectStage.Construction),
        (ProjectStage.Completed, ProjectStage.Operating),
        (ProjectStage.Pipeline, ProjectStage.Cancelled),
        (ProjectStage.Preparation, ProjectStage.Cancelled),
        (ProjectStage.Construction, ProjectStage.Cancelled),
        (ProjectStage.Completed, ProjectStage.Cancelled),
        (ProjectStage.Operating, ProjectStage.Cancelled),
        (ProjectStage.Suspended, ProjectStage.Cancelled),
    ];

    private static IEnumerable<(ProjectStage From, ProjectStage To)> AllPairs() =>
        from f in Enum.GetValues<ProjectStage>()
        from t in Enum.GetValues<ProjectStage>()
        select (f, t);

    public static TheoryData<ProjectStage, ProjectStage> LegalPairs()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        foreach (var (f, t) in AllPairs().Where(Legal.Contains)) data.Add(f, t);
        return data;
    }

    public static TheoryData<ProjectStage, ProjectStage> IllegalPairs()
    {
        var data = new TheoryData<ProjectStage, ProjectStage>();
        foreach (var (f, t) in AllPairs().Where(p => !Legal.Contains(p))) data.Add(f, t);
        return data;
    }

    /// <summary>A project in <paramref name="stage"/> with the dates and one earlier transition that the stage implies.</summary>
    private static Project ProjectIn(ProjectStage stage)
    {
        var project = new Project { Id = 42, Name = "城东污水处理厂", DivisionCode = "511802", Stage = stage };
        if (stage is ProjectStage.Construction or ProjectStage.Suspended or ProjectStage.Completed or ProjectStage.Operating)
            project.ActualStart = StartedOn;
        if (stage is ProjectStage.Completed or ProjectStage.Operating)
            project.ActualCompletion = CompletedOn;
        if (stage != ProjectStage.Pipeline)
            project.Transitions.Add(new LifecycleTransition
            {
                ProjectId = 42, DivisionCode = "511802", From = ProjectStage.Pipeline, To = stage,
                Date = EarlierTransition, MadeBy = "seed",
            });
        return project;
    }

    private static LifecycleTransition Move(Project p, ProjectStage to, DateOnly date, string? reason = "按计划推进", DateOnly? today = null) =>
        Lifecycle.Transition(p, to, date, reason, "zhang.wei", today ?? Today, RecordedAt);

    [Fact]
    public void LegalTable_CoversEveryPairOnce_TwelveLegal()
    {
        Assert.Equal(49, AllPairs().Count());
        Assert.Equal(12, LegalPairs().Count());
        Assert.Equal(37, IllegalPairs().Count());
    }

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void IsAllowed_LegalPair_True(ProjectStage from, ProjectStage to)
    {
        Assert.True(Lifecycle.IsAllowed(from, to));
        Assert.Contains(to, Lifecycle.AllowedFrom(from));
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void IsAllowed_IllegalPair_False(ProjectStage from, ProjectStage to)
    {
        Assert.False(Lifecycle.IsAllowed(from, to));
        Assert.DoesNotContain(to, Lifecycle.AllowedFrom(from));
    }

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void Transition_LegalPair_ChangesStageAndRecordsTransition(ProjectStage from, ProjectStage to)
    {
        var project = ProjectIn(from);
        var countBefore = project.Transitions.Count;

        var t = Move(project, to, Date, "  施工许可已取得  ");

        Assert.Equal(to, project.Stage);
        Assert.Equal(countBefore + 1, project.Transitions.Count);
        Assert.Same(t, project.Transitions[^1]);
        Assert.Equal(from, t.From);
        Assert.Equal(to, t.To);
        Assert.Equal(Date, t.Date);
        Assert.Equal("施工许可已取得", t.Reason);
        Assert.Equal("zhang.wei", t.MadeBy);
        Assert.Equal(RecordedAt, t.RecordedAt);
        Assert.Equal(42, t.ProjectId);
        Assert.Equal("511802", t.DivisionCode);
    }

    [Theory]
    [MemberData(nameof(LegalPairs))]
    public void Transition_LegalPair_SetsActualDatesOnlyWhenEnteringConstructionFirstOrCompleted(ProjectStage from, ProjectStage to)
    {
        var project = ProjectIn(from);
        var startBefore = project.ActualStart;
        var completionBefore = project.ActualCompletion;

        Move(project, to, Date);

        var expectedStart = to == ProjectStage.Construction && startBefore is null ? Date : startBefore;
        var expectedCompletion = to == ProjectStage.Completed ? Date : completionBefore;
        Assert.Equal(expectedStart, project.ActualStart);
        Assert.Equal(expectedCompletion, project.ActualCompletion);
    }

    [Theory]
    [MemberData(nameof(IllegalPairs))]
    public void Transition_IllegalPair_ThrowsLifecycleIllegalAndLeavesProjectUnchanged(ProjectStage from, ProjectStage to)
    {
        var project = ProjectIn(from);
        var start = project.ActualStart;
        var completion = project.ActualCompletion;
        var count = project.Transitions.Count;

        var ex = Assert.Throws<ValidationException>(() => Move(project, to, Date));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("lifecycle.illegal", error.Code);
        Assert.Equal("To", error.Field);
        Assert.Contains(from.ToString(), error.MessageEn);
        Assert.Contains(to.ToString(), error.MessageEn);
        Assert.Equal(from, project.Stage);
        Assert.Equal(start, project.ActualStart);
        Assert.Equal(completion, project.ActualCompletion);
        Assert.Equal(count, project.Transitions.Count);
    }

    [Fact]
    public void Transition_ConstructionAgainAfterSuspended_KeepsFirstActualStart()
    {
        var project = ProjectIn(ProjectStage.Preparation);
        var start = new DateOnly(2024, 2, 1);

        Move(project, ProjectStage.Construction, start);
        Move(project, ProjectStage.Suspended, new DateOnly(2024, 3, 1), "征地纠纷");
        Move(project, ProjectStage.Construction, new DateOnly(2024, 5, 1));

        Assert.Equal(ProjectStage.Construction, project.Stage);
        Assert.Equal(start, project.ActualStart);
        Assert.Equal(4, project.Transitions.Count);
    }

    [Fact]
    public void Transition_FullLifecycle_SetsStartAndCompletionOnce()
    {
        var project = ProjectIn(ProjectStage.Pipeline);

        Move(project, ProjectStage.Preparation, new DateOnly(2024, 1, 15));
        Move(project, ProjectStage.Construction, new DateOnly(2024, 2, 1));
        Move(project, ProjectStage.Completed, new DateOnly(2024, 5, 31));
        Move(project, ProjectStage.Operating, new DateOnly(2024, 6, 20));

        Assert.Equal(new DateOnly(2024, 2, 1), project.ActualStart);
        Assert.Equal(new DateOnly(2024, 5, 31), project.ActualCompletion);
        Assert.Equal(
            [ProjectStage.Preparation, ProjectStage.Construction, ProjectStage.Completed, ProjectStage.Operating],
            project.Transitions.Select(t => t.To));
    }

    [Theory]
    [InlineData(ProjectStage.Construction, ProjectStage.Suspended, null)]
    [InlineData(ProjectStage.Construction, ProjectStage.Suspended, "")]
    [InlineData(ProjectStage.Construction, ProjectStage.Suspended, "   ")]
    [InlineData(ProjectStage.Pipeline, ProjectStage.Cancelled, null)]
    [InlineData(ProjectStage.Operating, ProjectStage.Cancelled, " \t")]
    public void Transition_SuspendOrCancelWithoutReason_ThrowsReasonRequired(ProjectStage from, ProjectStage to, string? reason)
    {
        var project = ProjectIn(from);
        var count = project.Transitions.Count;

        var ex = Assert.Throws<ValidationException>(() => Move(project, to, Date, reason));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("lifecycle.reason", error.Code);
        Assert.Equal("Reason", error.Field);
        Assert.Equal(from, project.Stage);
        Assert.Equal(count, project.Transitions.Count);
    }

    [Theory]
    [InlineData(ProjectStage.Pipeline, ProjectStage.Preparation)]
    [InlineData(ProjectStage.Construction, ProjectStage.Completed)]
    [InlineData(ProjectStage.Suspended, ProjectStage.Construction)]
    public void Transition_OtherMovesWithoutReason_SucceedWithNullReason(ProjectStage from, ProjectStage to)
    {
        var project = ProjectIn(from);

        var t = Move(project, to, Date, "  ");

        Assert.Equal(to, project.Stage);
        Assert.Null(t.Reason);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(365)]
    public void Transition_DateAfterToday_ThrowsFuture(int daysAhead)
    {
        var project = ProjectIn(ProjectStage.Preparation);

        var ex = Assert.Throws<ValidationException>(() => Move(project, ProjectStage.Construction, Today.AddDays(daysAhead)));

        Assert.Equal("lifecycle.future", Assert.Single(ex.Errors).Code);
        Assert.Equal(ProjectStage.Preparation, project.Stage);
        Assert.Null(project.ActualStart);
        Assert.Single(project.Transitions);
    }

    [Fact]
    public void Transition_DateToday_Succeeds()
    {
        var project = ProjectIn(ProjectStage.Preparation);

        Move(project, ProjectStage.Construction, Today);

        Assert.Equal(Today, project.ActualStart);
    }

    [Fact]
    public void Transition_DateBeforeLastTransition_ThrowsBeforeLast()
    {
        var project = ProjectIn(ProjectStage.Preparation);

        var ex = Assert.Throws<ValidationException>(() => Move(project, ProjectStage.Construction, EarlierTransition.AddDays(-1)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("lifecycle.before-last", error.Code);
        Assert.Equal("Date", error.Field);
        Assert.Contains("2024-01-10", error.MessageEn);
        Assert.Equal(ProjectStage.Preparation, project.Stage);
        Assert.Null(project.ActualStart);
        Assert.Single(project.Transitions);
    }

    [Fact]
    public void Transition_DateBeforeLatestOfUnorderedTransitions_ThrowsBeforeLast()
    {
        var project = ProjectIn(ProjectStage.Preparation);
        // The list need not be in date order (e.g. loaded from the database unsorted).
        project.Transitions.Insert(0, new LifecycleTransition
        {
            DivisionCode = "511802", From = ProjectStage.Pipeline, To = ProjectStage.Preparation,
            Date = new DateOnly(2024, 4, 1), MadeBy = "seed",
        });

        var ex = Assert.Throws<ValidationException>(() => Move(project, ProjectStage.Construction, new DateOnly(2024, 3, 31)));

        Assert.Equal("lifecycle.before-last", Assert.Single(ex.Errors).Code);
    }

    [Fact]
    public void Transition_SameDayAsLastTransition_Succeeds()
    {
        var project = ProjectIn(ProjectStage.Preparation);

        Move(project, ProjectStage.Construction, EarlierTransition);

        Assert.Equal(ProjectStage.Construction, project.Stage);
    }

    [Fact]
    public void Transition_CompletionBeforeActualStart_ThrowsAndLeavesProjectUnchanged()
    {
        // Imported without a transition history: only the start date check can refuse the date.
        var project = new Project
        {
            Name = "滨江大道", DivisionCode = "511802", Stage = ProjectStage.Construction,
            ActualStart = new DateOnly(2024, 3, 1),
        };

        var ex = Assert.Throws<ValidationException>(() => Move(project, ProjectStage.Completed, new DateOnly(2024, 2, 29)));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("lifecycle.complete-before-start", error.Code);
        Assert.Equal(ProjectStage.Construction, project.Stage);
        Assert.Null(project.ActualCompletion);
        Assert.Empty(project.Transitions);
    }

    [Fact]
    public void Transition_CompletionOnActualStartDay_Succeeds()
    {
        var project = new Project
        {
            Name = "滨江大道", DivisionCode = "511802", Stage = ProjectStage.Construction,
            ActualStart = new DateOnly(2024, 3, 1),
        };

        Move(project, ProjectStage.Completed, new DateOnly(2024, 3, 1));

        Assert.Equal(new DateOnly(2024, 3, 1), project.ActualCompletion);
    }

    [Fact]
    public void Transition_SeveralProblems_ReportsAllOfThem()
    {
        var project = ProjectIn(ProjectStage.Cancelled);

        var ex = Assert.Throws<ValidationException>(() => Move(project, ProjectStage.Cancelled, Today.AddDays(1), reason: null));

        Assert.Equal(["lifecycle.illegal", "lifecycle.reason", "lifecycle.future"], ex.Errors.Select(e => e.Code));
    }
}
