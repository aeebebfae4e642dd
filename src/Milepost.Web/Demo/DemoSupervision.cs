using Milepost.Core.Portfolio;
using Milepost.Core.Supervision;
using Milepost.Data;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    private const string Office = "市委督查室 李督查";

    /// <summary>
    /// Supervision items as of 2020-06-11: the transport bureau (the demo "dept" account) has items to
    /// accept (one overdue and urged), one in hand and overdue, one returned, one awaiting review, one
    /// closed, and one it cooperates on; the office has drafts to assign, one from a leader's instruction.
    /// The items DemoStory adds get the history their state implies.
    /// </summary>
    private static void AddSupervisionStory(MilepostDb db, Dictionary<string, Unit> units, Dictionary<string, Leader> leaders, IReadOnlyList<DemoProject> projects)
    {
        long Project(string name) => projects.Single(p => p.Project.Name == name).Project.Id;
        static DateTime At(string local) => DateTime.SpecifyKind(DateTime.Parse(local), DateTimeKind.Utc).AddHours(-8);
        SupervisionEntry E(SupervisionItem i, SupervisionEntryKind kind, string at, string? text = null, string? unit = null, string by = Office) => new()
        {
            DivisionCode = i.DivisionCode, Kind = kind, Text = text, At = At(at), By = unit ?? by, ByUnitId = unit is null ? null : units[unit].Id,
        };

        foreach (var item in db.SupervisionItems.Local.ToList())
        {
            var lead = units.Values.Single(u => u.Id == item.LeadUnitId).Name;
            var start = item.Deadline.AddDays(-40).ToString("yyyy-MM-dd");
            item.CreatedBy = Office;
            item.CreatedAt = At(start + " 09:00");
            item.Entries.Add(E(item, SupervisionEntryKind.Assign, start + " 09:30"));
            item.Entries.Add(E(item, SupervisionEntryKind.Accept, item.Deadline.AddDays(-38).ToString("yyyy-MM-dd") + " 15:10", "已收悉，由分管负责同志牵头办理。", lead));
            if (item.State == SupervisionState.Closed)
            {
                item.Entries.Add(E(item, SupervisionEntryKind.Feedback, item.ClosedOn!.Value.AddDays(-2).ToString("yyyy-MM-dd") + " 16:20",
                    "已组织施工单位完成钢结构吊装安全专项方案论证，现场设置警戒区，落实专人旁站监督。", lead));
                item.Entries.Add(E(item, SupervisionEntryKind.Close, item.ClosedOn!.Value.ToString("yyyy-MM-dd") + " 10:00", "措施落实到位。"));
                item.EvaluationComment = "措施落实到位。";
            }
            // The land handover on the expressway needs the transport bureau beside the district.
            if (lead == "新城区人民政府")
                item.CooperatingUnits.Add(new SupervisionItemUnit { UnitId = units["市交通运输局"].Id, DivisionCode = item.DivisionCode });
        }

        SupervisionItem Add(SupervisionSource source, string sourceText, string content, string lead, string deadline, string created,
            string? project = null, string? leader = null, string[]? cooperating = null)
        {
            var item = new SupervisionItem
            {
                DivisionCode = City, Source = source, SourceText = sourceText, Content = content, LeadUnitId = units[lead].Id,
                Deadline = DateOnly.Parse(deadline), State = SupervisionState.Draft, Version = 1, CreatedBy = leader is null ? Office : leaders[leader].Name + " " + leaders[leader].Title,
                CreatedAt = At(created), LeaderId = leader is null ? null : leaders[leader].Id,
            };
            if (project is not null) item.Projects.Add(new SupervisionItemProject { ProjectId = Project(project), DivisionCode = City });
            foreach (var u in cooperating ?? []) item.CooperatingUnits.Add(new SupervisionItemUnit { UnitId = units[u].Id, DivisionCode = City });
            db.SupervisionItems.Add(item);
            return item;
        }
        void Step(SupervisionItem i, SupervisionState state, SupervisionEntryKind kind, string at, string? text = null, string? unit = null)
        {
            i.State = state;
            i.Entries.Add(E(i, kind, at, text, unit));
        }
        const string Jt = "市交通运输局";
        const string Meeting = "市重点项目推进会议（2020年第二次）纪要：一、快速通道二期初步设计 6 月 5 日前取得批复；二、报送快速通道沿线施工期交通组织方案；三、开展全市重点交通项目安全生产大检查。";

        var design = Add(SupervisionSource.Meeting, Meeting, "协调省交通运输厅，6 月 5 日前取得快速通道二期初步设计批复", Jt, "2020-06-05", "2020-05-12 10:00", "岷江至省会快速通道");
        Step(design, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-05-12 10:30");
        design.Entries.Add(E(design, SupervisionEntryKind.Urge, "2020-06-08 09:15", "已超过办理时限，请于 6 月 12 日前报告办理情况。"));

        var port = Add(SupervisionSource.Instruction, "孙立群常务副市长批示：陆港铁路专用线接轨方案请交通运输局牵头研究，发改委配合，6 月底前报方案。",
            "牵头研究岷江国际陆港铁路专用线接轨方案，6 月底前报市政府", Jt, "2020-06-30", "2020-06-09 11:00", "岷江国际陆港（无水港）", "孙立群", ["市发展改革委"]);
        Step(port, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-06-09 14:00");

        var ramp = Add(SupervisionSource.Visit, "孙立群常务副市长现场督导东互通立交工程",
            "督促施工单位增加作业面，6 月 10 日前完成匝道桥下部结构施工", Jt, "2020-06-10", "2020-05-20 17:00", "岷江高速公路东互通立交工程");
        Step(ramp, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-05-21 09:00");
        Step(ramp, SupervisionState.Accepted, SupervisionEntryKind.Accept, "2020-05-21 16:40", "已通知施工单位增加两个作业班组。", Jt);
        ramp.Entries.Add(E(ramp, SupervisionEntryKind.Urge, "2020-06-03 10:00", "请加快进度，确保按期完成。", by: "孙立群 市委常委、常务副市长"));
        ramp.Entries.Add(E(ramp, SupervisionEntryKind.Note, "2020-06-09 18:20", "受连续降雨影响，预计推迟 5 天完成，已安排夜间施工追赶进度。", Jt));
        ramp.State = SupervisionState.Accepted;

        var traffic = Add(SupervisionSource.Meeting, Meeting, "报送快速通道沿线施工期交通组织方案", Jt, "2020-06-20", "2020-05-12 10:05", "岷江至省会快速通道", cooperating: ["新城区人民政府"]);
        Step(traffic, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-05-12 10:35");
        Step(traffic, SupervisionState.Accepted, SupervisionEntryKind.Accept, "2020-05-13 09:20", null, Jt);
        Step(traffic, SupervisionState.Feedback, SupervisionEntryKind.Feedback, "2020-06-02 17:30", "已编制施工期交通组织方案并报送市公安局交警支队审查。", Jt);
        Step(traffic, SupervisionState.Returned, SupervisionEntryKind.Return, "2020-06-04 11:00", "方案未明确施工期间公交线路调整和沿线学校出行保障，请补充后重新反馈。");

        var safety = Add(SupervisionSource.Meeting, Meeting, "开展全市重点交通项目安全生产大检查", Jt, "2020-06-15", "2020-05-12 10:10");
        Step(safety, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-05-12 10:40");
        Step(safety, SupervisionState.Accepted, SupervisionEntryKind.Accept, "2020-05-12 15:00", null, Jt);
        Step(safety, SupervisionState.Feedback, SupervisionEntryKind.Feedback, "2020-06-10 16:00", "已检查在建交通项目 4 个，发现隐患 17 处，已整改 15 处，其余 2 处限期 6 月 20 日前整改。", Jt);

        var stats = Add(SupervisionSource.Other, "督查室日常督查", "核对交通项目 2020 年一季度投资统计数据", Jt, "2020-04-30", "2020-04-10 09:00");
        Step(stats, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-04-10 09:30");
        Step(stats, SupervisionState.Accepted, SupervisionEntryKind.Accept, "2020-04-10 14:00", null, Jt);
        Step(stats, SupervisionState.Feedback, SupervisionEntryKind.Feedback, "2020-04-24 17:00", "已逐项目核对，数据一致。", Jt);
        Step(stats, SupervisionState.Closed, SupervisionEntryKind.Close, "2020-04-27 10:00", "核对细致，按期完成。");
        (stats.Evaluation, stats.EvaluationComment, stats.ClosedOn) = (SupervisionEvaluation.Satisfied, "核对细致，按期完成。", new DateOnly(2020, 4, 27));

        var hospital = Add(SupervisionSource.Meeting, "市重点项目推进会议（2020年第二次）", "市人民医院新院区 6 月底前完成主体结构封顶", "市卫生健康委", "2020-06-08", "2020-05-12 10:15", "市人民医院新院区");
        Step(hospital, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-05-12 10:45");

        var water = Add(SupervisionSource.Other, "督查室日常督查", "城区供水管网改造工程 6 月底前完成二期管网招标", "市住房城乡建设局", "2020-06-28", "2020-05-25 09:00", "城区供水管网改造工程");
        Step(water, SupervisionState.Assigned, SupervisionEntryKind.Assign, "2020-05-25 09:30");
        Step(water, SupervisionState.Accepted, SupervisionEntryKind.Accept, "2020-05-26 10:00", null, "市住房城乡建设局");

        Add(SupervisionSource.Meeting, "市重点项目推进会议（2020年第二次）", "职业教育园区 7 月底前完成一期校舍竣工验收", "市教育局", "2020-07-31", "2020-06-10 16:00", "职业教育园区");
        Add(SupervisionSource.Instruction, "陈宇航副市长批示：大数据产业园一期招商要提速，请经信局拿出三季度签约清单。",
            "拿出大数据产业园一期三季度招商签约清单", "市经济和信息化局", "2020-07-15", "2020-06-11 08:40", "大数据产业园一期", "陈宇航");
    }
}
