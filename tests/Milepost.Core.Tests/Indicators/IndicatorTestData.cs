using Milepost.Core.Indicators;
using Milepost.Core.Projects;

namespace Milepost.Core.Tests.Indicators;

/// <summary>Builders for indicator inputs; amounts in 万元.</summary>
internal static class IndicatorTestData
{
    public const int Y = 2024;

    public static Money Wan(decimal wan) => Money.FromWan(wan);

    public static YearMonth M(int month, int year = Y) => new(year, month);

    public static ReportFigure Approved(int month, decimal completedWan, decimal progress = 0, int year = Y, int revision = 1) =>
        new(M(month, year), Wan(completedWan), progress, Approved: true, SubmittedOn: M(month, year).Next().FirstDay.AddDays(2), revision);

    public static ReportFigure Submitted(int month, decimal completedWan, decimal progress = 0, int year = Y, int revision = 1) =>
        new(M(month, year), Wan(completedWan), progress, Approved: false, SubmittedOn: M(month, year).Next().FirstDay.AddDays(2), revision);

    public static ReportFigure Draft(int month, decimal completedWan, decimal progress = 0, int year = Y) =>
        new(M(month, year), Wan(completedWan), progress, Approved: false, SubmittedOn: null);

    /// <summary>Twelve monthly amounts in 万元.</summary>
    public static List<Money> Months(params decimal[] wan)
    {
        Assert.Equal(12, wan.Length);
        return wan.Select(Wan).ToList();
    }

    public static ProjectFacts Facts(
        long id = 1,
        decimal totalWan = 10_000m,
        decimal planWan = 1_200m,
        IReadOnlyList<Money>? monthly = null,
        decimal? plannedProgress = null,
        IReadOnlyList<ReportFigure>? reports = null,
        IReadOnlyList<NodeFigure>? nodes = null,
        IReadOnlyList<FundsFigure>? funds = null,
        ProjectStage stage = ProjectStage.Construction,
        ProjectYearClass yearClass = ProjectYearClass.Continuing,
        DateOnly? actualStart = null) =>
        new(id, Wan(totalWan), Wan(planWan), monthly ?? [], plannedProgress, reports ?? [], nodes ?? [], funds ?? [],
            stage, yearClass, actualStart);
}
