using System.Data;
using System.IO.Compression;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace Milepost.Web.Tests.Ledger;

/// <summary>Ledger files built by the tests, in the shapes offices keep them, and the upload that carries them.</summary>
public static partial class ImportFiles
{
    /// <summary>An .xlsx whose first sheet holds exactly these rows (row 1 first; no header row added).</summary>
    public static byte[] Xlsx(params object?[][] rows) => Xlsx("项目台账", rows);

    public static byte[] Xlsx(string sheet, params object?[][] rows)
    {
        var width = rows.Max(r => r.Length);
        var table = new DataTable(sheet);
        for (var c = 0; c < width; c++) table.Columns.Add("c" + c, typeof(object));
        foreach (var r in rows) table.Rows.Add(Enumerable.Range(0, width).Select(c => c < r.Length && r[c] is not null ? r[c]! : DBNull.Value).ToArray());
        using var stream = new MemoryStream();
        stream.SaveAs(table, printHeader: false, sheetName: sheet);
        return stream.ToArray();
    }

    public static object?[] Row(params object?[] cells) => cells;

    /// <summary>A zip that looks like a workbook and inflates a thousandfold (20 MB of zeros in ~20 KB).</summary>
    public static byte[] ZipBomb()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "xl/workbook.xml" })
                using (var w = new StreamWriter(zip.CreateEntry(name).Open())) w.Write("<x/>");
            using var s = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Optimal).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++) s.Write(zeros);
        }
        return stream.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName, bool dryRun = false, bool createMissing = false,
        IReadOnlyDictionary<string, string>? sections = null) =>
        PostAsync(client, bytes, fileName, $"/api/v1/import/projects?dryRun={(dryRun ? "true" : "false")}&createMissing={(createMissing ? "true" : "false")}", sections);

    public static Task<HttpResponseMessage> UploadReportsAsync(HttpClient client, byte[] bytes, string fileName, bool dryRun = false, bool approve = false) =>
        PostAsync(client, bytes, fileName, $"/api/v1/import/reports?dryRun={(dryRun ? "true" : "false")}&approve={(approve ? "true" : "false")}");

    /// <summary>Posts a file as the import pages do: multipart "file", with the session's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, byte[] bytes, string fileName, string url,
        IReadOnlyDictionary<string, string>? sections = null)
    {
        var page = await client.GetStringAsync("/reports");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken");
        if (sections is not null) form.Add(new StringContent(System.Text.Json.JsonSerializer.Serialize(sections)), "sections");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    public static byte[] Csv(string text, Encoding encoding, bool bom = false) =>
        [.. (bom ? encoding.GetPreamble() : []), .. encoding.GetBytes(text)];

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
