using Milepost.Core.Scheduling;
using static Milepost.Core.Tests.Scheduling.Net;

namespace Milepost.Core.Tests.Scheduling;

/// <summary>
/// Working calendars, on China's 2020 National Day week: 10-01 (Thu) to 10-08 (Thu) off, with
/// Sunday 09-27 and Saturday 10-10 as make-up working days (调休).
/// </summary>
public class WorkCalendarTests
{
    private static readonly WorkCalendar NationalDay2020 = new(
        weekendsOff: true,
        holidays: Enumerable.Range(1, 8).Select(day => new DateOnly(2020, 10, day)),
        makeUpWorkdays: [D("2020-09-27"), D("2020-10-10")]);

    private static ScheduleResult Run(string dataDate, string? target, params ScheduleNode[] nodes) =>
        Scheduler.Schedule(new ScheduleInput(D(dataDate), target is null ? null : D(target), nodes, NationalDay2020));

    [Theory]
    [InlineData("2020-09-25", true)]    // Friday
    [InlineData("2020-09-26", false)]   // Saturday
    [InlineData("2020-09-27", true)]    // Sunday, make-up working day
    [InlineData("2020-10-01", false)]   // holiday on a Thursday
    [InlineData("2020-10-03", false)]   // holiday on a Saturday
    [InlineData("2020-10-09", true)]    // Friday after the holiday
    [InlineData("2020-10-10", true)]    // Saturday, make-up working day
    [InlineData("2020-10-11", false)]   // Sunday
    [InlineData("2021-10-09", false)]   // a Saturday a year later: only the listed dates change the week
    public void IsWorkday_WeekendsHolidaysAndMakeUpDays(string date, bool expected)
    {
        Assert.Equal(expected, NationalDay2020.IsWorkday(D(date)));
    }

    [Fact]
    public void IsWorkday_WithoutWeekendsOff_OnlyHolidaysAreOff()
    {
        var calendar = new WorkCalendar(false, [D("2020-10-01")], []);

        Assert.True(calendar.IsWorkday(D("2020-09-26")));
        Assert.False(calendar.IsWorkday(D("2020-10-01")));
    }

    [Fact]
    public void Ctor_DateBothHolidayAndMakeUpDay_Refused()
    {
        var ex = Assert.Throws<ValidationException>(() => new WorkCalendar(true, [D("2020-10-10")], [D("2020-10-10")]));

        var error = Assert.Single(ex.Errors);
        Assert.Equal("calendar.conflict", error.Code);
        Assert.Contains("2020-10-10", error.MessageZh);
    }

    [Fact]
    public void Schedule_CountsWorkingDaysAcrossWeekendHolidayAndMakeUpSaturday()
    {
        var result = Run("2020-09-25", "2020-10-14",
            Node("a", 3), Node("b", 4, "a"), Node("c", 0, "b"), Node("d", 1, "a:2"));

        // a works Fri 09-25, Sun 09-27 (调休), Mon 09-28; Saturday 09-26 is off.
        Assert.Equal("2020-09-25 2020-09-28 2020-09-28 2020-09-30 2", result.Dates("a"));
        // b works 09-29, 09-30, then after the holiday 10-09 and Saturday 10-10 (调休).
        Assert.Equal("2020-09-29 2020-10-10 2020-10-09 2020-10-13 2", result.Dates("b"));
        // The milestone falls on Monday 10-12: Sunday 10-11 is off.
        Assert.Equal("2020-10-12 2020-10-12 2020-10-14 2020-10-14 2", result.Dates("c"));
        // A lag of 2 working days after 09-28 skips 09-29 and 09-30 and the whole holiday.
        Assert.Equal("2020-10-09 2020-10-09 2020-10-14 2020-10-14 4", result.Dates("d"));
    }

