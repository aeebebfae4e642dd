namespace Milepost.Core.Ranking;

/// <summary>
/// The red-black list of SPEC §4.4 for one month. Pure: the same inputs, exemptions and settings give
/// the same list, entry for entry, whatever order the inputs come in.
/// <list type="bullet">
/// <item>Score = investment + nodes + reporting, each rounded to 2 decimals (away from zero).</item>
/// <item>Rank order, best first: score, then completion rate / 序时进度 (<see cref="RankingEntry.Ratio"/>), then
/// annual plan (larger first), then 项目代码 (projects with a code before those without, ordinal), then id.
/// The black list reads the same order from the bottom.</item>
/// <item>Red: the first <see cref="RankingSettings.RedCount"/> not vetoed with score ≥ <see cref="RankingSettings.RedMinScore"/>.</item>
/// <item>Black: every vetoed project, worst first, then the last <see cref="RankingSettings.BlackCount"/> not vetoed with
/// score &lt; <see cref="RankingSettings.BlackBelowScore"/>, worst first.</item>
/// <item>Exempted projects are shown with their components and reason but are not ranked, listed or counted for their unit.</item>
/// </list>
/// </summary>
public static class RankingCalculator
{
    public const string VetoNodeOverdue = "veto.node.overdue";
    public const string VetoReportsMissing = "veto.reports.missing";

    public static RankingResult Compute(YearMonth month, IEnumerable<RankingInput> inputs, IEnumerable<RankingExemption> exemptions, RankingSettings settings)
    {
        settings.Check();
        var exempt = new Dictionary<long, RankingExemption>();
        foreach (var e in exemptions) exempt.TryAdd(e.ProjectId, e);   // one per project; the first given stands

        var scored = new List<RankingEntry>();
        var ineligible = 0;
        foreach (var input in inputs)
        {
            if (!input.Eligible) { ineligible++; continue; }
            scored.Add(Score(input, settings, exempt.GetValueOrDefault(input.ProjectId)));
        }

        var ranked = scored.Where(e => e.Exemption is null).ToList();
        ranked.Sort(BestFirst);
        var lists = AssignLists(ranked, settings);
        var entries = new List<RankingEntry>(scored.Count);
        for (var i = 0; i < ranked.Count; i++)
        {
            var (list, position) = lists.GetValueOrDefault(ranked[i].ProjectId);
            entries.Add(ranked[i] with { Rank = i + 1, List = list, Position = position });
        }
        entries.AddRange(scored.Where(e => e.Exemption is not null).OrderBy(e => e, Comparer<RankingEntry>.Create(ByCodeThenId)));

        return new RankingResult(month, entries, RankUnits(entries.Where(e => e.Rank is not null), settings), ineligible);
    }

    /// <summary>The components, score and vetoes of one eligible project, before ranking.</summary>
    public static RankingEntry Score(RankingInput p, RankingSettings s, RankingExemption? exemption = null)
    {
        var fraction = p.Expected is { } e && e > 0 ? Math.Min((p.CompletionRate ?? 0) / e, 1m) : 1m;
        var ratio = p.Expected is { } ex && ex > 0 ? Math.Round((p.CompletionRate ?? 0) / ex, 6, MidpointRounding.AwayFromZero) : 1m;
        var investment = Round(s.InvestmentWeight * fraction);
        var nodes = Round(s.NodeWeight * (p.NodeOnTimeRatio ?? 1m));
        var report = p.Report switch
        {
            ReportTimeliness.OnTime or ReportTimeliness.Opening => s.ReportOnTimePoints,
            ReportTimeliness.Late => s.ReportLatePoints,
            _ => 0m,
        };
        return new RankingEntry(p.ProjectId, p.Code, p.Name, p.UnitId, p.UnitName, p.AnnualPlan, p.CompletionRate, p.Expected, ratio,
            investment, nodes, Round(report), investment + nodes + Round(report), Vetoes(p, s), null, RankingList.None, null, exemption);
    }

    private static List<RankingVeto> Vetoes(RankingInput p, RankingSettings s)
    {
        var vetoes = new List<RankingVeto>();
        if (p.MostOverdueDays > s.VetoNodeOverdueDays)
            vetoes.Add(new(VetoNodeOverdue,
                $"节点“{p.MostOverdueNode}”逾期 {p.MostOverdueDays} 天（逾期超过 {s.VetoNodeOverdueDays} 天一票否决）",
                $"Node \"{p.MostOverdueNode}\" is {p.MostOverdueDays} days overdue (veto after {s.VetoNodeOverdueDays} days)"));
        if (p.MissingMonthsInRow >= s.VetoMissingMonths)
            vetoes.Add(new(VetoReportsMissing,
                $"连续 {p.MissingMonthsInRow} 个月未报送月报（连续 {s.VetoMissingMonths} 个月缺报一票否决）",
                $"Reports missing for {p.MissingMonthsInRow} months in a row (veto at {s.VetoMissingMonths})"));
        return vetoes;
    }

