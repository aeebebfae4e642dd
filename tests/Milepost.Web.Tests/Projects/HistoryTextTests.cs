using Milepost.Web.Features.Projects;

namespace Milepost.Web.Tests.Projects;

/// <summary>The history tab speaks the officials' language: who changed what, from what, to what.</summary>
public sealed class HistoryTextTests
{
    private static readonly HistoryNames Names = new(
        new Dictionary<long, string> { [1] = "交通", [2] = "产业" },
        new Dictionary<long, string> { [10] = "市交通运输局" },
        new Dictionary<long, string>(),
        new Dictionary<long, string> { [5] = "孙立群", [6] = "陈宇航" },
        new Dictionary<string, string> { ["511802"] = "江城区" },
        new Dictionary<long, string> { [100] = "施工许可" });

    [Fact]
    public void Describe_PlanAdjustment_ReadsAsASentence()
    {
        var before = """{"Name":"智慧物流园","Stage":"Construction","Plans":[{"Year":2020,"Yuan":12000000,"Months":[]}],"Version":2}""";
        var after = """{"Name":"智慧物流园","Stage":"Construction","Plans":[{"Year":2020,"Yuan":15000000,"Months":[]}],"Version":3}""";
        var lines = HistoryText.Describe("李督查", before, after, Names);
        Assert.Equal(["李督查 将 年度计划投资（2020年） 由 1,200.00 万元 改为 1,500.00 万元"], lines);
    }

    [Fact]
    public void Describe_NamesIdsStagesLeadersAndMoney()
    {
        var before = """{"CategoryId":1,"Stage":"Suspended","Leaders":[5],"TotalInvestmentYuan":860000000,"PlannedCompletion":"2021-06-30","Version":4}""";
        var after = """{"CategoryId":2,"Stage":"Construction","Leaders":[5,6],"TotalInvestmentYuan":865000000,"PlannedCompletion":"2021-06-30","Version":5}""";
        var lines = HistoryText.Describe("李督查", before, after, Names);
        Assert.Equal(
            [
                "李督查 将 行业类别 由 交通 改为 产业",
                "李督查 将 项目阶段 由 停工 改为 在建",
                "李督查 将 联系市领导 由 孙立群 改为 孙立群、陈宇航",
                "李督查 将 总投资 由 86,000.00 万元 改为 86,500.00 万元",
            ], lines);
    }

    [Fact]
    public void Describe_NodeLinks_ShowNamesAndLags()
    {
        var before = """{"Predecessors":[],"DurationDays":30}""";
        var after = """{"Predecessors":[{"PredecessorId":100,"LagDays":30}],"DurationDays":45}""";
        var lines = HistoryText.Describe("市交通建设投资集团", before, after, Names);
        Assert.Contains("市交通建设投资集团 将 前置节点 由 （空） 改为 施工许可（+30天）", lines);
        Assert.Contains("市交通建设投资集团 将 工期（天） 由 30 改为 45", lines);
    }
}
