using System.Security.Claims;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Core.Warnings;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Dashboard;

/// <summary>The dashboard's filters as the API reads them: the names of the page's address.</summary>
public sealed record DashboardQuery(string? Year, string? Month, string? Programme, string? Category, string? Division, string? Leader, string? Unit, string? LedBy = null)
{
    /// <summary>The filter, or a validation error naming every value that was not understood.</summary>
    public DashboardFilter ToFilter()
    {
        var (filter, errors) = DashboardFilter.Parse(Year, Month, Programme, Category, Division, Leader, Unit, LedBy);
        return errors.Count == 0 ? filter : throw new ValidationException(errors);
    }
}

/// <summary>
/// 挂图作战 (SPEC §6): the portfolio dashboard at "/" and GET /api/v1/dashboard. Open to the business roles
/// (supervisor, leader, department, owner) over the projects each may see (ProjectScope); the auditor (audit trail only) and the admin
/// roles hold no business data and get 403 (三权分立).
/// </summary>
public static class DashboardFeature
{
    public static IServiceCollection AddDashboard(this IServiceCollection s) => s.AddScoped<DashboardQueries>().AddScoped<DashboardRecords>();

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/dashboard").WithTags("Dashboard").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/", (DashboardQueries q, ClaimsPrincipal user, [AsParameters] DashboardQuery f, CancellationToken ct) =>
            q.GetAsync(Actor.From(user), f.ToFilter(), ct));
        // The records a number counts (class=NewStart… for kind "class", level=Red… for "warning"), fifty to a page.
        api.MapGet("/records/{kind}", (DashboardRecords q, ClaimsPrincipal user, string kind, [AsParameters] DashboardQuery f,
                string? @class, string? level, int? page, CancellationToken ct) =>
            q.ListAsync(Actor.From(user), f.ToFilter(), kind, RecordClass(@class), RecordLevel(level), page ?? 1, ct));
        return e;
    }

    /// <summary>The year class named in a drill-down address; a name that is not one is refused, never ignored.</summary>
    public static ProjectYearClass? RecordClass(string? raw) => Named<ProjectYearClass>(raw, "class", "年度分类", "Year class");

    /// <summary>The warning level named in a drill-down address; a name that is not one is refused.</summary>
    public static WarningLevel? RecordLevel(string? raw) => Named<WarningLevel>(raw, "level", "预警等级", "Warning level");

    // Names only: Enum.TryParse would also take "1" or "Red,Yellow".
    private static T? Named<T>(string? raw, string field, string zh, string en) where T : struct, Enum =>
        string.IsNullOrEmpty(raw) ? null
        : Enum.TryParse<T>(raw, ignoreCase: false, out var v) && Enum.IsDefined(v) && !char.IsDigit(raw[0]) ? v
        : throw new ValidationException(new ValidationError(field, "invalid", $"{zh}“{raw}”无效", $"{en} '{raw}' is not valid"));
}
