using Milepost.Core.Approvals;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Approvals;

public static class ApprovalText
{
    public static string Kind(ApprovalKind k) => T(ApprovalRules.KindZh(k), ApprovalRules.KindEn(k));

    public static string State(ApprovalState s) => T(ApprovalRules.StateZh(s), s switch
    {
        ApprovalState.NotSubmitted => "Not submitted",
        ApprovalState.Submitted => "Under review",
        _ => "Approved",
    });

    /// <summary>A number of days as officials write it: whole, or with one decimal for a median of two middle values.</summary>
    public static string Days(double d) => d % 1 == 0 ? d.ToString("0", System.Globalization.CultureInfo.InvariantCulture) : d.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
