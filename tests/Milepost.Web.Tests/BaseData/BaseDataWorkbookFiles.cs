using System.Data;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Milepost.Data;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Shared;

namespace Milepost.Web.Tests.BaseData;

/// <summary>Base-data workbooks built by the tests (a sheet each, rows as written, row 1 first) and the import run on them.</summary>
public static class BaseDataWorkbookFiles
{
    public static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    public static (string Sheet, object?[][] Rows) Sheet(string name, params object?[][] rows) => (name, rows);

    public static object?[] Row(params object?[] cells) => cells;

    public static byte[] Workbook(params (string Sheet, object?[][] Rows)[] sheets)
    {
        var tables = new Dictionary<string, object>();
        foreach (var (name, rows) in sheets)
        {
            var width = rows.Max(r => r.Length);
            var table = new DataTable(name);
            for (var c = 0; c < width; c++) table.Columns.Add("c" + c, typeof(object));
            foreach (var r in rows) table.Rows.Add(Enumerable.Range(0, width).Select(c => c < r.Length && r[c] is not null ? r[c]! : DBNull.Value).ToArray());
            tables[name] = table;
        }
        using var stream = new MemoryStream();
        stream.SaveAs(tables, printHeader: false);
        return stream.ToArray();
    }

    /// <summary>Runs the import in a scope of its own, as the page and the API do.</summary>
    public static async Task<BaseDataWorkbookResult> ImportAsync(IServiceProvider services, byte[] workbook, bool dryRun = false, Actor? actor = null)
    {
        using var scope = services.CreateScope();
        await using var stream = new MemoryStream(workbook);
        using var source = await SheetReader.OpenWorkbookAsync(stream);
        return await scope.ServiceProvider.GetRequiredService<BaseDataWorkbookImport>().RunAsync(actor ?? Supervisor, source, dryRun);
    }

    public static async Task<byte[]> ExportAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<BaseDataWorkbookExport>().ExportAsync(Supervisor)).Bytes;
    }

    /// <summary>"单位!C12" for each error, in the order reported.</summary>
    public static string[] Cells(BaseDataWorkbookResult r) => [.. r.Errors.Select(e => $"{e.Sheet}!{e.Column}{e.Row}")];
}
