namespace Milepost.Data;

/// <summary>
/// One portfolio setting (rule thresholds, the working calendar, the as-of date of a demo or
/// rehearsal portfolio), stored as JSON under a key. Defaults apply when a key is absent.
/// </summary>
public class PortfolioSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
    public DateTime UpdatedAt { get; set; }
    public required string UpdatedBy { get; set; }
    public long Version { get; set; }
}

public static class SettingKeys
{
    /// <summary>A fixed "today" for the whole portfolio (yyyy-MM-dd): the demo tells its story as of 2020-06-11.</summary>
    public const string AsOfDate = "portfolio.asOfDate";
    /// <summary>The working calendar (weekends, holidays, make-up working days); absent means calendar days.</summary>
    public const string Calendar = "portfolio.calendar";
    /// <summary>Warning thresholds (SPEC §4.3 defaults when absent).</summary>
    public const string Warnings = "rules.warnings";
    /// <summary>Red-black list and annual assessment weights and thresholds (SPEC §4.4/§4.5 defaults when absent).</summary>
    public const string Ranking = "rules.ranking";
    /// <summary>The division boundary drawn on the project map (rings of longitude/latitude read from an uploaded GeoJSON); absent means points only.</summary>
    public const string Boundary = "map.boundary";
}
