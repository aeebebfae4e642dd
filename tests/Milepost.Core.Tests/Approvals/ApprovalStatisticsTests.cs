using Milepost.Core.Approvals;

namespace Milepost.Core.Tests.Approvals;

public class ApprovalStatisticsTests
{
    private static ApprovalItem Item(ApprovalKind kind, string authority, string? submitted, string? approved) => new()
    {
        DivisionCode = "511800", Kind = kind, Authority = authority,
        SubmittedOn = submitted is null ? null : DateOnly.Parse(submitted), ApprovedOn = approved is null ? null : DateOnly.Parse(approved),
        State = approved is not null ? ApprovalState.Approved : submitted is not null ? ApprovalState.Submitted : ApprovalState.NotSubmitted,
    };

    [Theory]
    [InlineData(new[] { 7 }, 7.0)]
    [InlineData(new[] { 3, 9 }, 6.0)]
    [InlineData(new[] { 1, 2, 10 }, 2.0)]
    [InlineData(new[] { 1, 2, 3, 10 }, 2.5)]
    [InlineData(new[] { 5, 5, 5, 5, 5 }, 5.0)]
    public void Median_OddTakesTheMiddle_EvenTheMeanOfTheTwoMiddle(int[] sorted, double expected) =>
        Assert.Equal(expected, ApprovalStatistics.Median(sorted));

    [Fact]
    public void Median_OfNothing_Throws() => Assert.Throws<ArgumentException>(() => ApprovalStatistics.Median([]));

    [Fact]
    public void Samples_LeaveOutItemsNotYetApproved()
    {
        var samples = ApprovalStatistics.Samples([
            Item(ApprovalKind.ConstructionPermit, "市住房城乡建设局", "2020-01-01", "2020-01-10"),
            Item(ApprovalKind.ConstructionPermit, "市住房城乡建设局", "2020-05-01", null),
            Item(ApprovalKind.ConstructionPermit, "市住房城乡建设局", null, null),
        ]);
        var s = Assert.Single(samples);
        Assert.Equal(10, s.DaysTaken); // both ends counted
    }

    [Fact]
    public void ByKind_CountsMedianMaxAndMeanPerKind_InChainOrder()
    {
        var samples = ApprovalStatistics.Samples([
            Item(ApprovalKind.ConstructionPermit, "市住房城乡建设局", "2020-01-01", "2020-01-10"),  // 10
            Item(ApprovalKind.ConstructionPermit, "市住房城乡建设局", "2020-01-01", "2020-01-30"),  // 30
            Item(ApprovalKind.EnvironmentalApproval, "省生态环境厅", "2020-01-01", "2020-01-20"),   // 20
            Item(ApprovalKind.EnvironmentalApproval, "市生态环境局", "2020-01-01", "2020-01-05"),   // 5
            Item(ApprovalKind.EnvironmentalApproval, "省生态环境厅", "2020-01-01", "2020-03-10"),   // 70
            Item(ApprovalKind.ProposalOrFeasibility, "市发展改革委", "2020-02-01", null),
        ]);
        var rows = ApprovalStatistics.ByKind(samples);
        Assert.Equal([ApprovalKind.ConstructionPermit, ApprovalKind.EnvironmentalApproval], rows.Select(r => r.Key));
        Assert.Equal(new ApprovalDaysRow<ApprovalKind>(ApprovalKind.ConstructionPermit, 2, 20.0, 30, 20.0), rows[0]);
        Assert.Equal(new ApprovalDaysRow<ApprovalKind>(ApprovalKind.EnvironmentalApproval, 3, 20.0, 70, 31.7), rows[1]);
    }

    [Fact]
    public void ByAuthority_SlowestMedianFirst()
    {
        var samples = new[]
        {
            new ApprovalSample(ApprovalKind.ConstructionPermit, "市住房城乡建设局", 12),
            new ApprovalSample(ApprovalKind.EnvironmentalApproval, "省生态环境厅", 40),
            new ApprovalSample(ApprovalKind.EnvironmentalApproval, "省生态环境厅 ", 60),
            new ApprovalSample(ApprovalKind.LandPlanningPermit, "市自然资源和规划局", 25),
        };
        var rows = ApprovalStatistics.ByAuthority(samples);
        Assert.Equal(["省生态环境厅", "市自然资源和规划局", "市住房城乡建设局"], rows.Select(r => r.Key));
        Assert.Equal((2, 50.0, 60), (rows[0].Count, rows[0].Median, rows[0].Max));
    }

    [Fact]
    public void Overall_OfNoSamples_IsNull() => Assert.Null(ApprovalStatistics.Overall([]));
}
