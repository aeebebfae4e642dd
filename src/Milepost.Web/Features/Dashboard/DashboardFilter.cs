using System.Globalization;
using Milepost.Core;
using Milepost.Web.Features.Projects;

namespace Milepost.Web.Features.Dashboard;

/// <summary>
/// The dashboard's filters, as they live in the address (so a view can be bookmarked and sent): year and month of the
/// figures, and the programme, category, division, leader and responsible unit the projects are narrowed to. The names
/// are the project list's, so a number's link carries the same filters over. Every one is optional.
/// </summary>
public sealed record DashboardFilter
{
    public int? Year { get; init; }
    /// <summary>The month the figures are taken as of (1..12); the year's last closed month when empty.</summary>
    public int? Month { get; init; }
    public long? ProgrammeId { get; init; }
    public long? CategoryId { get; init; }
    public string? DivisionCode { get; init; }
    public long? LeaderId { get; init; }
    public long? ResponsibleUnitId { get; init; }
    /// <summary>The leader view: projects linked to this leader or in a programme the leader leads.</summary>
    public long? LedBy { get; init; }

    /// <summary>Reads the raw query values; a value that is not understood is reported, never silently dropped.</summary>
    public static (DashboardFilter Filter, IReadOnlyList<ValidationError> Errors) Parse(
        string? year, string? month, string? programme, string? category, string? division, string? leader, string? unit, string? ledBy = null)
    {
        var errors = new List<ValidationError>();
        int? Int(string field, string? raw, int min, int max, string zh, string en)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
            errors.Add(new ValidationError(field, "invalid", $"{zh}“{raw}”无效", $"{en} '{raw}' is not valid"));
            return null;
        }
        long? Id(string field, string? raw, string zh, string en)
        {
            if (string.IsNullOrWhiteSpace(raw)) return null;
            if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0) return v;
            errors.Add(new ValidationError(field, "invalid", $"{zh}“{raw}”无效", $"{en} '{raw}' is not valid"));
            return null;
        }
        string? divisionCode = null;
        if (!string.IsNullOrWhiteSpace(division))
        {
            // GB/T 2260 codes are six digits.
            if (division.Trim() is { Length: 6 } d && d.All(char.IsAsciiDigit)) divisionCode = d;
            else errors.Add(new ValidationError("division", "invalid", $"行政区划代码“{division}”无效", $"Division code '{division}' is not valid"));
        }
        var filter = new DashboardFilter
        {
            Year = Int("year", year, 2000, 2100, "年份", "Year"),
            Month = Int("month", month, 1, 12, "月份", "Month"),
            ProgrammeId = Id("programme", programme, "专项（板块）", "Programme"),
            CategoryId = Id("category", category, "项目类别", "Category"),
            DivisionCode = divisionCode,
            LeaderId = Id("leader", leader, "联系市领导", "Leader"),
            ResponsibleUnitId = Id("unit", unit, "责任单位", "Responsible unit"),
            LedBy = Id("ledby", ledBy, "市领导", "Leader"),
        };
        return (filter, errors);
    }

    /// <summary>The filters as query-string values (null drops the key), in the names <see cref="Parse"/> reads.</summary>
    public IReadOnlyDictionary<string, object?> ToQuery() => new Dictionary<string, object?>
    {
        ["year"] = Year?.ToString(CultureInfo.InvariantCulture),
        ["month"] = Month?.ToString(CultureInfo.InvariantCulture),
        ["programme"] = ProgrammeId?.ToString(CultureInfo.InvariantCulture),
        ["category"] = CategoryId?.ToString(CultureInfo.InvariantCulture),
        ["division"] = DivisionCode,
        ["leader"] = LeaderId?.ToString(CultureInfo.InvariantCulture),
        ["unit"] = ResponsibleUnitId?.ToString(CultureInfo.InvariantCulture),
        ["ledby"] = LedBy?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>"year=2020&amp;programme=3…": the query string of <see cref="ToQuery"/>, empty when nothing is set.</summary>
    public string QueryString(params (string Key, string? Value)[] extra) => Join(ToQuery().Select(kv => (kv.Key, kv.Value as string)).Concat(extra));

    /// <summary>The project list's address for these filters plus <paramref name="extra"/> (e.g. a stage).</summary>
    public string ProjectsLink(params (string Key, string? Value)[] extra)
    {
        // The list filters by project only; the dashboard's year and month do not narrow which projects are counted.
        var q = Join(ToQuery().Where(kv => kv.Key is not ("year" or "month")).Select(kv => (kv.Key, kv.Value as string)).Concat(extra));
        return q.Length == 0 ? "/projects" : "/projects?" + q;
    }

    /// <summary>The drill-down list of the records a number counts (<see cref="RecordKinds"/>), under these filters, year and month included.</summary>
    public string RecordsLink(string kind, params (string Key, string? Value)[] extra) =>
        QueryString(extra) is { Length: > 0 } q ? $"/dashboard/records/{kind}?{q}" : $"/dashboard/records/{kind}";

    /// <summary>The same projects as the project list's filter, for the totals to match the list.</summary>
    public ProjectFilter ToProjectFilter() => new()
    {
        ProgrammeId = ProgrammeId, CategoryId = CategoryId, DivisionCode = DivisionCode, LeaderId = LeaderId, ResponsibleUnitId = ResponsibleUnitId, LedBy = LedBy,
    };

    private static string Join(IEnumerable<(string Key, string? Value)> pairs) =>
        string.Join("&", pairs.Where(p => !string.IsNullOrEmpty(p.Value)).Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value!)}"));
}
