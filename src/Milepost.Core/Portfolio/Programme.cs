namespace Milepost.Core.Portfolio;

/// <summary>A programme (专项 / 板块): a group of projects headed by one lead leader.</summary>
public class Programme
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public long? LeadLeaderId { get; set; }
    public Leader? LeadLeader { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Other names offices write for it, one per line (<see cref="AliasList"/> reads them).</summary>
    public string? Aliases { get; set; }
    /// <summary>Retired: hidden from pickers, kept for the records that name it.</summary>
    public bool IsRetired { get; set; }
    public long Version { get; set; }
}

/// <summary>An industry category (行业类别): transport, industry, culture and tourism, …</summary>
public class Category
{
    public long Id { get; set; }
    public required string Name { get; set; }
    public string? NameEn { get; set; }
    public int SortOrder { get; set; }
    /// <summary>Other names offices write for it (交通基础设施 for 交通), one per line (<see cref="AliasList"/> reads them).</summary>
    public string? Aliases { get; set; }
    /// <summary>Retired: hidden from pickers, kept for the records that name it.</summary>
    public bool IsRetired { get; set; }
    public long Version { get; set; }
}
