using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Milepost.Data;

namespace Milepost.Web.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A POST with the antiforgery token: a link elsewhere cannot sign the user out.
        app.MapPost(AccountGate.LogoutPath, async (SignInManager<MilepostUser> signIn, AccountAudit audit, HttpContext http) =>
        {
            var name = http.User.Identity?.Name;
            await signIn.SignOutAsync();
            if (name is not null)
                await audit.RecordAsync(name, AccountAudit.LoggedOut, http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? name);
            return TypedResults.LocalRedirect("/account/login");
        });

        // The language is a preference kept in a cookie; it changes no business data.
        app.MapGet("/culture", (string? c, string? r, HttpContext http) =>
        {
            var culture = c == "en" ? "en" : "zh-CN";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            var back = r is { Length: > 0 } && r.StartsWith('/') && !r.StartsWith("//") && !r.StartsWith("/\\") ? r : "/";
            return TypedResults.LocalRedirect(back);
        }).AllowAnonymous();
    }
}
