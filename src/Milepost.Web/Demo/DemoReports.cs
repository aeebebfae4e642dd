using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Reports;
using Milepost.Data;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    /// <summary>
    /// The report workflow's cases on 2020-06-11, on top of the January–May reports: a May report returned to the
    /// demo owner (its inbox shows it overdue), another waiting in the review queue, an open correction of an approved
    /// month, and a correction approved over the revision it replaced. Missing and late Mays come from the shapes.
    /// </summary>
    private static void AddReportCases(MilepostDb db, IReadOnlyList<DemoProject> projects)
    {
        long Id(string name) => projects.Single(p => p.Project.Name == name).Project.Id;
        MonthlyReport Report(string name, int month)
        {
            var (id, m) = (Id(name), new YearMonth(2020, month));
            return db.MonthlyReports.Include(r => r.FundsReceived).Single(r => r.ProjectId == id && r.Month == m);
        }
        DateTime At(int m, int d, int h) => new(2020, m, d, h, 0, 0, DateTimeKind.Utc);

        // 快速通道: May was sent back; the owner has not resubmitted yet.
        var returned = Report("岷江至省会快速通道", 5);
        returned.State = ReportState.Returned;
        returned.ReviewedAt = At(6, 8, 2);
        returned.ReviewedBy = "supervisor";
        returned.ReviewComment = "5月到位资金合计与银行贷款到账凭证不一致，请核实后重新报送，并补充标段施工现场照片。";
        returned.Version++;

        // 东互通立交: April approved, and the owner has opened a correction (revision 2, still a draft).
        var april = Report("岷江高速公路东互通立交工程", 4);
        db.MonthlyReports.Add(Copy(april, 2, ReportState.Draft, april.CompletedInvestment + Money.FromWan(120),
            "经与监理单位复核，4月计量漏计匝道桥梁钢筋工程 120 万元，申请更正。"));

        // 大数据产业园: February corrected after approval; the approved correction replaced revision 1.
        var february = Report("大数据产业园一期", 2);
        var corrected = Copy(february, 2, ReportState.Approved, february.CompletedInvestment - Money.FromWan(80),
            "2月完成投资按审计核减 80 万元后更正。");
        corrected.SubmittedAt = At(3, 20, 2);
        corrected.SubmittedBy = "owner";
        corrected.ReviewedAt = At(3, 23, 3);
        corrected.ReviewedBy = "supervisor";
        corrected.ReviewComment = "同意更正。";
        db.MonthlyReports.Add(corrected);
        db.SaveChanges();
        february.SupersededById = corrected.Id;
        february.Version++;
    }

    private static MonthlyReport Copy(MonthlyReport r, int revision, ReportState state, Money completed, string narrative)
    {
        var copy = new MonthlyReport
        {
            ProjectId = r.ProjectId, DivisionCode = r.DivisionCode, Month = r.Month, Revision = revision, State = state,
            CompletedInvestment = completed, ProgressPercent = r.ProgressPercent, WorkersOnSite = r.WorkersOnSite,
            Narrative = narrative, NextMonthPlan = r.NextMonthPlan, Version = 1,
        };
        foreach (var f in r.FundsReceived)
            copy.FundsReceived.Add(new ReportFunds { DivisionCode = f.DivisionCode, Source = f.Source, Amount = f.Amount });
        return copy;
    }
}
