namespace Milepost.Core.Portfolio;

public enum UnitKind
{
    /// <summary>A government department answerable for projects (责任单位).</summary>
    Department,
    /// <summary>A company or agency that builds projects (业主单位).</summary>
    Owner,
}

/// <summary>An organisation: a responsible department or an owner unit.</summary>
public class Unit
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    public UnitKind Kind { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
}
