using System.Globalization;
using Milepost.Core;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Screen;

/// <summary>
/// How the wall display runs, read from its address so the office can set up a screen with a bookmark:
/// <c>?refresh=5</c> minutes between data refreshes (1–60, default 5), <c>?rotate=30</c> seconds per page
/// (0 = no rotation, else 3–3600, default 30) and <c>?programme=ID</c> to pin one programme.
/// <c>?refreshSeconds=</c> (2–3600) overrides the minutes: it exists so a browser test can watch a refresh
/// happen without waiting a minute, and is bounded so it cannot hammer the database.
/// </summary>
public sealed record ScreenOptions(TimeSpan Refresh, int RotateSeconds, long? ProgrammeId)
{
    public const int DefaultRefreshMinutes = 5;
    public const int DefaultRotateSeconds = 30;

    public static readonly ScreenOptions Default = new(TimeSpan.FromMinutes(DefaultRefreshMinutes), DefaultRotateSeconds, null);

    /// <summary>The refresh interval as the corner note says it: whole minutes, or seconds under the test override.</summary>
    public string RefreshLabel => Refresh.TotalSeconds % 60 == 0
        ? Lang.T($"每{Refresh.TotalMinutes:0}分钟自动刷新", $"refreshes every {Refresh.TotalMinutes:0} min")
        : Lang.T($"每{Refresh.TotalSeconds:0}秒自动刷新", $"refreshes every {Refresh.TotalSeconds:0} s");

    /// <summary>Reads the raw query values; a value out of range is reported and its default used, never silently clamped.</summary>
    public static (ScreenOptions Options, IReadOnlyList<ValidationError> Errors) Parse(string? refresh, string? refreshSeconds, string? rotate, string? programme)
    {
        var errors = new List<ValidationError>();
        int? Int(string field, string? raw, Func<int, bool> ok, string zh, string en)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && ok(v)) return v;
            errors.Add(new ValidationError(field, "invalid", $"{zh}“{raw}”无效", $"{en} '{raw}' is not valid"));
            return null;
        }
        var minutes = Int("refresh", refresh, v => v is >= 1 and <= 60, "刷新间隔（1—60分钟）", "Refresh interval (1–60 minutes)");
        var seconds = Int("refreshSeconds", refreshSeconds, v => v is >= 2 and <= 3600, "刷新间隔（2—3600秒）", "Refresh interval (2–3600 seconds)");
        var turn = Int("rotate", rotate, v => v == 0 || v is >= 3 and <= 3600, "轮播间隔（0或3—3600秒）", "Rotation (0 or 3–3600 seconds)");
        long? pinned = null;
        if (!string.IsNullOrWhiteSpace(programme))
        {
            if (long.TryParse(programme, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0) pinned = id;
            else errors.Add(new ValidationError("programme", "invalid", $"专项（板块）“{programme}”无效", $"Programme '{programme}' is not valid"));
        }
        var every = seconds is { } s ? TimeSpan.FromSeconds(s) : TimeSpan.FromMinutes(minutes ?? DefaultRefreshMinutes);
        return (new ScreenOptions(every, turn ?? DefaultRotateSeconds, pinned), errors);
    }
}
