using Milepost.Core.Problems;
using Milepost.Core.Supervision;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Visits;

/// <summary>Names of the categories and states the visit and leader pages show.</summary>
public static class VisitText
{
    public static string Category(ProblemCategory c) => c switch
    {
        ProblemCategory.Land => T("用地", "Land"),
        ProblemCategory.Funding => T("资金", "Funding"),
        ProblemCategory.Approval => T("审批", "Approval"),
        ProblemCategory.Demolition => T("拆迁", "Demolition"),
        ProblemCategory.Utilities => T("水电气", "Utilities"),
        ProblemCategory.Environment => T("环保", "Environment"),
        ProblemCategory.Construction => T("施工", "Construction"),
        _ => T("其他", "Other"),
    };

    public static string ProblemState(ProblemState s) => s switch
    {
        Core.Problems.ProblemState.Open => T("待办", "Open"),
        Core.Problems.ProblemState.InProgress => T("办理中", "In progress"),
        Core.Problems.ProblemState.Resolved => T("已解决", "Resolved"),
        _ => T("无法解决", "Unresolvable"),
    };

    public static string Level(int level) => level switch
    {
        1 => T("责任部门", "Department"),
        2 => T("联系市领导", "Linked leader"),
        _ => T("市级协调会", "City meeting"),
    };

    public static string ItemState(SupervisionState s) => s switch
    {
        SupervisionState.Draft => T("待交办", "Draft"),
        SupervisionState.Assigned => T("已交办", "Assigned"),
        SupervisionState.Accepted => T("办理中", "Accepted"),
        SupervisionState.Feedback => T("已反馈", "Feedback given"),
        SupervisionState.Returned => T("已退回", "Returned"),
        _ => T("已办结", "Closed"),
    };
}
