using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Milepost.Web.Features.Ranking;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// The workbook a user downloads to fix a refused ledger: sheet "原表" is the uploaded sheet row for row (so row numbers
/// match), its bad cells filled red (warnings yellow), with a column "错误说明" on each bad row listing "C列（总投资）：原因"; sheet "错误清单" lists every error as
/// sheet, row, column, field, value and reason. Text cells are escaped so nothing from the upload runs as a formula.
/// </summary>
public static class ImportErrorWorkbook
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] Build(SheetSource source, ImportResult result)
    {
        var byRow = result.Errors.Concat(result.Warnings).GroupBy(e => e.Row).ToDictionary(g => g.Key,
            g => string.Join("；", g.Select(e => (e.Column.Length > 0 ? $"{e.Column}列" + (e.Field.Length > 0 ? $"（{e.Field}）" : "") + "：" : "") + e.Message)));
        var rows = new List<object?[]>();
        var width = 0;
        var number = 0;
        foreach (var row in source.Rows())
        {
            number++;
            rows.Add([.. row]);
            width = Math.Max(width, row.Count);
        }
        var original = new DataTable("原表");
        for (var c = 0; c <= width; c++) original.Columns.Add("c" + c, typeof(object));
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = new object[width + 1];
            for (var c = 0; c < width; c++) cells[c] = c < rows[i].Length ? BulletinXlsx.Cell(rows[i][c]) : DBNull.Value;
            cells[width] = byRow.TryGetValue(i + 1, out var text) ? "错误说明：" + text : DBNull.Value;
            original.Rows.Add(cells);
        }
        var list = new DataTable("错误清单");
        foreach (var h in new[] { "工作表", "行号", "列", "字段", "填写的值", "错误原因", "类型" }) list.Columns.Add(h, typeof(object));
        list.Rows.Add("工作表", "行号", "列", "字段", "填写的值", "错误原因", "类型");
        foreach (var e in result.Errors.Concat(result.Warnings).OrderBy(e => e.Row))
            list.Rows.Add(BulletinXlsx.Cell(e.Sheet), e.Row, e.Column, e.Field, BulletinXlsx.Cell(e.Value), BulletinXlsx.Cell(e.Message), e.IsWarning ? "提示" : "错误");
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { ["错误清单"] = list, ["原表"] = original }, printHeader: false,
            excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true });
        // The bad cells themselves, coloured in the sheet as uploaded (rows are the upload's own numbers).
        ImportCellMarks.Mark(stream, "原表", result.Errors.Select(e => (e.Row, e.Column, false)).Concat(result.Warnings.Select(e => (e.Row, e.Column, true))));
        return stream.ToArray();
    }
}
