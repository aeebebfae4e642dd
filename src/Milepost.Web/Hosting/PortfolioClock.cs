using Microsoft.Extensions.Options;

namespace Milepost.Web.Hosting;

/// <summary>
/// The current instant and the current day in the portfolio's time zone (SPEC §10). Everything
/// that needs "now" asks this, so tests can move time with a fake <see cref="TimeProvider"/>.
/// A portfolio may pin its day (the setting portfolio.asOfDate): the demo city tells its story as
/// of 2020-06-11, so its warnings and indicators read as they would have on that day.
/// </summary>
public sealed class PortfolioClock(TimeProvider time, IOptions<MilepostOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);
    private DateOnly? _asOf;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => _asOf ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);

    /// <summary>The pinned day, or null when the portfolio runs on the real date.</summary>
    public DateOnly? AsOfDate => _asOf;

    public TimeZoneInfo Zone => _zone;

    public void Pin(DateOnly? day) => _asOf = day;
}
