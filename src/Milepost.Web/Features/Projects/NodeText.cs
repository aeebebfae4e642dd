using Milepost.Core.Scheduling;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

public static class NodeText
{
    public static string Kind(TimeNodeKind k) => k switch
    {
        TimeNodeKind.Approval => Lang.T("审批", "Approval"),
        TimeNodeKind.Design => Lang.T("设计", "Design"),
        TimeNodeKind.Land => Lang.T("用地", "Land"),
        TimeNodeKind.Construction => Lang.T("施工", "Construction"),
        TimeNodeKind.Completion => Lang.T("竣工", "Completion"),
        _ => Lang.T("其他", "Other"),
    };
}
