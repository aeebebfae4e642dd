using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Milepost.Data;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Account;

/// <summary>
/// The password rules of SECURITY.md item 2 (GB/T 22239 8.1.4.1a): at least the configured length,
/// three of the four character classes, and nothing a guesser would try first: the product name,
/// the account's own name, or the name of any unit in the portfolio.
/// </summary>
public sealed class PasswordRules(MilepostDb db, IOptions<IdentityOptions> options) : IPasswordValidator<MilepostUser>
{
    public const int RequiredClasses = 3;

    public async Task<IdentityResult> ValidateAsync(UserManager<MilepostUser> manager, MilepostUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        var length = options.Value.Password.RequiredLength;
        if (password.Length < length)
            errors.Add(Error("PasswordTooShort", $"密码至少需要 {length} 个字符。", $"The password needs at least {length} characters."));
        if (Classes(password) < RequiredClasses)
            errors.Add(Error("PasswordClasses", "密码需包含小写字母、大写字母、数字、符号中的至少三类。",
                "The password needs at least three of: lower case, upper case, digits, symbols."));
        if (password.Contains("milepost", StringComparison.OrdinalIgnoreCase))
            errors.Add(Error("PasswordProductName", "密码不能包含系统名称 milepost。", "The password must not contain the name milepost."));
        if (user.UserName is { Length: > 0 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(Error("PasswordUserName", "密码不能包含用户名。", "The password must not contain the user name."));
        if (password.Length > 0)
        {
            var units = await db.Units.AsNoTracking().Select(u => u.Name).ToListAsync();
            if (units.Any(u => u.Length >= 2 && password.Contains(u, StringComparison.OrdinalIgnoreCase)))
                errors.Add(Error("PasswordUnitName", "密码不能包含单位名称。", "The password must not contain a unit name."));
        }
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }

    /// <summary>How many of lower case, upper case, digits and symbols (anything else) occur.</summary>
    public static int Classes(string password) =>
        (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
        + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    private static IdentityError Error(string code, string zh, string en) => new() { Code = code, Description = T(zh, en) };
}