    [Fact]
    public void Schedule_SameNetworkWithoutCalendar_CountsCalendarDays()
    {
        var result = Net.Run("2020-09-25", "2020-10-14", Node("a", 3), Node("b", 4, "a"), Node("c", 0, "b"));

        Assert.Equal("2020-09-25 2020-09-27 2020-10-07 2020-10-09 12", result.Dates("a"));
        Assert.Equal("2020-10-02 2020-10-02 2020-10-14 2020-10-14 12", result.Dates("c"));
    }

    [Fact]
    public void Schedule_DataDateOnAHoliday_WorkStartsOnTheNextWorkingDay()
    {
        var result = Run("2020-10-01", null, Node("a", 2));

        Assert.Equal("2020-10-09 2020-10-10 2020-10-09 2020-10-10 0", result.Dates("a"));
    }

    [Fact]
    public void Schedule_ActualFinishOnADayOff_SuccessorStartsOnTheNextWorkingDay()
    {
        // Finished on Saturday 09-26: it counts as Friday's work, so b may start on Sunday 09-27 (调休).
        var result = Run("2020-09-26", null,
            Node("a", 2) with { ActualStart = D("2020-09-25"), ActualFinish = D("2020-09-26") }, Node("b", 1, "a"));

        Assert.Equal(D("2020-09-26"), result.Of("a").EarlyFinish);
        Assert.Equal(D("2020-09-27"), result.Of("b").EarlyStart);
    }

    [Fact]
    public void Schedule_TargetOnADayOff_LastWorkingDayBeforeItBinds()
    {
        // Target Sunday 10-11: the last working day by then is Saturday 10-10 (调休).
        var result = Run("2020-10-09", "2020-10-11", Node("a", 1));

        Assert.Equal("2020-10-09 2020-10-09 2020-10-10 2020-10-10 1", result.Dates("a"));
        Assert.Equal(D("2020-10-11"), result.Target);
    }

    [Fact]
    public void Schedule_FloatCountsWorkingDays()
    {
        // a could finish on 10-14 instead of Saturday 10-10 (调休): three working days later (10-12, 10-13, 10-14).
        var result = Run("2020-10-09", "2020-10-14", Node("a", 2));

        Assert.Equal("2020-10-09 2020-10-10 2020-10-13 2020-10-14 3", result.Dates("a"));
    }

    [Fact]
    public void Schedule_FarFromTheListedDates_OrdinaryWeeks()
    {
        // Ten working days from Monday 2030-03-04 end on Friday 03-15; a lag of -3 then starts on Wednesday 03-13.
        var result = Run("2030-03-04", null, Node("a", 10), Node("b", 3, "a:-3"));

        Assert.Equal(D("2030-03-15"), result.Of("a").EarlyFinish);
        Assert.Equal("2030-03-13 2030-03-15 2030-03-13 2030-03-15 0", result.Dates("b"));
    }

    [Fact]
    public void Schedule_ChainOfOneDayNodes_VisitsEveryWorkingDayInOrder()
    {
        // Each node starts on the next working day: compare with stepping day by day over the calendar.
        var calendar = new WorkCalendar(true,
            [D("2024-02-10"), D("2024-02-12"), D("2024-02-13"), D("2024-02-14"), D("2024-02-15"), D("2024-02-16"), D("2024-04-04"), D("2024-04-05")],
            [D("2024-02-04"), D("2024-02-18"), D("2024-04-07")]);
        var nodes = Enumerable.Range(0, 120)
            .Select(i => i == 0 ? Node("n0", 1) : Node($"n{i}", 1, $"n{i - 1}")).ToArray();

        var result = Scheduler.Schedule(new ScheduleInput(D("2024-01-20"), null, nodes, calendar));

        var expected = new List<DateOnly>();
        for (var d = D("2024-01-20"); expected.Count < 120; d = d.AddDays(1))
            if (calendar.IsWorkday(d)) expected.Add(d);
        Assert.Equal(expected, result.Nodes.Select(n => n.EarlyStart));
        Assert.Equal(expected, result.Nodes.Select(n => n.LateStart));
    }
}
