using System.Runtime.CompilerServices;

namespace Milepost.Core.Tests;

internal static class TestTimeZone
{
    /// <summary>
    /// Runs the tests in the portfolio's default time zone (SPEC §10, UTC+8) rather than the
    /// machine's, usually UTC on build servers, where mixing up UTC and local time goes unnoticed.
    /// </summary>
    [ModuleInitializer]
    internal static void UseShanghai()
    {
        Environment.SetEnvironmentVariable("TZ", "Asia/Shanghai");
        TimeZoneInfo.ClearCachedData();
    }
}
