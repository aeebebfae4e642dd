using System.Globalization;

namespace Milepost.Web.Shared;

/// <summary>
/// The UI speaks Simplified Chinese first; English is a switch (a culture cookie). Every text is
/// written as its Chinese and English pair where it is used, so neither can be forgotten.
/// </summary>
public static class Lang
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;

    /// <summary>A date as officials write it: 2020年6月11日, or 2020-06-11 in English.</summary>
    public static string Date(DateOnly? d) => d is not { } v ? "—" : IsEnglish ? v.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : $"{v.Year}年{v.Month}月{v.Day}日";

    public static string ShortDate(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
