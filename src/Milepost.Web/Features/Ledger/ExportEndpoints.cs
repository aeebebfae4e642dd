using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ledger;

/// <summary>What one export wrote: its file name, how many rows, and the audit event that records it.</summary>
public sealed record ExportResult(string FileName, long Rows, long AuditSequence);

/// <summary>
/// Runs an export for an actor: reads the rows (<see cref="ExportSources"/>), writes the file, and records one audit event
/// "export" with the kind, the filters and the row count (SECURITY.md 10: a bulk read of business data is logged like a
/// change). The event is written after the file, so it carries the true count; an export that fails records nothing.
/// </summary>
public sealed class ExportService(MilepostDb db, PortfolioClock clock, ExportSources sources)
{
    public const string AuditAction = "export";
    public const string AuditEntity = "Export";

    public async Task<ExportResult> RunAsync(Actor actor, ExportRequest request, ExportFormat format, Encoding csvEncoding, Stream output,
        CancellationToken ct = default)
    {
        var data = await sources.GetAsync(actor, request, ct);
        var rows = await ExportTable.WriteAsync(output, format, csvEncoding, SheetName(data.Title), data.Columns, data.Rows, ct);
        var extension = format == ExportFormat.Xlsx ? "xlsx" : "csv";
        var sequence = await RecordAsync(db, clock, actor, request.Kind, new
        {
            request.Kind, Format = extension, Encoding = format == ExportFormat.Csv ? csvEncoding.WebName : null,
            Filters = request.Values.Where(v => v.Key != "encoding").ToDictionary(), Rows = rows,
        }, ct);
        return new ExportResult($"{data.Title}-{clock.Today:yyyy-MM-dd}.{extension}", rows, sequence);
    }

    /// <summary>
    /// Records one download of business data as an "export" audit event (SECURITY.md 10), in its own transaction; the
    /// lists' exports and the red-black list's bulletins and assessment files all go through here. Returns the event's sequence.
    /// </summary>
    public static async Task<long> RecordAsync(MilepostDb db, PortfolioClock clock, Actor actor, string kind, object details, CancellationToken ct)
    {
        db.BeginCommand();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ev = await AuditTrail.AppendAsync(db, clock.UtcNow, actor.UserName, AuditAction, AuditEntity, kind, null, null, details, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return ev.Sequence;
    }

    /// <summary>A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ].</summary>
    private static string SheetName(string title)
    {
        var clean = new string([.. title.Select(c => c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' ? '-' : c)]);
        return clean.Length <= 31 ? clean : clean[..31];
    }

    /// <summary>The CSV encoding asked for: UTF-8 with BOM unless gb18030 (also gbk, gb2312, which it contains).</summary>
    public static Encoding CsvEncoding(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "utf-8" or "utf8" => ExportTable.Utf8Bom,
        "gb18030" or "gbk" or "gb2312" => ExportTable.Gb18030,
        _ => throw new ValidationException(new ValidationError("encoding", "invalid", $"编码“{name}”不支持，可选 utf-8 或 gb18030",
            $"Encoding '{name}' is not supported; use utf-8 or gb18030")),
    };
}

/// <summary>GET /api/v1/export/{kind}.xlsx|.csv?filters: the lists as spreadsheets, with a per-user rate limit.</summary>
public static class ExportEndpoints
{
    public const string RateLimitPolicy = "export";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IServiceCollection AddExports(this IServiceCollection services) =>
        services.AddScoped<ExportSources>().AddScoped<ExportService>();

    /// <summary>
    /// SECURITY.md 3: exports are bulk reads, so each user may start at most <paramref name="perMinute"/> a minute (a fixed
    /// window, by account name); more get 429 with <see cref="TooManyMessage"/>.
    /// </summary>
    public static void AddExportRateLimit(this RateLimiterOptions o, int perMinute) =>
        o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
            http.User.Identity?.Name ?? http.Connection.RemoteIpAddress?.ToString() ?? "anonymous",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = Math.Max(1, perMinute), Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));

    public static string TooManyMessage => Lang.T("导出过于频繁，请一分钟后再试。", "Too many exports; try again in a minute.");

    public static void MapExports(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/export").WithTags("Export").AddEndpointFilter(ProjectsApi.ErrorFilter).RequireRateLimiting(RateLimitPolicy);
        api.MapGet("/{kind}.xlsx", (string kind, HttpContext http, ExportService exports, ClaimsPrincipal user, CancellationToken ct) =>
            ExportAsync(kind, ExportFormat.Xlsx, http, exports, user, ct));
        api.MapGet("/{kind}.csv", (string kind, HttpContext http, ExportService exports, ClaimsPrincipal user, CancellationToken ct) =>
            ExportAsync(kind, ExportFormat.Csv, http, exports, user, ct));
    }

    private static async Task<IResult> ExportAsync(string kind, ExportFormat format, HttpContext http, ExportService exports, ClaimsPrincipal user,
        CancellationToken ct)
    {
        var request = new ExportRequest(kind, http.Request.Query.Select(q => KeyValuePair.Create(q.Key, (string?)q.Value.ToString())));
        var encoding = ExportService.CsvEncoding(http.Request.Query["encoding"]);
        // The file is written to a temporary file first: the row count goes into the audit event before anything is sent,
        // and a failure half-way sends an error rather than half a file. The file is deleted when the response is done.
        var path = Path.Combine(Path.GetTempPath(), "milepost-export-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var result = await exports.RunAsync(Actor.From(user), request, format, encoding, file, ct);
            file.Position = 0;
            var contentType = format == ExportFormat.Xlsx ? Xlsx : $"text/csv; charset={(encoding.WebName == "utf-8" ? "utf-8" : "gb18030")}";
            // Results.File writes filename (an ASCII fallback) and filename* (RFC 5987, UTF-8) for the Chinese name.
            return Results.File(file, contentType, result.FileName);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
