using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    /// <summary>How a demo project behaves in 2020: pace of investment against plan, reporting habits, node slippage.</summary>
    internal sealed record Shape(
        decimal AnnualPlanWan,
        decimal Pace,               // completed / planned per month (1 = on plan)
        int[] MissingMonths,        // months whose report was never submitted
        int[] LateMonths,           // months whose report came after the due date
        int OverdueNodeDays,        // > 0: one node is that many days past its planned finish on 2020-06-11
        bool SplitByMonth = true,
        DateOnly? MainWorksDeadline = null); // a leader's fixed deadline on the main works (倒排工期 that cannot be met)

    internal sealed record DemoProject(Project Project, Shape Shape);

    private static List<DemoProject> Projects(
        Dictionary<string, Programme> prog, Dictionary<string, Category> cat, Dictionary<string, Unit> units, Dictionary<string, Leader> leaders)
    {
        var list = new List<DemoProject>();
        int serial = 0;
        void P(string name, string division, string programme, string category, string owner, string dept, string[] leaderNames,
            decimal totalWan, string start, string completion, ProjectStage stage, double lat, double lon, string address, string content, Shape shape)
        {
            serial++;
            var s = DateOnly.Parse(start);
            var p = new Project
            {
                Code = $"{s.Year - 1}-{division}-{48 + serial % 3:D2}-01-{10_000 + serial * 137:D6}",
                Name = name,
                DivisionCode = division,
                ProgrammeId = prog[programme].Id,
                CategoryId = cat[category].Id,
                OwnerUnitId = units[owner].Id,
                ResponsibleUnitId = units[dept].Id,
                ContactPerson = units[owner].ContactPerson,
                ContactPhone = units[owner].ContactPhone,
                Latitude = lat,
                Longitude = lon,
                Address = address,
                TotalInvestment = W(totalWan),
                Content = content,
                PlannedStart = s,
                PlannedCompletion = DateOnly.Parse(completion),
                Stage = stage,
                Level = totalWan >= 500_000 ? KeyProjectLevel.Province : KeyProjectLevel.City,
                Version = 1,
            };
            foreach (var l in leaderNames) p.Leaders.Add(new ProjectLeader { LeaderId = leaders[l].Id, DivisionCode = division });
            p.Funding.Add(new ProjectFunding { DivisionCode = division, Source = FundingSource.Fiscal, Amount = W(totalWan * 0.3m) });
            p.Funding.Add(new ProjectFunding { DivisionCode = division, Source = FundingSource.SpecialBond, Amount = W(totalWan * 0.2m) });
            p.Funding.Add(new ProjectFunding { DivisionCode = division, Source = FundingSource.BankLoan, Amount = W(totalWan * 0.5m) });
            list.Add(new DemoProject(p, shape));
        }

        const string T = "市交通运输局", JT = "市交通建设投资集团有限公司";
        P("岷江高速公路东互通立交工程", "511802", "交通", "交通", JT, T, ["孙立群", "黄振邦"],
            86_500, "2019-03-01", "2021-06-30", ProjectStage.Construction, 30.012, 103.041, "江城区东环路与高速公路交汇处",
            "新建互通式立交一座，匝道总长 4.2 公里，配套收费站及连接线。", new(32_000, 1.04m, [], [], 0));
        P("岷江至省会快速通道", "511803", "交通", "交通", JT, T, ["孙立群"],
            425_000, "2019-09-30", "2022-12-31", ProjectStage.Construction, 30.061, 103.102, "新城区至省会界",
            "全长 58 公里一级公路，双向六车道，设计时速 80 公里。", new(96_000, 0.72m, [], [4], 12));
        P("大数据产业园一期", "511803", "产城", "产业", "市大数据产业园管理委员会", "市经济和信息化局", ["陈宇航"],
            168_000, "2020-03-15", "2022-06-30", ProjectStage.Construction, 30.072, 103.058, "新城区数据谷大道 1 号",
            "建设数据中心机房、研发办公楼及配套设施，总建筑面积 21 万平方米。", new(45_000, 0.58m, [], [3, 5], 35));
        P("国际体育赛事中心", "511802", "产城", "文旅体育", "市文化旅游发展集团有限公司", "市文化广电旅游局", ["刘静怡"],
            235_000, "2019-06-01", "2021-09-30", ProjectStage.Construction, 29.998, 103.012, "江城区滨江路 88 号",
            "建设 3 万座体育场、8000 座体育馆及游泳馆，满足国际单项赛事要求。", new(78_000, 1.10m, [], [], 0));
        P("康养产业园基础设施工程", "511822", "产城", "卫生健康", "市城市建设投资有限公司", "市卫生健康委", ["刘静怡"],
            62_000, "2020-02-20", "2021-12-31", ProjectStage.Construction, 30.102, 102.953, "青山县温泉镇",
            "园区道路 12 公里、给排水及电力管网、康养步道等基础设施。", new(21_000, 0.83m, [5], [], 0));
        P("熊猫新城起步区开发建设", "511803", "产城", "城市开发", "岷江新城开发建设有限公司", "新城区人民政府", ["陈宇航", "赵明辉"],
            520_000, "2019-05-01", "2023-12-31", ProjectStage.Construction, 30.081, 103.071, "新城区熊猫大道",
            "起步区 6 平方公里路网、综合管廊、公园绿地及安置房建设。", new(120_000, 0.97m, [], [], 0));
        P("岷江会议会展中心", "511803", "产城", "城市开发", "岷江新城开发建设有限公司", "市商务局", ["陈宇航"],
            98_000, "2020-04-01", "2021-10-31", ProjectStage.Construction, 30.076, 103.066, "新城区会展路 2 号",
            "建设展厅 5 万平方米、会议中心 2 万平方米及配套酒店。", new(30_000, 0.41m, [4, 5], [], 65, MainWorksDeadline: new DateOnly(2020, 12, 31)));
        P("古城历史文化旅游街区", "511802", "产城", "文旅体育", "市文化旅游发展集团有限公司", "市文化广电旅游局", ["刘静怡", "何文澜"],
            45_000, "2019-10-01", "2020-12-31", ProjectStage.Construction, 30.005, 103.000, "江城区老城片区",
            "修缮历史建筑 36 处，打造文化旅游街区 1.8 公里。", new(18_000, 1.00m, [], [2], 0));
        P("职业教育园区", "511823", "产城", "教育", "市教育投资有限公司", "市教育局", ["黄振邦"],
            150_000, "2020-05-10", "2022-08-31", ProjectStage.Preparation, 29.951, 103.132, "云顶县大学城片区",
            "建设可容纳 3 万名学生的职业教育园区，含 4 所院校及公共实训基地。", new(25_000, 0.20m, [], [], 20));
        P("岷江国际陆港（无水港）", "511822", "交通", "物流", "市国际陆港发展有限公司", "市商务局", ["孙立群", "林致远"],
            310_000, "2019-11-18", "2022-10-31", ProjectStage.Construction, 30.123, 102.981, "青山县物流园区",
            "建设铁路专用线、集装箱堆场、海关监管区及保税仓库。", new(88_000, 1.02m, [], [], 0));
        P("市人民医院新院区", "511802", "产城", "卫生健康", "市人民医院", "市卫生健康委", ["刘静怡"],
            128_000, "2018-12-20", "2020-11-30", ProjectStage.Construction, 30.020, 103.025, "江城区健康路 9 号",
            "新建床位 1500 张的三级甲等综合医院。", new(40_000, 0.90m, [], [1], 0));
        P("城区供水管网改造工程", "511802", "交通", "市政公用", "市城市建设投资有限公司", "市住房城乡建设局", ["黄振邦"],
            24_000, "2019-04-01", "2020-09-30", ProjectStage.Suspended, 30.009, 103.008, "江城区主城区",
            "改造老旧供水管网 86 公里，新建加压站 2 座。", new(9_600, 0.50m, [], [], 40, SplitByMonth: false));
        P("新能源汽车零部件产业园", "511823", "产城", "产业", "市城市建设投资有限公司", "市经济和信息化局", ["陈宇航"],
            210_000, "2020-08-01", "2022-12-31", ProjectStage.Preparation, 29.962, 103.141, "云顶县工业集中区",
            "建设标准化厂房 40 万平方米及研发检测中心。", new(15_000, 0.0m, [], [], 0));
        P("岷江综合客运枢纽", "511803", "交通", "交通", JT, T, ["孙立群"],
            76_000, "2021-03-01", "2023-06-30", ProjectStage.Pipeline, 30.069, 103.089, "新城区高铁站前广场",
            "集高铁、长途客运、公交及出租车于一体的综合客运枢纽。", new(0, 0m, [], [], 0));
        P("滨江生态湿地公园", "511802", "交通", "市政公用", "市城市建设投资有限公司", "市住房城乡建设局", ["郑国平"],
            18_000, "2018-09-01", "2020-04-30", ProjectStage.Completed, 29.990, 103.030, "江城区滨江南路",
            "建设湿地公园 1200 亩、慢行步道 15 公里。", new(3_000, 1.0m, [], [], 0));
        return list;
    }
}
