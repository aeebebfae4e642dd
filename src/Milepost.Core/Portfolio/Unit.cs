namespace Milepost.Core.Portfolio;

/// <summary>What an organisation is to the key projects. Stored by name, so members may be added.</summary>
public enum UnitKind
{
    /// <summary>A government department answerable for projects (责任单位).</summary>
    Department,
    /// <summary>A company or agency that builds projects (业主单位).</summary>
    Owner,
    /// <summary>A department that leads a field or programme (牵头部门); also answerable for projects.</summary>
    LeadDepartment,
    /// <summary>A district or county government (县区政府); also answerable for the projects on its ground.</summary>
    CountyGovernment,
}

public static class UnitKinds
{
    /// <summary>The kinds that may be a project's responsible unit or a supervision item's lead unit.</summary>
    public static bool IsResponsible(this UnitKind kind) => kind != UnitKind.Owner;
}

/// <summary>An organisation: a responsible department, a lead department, a county government or an owner unit.</summary>
public class Unit
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    /// <summary>简称, e.g. 市交通局 for 市交通运输局; also matched on import.</summary>
    public string? ShortName { get; set; }
    public UnitKind Kind { get; set; }
    /// <summary>The unit it belongs to (a group's subsidiary, a bureau's office); null at the top.</summary>
    public long? ParentId { get; set; }
    /// <summary>Other names offices write for it (曾用名, 俗称), one per line (<see cref="AliasList"/> reads them).</summary>
    public string? Aliases { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    /// <summary>Retired: hidden from pickers, kept for the records that name it.</summary>
    public bool IsRetired { get; set; }
    public long Version { get; set; }
}
