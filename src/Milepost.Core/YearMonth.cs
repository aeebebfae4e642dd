namespace Milepost.Core;

/// <summary>A calendar month, e.g. the month a monthly report covers. Persisted as yyyymm.</summary>
public readonly record struct YearMonth : IComparable<YearMonth>
{
    public YearMonth(int year, int month)
    {
        if (year is < 1900 or > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 1900..9999");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        Year = year;
        Month = month;
    }

    public int Year { get; }
    public int Month { get; }

    public DateOnly FirstDay => new(Year, Month, 1);
    public DateOnly LastDay => FirstDay.AddMonths(1).AddDays(-1);

    public YearMonth Next() => Month == 12 ? new(Year + 1, 1) : new(Year, Month + 1);
    public YearMonth Previous() => Month == 1 ? new(Year - 1, 12) : new(Year, Month - 1);

    public static YearMonth Of(DateOnly date) => new(date.Year, date.Month);

    public int ToInt() => Year * 100 + Month;
    public static YearMonth FromInt(int yyyymm) => new(yyyymm / 100, yyyymm % 100);

    /// <summary>Reads "2020-05" (also "2020-5"); false for anything else, including a month outside 1..12.</summary>
    public static bool TryParse(string? text, out YearMonth month)
    {
        month = default;
        var parts = text?.Trim().Split('-');
        if (parts is not [var y, var m] || y.Length != 4 || m.Length is < 1 or > 2
            || !int.TryParse(y, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(m, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var mm)
            || year < 1900 || mm is < 1 or > 12)
            return false;
        month = new YearMonth(year, mm);
        return true;
    }

    public int CompareTo(YearMonth other) => ToInt().CompareTo(other.ToInt());
    public static bool operator <(YearMonth a, YearMonth b) => a.ToInt() < b.ToInt();
    public static bool operator >(YearMonth a, YearMonth b) => a.ToInt() > b.ToInt();
    public static bool operator <=(YearMonth a, YearMonth b) => a.ToInt() <= b.ToInt();
    public static bool operator >=(YearMonth a, YearMonth b) => a.ToInt() >= b.ToInt();

    public override string ToString() => $"{Year:D4}-{Month:D2}";
}
