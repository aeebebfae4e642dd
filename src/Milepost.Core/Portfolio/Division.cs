namespace Milepost.Core.Portfolio;

/// <summary>An administrative division (行政区划) by its 6-digit GB/T 2260 code; divisions form a tree.</summary>
public class Division
{
    /// <summary>The GB/T 2260 code, e.g. "511800" for a prefecture city, "511802" for one of its districts.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }

    public static bool IsValidCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);
}
