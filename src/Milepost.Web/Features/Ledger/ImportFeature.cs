using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Caching.Memory;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// Ledger import over HTTP (issue 8): POST /api/v1/import/projects (multipart "file", ?dryRun=&amp;createMissing=) and
/// POST /api/v1/import/reports (?dryRun=&amp;approve=) answer
/// the <see cref="ImportResult"/> (422 when there are errors: nothing was written); the error workbook is kept in memory
/// for 30 minutes for the user who uploaded, at GET /api/v1/import/errors/{token}. Supervisor only; the role is checked
/// before the body is read, and the session's antiforgery token is required as for any form post (SECURITY.md 18).
/// </summary>
public static class ImportFeature
{
    public static readonly TimeSpan ErrorWorkbookLifetime = TimeSpan.FromMinutes(30);

    public static IServiceCollection AddImport(this IServiceCollection s)
    {
        s.AddMemoryCache();
        s.AddScoped<ProjectImport>().AddScoped<ReportImport>();
        return s;
    }

    public static IEndpointRouteBuilder MapImportApi(this IEndpointRouteBuilder e)
    {
        var api = e.MapGroup("/api/v1/import").WithTags("Import").AddEndpointFilter(ProjectsApi.ErrorFilter);
        api.MapPost("/projects", ImportProjects).WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxBytes + 256 * 1024));
        api.MapPost("/reports", ImportReports).WithMetadata(new RequestSizeLimitAttribute(SheetReader.MaxBytes + 256 * 1024));
        api.MapGet("/errors/{token}", Errors);
        api.MapGet("/template/{kind}", Template);
        return e;
    }

    private static Task<IResult> ImportProjects(HttpContext http, ProjectImport import, IAntiforgery antiforgery, IMemoryCache cache,
        bool? dryRun, bool? createMissing, CancellationToken ct) =>
        ImportAsync(http, antiforgery, cache, "只有督查室可以导入项目台账", "Only the supervision office may import the project ledger",
            (actor, source, form) => import.RunAsync(actor, source, dryRun ?? true, createMissing ?? false, null, Lang.IsEnglish, ct, SectionChoices(form)), ct);

    /// <summary>
    /// The form field "sections": the office's choice of category per section heading, as a JSON object
    /// {"（一）交通基础设施工程": "交通"}; absent or unreadable, the headings are mapped automatically.
    /// </summary>
    private static Dictionary<string, string>? SectionChoices(IFormCollection form)
    {
        if (form["sections"].FirstOrDefault() is not { Length: > 0 } json) return null;
        try { return System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(json); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    /// <summary>POST /api/v1/import/reports?dryRun=&amp;approve=: monthly reports; approve=true records them as approved by the office.</summary>
    private static Task<IResult> ImportReports(HttpContext http, ReportImport import, IAntiforgery antiforgery, IMemoryCache cache,
        bool? dryRun, bool? approve, CancellationToken ct) =>
        ImportAsync(http, antiforgery, cache, "只有督查室可以导入月报", "Only the supervision office may import monthly reports",
            (actor, source, _) => import.RunAsync(actor, source, dryRun ?? true, approve ?? false, null, Lang.IsEnglish, ct), ct);

    private static async Task<IResult> ImportAsync(HttpContext http, IAntiforgery antiforgery, IMemoryCache cache, string forbiddenZh, string forbiddenEn,
        Func<Actor, SheetSource, IFormCollection, Task<ImportResult>> run, CancellationToken ct)
    {
        var actor = Actor.From(http.User);
        if (!actor.CanEditProjects) throw new ForbiddenException(forbiddenZh, forbiddenEn);
        var (file, refusal) = await ReadUploadAsync(http, antiforgery, ct);
        if (file is null) return refusal!;
        try
        {
            await using var upload = file.OpenReadStream();
            using var source = await SheetReader.OpenAsync(upload, file.FileName, ct);
            var result = await run(actor, source, http.Request.Form);
            if (!result.HasErrors) return TypedResults.Ok(result);
            result = result with { ErrorToken = Keep(cache, actor, ImportErrorWorkbook.Build(source, result)) };
            return TypedResults.UnprocessableEntity(result);
        }
        catch (SheetRefusedException ex)
        {
            return Refused(ex.Code, ex.MessageZh, ex.Message);
        }
    }

    /// <summary>
    /// The file ("file") of a multipart form post that carries the session's antiforgery token (SECURITY.md 18), or the
    /// 400 that says what is wrong with the request. Call it after the role check: it reads the body.
    /// </summary>
    public static async Task<(IFormFile? File, IResult? Refusal)> ReadUploadAsync(HttpContext http, IAntiforgery antiforgery, CancellationToken ct)
    {
        if (!http.Request.HasFormContentType)
            return (null, Refused("import.file.missing", "请以表单（multipart/form-data）上传 .xlsx 或 .csv 文件", "Upload the file as multipart/form-data"));
        try { await antiforgery.ValidateRequestAsync(http); }
        catch (AntiforgeryValidationException)
        {
            return (null, Refused("antiforgery", "页面已过期，请刷新后重新上传", "The page has expired; reload and upload again"));
        }
        IFormCollection form;
        try { form = await http.Request.ReadFormAsync(ct); }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            var tooLarge = SheetReader.TooLarge();
            return (null, Refused(tooLarge.Code, tooLarge.MessageZh, tooLarge.Message));
        }
        return form.Files.GetFile("file") is { } file ? (file, null) : (null, Refused("import.file.missing", "请选择要导入的文件", "Choose a file to import"));
    }

    public static IResult Refused(string code, string zh, string en)
    {
        var message = Lang.T(zh, en);
        return TypedResults.BadRequest(new ErrorBody(message, [new ErrorItem("file", code, message)]));
    }

    /// <summary>Keeps an error workbook for its user; returns the token that names it.</summary>
    public static string Keep(IMemoryCache cache, Actor actor, byte[] workbook)
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        cache.Set(Key(actor, token), workbook, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = ErrorWorkbookLifetime, Size = null });
        return token;
    }

    private static string Key(Actor actor, string token) => $"import-errors:{actor.UserName}:{token}";

    /// <summary>GET /api/v1/import/template/{projects|reports}: the empty sheet of <see cref="ImportTemplate"/>.</summary>
    private static IResult Template(string kind, ClaimsPrincipal user)
    {
        if (!Actor.From(user).CanEditProjects) throw new ForbiddenException("只有督查室可以导入台账和月报", "Only the supervision office imports ledgers and reports");
        return ImportTemplate.Build(kind) is { } t ? TypedResults.File(t.Bytes, ImportErrorWorkbook.ContentType, t.FileName) : TypedResults.NotFound();
    }

    private static IResult Errors(string token, ClaimsPrincipal user, IMemoryCache cache)
    {
        var actor = Actor.From(user);
        if (!actor.CanEditProjects) throw new ForbiddenException("只有督查室可以导入项目台账", "Only the supervision office may import the project ledger");
        // Another user's token is simply not there.
        return cache.TryGetValue(Key(actor, token), out byte[]? bytes) && bytes is not null
            ? TypedResults.File(bytes, ImportErrorWorkbook.ContentType, "导入错误清单.xlsx")
            : TypedResults.NotFound();
    }
}
