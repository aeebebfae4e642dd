using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Account;

/// <summary>
/// Writes an audit event for every refusal a signed-in user meets (SECURITY.md 7 and 10): a 403, a
/// page that sends them to 无权访问, and a 404 for a project or workflow record (report, photo, problem, supervision
/// item, visit) that exists but lies outside their scope
/// (the answer never says so; the trail does). Never for anonymous requests, which only reach sign-in.
/// </summary>
public static partial class AccessDeniedAudit
{
    public const string Action = "access.denied";

    public static IApplicationBuilder UseAccessDeniedAudit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        await next(ctx);
        if (ctx.User.Identity?.IsAuthenticated != true) return;
        var status = ctx.Response.StatusCode;
        string? reason = status switch
        {
            StatusCodes.Status403Forbidden => "forbidden",
            StatusCodes.Status302Found when ctx.Response.Headers.Location.ToString().Contains("/account/denied", StringComparison.OrdinalIgnoreCase) => "role",
            StatusCodes.Status404NotFound when ProjectId(ctx.Request.Path) is { } id && await OutOfScopeAsync(ctx, id) => "out-of-scope",
            StatusCodes.Status404NotFound when WorkRecord(ctx.Request.Path) is { } record && await ExistsAsync(ctx, record) => "out-of-scope",
            _ => null,
        };
        if (reason is null) return;
        // A scope of its own: the request's unit of work may hold changes the refusal left unsaved.
        await using var scope = ctx.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var clock = scope.ServiceProvider.GetRequiredService<PortfolioClock>();
        var target = $"{ctx.Request.Method} {ctx.Request.Path}";
        await using var tx = await db.Database.BeginTransactionAsync();
        await AuditTrail.AppendAsync(db, clock.UtcNow, ctx.User.Identity.Name ?? "?", Action, "Request",
            target.Length <= 50 ? target : target[..50], null, null, new { target, status, reason });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    });

    private static long? ProjectId(PathString path) =>
        ProjectPath().Match(path.Value ?? "") is { Success: true } m && long.TryParse(m.Groups[1].Value, out var id) ? id : null;

    private static async Task<bool> OutOfScopeAsync(HttpContext ctx, long id)
    {
        await using var scope = ctx.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var projects = scope.ServiceProvider.GetRequiredService<MilepostDb>().Projects.Where(p => p.Id == id);
        // Out of scope: the project exists but not among those the user may see (a missing node of a
        // visible project is a plain 404).
        return await projects.AnyAsync() && !await projects.VisibleTo(Actor.From(ctx.User)).AnyAsync();
    }

    [GeneratedRegex(@"^(?:/api/v1)?/projects/(\d+)(?:/|$)")]
    private static partial Regex ProjectPath();

    // The workflow records a user reaches by id. Their doors answer 404 for a record outside the user's scope as
    // for a missing one; one that exists was refused.
    [GeneratedRegex(@"^(?:/api/v1)?/(reports|problems|supervision|visits|photos)/(\d+)(?:/|$)")]
    private static partial Regex WorkPath();

    private static (string Kind, long Id)? WorkRecord(PathString path) =>
        WorkPath().Match(path.Value ?? "") is { Success: true } m && long.TryParse(m.Groups[2].Value, out var id) ? (m.Groups[1].Value, id) : null;

    private static async Task<bool> ExistsAsync(HttpContext ctx, (string Kind, long Id) record)
    {
        await using var scope = ctx.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var id = record.Id;
        return record.Kind switch
        {
            "reports" => await db.MonthlyReports.AnyAsync(r => r.Id == id),
            "problems" => await db.Problems.AnyAsync(p => p.Id == id),
            "supervision" => await db.SupervisionItems.AnyAsync(i => i.Id == id),
            "visits" => await db.Visits.AnyAsync(v => v.Id == id),
            _ => await db.ReportPhotos.AnyAsync(p => p.Id == id),
        };
    }
}
