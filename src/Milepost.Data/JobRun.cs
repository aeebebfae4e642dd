namespace Milepost.Data;

/// <summary>
/// One run of a daily background job. The key (job, day) is unique, so when several app instances
/// wake at once exactly one inserts the row and does the work; the others find it taken and stop.
/// </summary>
public class JobRun
{
    public required string Job { get; set; }
    public DateOnly Day { get; set; }
    /// <summary>The instance that claimed the run (machine and process), for the operator.</summary>
    public required string Instance { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    /// <summary>What the run did, in a line ("3 problems escalated").</summary>
    public string? Result { get; set; }
}
