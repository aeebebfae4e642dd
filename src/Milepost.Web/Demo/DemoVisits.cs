using Microsoft.EntityFrameworkCore;
using Milepost.Core.Approvals;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Supervision;
using Milepost.Core.Visits;
using Milepost.Data;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    /// <summary>
    /// Visits with several leaders and findings (some already passed on as problems or supervision
    /// items, some not), and each project's approval chain, so the statistics have real medians.
    /// </summary>
    private static async Task AddVisitsAndApprovalsAsync(MilepostDb db, IReadOnlyList<DemoProject> demos, Dictionary<string, Unit> units,
        Dictionary<string, Leader> leaders, CancellationToken ct)
    {
        var projects = demos.Select(d => d.Project).ToDictionary(p => p.Name);
        AddApprovalChains(db, demos, projects);

        Visit V(string date, string lead, string[] others, string[] visited, string findings, params (string Text, string? Project)[] items)
        {
            var first = projects[visited[0]];
            var v = new Visit
            {
                DivisionCode = first.DivisionCode, LeaderId = leaders[lead].Id, Date = DateOnly.Parse(date), Findings = findings,
                RecordedBy = "supervisor", Version = 1,
            };
            foreach (var l in others.Prepend(lead)) v.Leaders.Add(new VisitLeader { LeaderId = leaders[l].Id, DivisionCode = first.DivisionCode });
            foreach (var name in visited) v.Projects.Add(new VisitProject { ProjectId = projects[name].Id, DivisionCode = projects[name].DivisionCode });
            foreach (var (text, project) in items)
                v.FindingItems.Add(new VisitFinding { DivisionCode = first.DivisionCode, Text = text, ProjectId = project is null ? null : projects[project].Id });
            db.Visits.Add(v);
            return v;
        }

        var panda = V("2020-06-05", "陈宇航", ["赵明辉"], ["熊猫新城起步区开发建设", "岷江会议会展中心"],
            "赵明辉市长、陈宇航副市长现场督导熊猫新城起步区和会议会展中心建设。起步区安置房用地征收尚未完成，会展中心幕墙分包招标滞后，要求新城区和业主单位倒排工期、挂图作战，6 月底前解决制约开工和进度的问题。",
            ("起步区安置房用地尚有 3 宗未完成征收，影响二期地块开工", "熊猫新城起步区开发建设"),
            ("会展中心幕墙专业分包招标滞后，要求 6 月 20 日前完成招标", "岷江会议会展中心"),
            ("起步区道路管网施工作业面不足，需增加施工班组", "熊猫新城起步区开发建设"));
        var port = V("2020-05-28", "孙立群", [], ["岷江国际陆港（无水港）", "岷江综合客运枢纽"],
            "孙立群常务副市长现场督导国际陆港和综合客运枢纽。陆港海关监管区验收准备不足，枢纽项目施工许可办理进度偏慢，要求相关部门主动靠前服务。",
            ("综合客运枢纽施工许可办理进度偏慢，要求住建部门开辟绿色通道", "岷江综合客运枢纽"),
            ("陆港海关监管作业场所验收资料准备不足", "岷江国际陆港（无水港）"));
        V("2020-06-09", "刘静怡", ["黄振邦"], ["市人民医院新院区", "康养产业园基础设施工程"],
            "刘静怡、黄振邦副市长现场督导医疗康养项目，新院区医技楼主体结构按期推进，康养园区外部供水管线接入需市政部门协调。",
            ("康养产业园外部供水管线接入方案尚未确定", "康养产业园基础设施工程"),
            ("新院区施工现场扬尘治理措施需进一步落实", "市人民医院新院区"));
        var parts = V("2020-03-20", "陈宇航", [], ["新能源汽车零部件产业园"],
            "陈宇航副市长现场督导新能源汽车零部件产业园复工复产情况，要求加快标准化厂房建设，落实疫情防控和安全生产措施。",
            ("标准化厂房复工人数不足，需协调用工", "新能源汽车零部件产业园"));
        await db.SaveChangesAsync(ct);

        // Findings already passed on, as the conversion command would have done it.
        var now = DateTime.SpecifyKind(StoryDate.ToDateTime(new TimeOnly(9, 0)), DateTimeKind.Utc);
        async Task ToProblem(Visit v, int index, ProblemCategory category, string deadline)
        {
            var f = v.FindingItems[index];
            var p = await db.Projects.FirstAsync(x => x.Id == f.ProjectId, ct);
            var problem = new Problem
            {
                ProjectId = p.Id, DivisionCode = p.DivisionCode, Category = category, Description = f.Text, RaisedBy = "supervisor",
                RaisedOn = v.Date, EscalatedOn = v.Date, VisitId = v.Id, State = ProblemState.Open, ResponsibleUnitId = p.ResponsibleUnitId,
                CoordinatingLeaderId = v.LeaderId, Deadline = DateOnly.Parse(deadline), Version = 1,
            };
            db.Problems.Add(problem);
            await db.SaveChangesAsync(ct);
            f.ProblemId = problem.Id;
        }
        async Task ToItem(Visit v, int index, string unit, string deadline, SupervisionState state)
        {
            var f = v.FindingItems[index];
            var p = await db.Projects.FirstAsync(x => x.Id == f.ProjectId, ct);
            var leader = await db.Leaders.FirstAsync(l => l.Id == v.LeaderId, ct);
            var item = new SupervisionItem
            {
                DivisionCode = p.DivisionCode, Source = SupervisionSource.Visit, SourceText = $"{leader.Name}{leader.Title}现场督导（{v.Date:yyyy-MM-dd}）：{v.Findings}",
                Content = f.Text, LeadUnitId = units[unit].Id, Deadline = DateOnly.Parse(deadline), VisitId = v.Id, LeaderId = v.LeaderId,
                State = state, CreatedBy = "supervisor", CreatedAt = now, Version = 1,
            };
            item.Projects.Add(new SupervisionItemProject { ProjectId = p.Id, DivisionCode = p.DivisionCode });
            item.Entries.Add(new SupervisionEntry
            {
                DivisionCode = p.DivisionCode, Kind = SupervisionEntryKind.Note, By = "supervisor", At = now, Text = $"由现场督导发现转为督办事项（督导记录编号 {v.Id}）",
            });
            db.SupervisionItems.Add(item);
            await db.SaveChangesAsync(ct);
            f.SupervisionItemId = item.Id;
        }
        await ToProblem(panda, 0, ProblemCategory.Demolition, "2020-07-15");
        await ToItem(panda, 1, "市商务局", "2020-06-30", SupervisionState.Draft);
        await ToProblem(port, 0, ProblemCategory.Approval, "2020-06-30");
        await ToItem(parts, 0, "市经济和信息化局", "2020-04-30", SupervisionState.Closed);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Each project's approval chain in order, each step taking a plausible number of days (a base
    /// per kind, stretched per project); steps not reached by the story date are under review or not yet submitted.
    /// </summary>
    private static void AddApprovalChains(MilepostDb db, IReadOnlyList<DemoProject> demos, Dictionary<string, Project> projects)
    {
        (ApprovalKind Kind, int Days)[] chain =
        [
            (ApprovalKind.ProposalOrFeasibility, 28), (ApprovalKind.LandPreExamination, 35), (ApprovalKind.EnvironmentalApproval, 42),
            (ApprovalKind.EnergyReview, 18), (ApprovalKind.StabilityRiskAssessment, 15), (ApprovalKind.LandPlanningPermit, 21),
            (ApprovalKind.EngineeringPlanningPermit, 24), (ApprovalKind.ConstructionPermit, 12),
        ];
        double[] stretch = [0.7, 1.3, 0.9, 1.6, 1.0, 0.8, 1.2, 2.1, 0.6, 1.1, 1.4, 0.9, 1.0, 1.8, 0.75];
        var present = db.ChangeTracker.Entries<ApprovalItem>().Select(e => (e.Entity.ProjectId, e.Entity.Kind)).ToHashSet();
        for (var i = 0; i < demos.Count; i++)
        {
            var p = demos[i].Project;
            var transport = p.ResponsibleUnitId == demos[0].Project.ResponsibleUnitId;
            var big = p.TotalInvestment.Wan >= 300_000m;
            var next = p.PlannedStart!.Value.AddDays(-330 + i * 11);
            for (var k = 0; k < chain.Length; k++)
            {
                var (kind, baseDays) = chain[k];
                var days = Math.Max(3, (int)Math.Round(baseDays * stretch[(i + k) % stretch.Length]) + (i * 7 + k * 3) % 9);
                var submitted = next;
                var approved = submitted.AddDays(days - 1);
                next = approved.AddDays(4 + (i + k) % 12);
                if (present.Contains((p.Id, kind))) continue;
                var authority = kind switch
                {
                    ApprovalKind.ProposalOrFeasibility or ApprovalKind.EnergyReview => big ? "省发展改革委" : "市发展改革委",
                    ApprovalKind.LandPreExamination or ApprovalKind.LandPlanningPermit or ApprovalKind.EngineeringPlanningPermit => "市自然资源和规划局",
                    ApprovalKind.EnvironmentalApproval => big ? "省生态环境厅" : "市生态环境局",
                    ApprovalKind.StabilityRiskAssessment => "市委政法委",
                    _ => transport ? "市交通运输局" : "市住房城乡建设局",
                };
                var state = approved <= StoryDate ? ApprovalState.Approved : submitted <= StoryDate ? ApprovalState.Submitted : ApprovalState.NotSubmitted;
                db.ApprovalItems.Add(new ApprovalItem
                {
                    ProjectId = p.Id, DivisionCode = p.DivisionCode, Kind = kind, Authority = authority, State = state, Version = 1,
                    SubmittedOn = state == ApprovalState.NotSubmitted ? null : submitted,
                    ApprovedOn = state == ApprovalState.Approved ? approved : null,
                });
            }
        }
    }
}
