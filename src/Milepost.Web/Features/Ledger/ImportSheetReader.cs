using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Milepost.Web.Features.Ledger;

/// <summary>A file refused before any row is read or anything written; the message says why, in Chinese and English.</summary>
public sealed class SheetRefusedException(string code, string zh, string en) : Exception(en)
{
    public string Code { get; } = code;
    public string MessageZh { get; } = zh;
}

/// <summary>An opened upload: the name errors are reported under and its rows as cell lists, streamed.</summary>
public sealed class SheetSource(string sheetName, Func<IEnumerable<IReadOnlyList<object?>>> rows, IDisposable owner) : IDisposable
{
    public string SheetName { get; } = sheetName;
    /// <summary>Read once, top to bottom; a sheet beyond <see cref="SheetReader.MaxRows"/> throws <see cref="SheetRefusedException"/>.</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows() => rows();
    public void Dispose() => owner.Dispose();
}

/// <summary>An opened workbook of several sheets (the base-data workbook): its sheet names and each sheet's rows, streamed.</summary>
public sealed class WorkbookSource(IReadOnlyList<string> sheetNames, Func<string, IEnumerable<IReadOnlyList<object?>>> rows, IDisposable owner) : IDisposable
{
    public IReadOnlyList<string> SheetNames { get; } = sheetNames;
    /// <summary>Read top to bottom, as often as needed; a sheet beyond <see cref="SheetReader.MaxRows"/> throws <see cref="SheetRefusedException"/>.</summary>
    public IEnumerable<IReadOnlyList<object?>> Rows(string sheet) => rows(sheet);
    public void Dispose() => owner.Dispose();
}

/// <summary>
/// Opens an uploaded ledger (.xlsx: the first sheet through MiniExcel's streaming reader; .csv: UTF-8 with or without BOM,
/// else GB18030) as the rows <see cref="Milepost.Core.Ledger.LedgerSheet"/> reads. Every check on the file itself
/// (size, type by magic bytes, zip bomb, broken workbook) happens here, before a row is parsed (SECURITY.md 16).
/// </summary>
public static class SheetReader
{
    public const long MaxBytes = 50L * 1024 * 1024;
    public const long MaxUncompressedBytes = 200L * 1024 * 1024;
    public const double MaxCompressionRatio = 100;
    public const int MaxEntries = 10_000;
    public const int MaxRows = 200_000;

    static SheetReader() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static SheetRefusedException Corrupt() => new("import.file.corrupt",
        "文件已损坏或不是 Excel 文件（.xlsx），请用 Excel 或 WPS 重新另存后再导入", "The file is damaged or not an Excel workbook (.xlsx); save it again from Excel or WPS");

    /// <summary>
    /// Copies the upload to a private temporary file (refusing it past <see cref="MaxBytes"/> while copying, so a
    /// large upload never sits in memory), checks it and opens it. The caller disposes the result, which deletes the copy.
    /// </summary>
    public static Task<SheetSource> OpenAsync(Stream upload, string fileName, CancellationToken ct = default) =>
        OpenCopyAsync(upload, file => Open(file, fileName), ct);

    /// <summary>
    /// Opens an uploaded workbook with every sheet (the base-data workbook), after the same checks as <see cref="OpenAsync"/>;
    /// a CSV file, having one sheet only, is refused. The caller disposes the result, which deletes the copy.
    /// </summary>
    public static Task<WorkbookSource> OpenWorkbookAsync(Stream upload, CancellationToken ct = default) =>
        OpenCopyAsync(upload, OpenWorkbook, ct);

