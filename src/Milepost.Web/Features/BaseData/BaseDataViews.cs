using Milepost.Core.Portfolio;

namespace Milepost.Web.Features.BaseData;

/// <summary>What every row of the base-data tables has: its key, name, state, version and how many projects use it.</summary>
public interface IBaseDataRow
{
    string Key { get; }
    string Name { get; }
    bool IsRetired { get; }
    long Version { get; }
    /// <summary>Projects that name the record (as division, owner or responsible unit, linked leader, programme or category).</summary>
    int Projects { get; }
}

/// <summary>A search over one kind: text in its names (and code), retired records too or not, and a page (counting from 1).</summary>
public sealed record BaseDataFilter(string? Q = null, bool Retired = false, int Page = 1, int PageSize = BaseDataFilter.DefaultPageSize)
{
    /// <summary>A province keeps thousands of units: tables show 100 a page.</summary>
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 200;
}

/// <param name="Depth">Levels above it in the tree (0 for the city of a city's install), for indenting the table.</param>
public sealed record DivisionRow(string Code, string Name, string? ParentCode, string? ParentName, DivisionLevel Level, int Depth,
    bool IsRetired, long Version, int Projects) : IBaseDataRow
{
    string IBaseDataRow.Key => Code;
}

public sealed record UnitRow(long Id, string Name, string? ShortName, UnitKind Kind, long? ParentId, string? ParentName,
    string DivisionCode, string? DivisionName, IReadOnlyList<string> Aliases, string? ContactPerson, string? ContactPhone,
    bool IsRetired, long Version, int Projects) : IBaseDataRow
{
    string IBaseDataRow.Key => BaseDataRules.Key(Id);
}

public sealed record LeaderRow(long Id, string Name, string Title, LeaderBody Body, int Precedence, string? Fields,
    DateOnly? InOfficeFrom, DateOnly? InOfficeTo, string DivisionCode, IReadOnlyList<string> Aliases,
    bool IsRetired, long Version, int Projects) : IBaseDataRow
{
    string IBaseDataRow.Key => BaseDataRules.Key(Id);
}

public sealed record ProgrammeRow(long Id, string Name, long? LeadLeaderId, string? LeadLeaderName, int SortOrder, string DivisionCode,
    IReadOnlyList<string> Aliases, bool IsRetired, long Version, int Projects) : IBaseDataRow
{
    string IBaseDataRow.Key => BaseDataRules.Key(Id);
}

public sealed record CategoryRow(long Id, string Name, string? NameEn, int SortOrder, IReadOnlyList<string> Aliases,
    bool IsRetired, long Version, int Projects) : IBaseDataRow
{
    string IBaseDataRow.Key => BaseDataRules.Key(Id);
}
