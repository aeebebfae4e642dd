using System.Globalization;
using Milepost.Core;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Supervision;
using Milepost.Web.Shared;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Supervision;

namespace Milepost.Web.Features.Ledger;

/// <summary>The kinds of export, as they appear in the address (/api/v1/export/{kind}.xlsx) and on the command line.</summary>
public static class ExportKinds
{
    public const string Projects = "projects";
    public const string Reports = "reports";
    public const string Statistics = "statistics";
    public const string OverdueNodes = "overdue-nodes";
    public const string Problems = "problems";
    public const string Supervision = "supervision";
    public static readonly string[] All = [Projects, Reports, Statistics, OverdueNodes, Problems, Supervision];
}

/// <summary>
/// An export's filters, read from the same query names as the page the export comes from (/projects: programme, category,
/// division, stage, leader, unit, q, ledby, sort, desc, year; /problems: category, state, dept, leader, overdue;
/// /supervision: state, source, unit, overdue, q), plus from/to (reports, months as 2020-01) and year/month (statistics).
/// A value that is not understood is an error naming the parameter, never silently dropped.
/// </summary>
public sealed class ExportRequest
{
    private readonly Dictionary<string, string> _values;
    private readonly List<ValidationError> _errors = [];

    public ExportRequest(string kind, IEnumerable<KeyValuePair<string, string?>> values)
    {
        Kind = kind;
        _values = values.Where(v => !string.IsNullOrWhiteSpace(v.Value))
            .GroupBy(v => v.Key.ToLowerInvariant()).ToDictionary(g => g.Key, g => g.Last().Value!.Trim());
        if (!ExportKinds.All.Contains(kind))
            throw new NotFoundException("export");
    }

    public string Kind { get; }

    /// <summary>The filters as given (non-empty values only), for the audit event.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    private string? Raw(string key) => _values.GetValueOrDefault(key);

    private void Error(string key, string zh, string en) =>
        _errors.Add(new ValidationError(key, "invalid", $"筛选条件 {key}=“{Raw(key)}”无效：{zh}", $"Filter {key}='{Raw(key)}' is not valid: {en}"));

    private long? Id(string key)
    {
        if (Raw(key) is not { } raw) return null;
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0) return v;
        Error(key, "应为正整数编号", "expected a positive id");
        return null;
    }

    private int? Int(string key, int min, int max)
    {
        if (Raw(key) is not { } raw) return null;
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        Error(key, $"应为 {min}–{max} 之间的整数", $"expected a whole number from {min} to {max}");
        return null;
    }

    private bool? Bool(string key)
    {
        if (Raw(key) is not { } raw) return null;
        if (bool.TryParse(raw, out var v)) return v;
        if (raw is "1" or "0") return raw == "1";
        Error(key, "应为 true 或 false", "expected true or false");
        return null;
    }

    private T? Enum<T>(string key) where T : struct, System.Enum
    {
        if (Raw(key) is not { } raw) return null;
        if (!raw.All(char.IsAsciiDigit) && System.Enum.TryParse<T>(raw, ignoreCase: true, out var v)) return v;
        Error(key, "可选值为 " + string.Join("、", System.Enum.GetNames<T>()), "one of " + string.Join(", ", System.Enum.GetNames<T>()));
        return null;
    }

    private YearMonth? Month(string key)
    {
        if (Raw(key) is not { } raw) return null;
        if (YearMonth.TryParse(raw, out var m)) return m;
        Error(key, "月份应写作 2020-05", "write the month as 2020-05");
        return null;
    }

    private string? Division()
    {
        if (Raw("division") is not { } raw) return null;
        if (raw is { Length: 6 } && raw.All(char.IsAsciiDigit)) return raw;
        Error("division", "行政区划代码应为 6 位数字", "a division code has six digits");
        return null;
    }

    private void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new ValidationException([.. _errors]);
    }

    /// <summary>The project list's filters, all pages.</summary>
    public ProjectFilter Projects()
    {
        var f = new ProjectFilter
        {
            ProgrammeId = Id("programme"), CategoryId = Id("category"), DivisionCode = Division(), Stage = Enum<ProjectStage>("stage"),
            LeaderId = Id("leader"), ResponsibleUnitId = Id("unit"), LedBy = Id("ledby"), Search = Raw("q"), Year = Int("year", 2000, 2100),
            Sort = Enum<ProjectSort>("sort") ?? ProjectSort.Code, Descending = Bool("desc") ?? false,
            PageSize = ProjectQueries.MaxPageSize,
        };
        ThrowIfInvalid();
        return f;
    }

    /// <summary>The monthly reports' month range (both ends included; either may be open) and project filters.</summary>
    public (ProjectFilter Projects, YearMonth? From, YearMonth? To) Reports()
    {
        var from = Month("from");
        var to = Month("to");
        var projects = Projects();
        if (from is { } a && to is { } b && a.CompareTo(b) > 0)
            throw new ValidationException(new ValidationError("from", "invalid", $"起始月份 {a} 晚于截止月份 {b}", $"The first month {a} is after the last month {b}"));
        return (projects, from, to);
    }

    /// <summary>The dashboard's filters (year, month and the project filters), for the statistics and overdue nodes.</summary>
    public DashboardFilter Dashboard()
    {
        var f = new DashboardFilter
        {
            Year = Int("year", 2000, 2100), Month = Int("month", 1, 12), ProgrammeId = Id("programme"), CategoryId = Id("category"),
            DivisionCode = Division(), LeaderId = Id("leader"), ResponsibleUnitId = Id("unit"), LedBy = Id("ledby"),
        };
        ThrowIfInvalid();
        return f;
    }

    public ProblemFilter Problems()
    {
        var f = new ProblemFilter(Enum<ProblemCategory>("category"), Enum<ProblemState>("state"), Id("dept"), Id("leader"), Bool("overdue") ?? false, Id("project"));
        ThrowIfInvalid();
        return f;
    }

    public SupervisionFilter Supervision()
    {
        var f = new SupervisionFilter(Enum<SupervisionState>("state"), Id("unit"), Bool("overdue"), Enum<SupervisionSource>("source"), Raw("q"),
            PageSize: SupervisionQueries.MaxPageSize);
        ThrowIfInvalid();
        return f;
    }
}
