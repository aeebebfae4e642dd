namespace Milepost.Core.Portfolio;

/// <summary>
/// What the office types for a record of base data (基础数据), before it is checked: on the page, in the API and, later,
/// in a row of the base-data workbook. Nulls are fields left empty; <see cref="BaseDataRules"/> says which are required.
/// </summary>
/// <param name="Code">The 6-digit GB/T 2260 code; it is the record's key and cannot change once saved.</param>
/// <param name="ParentCode">The division it belongs to (a city's for a district), or null at the top.</param>
public sealed record DivisionInput(string? Code, string? Name, string? ParentCode);

/// <param name="Aliases">Other names as typed: separated by 、，,；; or new lines (<see cref="AliasList"/>).</param>
/// <param name="DivisionCode">The division the unit belongs to; null for the city (the single top-level division).</param>
public sealed record UnitInput(
    string? Name, string? ShortName, UnitKind? Kind, long? ParentId, string? Aliases,
    string? ContactPerson, string? ContactPhone, string? DivisionCode = null);

/// <param name="Precedence">Order of precedence (排序); null puts the leader after the others.</param>
/// <param name="Fields">The fields the leader is in charge of (分管领域), as written.</param>
public sealed record LeaderInput(
    string? Name, string? Title, LeaderBody? Body, int? Precedence, string? Fields,
    DateOnly? InOfficeFrom, DateOnly? InOfficeTo, string? Aliases, string? DivisionCode = null);

/// <param name="SortOrder">Position in lists; null puts the programme after the others.</param>
public sealed record ProgrammeInput(string? Name, long? LeadLeaderId, int? SortOrder, string? Aliases, string? DivisionCode = null);

/// <param name="SortOrder">Position in lists; null puts the category after the others.</param>
public sealed record CategoryInput(string? Name, string? NameEn, int? SortOrder, string? Aliases);

/// <summary>A name a record answers to on import, and the input field it came from (so a clash is shown there).</summary>
public sealed record AnsweredName(string Field, string Name);

/// <summary>Another live record of the same kind: its key, how to name it in a message, and every name it answers to.</summary>
public sealed record NamedRecord(string Key, string Label, IReadOnlyList<string> Names);
