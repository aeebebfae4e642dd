using System.Text.Json.Serialization;

namespace Milepost.Core.Ranking;

/// <summary>
/// The weights and thresholds of the red-black list (SPEC §4.4) and the annual assessment (§4.5); the
/// defaults are the SPEC's. A publication records the settings it was computed with.
/// </summary>
public sealed record RankingSettings
{
    public static readonly RankingSettings Default = new();

    /// <summary>Marks for investment: weight × min(completion rate / 序时进度, 1).</summary>
    public decimal InvestmentWeight { get; init; } = 50;
    /// <summary>Marks for nodes: weight × node on-time ratio.</summary>
    public decimal NodeWeight { get; init; } = 40;
    /// <summary>Marks when the month's report was submitted by its due date.</summary>
    public decimal ReportOnTimePoints { get; init; } = 10;
    /// <summary>Marks when it was submitted after its due date (a missing report scores 0).</summary>
    public decimal ReportLatePoints { get; init; } = 5;

    /// <summary>The red list holds at most this many projects (and units).</summary>
    public int RedCount { get; init; } = 10;
    /// <summary>The red list takes only scores at or above this (≥).</summary>
    public decimal RedMinScore { get; init; } = 90;
    /// <summary>The black list holds, after every vetoed project, at most this many of the lowest (and as many units).</summary>
    public int BlackCount { get; init; } = 10;
    /// <summary>The black list takes only scores strictly below this (&lt;).</summary>
    public decimal BlackBelowScore { get; init; } = 60;

    /// <summary>Veto when a node is overdue by more than this many days at the end of the month (&gt;).</summary>
    public int VetoNodeOverdueDays { get; init; } = 60;
    /// <summary>Veto when the reports of this many consecutive months up to the month are missing (≥).</summary>
    public int VetoMissingMonths { get; init; } = 2;
    /// <summary>A responsible unit is ranked when it has at least this many eligible projects.</summary>
    public int UnitMinProjects { get; init; } = 2;

    /// <summary>Annual assessment: points added for each appearance of a unit's project on a red list.</summary>
    public decimal AssessmentRedPoints { get; init; } = 1;
    /// <summary>Annual assessment: points taken for each appearance of a unit's project on a black list.</summary>
    public decimal AssessmentBlackPoints { get; init; } = 2;
    /// <summary>Annual assessment: points added for each supervision item closed by its deadline.</summary>
    public decimal AssessmentItemOnTimePoints { get; init; } = 0.5m;
    /// <summary>Annual assessment: points taken for each supervision item closed late or still open past its deadline.</summary>
    public decimal AssessmentItemOverduePoints { get; init; } = 1;

    /// <summary>The highest score a project can get: the three components at full marks.</summary>
    [JsonIgnore] public decimal FullMarks => InvestmentWeight + NodeWeight + ReportOnTimePoints;

    /// <summary>The settings' contradictions, in Chinese and English; empty when they are sound.</summary>
    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        void Add(string field, string zh, string en) => errors.Add(new(field, "ranking.settings." + field, zh, en));
        if (InvestmentWeight < 0 || NodeWeight < 0 || ReportOnTimePoints < 0 || ReportLatePoints < 0)
            Add(nameof(InvestmentWeight), "各项分值不能为负数", "Weights cannot be negative");
        else if (FullMarks != 100)
            Add(nameof(InvestmentWeight), $"投资、节点、报送三项满分之和应为 100，现为 {FullMarks:0.##}",
                $"The three components must add up to 100, not {FullMarks:0.##}");
        if (ReportLatePoints > ReportOnTimePoints)
            Add(nameof(ReportLatePoints), "迟报得分不能高于按时报送得分", "A late report cannot score more than an on-time one");
        if (RedCount is < 0 or > 1000) Add(nameof(RedCount), "红榜名额应在 0 到 1000 之间", "The red list size must be 0..1000");
        if (BlackCount is < 0 or > 1000) Add(nameof(BlackCount), "黑榜名额应在 0 到 1000 之间", "The black list size must be 0..1000");
        if (RedMinScore is < 0 or > 100) Add(nameof(RedMinScore), "红榜分数线应在 0 到 100 之间", "The red threshold must be 0..100");
        if (BlackBelowScore is < 0 or > 100) Add(nameof(BlackBelowScore), "黑榜分数线应在 0 到 100 之间", "The black threshold must be 0..100");
        if (BlackBelowScore > RedMinScore) Add(nameof(BlackBelowScore), "黑榜分数线不能高于红榜分数线", "The black threshold cannot be above the red one");
        if (VetoNodeOverdueDays < 0) Add(nameof(VetoNodeOverdueDays), "节点逾期天数不能为负数", "Days overdue cannot be negative");
        if (VetoMissingMonths is < 1 or > 12) Add(nameof(VetoMissingMonths), "连续缺报月数应在 1 到 12 之间", "Consecutive missing months must be 1..12");
        if (UnitMinProjects < 1) Add(nameof(UnitMinProjects), "参与单位排名的最少项目数至少为 1", "A ranked unit needs at least one project");
        if (AssessmentRedPoints < 0 || AssessmentBlackPoints < 0 || AssessmentItemOnTimePoints < 0 || AssessmentItemOverduePoints < 0)
            Add(nameof(AssessmentRedPoints), "考核加减分值不能为负数（减分项填写正数）", "Assessment points cannot be negative (deductions are entered as positive)");
        return errors;
    }

    /// <summary>Throws <see cref="ArgumentException"/> when <see cref="Validate"/> finds a contradiction.</summary>
    public void Check()
    {
        var errors = Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors.Select(e => e.MessageEn)));
    }
}
