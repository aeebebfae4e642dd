namespace Milepost.Core.Scheduling;

/// <summary>
/// A working calendar (SPEC §3.3): which days work happens on. With <c>weekendsOff</c>, Saturdays
/// and Sundays are off; a public holiday (法定节假日) is off; a make-up working day (调休) is a
/// working day even on a weekend. A holiday on a day that is off anyway, or a make-up day on a
/// weekday, changes nothing. A date may not be both a holiday and a make-up working day.
/// </summary>
/// <remarks>
/// The scheduler counts in working-day ordinals: <see cref="WorkdaysBefore"/> numbers the working
/// days, and <see cref="WorkdayAt"/> turns an ordinal back into a date. Outside the span of the
/// listed holidays and make-up days the week repeats, so both are computed arithmetically there and
/// looked up in a table inside it (one entry per day of that span).
/// </remarks>
public sealed class WorkCalendar
{
    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _makeUpWorkdays;

    // Exceptions to the weekly pattern lie in [_lo, _hi] (day numbers); none when _lo > _hi.
    private readonly int _lo;
    private readonly int _hi;
    private readonly long[] _before = [];     // working days before day _lo + k
    private readonly int[] _workdays = [];    // the day numbers of the working days in [_lo, _hi]
    private readonly long _shift;             // working days gained (+) or lost (−) over [_lo, _hi]

    public WorkCalendar(bool weekendsOff, IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> makeUpWorkdays)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(makeUpWorkdays);
        WeekendsOff = weekendsOff;
        _holidays = [.. holidays];
        _makeUpWorkdays = [.. makeUpWorkdays];

        var both = _holidays.Where(_makeUpWorkdays.Contains).Order().ToList();
        if (both.Count > 0) throw new ValidationException(ScheduleErrors.CalendarConflict(both));

        var exceptions = _holidays.Where(d => IsWeeklyWorkday(d.DayNumber))
            .Concat(_makeUpWorkdays.Where(d => !IsWeeklyWorkday(d.DayNumber)))
            .Select(d => d.DayNumber)
            .ToList();
        if (exceptions.Count == 0)
        {
            _lo = 1;
            _hi = 0;
            return;
        }

        _lo = exceptions.Min();
        _hi = exceptions.Max();
        _before = new long[_hi - _lo + 1];
        var workdays = new List<int>();
        long count = WeeklyBefore(_lo);
        for (int day = _lo; day <= _hi; day++)
        {
            _before[day - _lo] = count;
            if (IsWorkday(DateOnly.FromDayNumber(day)))
            {
                workdays.Add(day);
                count++;
            }
        }
        _workdays = [.. workdays];
        _shift = count - WeeklyBefore(_hi + 1);
    }

    public bool WeekendsOff { get; }

    public IReadOnlyCollection<DateOnly> Holidays => _holidays;

    public IReadOnlyCollection<DateOnly> MakeUpWorkdays => _makeUpWorkdays;

    public bool IsWorkday(DateOnly d) =>
        !_holidays.Contains(d) && (_makeUpWorkdays.Contains(d) || IsWeeklyWorkday(d.DayNumber));

    /// <summary>
    /// The number of working days before the day with day number <paramref name="dayNumber"/>
    /// (counted from 0001-01-01), which is also the ordinal of the first working day on or after it.
    /// </summary>
    internal long WorkdaysBefore(long dayNumber)
    {
        if (dayNumber < _lo || _lo > _hi) return WeeklyBefore(dayNumber);
        if (dayNumber > _hi) return WeeklyBefore(dayNumber) + _shift;
        return _before[dayNumber - _lo];
    }

    /// <summary>The day number of the working day with ordinal <paramref name="ordinal"/>; may fall
    /// outside the range of <see cref="DateOnly"/>, which the caller checks.</summary>
    internal long WorkdayAt(long ordinal)
    {
        if (_lo > _hi || ordinal < WeeklyBefore(_lo)) return WeeklyAt(ordinal);
        long first = _before[0];
        if (ordinal - first < _workdays.Length) return _workdays[ordinal - first];
        return WeeklyAt(ordinal - _shift);
    }

    private bool IsWeeklyWorkday(long dayNumber) => !WeekendsOff || FloorMod(dayNumber, 7) < 5;

    // Day number 0 (0001-01-01) is a Monday, so day n is a weekend day when n mod 7 is 5 or 6.
    private long WeeklyBefore(long dayNumber) =>
        WeekendsOff ? 5 * FloorDiv(dayNumber, 7) + Math.Min(FloorMod(dayNumber, 7), 5) : dayNumber;

    private long WeeklyAt(long ordinal) =>
        WeekendsOff ? 7 * FloorDiv(ordinal, 5) + FloorMod(ordinal, 5) : ordinal;

    private static long FloorDiv(long a, long b) => a >= 0 ? a / b : -((-a + b - 1) / b);

    private static long FloorMod(long a, long b) => a - b * FloorDiv(a, b);
}
