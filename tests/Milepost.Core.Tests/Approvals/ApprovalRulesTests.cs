using Milepost.Core.Approvals;

namespace Milepost.Core.Tests.Approvals;

public class ApprovalRulesTests
{
    private static readonly DateOnly Today = new(2020, 6, 11);

    private static IEnumerable<string> Codes(ApprovalState state, string? submitted, string? approved, string authority = "市住房城乡建设局") =>
        ApprovalRules.Validate(new ApprovalInput(ApprovalKind.ConstructionPermit, authority,
            submitted is null ? null : DateOnly.Parse(submitted), approved is null ? null : DateOnly.Parse(approved), state, null), Today).Select(e => e.Code);

    [Theory]
    [InlineData(ApprovalState.NotSubmitted, null, null)]
    [InlineData(ApprovalState.Submitted, "2020-05-01", null)]
    [InlineData(ApprovalState.Approved, "2020-05-01", "2020-05-01")]
    [InlineData(ApprovalState.Approved, "2020-05-01", "2020-06-11")]
    public void Validate_Consistent_NoErrors(ApprovalState state, string? submitted, string? approved) =>
        Assert.Empty(Codes(state, submitted, approved));

    [Theory]
    [InlineData(ApprovalState.Approved, "2020-05-02", "2020-05-01", "approval.approved.before-submitted")]
    [InlineData(ApprovalState.Approved, null, "2020-05-01", "approval.submitted.required")]
    [InlineData(ApprovalState.Approved, "2020-05-01", null, "approval.approved.required")]
    [InlineData(ApprovalState.Submitted, null, null, "approval.submitted.required")]
    [InlineData(ApprovalState.Submitted, "2020-05-01", "2020-05-20", "approval.state.dates")]
    [InlineData(ApprovalState.NotSubmitted, "2020-05-01", null, "approval.state.dates")]
    [InlineData(ApprovalState.Submitted, "2020-06-12", null, "approval.submitted.future")]
    [InlineData(ApprovalState.Approved, "2020-06-01", "2020-06-12", "approval.approved.future")]
    public void Validate_Inconsistent_IsRefusedWithTheCode(ApprovalState state, string? submitted, string? approved, string code) =>
        Assert.Contains(code, Codes(state, submitted, approved));

    [Fact]
    public void Validate_NoAuthority_NamesTheField()
    {
        var e = Assert.Single(ApprovalRules.Validate(new ApprovalInput(ApprovalKind.Other, " ", null, null, ApprovalState.NotSubmitted, null), Today));
        Assert.Equal("Authority", e.Field);
        Assert.Contains("审批部门", e.MessageZh);
    }
}
