using Milepost.Core;
using Milepost.Core.Reports;
using static Milepost.Web.Shared.Lang;

namespace Milepost.Web.Features.Reports;

/// <summary>How reports read on the pages: states, months and days left, in Chinese first.</summary>
public static class ReportText
{
    public static string Month(YearMonth m) => IsEnglish ? m.ToString() : $"{m.Year}年{m.Month}月";

    public static string State(ReportState? s, int revision = 1) => s switch
    {
        null => T("未填报", "Not started"),
        ReportState.Draft when revision > 1 => T("更正中", "Correction draft"),
        ReportState.Draft => T("草稿", "Draft"),
        ReportState.Submitted => T("待审核", "Awaiting review"),
        ReportState.Returned => T("已退回", "Returned"),
        _ => T("已审核", "Approved"),
    };

    public static string Color(ReportState? s) => s switch
    {
        null => "red",
        ReportState.Draft => "default",
        ReportState.Submitted => "blue",
        ReportState.Returned => "orange",
        _ => "green",
    };

    /// <summary>"剩余 5 天", "今日到期" or "逾期 6 天".</summary>
    public static string DaysLeft(int days) => days switch
    {
        > 0 => T($"剩余 {days} 天", $"{days} days left"),
        0 => T("今日到期", "Due today"),
        _ => T($"逾期 {-days} 天", $"{-days} days overdue"),
    };

    public static string Step(string action) => action switch
    {
        "report.create" => T("创建月报", "created the report"),
        "report.save" => T("保存草稿", "saved the draft"),
        "report.submit" => T("报送", "submitted"),
        "report.return" => T("退回修改", "returned it"),
        "report.approve" => T("审核通过", "approved"),
        "report.correct" => T("发起更正", "started a correction"),
        "report.photo" => T("上传照片", "uploaded a photo"),
        _ => action,
    };

    public static string Time(DateTime? utc, TimeZoneInfo zone) =>
        utc is { } t ? TimeZoneInfo.ConvertTimeFromUtc(t, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Percent(decimal? rate) => rate is { } r ? (r * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%" : "—";
}
