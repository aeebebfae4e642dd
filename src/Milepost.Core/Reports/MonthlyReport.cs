using Milepost.Core.Projects;

namespace Milepost.Core.Reports;

public enum ReportState
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>
/// What an owner reports for one project and month (月报), SPEC §3.4. The cumulative figure of
/// the year is derived from the months, never typed. An approved report is not edited again: a
/// correction is a new revision and the old one is kept (<see cref="Revision"/>, <see cref="SupersededById"/>).
/// </summary>
public class MonthlyReport
{
    public long Id { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    public YearMonth Month { get; set; }
    public int Revision { get; set; } = 1;
    public long? SupersededById { get; set; }
    public Money CompletedInvestment { get; set; }
    /// <summary>Physical progress (形象进度) at month end, per cent 0..100.</summary>
    public decimal ProgressPercent { get; set; }
    public int WorkersOnSite { get; set; }
    public string? Narrative { get; set; }
    public string? NextMonthPlan { get; set; }
    /// <summary>Why physical progress is below last month's (required then, SPEC §3.4 validation).</summary>
    public string? ProgressReason { get; set; }
    public string? SubmittedBy { get; set; }
    public List<ReportPhoto> Photos { get; set; } = [];
    public List<ReportFunds> FundsReceived { get; set; } = [];
    public ReportState State { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public string? ReviewedBy { get; set; }
    public string? ReviewComment { get; set; }
    public long Version { get; set; }

    /// <summary>The report for a month is due by day <paramref name="dueDay"/> of the next month.</summary>
    public static DateOnly DueDate(YearMonth month, int dueDay = 5) => month.Next().FirstDay.AddDays(dueDay - 1);
}

/// <summary>Funds received in the month from one source (到位资金).</summary>
public class ReportFunds
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public required string DivisionCode { get; set; }
    public FundingSource Source { get; set; }
    public Money Amount { get; set; }
}

/// <summary>
/// A site photo attached to a report: the bytes live under data/ by their SHA-256 (never under the web
/// root); the row keeps what the page needs to list and check them.
/// </summary>
public class ReportPhoto
{
    public long Id { get; set; }
    public long ReportId { get; set; }
    public long ProjectId { get; set; }
    public required string DivisionCode { get; set; }
    /// <summary>Lower-case hex SHA-256 of the stored bytes: the file's name in the photo store.</summary>
    public required string Sha256 { get; set; }
    /// <summary>image/jpeg or image/png, as found from the bytes, not from the name.</summary>
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }
    public int Width { get; set; }
    public int Height { get; set; }
    /// <summary>The uploaded file's name, cleaned, for display only.</summary>
    public required string FileName { get; set; }
    public string? Caption { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedAt { get; set; }
}
