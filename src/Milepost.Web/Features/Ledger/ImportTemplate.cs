using Milepost.Core.Ledger;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// The empty sheets offered on the import page (下载模板): a header row the import recognises, in the words offices use,
/// with the unit in the header, widths set and the header frozen. Offices mostly bring their own ledgers; the template
/// is for those starting afresh and shows which columns are read.
/// </summary>
public static class ImportTemplate
{
    private static readonly ExportColumn[] Projects =
    [
        new("项目代码", 24), new("项目名称", 36), new("行政区划", 12), new("专项", 16), new("项目类别", 12), new("业主单位", 28),
        new("责任单位", 22), new("联系市领导", 18), new("总投资（万元）", 14), new("年度计划投资（万元）", 18),
        new("计划开工时间", 14, IsDate: true), new("计划竣工时间", 14, IsDate: true), new("建设内容", 48),
    ];

    private static readonly ExportColumn[] Reports =
    [
        new("项目代码", 24), new("项目名称", 36), new("县区", 10), new("月份", 10), new("本月完成投资（万元）", 18),
        new("形象进度", 10), new("进展情况", 48), new("进度回退原因", 24), new("下月工作计划", 36),
    ];

    /// <summary>"projects" or "reports"; null for anything else.</summary>
    public static (string FileName, byte[] Bytes)? Build(string kind)
    {
        var (sheet, columns) = kind switch
        {
            "projects" => (LedgerFieldTable.Projects.Name, Projects),
            "reports" => (LedgerFieldTable.Reports.Name, Reports),
            _ => (null, null),
        };
        if (sheet is null || columns is null) return null;
        using var stream = new MemoryStream();
        ExportTable.WriteXlsx(stream, sheet, columns, []);
        return ($"{sheet}导入模板.xlsx", stream.ToArray());
    }
}
