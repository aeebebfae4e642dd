using Milepost.Core.Indicators;

namespace Milepost.Core.Warnings;

/// <summary>A time node as the warning rules see it. Finishes are inclusive days (SPEC §3.3).</summary>
/// <param name="PlannedFinish">The planned finish; a node without one never warns.</param>
/// <param name="ActualFinish">The actual finish; a finish after the as-of date counts as not finished then.</param>
public sealed record WarningNode(long Id, string Name, DateOnly? PlannedFinish, DateOnly? ActualFinish);

/// <summary>A problem (问题台账) as the warning rules see it.</summary>
/// <param name="Title">A short name for messages (the description is cut to 30 characters).</param>
/// <param name="Deadline">The deadline to resolve it; a problem without one never warns.</param>
/// <param name="IsOpen">Open or in progress (not resolved, not unresolvable).</param>
public sealed record WarningProblem(long Id, string Title, DateOnly? Deadline, bool IsOpen);

/// <summary>
/// What the warning rules of SPEC §4.3 look at for one project.
/// </summary>
/// <param name="LagPoints">
/// The lag of SPEC §4.1 in percentage points, as the caller computed it (normally as of the last closed
/// month, the latest one reported); null when undefined, and then no lag rule applies.
/// </param>
/// <param name="Reports">
/// The project's report figures; only those of the last closed month are looked at. The month's report
/// is submitted on the earliest <see cref="ReportFigure.SubmittedOn"/> among its figures (a later
/// correction does not make it late); an approved figure without a date counts as submitted on time.
/// </param>
/// <param name="ReportRequired">False for a project that owes no monthly report (e.g. not yet in the reporting list); the report rules are then skipped.</param>
/// <param name="Opening">The project's opening balance: a month it covers owes no report (<see cref="OpeningFigure.Owes"/>).</param>
public sealed record WarningFacts(
    decimal? LagPoints,
    IReadOnlyList<WarningNode> Nodes,
    IReadOnlyList<WarningProblem> Problems,
    IReadOnlyList<ReportFigure> Reports,
    bool ReportRequired = true,
    OpeningFigure? Opening = null);
