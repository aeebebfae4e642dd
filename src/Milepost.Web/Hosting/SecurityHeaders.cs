namespace Milepost.Web.Hosting;

/// <summary>
/// Response headers of SECURITY.md 24 on every response: a content security policy without inline
/// scripts (styles need 'unsafe-inline': AntDesign positions its popups with style attributes),
/// no framing, no MIME sniffing, a strict referrer policy; and no caching of signed-in pages.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "strict-origin-when-cross-origin";
            // Static assets may be cached; anything a signed-in user sees may not.
            if (context.User.Identity?.IsAuthenticated == true && !h.ContainsKey("ETag"))
                h.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        await next();
    });
}