    /// <summary>Copies the upload to a private temporary file that deletes itself on close, then opens it; a failure closes it.</summary>
    private static async Task<T> OpenCopyAsync<T>(Stream upload, Func<FileStream, T> open, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), "milepost-import-" + Guid.NewGuid().ToString("N"));
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            long total = 0;
            int n;
            while ((n = await upload.ReadAsync(buffer, ct)) > 0)
            {
                total += n;
                if (total > MaxBytes) throw TooLarge();
                await file.WriteAsync(buffer.AsMemory(0, n), ct);
            }
            await file.FlushAsync(ct);
            file.Position = 0;
            return open(file);
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }

    public static SheetRefusedException TooLarge() => new("import.file.size",
        $"文件超过 {MaxBytes / 1024 / 1024} MB 的大小限制，未导入", $"The file is larger than the {MaxBytes / 1024 / 1024} MB limit; nothing was imported");

    /// <summary>Opens a seekable file; the result owns <paramref name="file"/>.</summary>
    public static SheetSource Open(FileStream file, string fileName)
    {
        var isZip = IsZip(file);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (isZip) return OpenXlsx(file);
        if (extension is ".xlsx" or ".xlsm" or ".xls") throw Corrupt();
        if (extension is not (".csv" or ".txt"))
            throw new SheetRefusedException("import.file.type", "只能导入 .xlsx 或 .csv 文件", "Only .xlsx and .csv files can be imported");
        return OpenCsv(file, fileName);
    }

    /// <summary>Checks the size and tells a zip (an .xlsx) by its first bytes; an old .xls is refused with what to do.</summary>
    private static bool IsZip(FileStream file)
    {
        if (file.Length > MaxBytes) throw TooLarge();
        if (file.Length == 0) throw new SheetRefusedException("import.file.empty", "文件是空的", "The file is empty");
        Span<byte> magic = stackalloc byte[4];
        file.Position = 0;
        var read = file.Read(magic);
        file.Position = 0;
        if (read == 4 && magic.SequenceEqual("PK\u0003\u0004"u8)) return true;
        if (read == 4 && magic.SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            throw new SheetRefusedException("import.file.xls", "不支持旧版 .xls 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
                "Old .xls files are not supported; save the file as .xlsx first");
        return false;
    }

    private static SheetSource OpenXlsx(FileStream file)
    {
        var sheet = SheetNames(file)[0];
        return new SheetSource(sheet, () => XlsxRows(file, sheet), file);
    }

    /// <summary>Opens a seekable file as a workbook of several sheets; the result owns <paramref name="file"/>.</summary>
    public static WorkbookSource OpenWorkbook(FileStream file)
    {
        if (!IsZip(file))
            throw new SheetRefusedException("import.file.type", "只能导入 Excel 工作簿（.xlsx）", "Only Excel workbooks (.xlsx) can be imported");
        var names = SheetNames(file);
        return new WorkbookSource(names, sheet => XlsxRows(file, sheet), file);
    }

    /// <summary>The workbook's sheet names, after the zip checks (<see cref="CheckZip"/>).</summary>
    private static List<string> SheetNames(FileStream file)
    {
        CheckZip(file);
        try
        {
            file.Position = 0;
            var names = MiniExcel.GetSheetNames(file);
            return names.Count > 0 ? names : throw Corrupt();
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NullReferenceException or KeyNotFoundException or ArgumentException)
        {
            throw Corrupt();
        }
    }

    /// <summary>A sheet's rows as cell lists, streamed; a broken sheet is <see cref="Corrupt"/>, one past <see cref="MaxRows"/> refused.</summary>
    private static IEnumerable<IReadOnlyList<object?>> XlsxRows(FileStream file, string sheet)
    {
        file.Position = 0;
        var config = new OpenXmlConfiguration { FillMergedCells = false, EnableSharedStringCache = true };
        using var rows = MiniExcel.Query(file, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, configuration: config).GetEnumerator();
        var count = 0;
        while (true)
        {
            try
            {
                if (!rows.MoveNext()) yield break;
            }
            catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
            {
                throw Corrupt();
            }
            if (++count > MaxRows) throw TooManyRows();
            var dict = (IDictionary<string, object?>)rows.Current;
            yield return dict.Values.ToList();
        }
    }

    public static SheetRefusedException TooManyRows() => new("import.file.rows",
        $"文件超过 {MaxRows:N0} 行，请拆分后分批导入", $"The file has more than {MaxRows:N0} rows; split it and import the parts");

    /// <summary>
    /// Refuses zip bombs before MiniExcel inflates anything: too many entries, a declared total or ratio past the limits,
    /// and then the real inflated size (a zip may lie about its sizes), counted while inflating, stopped at the limit.
    /// Also refuses a zip that is not a workbook (no [Content_Types].xml or xl/workbook.xml) and a truncated one.
    /// </summary>
    private static void CheckZip(FileStream file)
    {
        try
        {
            file.Position = 0;
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries) throw Bomb();
            long declared = 0, compressed = 0;
            foreach (var e in zip.Entries)
            {
                declared += e.Length;
                compressed += e.CompressedLength;
            }
            if (declared > MaxUncompressedBytes || declared > MaxCompressionRatio * Math.Max(compressed, 1)) throw Bomb();
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null) throw Corrupt();
            var buffer = new byte[81920];
            long inflated = 0;
            foreach (var e in zip.Entries)
            {
                using var s = e.Open();
                int n;
                while ((n = s.Read(buffer)) > 0)
                {
                    inflated += n;
                    if (inflated > MaxUncompressedBytes || inflated > MaxCompressionRatio * Math.Max(compressed, 1)) throw Bomb();
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            throw Corrupt();
        }
        finally
        {
            file.Position = 0;
        }
    }

    private static SheetRefusedException Bomb() => new("import.file.bomb",
        $"文件解压后过大（超过 {MaxUncompressedBytes / 1024 / 1024} MB 或压缩比超过 {MaxCompressionRatio}），疑似压缩炸弹，未导入",
        $"The file inflates too far (over {MaxUncompressedBytes / 1024 / 1024} MB or a ratio over {MaxCompressionRatio}); refused as a possible zip bomb");

    private static SheetSource OpenCsv(FileStream file, string fileName)
    {
        var encoding = IsUtf8(file) ? new UTF8Encoding(false) : Encoding.GetEncoding("GB18030");
        file.Position = 0;
        IEnumerable<IReadOnlyList<object?>> Rows()
        {
            file.Position = 0;
            // detectEncodingFromByteOrderMarks drops a UTF-8 BOM.
            using var reader = new StreamReader(file, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 65536, leaveOpen: true);
            var count = 0;
            foreach (var row in ImportCsv.Read(reader))
            {
                if (++count > MaxRows) throw TooManyRows();
                yield return row;
            }
        }
        return new SheetSource(Path.GetFileNameWithoutExtension(fileName), Rows, file);
    }

    /// <summary>True when the whole file decodes as UTF-8 (a BOM, or plain ASCII, counts); checked in one streaming pass.</summary>
    private static bool IsUtf8(Stream file)
    {
        file.Position = 0;
        var decoder = new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder();
        var bytes = new byte[65536];
        var chars = new char[65537];
        try
        {
            int n;
            while ((n = file.Read(bytes)) > 0) decoder.GetChars(bytes, 0, n, chars, 0, flush: false);
            decoder.GetChars([], 0, 0, chars, 0, flush: true);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