    private static Dictionary<long, (RankingList, int?)> AssignLists(List<RankingEntry> bestFirst, RankingSettings s)
    {
        var lists = new Dictionary<long, (RankingList, int?)>();
        var red = 0;
        foreach (var e in bestFirst)
        {
            if (red == s.RedCount || e.Score < s.RedMinScore) break;
            if (!e.Vetoed) lists[e.ProjectId] = (RankingList.Red, ++red);
        }
        var black = 0;
        for (var i = bestFirst.Count - 1; i >= 0; i--)
            if (bestFirst[i].Vetoed) lists[bestFirst[i].ProjectId] = (RankingList.Black, ++black);
        var bottom = 0;
        for (var i = bestFirst.Count - 1; i >= 0 && bottom < s.BlackCount; i--)
        {
            var e = bestFirst[i];
            if (e.Score >= s.BlackBelowScore) break;
            if (e.Vetoed) continue;
            bottom++;
            lists[e.ProjectId] = (RankingList.Black, ++black);
        }
        return lists;
    }

    private static List<UnitRankingEntry> RankUnits(IEnumerable<RankingEntry> ranked, RankingSettings s)
    {
        var units = ranked.GroupBy(e => e.UnitId).Select(g =>
        {
            var plan = Money.Sum(g.Select(e => e.AnnualPlan));
            // Weighted by the plan in 元; a unit's plans are all above 0 (eligibility), so the sum is too.
            var weighted = g.Sum(e => e.Score * e.AnnualPlan.Yuan) / plan.Yuan;
            return new UnitRankingEntry(g.Key, g.First().UnitName, g.Count(), plan, Round(weighted), null, RankingList.None, null);
        }).ToList();

        var rankable = units.Where(u => u.Projects >= s.UnitMinProjects)
            .OrderByDescending(u => u.Score).ThenByDescending(u => u.AnnualPlan).ThenBy(u => u.UnitId).ToList();
        var result = new List<UnitRankingEntry>(units.Count);
        var redUnits = rankable.TakeWhile(u => u.Score >= s.RedMinScore).Take(s.RedCount).Select(u => u.UnitId).ToList();
        var blackUnits = Enumerable.Reverse(rankable).TakeWhile(u => u.Score < s.BlackBelowScore)
            .Where(u => !redUnits.Contains(u.UnitId)).Take(s.BlackCount).Select(u => u.UnitId).ToList();
        for (var i = 0; i < rankable.Count; i++)
        {
            var u = rankable[i];
            var r = redUnits.IndexOf(u.UnitId);
            var b = blackUnits.IndexOf(u.UnitId);
            result.Add(u with
            {
                Rank = i + 1,
                List = r >= 0 ? RankingList.Red : b >= 0 ? RankingList.Black : RankingList.None,
                Position = r >= 0 ? r + 1 : b >= 0 ? b + 1 : null,
            });
        }
        result.AddRange(units.Where(u => u.Projects < s.UnitMinProjects).OrderBy(u => u.UnitId));
        return result;
    }

    /// <summary>Best first: score, ratio, annual plan (each larger first), then code, then id.</summary>
    public static int BestFirst(RankingEntry a, RankingEntry b)
    {
        var c = b.Score.CompareTo(a.Score);
        if (c != 0) return c;
        c = b.Ratio.CompareTo(a.Ratio);
        if (c != 0) return c;
        c = b.AnnualPlan.CompareTo(a.AnnualPlan);
        return c != 0 ? c : ByCodeThenId(a, b);
    }

    private static int ByCodeThenId(RankingEntry a, RankingEntry b)
    {
        var c = (a.Code, b.Code) switch
        {
            (null, null) => 0,
            (null, _) => 1,
            (_, null) => -1,
            var (x, y) => string.CompareOrdinal(x, y),
        };
        return c != 0 ? c : a.ProjectId.CompareTo(b.ProjectId);
    }

    /// <summary>Rounds to 2 decimals, away from zero, and always keeps 2 decimals (45 → 45.00), so snapshots read alike.</summary>
    internal static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero) + 0.00m;
}
