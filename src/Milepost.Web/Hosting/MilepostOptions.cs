namespace Milepost.Web.Hosting;

/// <summary>Settings under "Milepost" (appsettings.json, environment Milepost__X, or --Milepost:X=...).</summary>
public sealed class MilepostOptions
{
    /// <summary>"sqlite" (default, a file under data/) or "postgres" (with ConnectionStrings:Milepost).</summary>
    public string Database { get; set; } = "sqlite";
    /// <summary>Seed the demo portfolio into an empty database.</summary>
    public bool Demo { get; set; } = true;
    /// <summary>The portfolio's time zone: day boundaries (overdue, due today) are taken in it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";
    /// <summary>Where the SQLite file's default location, the data-protection keys and later uploads live.</summary>
    public string DataDirectory { get; set; } = "data";
    /// <summary>Sign-in page requests (GET and POST, password and second factor) allowed per client address and minute.</summary>
    public int SignInRateLimit { get; set; } = 20;
    /// <summary>The office that issues bulletins (督查通报), printed under their title and as their signature.</summary>
    public string IssuingOffice { get; set; } = "市委督查室";
}
