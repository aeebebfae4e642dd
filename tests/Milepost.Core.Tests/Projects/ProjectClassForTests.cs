using Milepost.Core.Projects;

namespace Milepost.Core.Tests.Projects;

public class ProjectClassForTests
{
    private static DateOnly? D(string? iso) => iso is null ? null : DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // New start: planned start in Y, whatever the stage.
    [InlineData(ProjectStage.Preparation, "2024-03-01", "2026-12-31", null, ProjectYearClass.NewStart)]
    [InlineData(ProjectStage.Construction, "2024-01-01", "2025-06-30", "2024-01-15", ProjectYearClass.NewStart)]
    [InlineData(ProjectStage.Pipeline, "2024-12-31", null, null, ProjectYearClass.NewStart)]
    // Completing: planned completion in Y.
    [InlineData(ProjectStage.Construction, "2022-05-01", "2024-06-30", "2022-05-10", ProjectYearClass.Completing)]
    [InlineData(ProjectStage.Completed, "2022-05-01", "2024-01-01", "2022-05-10", ProjectYearClass.Completing)]
    // Continuing: started before Y, completes after Y.
    [InlineData(ProjectStage.Construction, "2023-04-01", "2025-12-31", "2023-05-01", ProjectYearClass.Continuing)]
    [InlineData(ProjectStage.Suspended, "2021-01-01", "2026-01-01", "2021-02-01", ProjectYearClass.Continuing)]
    [InlineData(ProjectStage.Construction, null, "2025-12-31", "2023-12-31", ProjectYearClass.Continuing)]   // actual start counts
    [InlineData(ProjectStage.Construction, "2023-12-31", "2025-01-01", null, ProjectYearClass.Continuing)]    // planned start when not started
    // Preparing: Pipeline or Preparation, not planned to start in Y.
    [InlineData(ProjectStage.Pipeline, "2025-03-01", "2027-12-31", null, ProjectYearClass.Preparing)]
    [InlineData(ProjectStage.Preparation, null, null, null, ProjectYearClass.Preparing)]
    [InlineData(ProjectStage.Preparation, "2023-06-01", "2026-12-31", null, ProjectYearClass.Preparing)]       // late start still preparing
    // None of them.
    [InlineData(ProjectStage.Operating, "2020-01-01", "2022-12-31", "2020-02-01", ProjectYearClass.Other)]
    [InlineData(ProjectStage.Construction, "2023-01-01", null, "2023-01-01", ProjectYearClass.Other)]
    [InlineData(ProjectStage.Construction, "2025-01-01", "2026-12-31", null, ProjectYearClass.Other)]           // starts after Y
    public void ClassFor_2024_ByPlannedAndActualDates(
        ProjectStage stage, string? plannedStart, string? plannedCompletion, string? actualStart, ProjectYearClass expected)
    {
        var project = new Project
        {
            Name = "示范项目", DivisionCode = "511802", Stage = stage,
            PlannedStart = D(plannedStart), PlannedCompletion = D(plannedCompletion), ActualStart = D(actualStart),
        };

        Assert.Equal(expected, project.ClassFor(2024));
    }

    [Fact]
    public void ClassFor_SameProjectOverYears_MovesFromNewStartThroughContinuingToCompleting()
    {
        var project = new Project
        {
            Name = "滨江大道", DivisionCode = "511802", Stage = ProjectStage.Construction,
            PlannedStart = new DateOnly(2023, 3, 1), PlannedCompletion = new DateOnly(2026, 6, 30), ActualStart = new DateOnly(2023, 3, 5),
        };

        Assert.Equal(
            [ProjectYearClass.NewStart, ProjectYearClass.Continuing, ProjectYearClass.Continuing, ProjectYearClass.Completing, ProjectYearClass.Other],
            new[] { 2023, 2024, 2025, 2026, 2027 }.Select(project.ClassFor));
    }
}
