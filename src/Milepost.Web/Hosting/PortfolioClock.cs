using Microsoft.Extensions.Options;

namespace Milepost.Web.Hosting;

/// <summary>
/// The current instant and the current day in the portfolio's time zone (SPEC §10). Everything
/// that needs "now" asks this, so tests can move time with a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed class PortfolioClock(TimeProvider time, IOptions<MilepostOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
}
