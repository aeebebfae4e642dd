using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// The base-data workbook over HTTP, for the supervision office only: GET /api/v1/base/workbook.xlsx exports it (audited
/// and rate-limited as the lists' exports are), GET /api/v1/base/workbook/template.xlsx gives it empty, and
/// POST /api/v1/base/workbook?dryRun=true|false (multipart "file", with the session's antiforgery token) imports it,
/// answering the <see cref="BaseDataWorkbookResult"/>: 200, or 422 with the errors (nothing written) and the token of
/// the error workbook (GET /api/v1/import/errors/{token}). A dry run is the default.
/// </summary>
public static class BaseDataWorkbookApi
{
    public const string ExportPath = "/api/v1/base/workbook.xlsx";

    public static IServiceCollection AddBaseDataWorkbook(this IServiceCollection s) =>
        s.AddScoped<BaseDataWorkbookImport>().AddScoped<BaseDataWorkbookExport>();

    public static IEndpointRouteBuilder MapBaseDataWorkbookApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/base").WithTags("Base data").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapGet("/workbook.xlsx", Export).RequireRateLimiting(ExportEndpoints.RateLimitPolicy);
        api.MapGet("/workbook/template.xlsx", Template);
        api.MapPost("/workbook", Import).WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxBytes + 256 * 1024));
        return e;
    }

    private static async Task<IResult> Export(BaseDataWorkbookExport export, ClaimsPrincipal user, CancellationToken ct)
    {
        var file = await export.ExportAsync(Actor.From(user), ct);
        return TypedResults.File(file.Bytes, ImportErrorWorkbook.ContentType, file.FileName);
    }

    private static IResult Template(ClaimsPrincipal user)
    {
        if (!Actor.From(user).CanEditProjects) throw new ForbiddenException("只有督查室可以导入基础数据", "Only the supervision office may import base data");
        var (name, bytes) = BaseDataWorkbookExport.Template();
        return TypedResults.File(bytes, ImportErrorWorkbook.ContentType, name);
    }

    private static async Task<IResult> Import(HttpContext http, BaseDataWorkbookImport import, IAntiforgery antiforgery, IMemoryCache cache,
        bool? dryRun, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (!actor.CanEditProjects) throw new ForbiddenException("只有督查室可以导入基础数据", "Only the supervision office may import base data");
        var (file, refusal) = await ImportFeature.ReadUploadAsync(http, antiforgery, ct);
        if (file is null) return refusal!;
        try
        {
            await using var upload = file.OpenReadStream();
            using var source = await SheetReader.OpenWorkbookAsync(upload, ct);
            var result = await import.RunAsync(actor, source, dryRun ?? true, Lang.IsEnglish, ct);
            if (!result.HasErrors) return TypedResults.Ok(result);
            return TypedResults.UnprocessableEntity(result with { ErrorToken = ImportFeature.Keep(cache, actor, BaseDataWorkbookImport.ErrorWorkbook(source, result)) });
        }
        catch (SheetRefusedException ex)
        {
            return ImportFeature.Refused(ex.Code, ex.MessageZh, ex.Message);
        }
    }
}
