namespace Milepost.Core.Warnings;

/// <summary>Thresholds of the warning rules (SPEC §4.3); the defaults are the SPEC's.</summary>
public sealed record WarningSettings
{
    public static readonly WarningSettings Default = new();

    /// <summary>Red when the lag is at or below this many percentage points (≤, so exactly −20 is red).</summary>
    public decimal RedLagPoints { get; init; } = -20;
    /// <summary>Yellow when the lag is at or below this many percentage points (≤).</summary>
    public decimal YellowLagPoints { get; init; } = -10;
    /// <summary>Red when a node is overdue by more than this many days (&gt;, so exactly 30 is yellow).</summary>
    public int RedNodeOverdueDays { get; init; } = 30;
    /// <summary>Yellow when a node not done has its planned finish within this many days from today (inclusive).</summary>
    public int DueSoonDays { get; init; } = 7;
    /// <summary>Red when an open problem is past its deadline by more than this many days (&gt;).</summary>
    public int RedProblemOverdueDays { get; init; } = 15;
    /// <summary>Red when the last closed month's report is still missing more than this many days after its due date (&gt;).</summary>
    public int RedReportMissingDays { get; init; } = 10;
    /// <summary>The report of a month is due on this day of the next month (SPEC §3.4), 1..28.</summary>
    public int ReportDueDay { get; init; } = 5;

    /// <summary>Throws <see cref="ArgumentException"/> when the thresholds contradict each other.</summary>
    public void Check()
    {
        if (YellowLagPoints > 0)
            throw new ArgumentException($"YellowLagPoints must be 0 or below (a lag behind the plan), not {YellowLagPoints}");
        if (RedLagPoints > YellowLagPoints)
            throw new ArgumentException($"RedLagPoints ({RedLagPoints}) must be at or below YellowLagPoints ({YellowLagPoints})");
        if (RedNodeOverdueDays < 0 || DueSoonDays < 0 || RedProblemOverdueDays < 0 || RedReportMissingDays < 0)
            throw new ArgumentException("day thresholds cannot be negative");
        if (ReportDueDay is < 1 or > 28)
            throw new ArgumentException($"ReportDueDay must be 1..28, not {ReportDueDay}");
    }
}
