namespace Milepost.Core.Portfolio;

/// <summary>The level of a division, read from its GB/T 2260 code.</summary>
public enum DivisionLevel
{
    /// <summary>省级: the code ends in 0000 (510000).</summary>
    Province,
    /// <summary>地级: the code ends in 00 (511800).</summary>
    City,
    /// <summary>县级: any other code (511802, and a county the province governs directly).</summary>
    County,
}

/// <summary>An administrative division (行政区划) by its 6-digit GB/T 2260 code; divisions form a tree.</summary>
public class Division
{
    /// <summary>The GB/T 2260 code, e.g. "511800" for a prefecture city, "511802" for one of its districts.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? ParentCode { get; set; }
    /// <summary>Retired (撤销/合并): hidden from pickers, kept for the projects and history that name it.</summary>
    public bool IsRetired { get; set; }
    /// <summary>Incremented on every save; a save carrying an older value is refused.</summary>
    public long Version { get; set; }

    /// <summary>The level, derived from the code (never stored, so it cannot disagree with it).</summary>
    public DivisionLevel Level => LevelOf(Code);

    public static bool IsValidCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static DivisionLevel LevelOf(string code) =>
        code.EndsWith("0000", StringComparison.Ordinal) ? DivisionLevel.Province
        : code.EndsWith("00", StringComparison.Ordinal) ? DivisionLevel.City
        : DivisionLevel.County;
}
