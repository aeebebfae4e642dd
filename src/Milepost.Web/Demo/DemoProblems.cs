using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Data;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    /// <summary>
    /// The problem ledger as of 2020-06-11 (escalation after 10 days past the deadline): the story's
    /// problems get their escalation history, and further cases show every state, a department's own
    /// problem to handle (市交通运输局), one about to escalate, and resolution times for the summary.
    /// Nothing is due on the story date itself, so the daily job finds the ledger already up to date.
    /// </summary>
    /// <summary>The demo's owner account raised its own projects' problems; the office raised the others.</summary>
    private static string DemoRaisedBy(Project p, Dictionary<string, Unit> units) =>
        p.OwnerUnitId == units["市交通建设投资集团有限公司"].Id ? "owner" : "supervisor";

    private static async Task AddProblemsAsync(MilepostDb db, IReadOnlyList<Project> projects, Dictionary<string, Unit> units,
        Dictionary<string, Leader> leaders, CancellationToken ct)
    {
        Project P(string name) => projects.Single(p => p.Name == name);
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        void Add(string project, ProblemCategory cat, string text, string raised, string deadline, ProblemState state, string unit,
            string? leader = null, string[]? others = null, string? resolvedOn = null, string? resolution = null)
        {
            var p = P(project);
            var problem = new Problem
            {
                ProjectId = p.Id, DivisionCode = p.DivisionCode, Category = cat, Description = text, RaisedBy = DemoRaisedBy(p, units), RaisedOn = D(raised),
                Deadline = D(deadline), State = state, EscalationLevel = 1, EscalatedOn = D(raised), ResponsibleUnitId = units[unit].Id,
                CoordinatingLeaderId = leader is null ? null : leaders[leader].Id, ResolvedOn = resolvedOn is null ? null : D(resolvedOn),
                Resolution = resolution, Version = 1,
            };
            foreach (var o in others ?? []) problem.Departments.Add(new ProblemUnit { UnitId = units[o].Id, DivisionCode = p.DivisionCode });
            db.Problems.Add(problem);
        }

        Add("岷江至省会快速通道", ProblemCategory.Approval, "跨岷江特大桥涉河建设方案待省水利厅审查，影响主墩围堰施工", "2020-05-08", "2020-06-05",
            ProblemState.Open, "市交通运输局", "孙立群", ["市发展改革委"]);
        Add("岷江综合客运枢纽", ProblemCategory.Land, "枢纽站前广场 1.2 公顷用地报批材料被退回补正", "2020-05-20", "2020-06-30",
            ProblemState.InProgress, "市交通运输局", null, ["新城区人民政府"]);
        Add("康养产业园基础设施工程", ProblemCategory.Land, "园区道路红线内 3 处林地占用手续未办结", "2020-04-20", "2020-06-02",
            ProblemState.Open, "市卫生健康委", "刘静怡");
        Add("岷江高速公路东互通立交工程", ProblemCategory.Utilities, "互通区 10kV 架空线路迁改需供电公司停电配合", "2020-03-02", "2020-04-15",
            ProblemState.Resolved, "市发展改革委", resolvedOn: "2020-04-10", resolution: "经市发展改革委协调供电公司，于 4 月 8 日完成停电迁改");
        Add("市人民医院新院区", ProblemCategory.Funding, "医疗设备采购资金 6000 万元来源未落实", "2020-03-10", "2020-04-30",
            ProblemState.Resolved, "市卫生健康委", "刘静怡", resolvedOn: "2020-04-20", resolution: "市财政局安排抗疫特别国债资金 6000 万元，已下达");
        Add("国际体育赛事中心", ProblemCategory.Environment, "场馆夜间施工噪声投诉较多，环评要求调整施工时段", "2020-04-01", "2020-05-15",
            ProblemState.Unresolvable, "市文化广电旅游局", resolvedOn: "2020-05-12",
            resolution: "环评批复限定夜间不得施工，无法调整；已改为白天两班作业，工期影响纳入倒排计划");
        await db.SaveChangesAsync(ct);

        // The story's escalated problems, with the history that brought them to their level.
        async Task History(string project, ProblemCategory cat, params (int To, string On, string By, string Reason)[] steps)
        {
            var p = P(project);
            var problem = await db.Problems.Include(x => x.Escalations).SingleAsync(x => x.ProjectId == p.Id && x.Category == cat, ct);
            foreach (var s in steps)
                problem.Escalations.Add(new ProblemEscalation
                {
                    ProblemId = problem.Id, DivisionCode = problem.DivisionCode, FromLevel = s.To - 1, ToLevel = s.To, On = D(s.On), By = s.By, Reason = s.Reason,
                });
            problem.EscalatedOn = D(steps[^1].On);
        }
        await History("岷江至省会快速通道", ProblemCategory.Demolition,
            (2, "2020-06-05", "system", "超过办结时限 11 天仍未解决，按规定（超期 10 天）自动提级至联系市领导"));
        await History("岷江会议会展中心", ProblemCategory.Funding,
            (2, "2020-06-08", "supervisor", "资金缺口直接影响主体结构施工，提请陈宇航副市长协调市财政局"));
        await History("城区供水管网改造工程", ProblemCategory.Construction,
            (2, "2020-05-11", "system", "超过办结时限 11 天仍未解决，按规定（超期 10 天）自动提级至联系市领导"),
            (3, "2020-05-22", "system", "提级后 11 天仍未解决，按规定（超期 10 天）自动提级至市级协调会"));
        await db.SaveChangesAsync(ct);
    }
}
