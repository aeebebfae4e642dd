using System.Data;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Milepost.Web.Features.Ranking;

/// <summary>
/// The bulletin's tables as a workbook (sheets 红榜, 黑榜, 豁免, 单位排名, 全部项目), for offices that re-sort and file
/// the list. Numbers stay numeric cells; text that a spreadsheet would read as a formula is escaped (SECURITY 17).
/// </summary>
public static class BulletinXlsx
{
    public static byte[] Write(BulletinModel m) => Workbook([.. m.Tables, m.All]);

    /// <summary>One sheet per table, header row first; a table without rows still gets its header.</summary>
    public static byte[] Workbook(IEnumerable<BulletinTable> tables)
    {
        var sheets = new Dictionary<string, object>();
        foreach (var t in tables)
        {
            var data = new DataTable(t.Sheet);
            foreach (var h in t.Headers) data.Columns.Add(h, typeof(object));
            foreach (var row in t.Rows) data.Rows.Add(row.Select(Cell).ToArray());
            sheets[t.Sheet] = data;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX, configuration: new OpenXmlConfiguration { FastMode = true, AutoFilter = true });
        return stream.ToArray();
    }

    /// <summary>
    /// A cell as written: numbers as numbers, and text starting with = + - @ tab or CR prefixed with a single quote, so that
    /// a project named "=HYPERLINK(...)" is shown as its name and never run as a formula.
    /// </summary>
    public static object Cell(object? value) => value switch
    {
        null => DBNull.Value,
        string s => Escape(s),
        _ => value,
    };

    public static string Escape(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;

    /// <summary>The text <see cref="Escape"/> was given, for a workbook of ours read back (the base-data workbook's round trip).</summary>
    public static string Unescape(string s) => s.Length > 1 && s[0] == '\'' && s[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? s[1..] : s;
}
