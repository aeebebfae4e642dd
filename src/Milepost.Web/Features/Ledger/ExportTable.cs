using System.Globalization;
using System.Text;
using System.Threading.Channels;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Milepost.Web.Features.Ranking;

namespace Milepost.Web.Features.Ledger;

/// <summary>A column of an exported table: its header (in Chinese, with the unit, e.g. 总投资（万元）) and its width in characters.</summary>
/// <param name="IsDate">Its values are dates: .xlsx writes them as date cells shown as 2020-06-30.</param>
public sealed record ExportColumn(string Header, double Width, bool IsDate = false);

public enum ExportFormat { Xlsx, Csv }

/// <summary>
/// Writes a table as .xlsx (MiniExcel, one sheet, header row frozen, column widths set) or as CSV (RFC 4180, UTF-8 with a
/// byte-order mark so that Excel reads the Chinese, or GB18030 on request). Rows are read one at a time from the source and
/// written at once, so an export of 100,000 rows never holds them all. Cells: null is empty, numbers stay numbers, dates show as
/// 2020-06-30 (real date cells in .xlsx date columns, text in CSV), and text that a spreadsheet would run as a formula is escaped (<see cref="BulletinXlsx.Escape"/>,
/// SECURITY.md 17) in both formats.
/// </summary>
public static class ExportTable
{
    static ExportTable() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>UTF-8 with the byte-order mark, Excel's cue that a CSV file is UTF-8.</summary>
    public static readonly Encoding Utf8Bom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>The cell as written: text escaped, dates as ISO text, the rest as it is.</summary>
    public static object? Cell(object? value) => value switch
    {
        null => null,
        string s => BulletinXlsx.Escape(s),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => BulletinXlsx.Escape(string.Join("、", list)),
        Enum e => e.ToString(),
        _ => value,
    };

    /// <summary>Writes the rows as one .xlsx sheet; returns how many rows (header not counted) were written.</summary>
    public static long WriteXlsx(Stream output, string sheetName, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows)
    {
        long count = 0;
        var config = Configuration(columns.Select((c, i) => (c, (int?)i)));
        using var e = rows.GetEnumerator();
        if (!e.MoveNext())
        {
            // MiniExcel takes the headers from the first row; a table without rows still gets its header.
            output.SaveAs(Table(sheetName, columns, []), sheetName: sheetName, excelType: ExcelType.XLSX, configuration: config);
            return 0;
        }
        IEnumerable<IDictionary<string, object?>> Lines()
        {
            do
            {
                var row = e.Current;
                if (row.Length != columns.Count) throw new InvalidOperationException($"A row has {row.Length} cells for {columns.Count} columns");
                var line = new Dictionary<string, object?>(columns.Count);
                for (var i = 0; i < columns.Count; i++)
                    line[columns[i].Header] = XlsxCell(row[i], columns[i]);
                count++;
                yield return line;
            } while (e.MoveNext());
        }
        output.SaveAs(Lines(), sheetName: sheetName, excelType: ExcelType.XLSX, configuration: config);
        return count;
    }

    /// <summary>
    /// Writes a small workbook of several sheets, each as <see cref="WriteXlsx"/> writes one (header frozen, widths, date
    /// cells, escaped text). Its rows are held in memory: for tables of a few thousand rows, such as the base data.
    /// Widths and formats go by header, so a header that two sheets share has the first sheet's.
    /// </summary>
    public static void WriteSheets(Stream output, IReadOnlyList<(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)> sheets)
    {
        // No index: a header's place differs from sheet to sheet, and each sheet keeps its table's order.
        var columns = sheets.SelectMany(s => s.Columns.Select(c => (c, (int?)null))).DistinctBy(x => x.c.Header);
        var tables = sheets.ToDictionary(s => s.Name, s => (object)Table(s.Name, s.Columns, s.Rows));
        output.SaveAs(tables, excelType: ExcelType.XLSX, configuration: Configuration(columns));
    }

    private static OpenXmlConfiguration Configuration(IEnumerable<(ExportColumn Column, int? Index)> columns) => new()
    {
        // Not FastMode: it opens the package in update mode, where .NET keeps each entry in memory until the end, i.e.
        // the whole sheet's XML; create mode streams the sheet to the output as it is written.
        FastMode = false,
        AutoFilter = true,
        FreezeRowCount = 1,
        EnableWriteNullValueCell = false,
        DynamicColumns = [.. columns.Select(x => Dynamic(x.Column, x.Index))],
    };

