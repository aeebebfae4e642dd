using Milepost.Core;
using Milepost.Core.Approvals;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Scheduling;
using Milepost.Core.Supervision;
using Milepost.Core.Visits;
using Milepost.Data;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    /// <summary>The demo story is told as of this day: January–May reports are in, June's are not due.</summary>
    public static readonly DateOnly StoryDate = new(2020, 6, 11);

    /// <summary>The invented city's outline (longitude, latitude), a rough ring around its projects.</summary>
    public static readonly Core.Maps.GeoBoundary Boundary = new([[
        new(102.900, 30.100), new(102.930, 30.160), new(103.000, 30.180), new(103.050, 30.165), new(103.100, 30.175),
        new(103.170, 30.140), new(103.190, 30.080), new(103.175, 30.020), new(103.190, 29.960), new(103.150, 29.910),
        new(103.080, 29.925), new(103.020, 29.900), new(102.960, 29.920), new(102.920, 29.970), new(102.895, 30.030),
    ]]);

    // How a typical project's year is spread over the months (per cent, adds to 100).
    private static readonly int[] MonthWeights = [4, 4, 8, 9, 9, 10, 9, 9, 9, 10, 10, 9];

    private static void AddWork(MilepostDb db, DemoProject demo, Dictionary<string, Unit> units, Dictionary<string, Leader> leaders, DateTime nowUtc)
    {
        var p = demo.Project;
        var shape = demo.Shape;
        Walk(p, nowUtc);
        if (shape.AnnualPlanWan > 0 || p.Stage != ProjectStage.Pipeline) db.AnnualPlans.Add(Plan(p, shape));
        AddNodes(db, p, shape);
        if (shape.AnnualPlanWan > 0) AddReports(db, p, shape);
        AddStory(db, p, units, leaders);
    }

    /// <summary>Takes the project through the real state machine up to its demo stage.</summary>
    private static void Walk(Project p, DateTime nowUtc)
    {
        var target = p.Stage;
        p.Stage = ProjectStage.Pipeline;
        var start = p.PlannedStart!.Value;
        void Go(ProjectStage to, DateOnly date, string? reason = null) =>
            Lifecycle.Transition(p, to, date, reason, "supervisor", StoryDate, nowUtc);
        if (target == ProjectStage.Pipeline) return;
        Go(ProjectStage.Preparation, start.AddDays(-240), "列入市级重点项目储备库，启动前期工作");
        if (target == ProjectStage.Preparation) return;
        Go(ProjectStage.Construction, start.AddDays(3), "取得施工许可，主体工程开工");
        if (target == ProjectStage.Suspended)
            Go(ProjectStage.Suspended, new DateOnly(2020, 3, 15), "与地铁管线迁改交叉作业，暂停施工待方案调整");
        if (target == ProjectStage.Completed)
            Go(ProjectStage.Completed, new DateOnly(2020, 4, 28), "完成竣工验收");
    }

    private static AnnualPlan Plan(Project p, Shape shape)
    {
        var annual = W(shape.AnnualPlanWan);
        var months = new List<Money>();
        if (shape.SplitByMonth && shape.AnnualPlanWan > 0)
        {
            for (var m = 0; m < 11; m++) months.Add(W(Math.Round(shape.AnnualPlanWan * MonthWeights[m] / 100m, 2)));
            months.Add(annual - Money.Sum(months)); // December takes the rounding remainder
        }
        return new AnnualPlan
        {
            ProjectId = p.Id,
            DivisionCode = p.DivisionCode,
            Year = 2020,
            PlannedInvestment = annual,
            BaselineInvestment = annual,
            MonthlyPlan = months,
            Goal = p.Stage switch
            {
                ProjectStage.Preparation or ProjectStage.Pipeline => "完成前期手续，力争年内开工",
                ProjectStage.Completed => "完成竣工验收并移交运营",
                _ => "完成年度投资计划，形象进度达到计划目标",
            },
            PlannedProgressPercent = p.Stage is ProjectStage.Preparation or ProjectStage.Pipeline ? 5 : 60,
            Version = 1,
        };
    }

    private static void AddNodes(MilepostDb db, Project p, Shape shape)
    {
        var s = p.PlannedStart!.Value;
        var c = p.PlannedCompletion!.Value;
        var mainDays = c.DayNumber - s.DayNumber + 1 - 30;
        // (name, kind, duration, predecessor indexes with lag): planned backwards from the completion date.
        var template = new (string Name, TimeNodeKind Kind, int Days, (int Index, int Lag)[] Preds)[]
        {
            ("可行性研究报告批复", TimeNodeKind.Approval, 30, []),
            ("用地预审与选址意见", TimeNodeKind.Land, 30, [(0, 0)]),
            ("初步设计及概算批复", TimeNodeKind.Design, 40, [(1, 0)]),
            ("施工许可", TimeNodeKind.Approval, 20, [(2, 0)]),
            ("主体工程施工", TimeNodeKind.Construction, mainDays, [(3, 30)]),
            ("配套及附属工程", TimeNodeKind.Construction, Math.Max(30, mainDays - 120), [(3, 90)]),
            ("竣工验收", TimeNodeKind.Completion, 30, [(4, 0), (5, 0)]),
        };
        var nodes = new List<TimeNode>();
        var cursor = s.AddDays(-150);
        for (var i = 0; i < template.Length; i++)
        {
            var t = template[i];
            var start = t.Preds.Length == 0 ? cursor : t.Preds.Max(pr => nodes[pr.Index].PlannedFinish!.Value.AddDays(pr.Lag + 1));
            var node = new TimeNode
            {
                ProjectId = p.Id, DivisionCode = p.DivisionCode, Name = t.Name, Kind = t.Kind, DurationDays = t.Days,
                PlannedStart = start, PlannedFinish = start.AddDays(t.Days - 1), SortOrder = i + 1,
                ResponsibleUnitId = t.Kind == TimeNodeKind.Construction ? p.OwnerUnitId : p.ResponsibleUnitId,
                ResponsiblePerson = t.Kind == TimeNodeKind.Construction ? p.ContactPerson : null,
                Deadline = i == 4 ? shape.MainWorksDeadline : null,
                Note = i == 4 && shape.MainWorksDeadline is not null ? "市长批示：确保年底主体完工" : null,
                Version = 1,
            };
            nodes.Add(node);
        }
        if (shape.OverdueNodeDays > 0)
        {
            var finish = StoryDate.AddDays(-shape.OverdueNodeDays);
            nodes.Add(new TimeNode
            {
                ProjectId = p.Id, DivisionCode = p.DivisionCode, Name = "征地拆迁及管线迁改", Kind = TimeNodeKind.Land, DurationDays = 60,
                PlannedStart = finish.AddDays(-59), PlannedFinish = finish, ActualStart = finish.AddDays(-59), SortOrder = 0,
                ResponsibleUnitId = p.ResponsibleUnitId, ResponsiblePerson = "分管副局长", Note = "进度滞后，已列入问题台账", Version = 1,
            });
        }
        var cutoff = StoryDate.AddDays(-1);
        foreach (var n in nodes.Where(n => n.ActualStart is null && p.Stage != ProjectStage.Pipeline))
        {
            if (n.PlannedStart <= cutoff) n.ActualStart = n.PlannedStart;
            if (n.PlannedFinish <= cutoff) n.ActualFinish = n.PlannedFinish!.Value.AddDays((int)(p.TotalInvestment.Yuan / 10_000 % 4));
        }
        db.TimeNodes.AddRange(nodes);
        db.SaveChanges();
        // Dependencies are stored by id, which the database has only now assigned.
        for (var i = 0; i < template.Length; i++)
            foreach (var (index, lag) in template[i].Preds)
                nodes[i].Predecessors.Add(new NodeDependency
                {
                    SuccessorId = nodes[i].Id, PredecessorId = nodes[index].Id, DivisionCode = p.DivisionCode, LagDays = lag,
                });
    }

    private static void AddReports(MilepostDb db, Project p, Shape shape)
    {
        var plan = Plan(p, shape);
        var total = p.TotalInvestment;
        // Investment before 2020 goes in as one summary report for December 2019 (历史数据汇总录入), so that
        // cumulative figures (AC, CPI) and physical progress start the year where the project really stands.
        var start = p.ActualStart ?? p.PlannedStart!.Value;
        var yearStart = new DateOnly(2020, 1, 1);
        var prior = Money.Zero;
        if (start < yearStart)
        {
            var span = Math.Max(1, p.PlannedCompletion!.Value.DayNumber - start.DayNumber);
            var share = Math.Min(0.95m, (decimal)(yearStart.DayNumber - start.DayNumber) / span) * 0.9m;
            prior = W(Math.Round(total.Wan * share, 2));
            db.MonthlyReports.Add(new MonthlyReport
            {
                ProjectId = p.Id, DivisionCode = p.DivisionCode, Month = new YearMonth(2019, 12), CompletedInvestment = prior,
                ProgressPercent = Math.Round(share * 100, 1), WorkersOnSite = 0, State = ReportState.Approved,
                Narrative = "2019年及以前累计完成投资（历史数据汇总录入）。",
                SubmittedAt = new DateTime(2020, 1, 3, 2, 0, 0, DateTimeKind.Utc), ReviewedAt = new DateTime(2020, 1, 6, 3, 0, 0, DateTimeKind.Utc),
                ReviewedBy = "supervisor", Version = 1,
            });
        }
        var cumulative = prior;
        decimal progress = 0;
        for (var m = 1; m <= 5; m++)
        {
            if (shape.MissingMonths.Contains(m)) continue;
            var month = new YearMonth(2020, m);
            var planned = plan.MonthlyPlan.Count == 12 ? plan.MonthlyPlan[m - 1] : plan.PlannedInvestment * (1m / 12);
            var done = W(Math.Round(planned.Wan * shape.Pace, 2));
            cumulative += done;
            // Physical progress follows the money, a little ahead or behind with the pace of works.
            progress = Math.Min(100, Math.Round(cumulative.Wan / total.Wan * 100 * (0.9m + shape.Pace / 10), 1));
            var due = MonthlyReport.DueDate(month);
            var submitted = shape.LateMonths.Contains(m) ? due.AddDays(4) : due.AddDays(-2);
            var report = new MonthlyReport
            {
                ProjectId = p.Id, DivisionCode = p.DivisionCode, Month = month, CompletedInvestment = done, ProgressPercent = progress,
                WorkersOnSite = (int)(200 * shape.Pace) + m * 10,
                Narrative = $"{m}月完成投资 {done.ToWanString()} 万元，{(shape.Pace >= 0.95m ? "按计划推进" : "进度滞后于序时计划")}。",
                NextMonthPlan = "继续推进主体工程施工，加快要素保障。",
                State = m < 5 ? ReportState.Approved : ReportState.Submitted,
                SubmittedAt = submitted.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc),
                ReviewedAt = m < 5 ? submitted.AddDays(2).ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc) : null,
                ReviewedBy = m < 5 ? "supervisor" : null,
                Version = 1,
            };
            report.FundsReceived.Add(new ReportFunds { DivisionCode = p.DivisionCode, Source = FundingSource.Fiscal, Amount = done * 0.4m });
            report.FundsReceived.Add(new ReportFunds { DivisionCode = p.DivisionCode, Source = FundingSource.BankLoan, Amount = done - done * 0.4m });
            db.MonthlyReports.Add(report);
        }
    }
}
