using System.Text.Json.Serialization;

namespace Milepost.Core.Ranking;

/// <summary>Which list an entry is on.</summary>
public enum RankingList
{
    None,
    /// <summary>红榜.</summary>
    Red,
    /// <summary>黑榜.</summary>
    Black,
}

/// <summary>A veto (一票否决): the project goes on the black list whatever its score.</summary>
/// <param name="Rule">"veto.node.overdue" or "veto.reports.missing".</param>
public sealed record RankingVeto(string Rule, string MessageZh, string MessageEn);

/// <summary>
/// One eligible project's place in the month's list, with the components that make its score.
/// Components are rounded to 2 decimals and the score is their sum, so what is shown adds up.
/// </summary>
/// <param name="Ratio">Completion rate / 序时进度 rounded to 6 decimals, uncapped (the second tie-break); 1 when 序时进度 is 0.</param>
/// <param name="Rank">Place among the projects ranked this month (1 = best); null when exempted.</param>
/// <param name="Position">Place on its list (1 = first named), or null when on none.</param>
public sealed record RankingEntry(
    long ProjectId,
    string? Code,
    string Name,
    long UnitId,
    string UnitName,
    Money AnnualPlan,
    decimal? CompletionRate,
    decimal? Expected,
    decimal Ratio,
    decimal InvestmentScore,
    decimal NodeScore,
    decimal ReportScore,
    decimal Score,
    IReadOnlyList<RankingVeto> Vetoes,
    int? Rank,
    RankingList List,
    int? Position,
    RankingExemption? Exemption)
{
    [JsonIgnore] public bool Vetoed => Vetoes.Count > 0;
}

/// <summary>
/// A responsible unit's score for the month: the annual-plan-weighted mean of its ranked projects'
/// scores, rounded to 2 decimals. Units with fewer than <see cref="RankingSettings.UnitMinProjects"/>
/// projects keep their score (the annual assessment uses it) but are not ranked.
/// </summary>
public sealed record UnitRankingEntry(
    long UnitId,
    string UnitName,
    int Projects,
    Money AnnualPlan,
    decimal Score,
    int? Rank,
    RankingList List,
    int? Position);

/// <summary>The red-black list of one month, computed from its inputs and settings.</summary>
/// <param name="Entries">Every eligible project, exempted ones last, the rest in rank order.</param>
/// <param name="Ineligible">Inputs left out: no annual plan for the year, or cancelled.</param>
public sealed record RankingResult(
    YearMonth Month,
    IReadOnlyList<RankingEntry> Entries,
    IReadOnlyList<UnitRankingEntry> Units,
    int Ineligible)
{
    [JsonIgnore] public IEnumerable<RankingEntry> Red => Entries.Where(e => e.List == RankingList.Red).OrderBy(e => e.Position);
    [JsonIgnore] public IEnumerable<RankingEntry> Black => Entries.Where(e => e.List == RankingList.Black).OrderBy(e => e.Position);
    [JsonIgnore] public IEnumerable<RankingEntry> Exempted => Entries.Where(e => e.Exemption is not null);
    [JsonIgnore] public IEnumerable<UnitRankingEntry> RedUnits => Units.Where(u => u.List == RankingList.Red).OrderBy(u => u.Position);
    [JsonIgnore] public IEnumerable<UnitRankingEntry> BlackUnits => Units.Where(u => u.List == RankingList.Black).OrderBy(u => u.Position);
}
