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
        var marks = result.Errors.Concat(result.Warnings).ToList();
        return Build([new ErrorSheet("原表", source.Rows(), marks)], marks.OrderBy(e => e.Row));
    }

    /// <summary>An uploaded sheet to copy into the error workbook under <paramref name="Name"/>, and the errors to mark on it.</summary>
    public sealed record ErrorSheet(string Name, IEnumerable<IReadOnlyList<object?>> Rows, IReadOnlyList<ImportErrorDto> Marks);

    /// <summary>Sheet "错误清单" listing <paramref name="listed"/> in the order given, then each sheet copied with its bad cells marked.</summary>
    public static byte[] Build(IReadOnlyList<ErrorSheet> sheets, IEnumerable<ImportErrorDto> listed)
    {
        var list = new DataTable("错误清单");
        foreach (var h in new[] { "工作表", "行号", "列", "字段", "填写的值", "错误原因", "类型" }) list.Columns.Add(h, typeof(object));
        list.Rows.Add("工作表", "行号", "列", "字段", "填写的值", "错误原因", "类型");
        foreach (var e in listed)
            list.Rows.Add(BulletinXlsx.Cell(e.Sheet), e.Row, e.Column, e.Field, BulletinXlsx.Cell(e.Value), BulletinXlsx.Cell(e.Message), e.IsWarning ? "提示" : "错误");
        var tables = new Dictionary<string, object> { ["错误清单"] = list };
        foreach (var sheet in sheets) tables[sheet.Name] = Copy(sheet);
        using var stream = new MemoryStream();
        stream.SaveAs(tables, printHeader: false, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true });
        // The bad cells themselves, coloured in the sheet as uploaded (rows are the upload's own numbers).
        foreach (var sheet in sheets)
            ImportCellMarks.Mark(stream, sheet.Name, sheet.Marks.Select(e => (e.Row, e.Column, e.IsWarning)));
        return stream.ToArray();
    }

    /// <summary>The sheet row for row, with a last column "错误说明" on each bad row: "C列（总投资）：原因".</summary>
    private static DataTable Copy(ErrorSheet sheet)
    {
        var byRow = sheet.Marks.GroupBy(e => e.Row).ToDictionary(g => g.Key,
            g => string.Join("；", g.Select(e => (e.Column.Length > 0 ? $"{e.Column}列" + (e.Field.Length > 0 ? $"（{e.Field}）" : "") + "：" : "") + e.Message)));
        var rows = new List<object?[]>();
        var width = 0;
        foreach (var row in sheet.Rows)
        {
            rows.Add([.. row]);
            width = Math.Max(width, row.Count);
        }
        var original = new DataTable(sheet.Name);
        for (var c = 0; c <= width; c++) original.Columns.Add("c" + c, typeof(object));
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = new object[width + 1];
            for (var c = 0; c < width; c++) cells[c] = c < rows[i].Length ? BulletinXlsx.Cell(rows[i][c]) : DBNull.Value;
            cells[width] = byRow.TryGetValue(i + 1, out var text) ? "错误说明：" + text : DBNull.Value;
            original.Rows.Add(cells);
        }
        return original;
    }
}
