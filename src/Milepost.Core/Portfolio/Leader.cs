namespace Milepost.Core.Portfolio;

/// <summary>The city's four leading bodies (四大班子), in their conventional order.</summary>
public enum LeaderBody
{
    PartyCommittee,    // 市委
    PeoplesCongress,   // 市人大常委会
    Government,        // 市政府
    Cppcc,             // 市政协
}

/// <summary>A city leader (市领导) who leads programmes and is linked to projects.</summary>
public class Leader
{
    public long Id { get; set; }
    public required string DivisionCode { get; set; }
    public required string Name { get; set; }
    /// <summary>Job title as written in documents, e.g. 市委书记, 市长, 副市长.</summary>
    public required string Title { get; set; }
    public LeaderBody Body { get; set; }
    /// <summary>Order of precedence (排序): lower comes first in every list.</summary>
    public int Precedence { get; set; }
    /// <summary>The fields the leader is in charge of (分管领域), as written: "交通、住建、自然资源".</summary>
    public string? Fields { get; set; }
    /// <summary>First day in office (任职起), if known.</summary>
    public DateOnly? InOfficeFrom { get; set; }
    /// <summary>Last day in office (任职止), if the leader has left; the leader stays in history.</summary>
    public DateOnly? InOfficeTo { get; set; }
    /// <summary>Other ways offices write the name, one per line (<see cref="AliasList"/> reads them).</summary>
    public string? Aliases { get; set; }
    /// <summary>Retired: hidden from pickers, kept for the records that name the leader.</summary>
    public bool IsRetired { get; set; }
    public long Version { get; set; }
}
