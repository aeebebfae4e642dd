namespace Milepost.Web.Shared.Charts;

/// <summary>One row of a Gantt chart: the plan, the computed schedule and what actually happened.</summary>
public sealed record GanttBar(
    string Id,
    string Name,
    DateOnly? PlannedStart,
    DateOnly? PlannedFinish,
    DateOnly ScheduledStart,
    DateOnly ScheduledFinish,
    DateOnly? ActualStart,
    DateOnly? ActualFinish,
    int TotalFloat,
    bool Critical,
    bool Milestone,
    IReadOnlyList<string> PredecessorIds);

/// <summary>Maps days to pixels and picks month ticks that do not crowd each other.</summary>
public sealed class GanttScale
{
    public GanttScale(DateOnly from, DateOnly to, double width)
    {
        From = from;
        Days = Math.Max(1, to.DayNumber - from.DayNumber + 1);
        Width = width;
    }

    public DateOnly From { get; }
    public int Days { get; }
    public double Width { get; }
    public double PixelsPerDay => Width / Days;

    /// <summary>The x of the start of <paramref name="day"/>; a bar to day d inclusive ends at X(d + 1).</summary>
    public double X(DateOnly day) => (day.DayNumber - From.DayNumber) * PixelsPerDay;

    /// <summary>First days of months in range, with a label on every n-th so labels keep ~48px apart.</summary>
    public IEnumerable<(DateOnly Day, string? Label)> MonthTicks(bool english)
    {
        var step = PixelsPerDay * 30 >= 48 ? 1 : PixelsPerDay * 90 >= 48 ? 3 : PixelsPerDay * 180 >= 48 ? 6 : 12;
        var first = new DateOnly(From.Year, From.Month, 1);
        if (first < From) first = first.AddMonths(1);
        var end = From.AddDays(Days);
        for (var d = first; d < end; d = d.AddMonths(1))
        {
            var label = (d.Month - 1) % step != 0 ? null
                : english ? (d.Month == 1 || step >= 12 ? d.ToString("yyyy-MM") : d.ToString("MMM"))
                : d.Month == 1 || step >= 12 ? $"{d.Year}年{d.Month}月" : $"{d.Month}月";
            yield return (d, label);
        }
    }
}
