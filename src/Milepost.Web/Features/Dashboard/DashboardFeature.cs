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
    public static ProjectYearClass? RecordClass(string? raw) =>
        string.IsNullOrEmpty(raw) ? null
        : Enum.TryParse<ProjectYearClass>(raw, ignoreCase: false, out var c) && Enum.IsDefined(c) && !char.IsDigit(raw[0]) ? c
        : throw new ValidationException(new ValidationError("class", "invalid", $"年度分类“{raw}”无效", $"Year class '{raw}' is not valid"));

    /// <summary>The warning level named in a drill-down address; a name that is not one is refused.</summary>
    public static WarningLevel? RecordLevel(string? raw) =>
        string.IsNullOrEmpty(raw) ? null
        : Enum.TryParse<WarningLevel>(raw, ignoreCase: false, out var l) && Enum.IsDefined(l) && !char.IsDigit(raw[0]) ? l
        : throw new ValidationException(new ValidationError("level", "invalid", $"预警等级“{raw}”无效", $"Warning level '{raw}' is not valid"));
}
