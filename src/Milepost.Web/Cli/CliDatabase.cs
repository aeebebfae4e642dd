using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Milepost.Data;
using Milepost.Web.Hosting;

namespace Milepost.Web.Cli;

/// <summary>What the commands that read the portfolio share: the configured database and the portfolio's clock.</summary>
internal static class CliDatabase
{
    /// <summary>
    /// The database the web app would use, from the same settings (appsettings, environment, <paramref name="configArgs"/>).
    /// Throws InvalidOperationException or TimeZoneNotFoundException when the configuration cannot be used.
    /// </summary>
    public static ServiceProvider Services(string[] configArgs, out MilepostOptions options)
    {
        var config = AuditCommand.Configuration(configArgs);
        options = config.GetSection("Milepost").Get<MilepostOptions>() ?? new MilepostOptions();
        return new ServiceCollection()
            .AddMilepostDb(DatabaseSetup.ParseProvider(options.Database), config.GetConnectionString("Milepost"))
            .BuildServiceProvider();
    }

    /// <summary>The portfolio's today, as the web app has it: pinned when the portfolio tells its story as of a day.</summary>
    public static async Task<PortfolioClock> ClockAsync(MilepostDb db, MilepostOptions options, CancellationToken ct)
    {
        var clock = new PortfolioClock(TimeProvider.System, Options.Create(options));
        var asOf = await db.Settings.AsNoTracking().Where(x => x.Key == SettingKeys.AsOfDate).Select(x => x.Value).FirstOrDefaultAsync(ct);
        clock.Pin(asOf is null ? null : System.Text.Json.JsonSerializer.Deserialize<DateOnly>(asOf));
        return clock;
    }

    /// <summary>
    /// Runs a command in the language of <c>--lang</c> (zh, the default, or en) and puts the caller's back afterwards;
    /// any other value is a usage error (exit 2).
    /// </summary>
    public static async Task<int> InLanguageAsync(string? lang, TextWriter stderr, Func<Task<int>> run)
    {
        if (lang is { } l && l != "zh" && l != "en")
            return Fail(stderr, 2, $"--lang 只能是 zh 或 en，而不是“{l}”", $"--lang must be zh or en, not \"{l}\"");
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        try
        {
            System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(lang == "en" ? "en" : "zh-CN");
            return await run();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }

    /// <summary>Writes a failure in both languages to stderr (scripts and people read it) and returns its exit code.</summary>
    public static int Fail(TextWriter stderr, int code, string zh, string en)
    {
        stderr.WriteLine(zh);
        stderr.WriteLine(en);
        return code;
    }
}