    private static DynamicExcelColumn Dynamic(ExportColumn c, int? index)
    {
        var column = new DynamicExcelColumn(c.Header) { Name = c.Header, Width = c.Width, Format = c.IsDate ? "yyyy-mm-dd" : null };
        if (index is { } i) column.Index = i;
        return column;
    }

    /// <summary>A sheet's rows as a table MiniExcel writes: cells as <see cref="Cell"/> gives them, dates of date columns as date cells.</summary>
    private static System.Data.DataTable Table(string name, IReadOnlyList<ExportColumn> columns, IReadOnlyList<object?[]> rows)
    {
        var table = new System.Data.DataTable(name);
        foreach (var c in columns) table.Columns.Add(c.Header, typeof(object));
        foreach (var row in rows)
            table.Rows.Add([.. row.Select((v, i) => XlsxCell(v, columns[i]) ?? DBNull.Value)]);
        return table;
    }

    /// <summary>An .xlsx cell: a date of a date column as a date cell, the rest as <see cref="Cell"/>.</summary>
    private static object? XlsxCell(object? value, ExportColumn column) =>
        value is DateOnly d && column.IsDate ? d.ToDateTime(TimeOnly.MinValue) : Cell(value);

    /// <summary>Writes the rows as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted).</summary>
    public static long WriteCsv(Stream output, Encoding encoding, IReadOnlyList<ExportColumn> columns, IEnumerable<object?[]> rows)
    {
        long count = 0;
        using var writer = new StreamWriter(output, encoding, bufferSize: 64 * 1024, leaveOpen: true);
        WriteLine(writer, columns.Select(c => (object?)c.Header).ToArray());
        foreach (var row in rows)
        {
            WriteLine(writer, row);
            count++;
        }
        writer.Flush();
        return count;
    }

    private static void WriteLine(TextWriter w, object?[] row)
    {
        for (var i = 0; i < row.Length; i++)
        {
            if (i > 0) w.Write(',');
            var text = Cell(row[i]) switch
            {
                null => "",
                // The value, not its stored scale (1.2 on one database, 1.20 on the other).
                decimal d => d.ToString("0.##########", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString() ?? "",
            };
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0)
            {
                w.Write('"');
                w.Write(text.Replace("\"", "\"\""));
                w.Write('"');
            }
            else w.Write(text);
        }
        w.Write("\r\n");
    }

    /// <summary>
    /// Writes rows that come from the database (an async source) to <paramref name="output"/>. MiniExcel writes
    /// synchronously, so the rows pass through a small bounded channel to a writer on its own thread: the source waits
    /// when the writer is behind, and at most <see cref="Buffered"/> rows are in memory at once.
    /// </summary>
    public static async Task<long> WriteAsync(Stream output, ExportFormat format, Encoding csvEncoding, string sheetName,
        IReadOnlyList<ExportColumn> columns, IAsyncEnumerable<object?[]> rows, CancellationToken ct)
    {
        var channel = Channel.CreateBounded<object?[]>(new BoundedChannelOptions(Buffered) { SingleReader = true, SingleWriter = true });
        var writer = Task.Factory.StartNew(() => format == ExportFormat.Xlsx
                ? WriteXlsx(output, sheetName, columns, Drain(channel.Reader, ct))
                : WriteCsv(output, csvEncoding, columns, Drain(channel.Reader, ct)),
            ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        // A writer that fails closes the channel, so the source stops waiting for room.
        _ = writer.ContinueWith(_ => channel.Writer.TryComplete(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        try
        {
            await foreach (var row in rows.WithCancellation(ct))
                if (!await channel.Writer.WaitToWriteAsync(ct) || !channel.Writer.TryWrite(row))
                    break; // the writer stopped (it failed): its exception is thrown below
            channel.Writer.TryComplete();
        }
        catch (Exception e)
        {
            channel.Writer.TryComplete(e);
            try { await writer; } catch { /* the source's failure is the one to report */ }
            throw;
        }
        return await writer;
    }

    public const int Buffered = 1_000;

    private static IEnumerable<object?[]> Drain(ChannelReader<object?[]> reader, CancellationToken ct)
    {
        while (reader.WaitToReadAsync(ct).AsTask().GetAwaiter().GetResult())
            while (reader.TryRead(out var row))
                yield return row;
    }
}
