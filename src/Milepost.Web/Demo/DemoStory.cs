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
    /// <summary>Problems, supervision items, visits and approvals that give the demo projects a story.</summary>
    private static void AddStory(MilepostDb db, Project p, Dictionary<string, Unit> units, Dictionary<string, Leader> leaders)
    {
        Problem Pr(ProblemCategory cat, string text, string raised, string deadline, ProblemState state, int level, string unit, string? leader = null) => new()
        {
            ProjectId = p.Id, DivisionCode = p.DivisionCode, Category = cat, Description = text, RaisedBy = DemoRaisedBy(p, units),
            RaisedOn = DateOnly.Parse(raised), Deadline = DateOnly.Parse(deadline), State = state, EscalationLevel = level,
            ResponsibleUnitId = units[unit].Id, CoordinatingLeaderId = leader is null ? null : leaders[leader].Id, Version = 1,
            Resolution = state == ProblemState.Resolved ? "经协调已解决" : null,
            ResolvedOn = state == ProblemState.Resolved ? DateOnly.Parse(deadline).AddDays(-4) : null,
            EscalatedOn = DateOnly.Parse(raised), // the escalation history is written by AddProblemsAsync
        };
        SupervisionItem Si(SupervisionSource src, string sourceText, string content, string unit, string deadline, SupervisionState state,
            SupervisionEvaluation? eval = null)
        {
            var item = new SupervisionItem
            {
                DivisionCode = p.DivisionCode, Source = src, SourceText = sourceText, Content = content, LeadUnitId = units[unit].Id,
                Deadline = DateOnly.Parse(deadline), State = state, Evaluation = eval, Version = 1,
                ClosedOn = state == SupervisionState.Closed ? DateOnly.Parse(deadline).AddDays(-3) : null,
            };
            item.Projects.Add(new SupervisionItemProject { ProjectId = p.Id, DivisionCode = p.DivisionCode });
            return item;
        }
        Visit Vi(string leader, string date, string findings)
        {
            var v = new Visit
            {
                DivisionCode = p.DivisionCode, LeaderId = leaders[leader].Id, Date = DateOnly.Parse(date), Findings = findings, RecordedBy = "supervisor", Version = 1,
            };
            v.Projects.Add(new VisitProject { ProjectId = p.Id, DivisionCode = p.DivisionCode });
            v.Leaders.Add(new VisitLeader { LeaderId = v.LeaderId, DivisionCode = p.DivisionCode });
            v.FindingItems.Add(new VisitFinding { DivisionCode = p.DivisionCode, Text = findings, ProjectId = p.Id });
            return v;
        }
        ApprovalItem Ap(ApprovalKind kind, string authority, string? submitted, string? approved) => new()
        {
            ProjectId = p.Id, DivisionCode = p.DivisionCode, Kind = kind, Authority = authority,
            SubmittedOn = submitted is null ? null : DateOnly.Parse(submitted), ApprovedOn = approved is null ? null : DateOnly.Parse(approved),
            State = approved is not null ? ApprovalState.Approved : submitted is not null ? ApprovalState.Submitted : ApprovalState.NotSubmitted,
            Version = 1,
        };

        switch (p.Name)
        {
            case "岷江高速公路东互通立交工程":
                db.Problems.Add(Pr(ProblemCategory.Utilities, "施工用电临时接入容量不足", "2020-02-10", "2020-03-10", ProblemState.Resolved, 1, "市发展改革委"));
                db.ApprovalItems.Add(Ap(ApprovalKind.ConstructionPermit, "市交通运输局", "2019-01-20", "2019-02-18"));
                break;
            case "岷江至省会快速通道":
                db.Problems.Add(Pr(ProblemCategory.Demolition, "K12+300 至 K15+800 段 23 户房屋征收未完成，影响路基施工", "2020-04-10", "2020-05-25",
                    ProblemState.InProgress, 2, "新城区人民政府", "孙立群"));
                db.SupervisionItems.Add(Si(SupervisionSource.Meeting, "市重点项目推进会议（2020年第二次）",
                    "加快快速通道沿线征地拆迁，6 月底前交付全部施工用地", "新城区人民政府", "2020-06-30", SupervisionState.Accepted));
                db.Visits.Add(Vi("孙立群", "2020-04-22", "沿线征地拆迁滞后，要求新城区 6 月底前完成交地。"));
                db.ApprovalItems.Add(Ap(ApprovalKind.EnvironmentalApproval, "省生态环境厅", "2019-05-06", "2019-07-26"));
                break;
            case "大数据产业园一期":
                db.Problems.Add(Pr(ProblemCategory.Utilities, "园区 110kV 变电站接入方案尚未批复", "2020-05-06", "2020-06-30",
                    ProblemState.Open, 1, "市经济和信息化局"));
                db.Visits.Add(Vi("陈宇航", "2020-05-18", "机房建设进度偏慢，要求倒排工期、增加作业面。"));
                db.ApprovalItems.Add(Ap(ApprovalKind.ConstructionPermit, "市住房城乡建设局", "2020-02-20", "2020-03-12"));
                break;
            case "岷江会议会展中心":
                db.Problems.Add(Pr(ProblemCategory.Funding, "专项债资金 2 亿元尚未到位", "2020-04-28", "2020-05-31",
                    ProblemState.Open, 2, "市发展改革委", "陈宇航"));
                db.SupervisionItems.Add(Si(SupervisionSource.Instruction, "赵明辉市长批示：会展中心要确保年底主体完工，请商务局牵头督促。",
                    "督促会展中心倒排工期，确保年底主体结构完工", "市商务局", "2020-05-31", SupervisionState.Accepted));
                db.Visits.Add(Vi("陈宇航", "2020-05-18", "月报连续缺报，资金未到位，要求限期整改。"));
                break;
            case "职业教育园区":
                db.Problems.Add(Pr(ProblemCategory.Approval, "用地规划许可待办理，林地占用手续未完成", "2020-05-25", "2020-06-20",
                    ProblemState.Open, 1, "市教育局"));
                db.ApprovalItems.Add(Ap(ApprovalKind.LandPlanningPermit, "市自然资源和规划局", "2020-05-20", null));
                break;
            case "城区供水管网改造工程":
                db.Problems.Add(Pr(ProblemCategory.Construction, "与地铁管线迁改交叉作业，施工方案需重新论证", "2020-03-16", "2020-04-30",
                    ProblemState.Open, 3, "市住房城乡建设局", "黄振邦"));
                break;
            case "国际体育赛事中心":
                db.SupervisionItems.Add(Si(SupervisionSource.Visit, "刘静怡副市长现场督导",
                    "落实场馆钢结构吊装安全措施", "市文化广电旅游局", "2020-04-30", SupervisionState.Closed, SupervisionEvaluation.Satisfied));
                break;
        }
    }
}
