using Milepost.Core;
using Milepost.Core.Indicators;
using Milepost.Core.Projects;
using Milepost.Core.Ranking;

namespace Milepost.Bench;

/// <summary>One generated project as the ranking reads it: the indicator facts and what the list prints.</summary>
public sealed record ProvinceProject(ProjectFacts Facts, string? Code, string Name, long UnitId, string UnitName, IReadOnlyList<VetoNode> Nodes);

/// <summary>
/// A seeded province-scale portfolio for the red-black list of May 2020, read on 2020-06-11 with reports due on the
/// 5th: every project eligible (annual plan 1,000–60,000 万元 in whole 1,000 万元, so plans repeat), half with a
/// 12-month plan and half without, 20 time nodes each (planned finishes from October 2019 to December 2020; of those
/// due, 80 % on time, 18 % late, 2 % still open, which vetoes about one project in ten for a node overdue more than 60
/// days), reports for January–May (85 % on time, 8 % late, 7 % missing, so a few projects miss two in a row), 300
/// responsible units, and one code in twenty left empty. Completion is drawn from a few steps and many projects finish every node on time, so scores tie
/// in large groups and the tie-breaks (ratio, plan, code, id) do real work.
/// </summary>
public static class ProvincePortfolio
{
    public static readonly YearMonth Month = new(2020, 5);
    public static readonly DateOnly AsOf = new(2020, 6, 11);
    public const int ReportDueDay = 5;
    public const int Units = 300;

    public static List<ProvinceProject> Generate(int projects, int seed = 20200611)
    {
        var rng = new Random(seed);
        var unitNames = Enumerable.Range(1, Units).Select(u => $"第{u:000}责任单位").ToArray();
        var list = new List<ProvinceProject>(projects);
        for (var id = 1L; id <= projects; id++)
        {
            var plan = Money.FromWan(rng.Next(1, 61) * 1000m);
            var monthly = rng.Next(2) == 0 ? [] : MonthlyPlan(plan, rng);
            // Completion as a share of the plan to date, in a few steps: many projects land on the same figures.
            var pace = rng.Next(0, 7) * 0.25m;
            var reports = new List<ReportFigure>(5);
            for (var m = 1; m <= Month.Month; m++)
            {
                var month = new YearMonth(2020, m);
                var roll = rng.Next(100);
                if (roll < 7) continue; // missing
                var due = RankingInputs.DueDate(month, ReportDueDay);
                var submitted = roll < 92 ? due.AddDays(-rng.Next(0, 5)) : due.AddDays(rng.Next(1, 16));
                var completed = Money.FromYuan(Math.Round(plan.Yuan / 12m * pace));
                reports.Add(new ReportFigure(month, completed, Math.Min(100, m * 8), Approved: roll < 80, submitted));
            }

            var nodes = new List<NodeFigure>(20);
            var vetoNodes = new List<VetoNode>(20);
            var punctual = rng.Next(3) == 0; // a third finish every node on time: full node marks, more ties
            for (var n = 0; n < 20; n++)
            {
                var planned = new DateOnly(2019, 10, 1).AddDays(n * 23 + rng.Next(0, 20));
                DateOnly? actual = planned > Month.LastDay ? null : (punctual ? 0 : rng.Next(100)) switch
                {
                    < 80 => planned.AddDays(-rng.Next(0, 10)),
                    < 98 => planned.AddDays(rng.Next(1, 40)),
                    _ => null, // still open: overdue, vetoed when more than 60 days
                };
                nodes.Add(new NodeFigure(planned, actual));
                vetoNodes.Add(new VetoNode($"节点{n + 1:00}", planned, actual));
            }

            var unit = rng.Next(Units);
            var code = rng.Next(20) == 0 ? null : $"2020-5118{rng.Next(0, 100):00}-48-01-{id % 50_000:000000}";
            var facts = new ProjectFacts(id, plan * 3, plan, monthly, 100m, reports, nodes, [], ProjectStage.Construction,
                ProjectYearClass.Continuing, new DateOnly(2019, 3, 1));
            list.Add(new ProvinceProject(facts, code, $"省重点项目{id:000000}", unit + 1, unitNames[unit], vetoNodes));
        }
        return list;
    }

    /// <summary>Twelve months that add up to the plan: a slow start, the rest even, the remainder in December.</summary>
    private static Money[] MonthlyPlan(Money plan, Random rng)
    {
        var weights = Enumerable.Range(1, 12).Select(m => m <= 2 ? 1m : 1m + rng.Next(0, 3) * 0.5m).ToArray();
        var total = weights.Sum();
        var months = weights.Select(w => Money.FromYuan(Math.Floor(plan.Yuan * w / total))).ToArray();
        months[11] += plan - Money.Sum(months);
        return months;
    }

    /// <summary>Every project's input for the month, as <c>RankingQueries</c> builds them.</summary>
    public static List<RankingInput> Inputs(IReadOnlyList<ProvinceProject> projects)
    {
        var inputs = new List<RankingInput>(projects.Count);
        foreach (var p in projects)
            inputs.Add(RankingInputs.From(p.Facts, p.Code, p.Name, p.UnitId, p.UnitName, p.Nodes, Month, AsOf, ReportDueDay, cancelled: false));
        return inputs;
    }
}
