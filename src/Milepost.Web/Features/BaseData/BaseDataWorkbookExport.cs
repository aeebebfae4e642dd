using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Hosting;
using Milepost.Web.Shared;
using static Milepost.Core.Portfolio.BaseDataWorkbookSheets;

namespace Milepost.Web.Features.BaseData;

/// <summary>What one export of the base data wrote: its file name, its bytes, each sheet's row count and the audit event.</summary>
public sealed record BaseDataWorkbookFile(string FileName, byte[] Bytes, IReadOnlyDictionary<string, int> Rows, long AuditSequence);

/// <summary>
/// The whole base data as one workbook (<see cref="BaseDataWorkbookSheets"/>: a sheet for each kind, Chinese headers, the
/// header row frozen, text escaped against formulas), retired records included and marked, so the office can keep it,
/// edit it and import it back; and the same workbook empty, as a template. An export is a bulk read of business data:
/// it is recorded as an "export" audit event like the lists' exports.
/// </summary>
public sealed class BaseDataWorkbookExport(MilepostDb db, PortfolioClock clock)
{
    public const string AuditKind = "base";

    public async Task<BaseDataWorkbookFile> ExportAsync(Actor actor, CancellationToken ct = default)
    {
        if (!actor.CanEditProjects) throw new ForbiddenException("只有督查室可以导出基础数据", "Only the supervision office may export base data");
        var sheets = await SheetsAsync(ct);
        var rows = sheets.ToDictionary(s => s.Name, s => s.Rows.Count);
        using var stream = new MemoryStream();
        ExportTable.WriteSheets(stream, sheets);
        var sequence = await ExportService.RecordAsync(db, clock, actor, AuditKind, new { Kind = AuditKind, Format = "xlsx", Rows = rows }, ct);
        return new BaseDataWorkbookFile($"基础数据-{clock.Today:yyyy-MM-dd}.xlsx", stream.ToArray(), rows, sequence);
    }

    /// <summary>The workbook without records, and a sheet that says what each column takes.</summary>
    public static (string FileName, byte[] Bytes) Template()
    {
        var notes = new List<ExportColumn> { new("工作表", 12), new("列", 14), new("填写说明", 90) };
        List<(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)> sheets = [.. All.Select(s => Sheet(s, []))];
        sheets.Add((NotesSheet, notes, [.. All.SelectMany(s => s.Columns.Select(c => new object?[] { s.Name, c.Header, Note(s, c) }))]));
        using var stream = new MemoryStream();
        ExportTable.WriteSheets(stream, sheets);
        return ("基础数据导入模板.xlsx", stream.ToArray());
    }

    private async Task<List<(string Name, IReadOnlyList<ExportColumn> Columns, IReadOnlyList<object?[]> Rows)>> SheetsAsync(CancellationToken ct)
    {
        var divisions = await db.Divisions.AsNoTracking().OrderBy(d => d.Code).ToListAsync(ct);
        var units = await db.Units.AsNoTracking().OrderBy(u => u.Id).ToListAsync(ct);
        var leaders = await db.Leaders.AsNoTracking().OrderBy(l => l.Precedence).ThenBy(l => l.Id).ToListAsync(ct);
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync(ct);
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync(ct);
        var unitNames = units.ToDictionary(u => u.Id, u => u.Name);
        var leaderNames = leaders.ToDictionary(l => l.Id, l => l.Name);
        return
        [
            Sheet(Divisions, divisions.Select(d => new object?[] { d.Code, d.Name, d.ParentCode, BaseDataNames.Of(d.Level).Zh, Mark(d.IsRetired) })),
            Sheet(Units, units.Select(u => new object?[]
            {
                u.Name, u.ShortName, BaseDataNames.Of(u.Kind).Zh, u.ParentId is { } p ? unitNames.GetValueOrDefault(p) : null, Aliases(u.Aliases),
                u.ContactPerson, u.ContactPhone, Mark(u.IsRetired),
            })),
            Sheet(BaseDataWorkbookSheets.Leaders, leaders.Select(l => new object?[]
            {
                l.Name, l.Title, BaseDataNames.Of(l.Body).Zh, l.Precedence, l.Fields, l.InOfficeFrom, l.InOfficeTo, Aliases(l.Aliases), Mark(l.IsRetired),
            })),
            Sheet(Programmes, programmes.Select(p => new object?[]
            {
                p.Name, p.LeadLeaderId is { } l ? leaderNames.GetValueOrDefault(l) : null, p.SortOrder, Aliases(p.Aliases), Mark(p.IsRetired),
            })),
            Sheet(Categories, categories.Select(c => new object?[] { c.Name, c.NameEn, c.SortOrder, Aliases(c.Aliases), Mark(c.IsRetired) })),
        ];
    }

    private static (string, IReadOnlyList<ExportColumn>, IReadOnlyList<object?[]>) Sheet(BaseDataSheet sheet, IEnumerable<object?[]> rows) =>
        (sheet.Name, Columns(sheet), rows.ToList());

    private static string Mark(bool retired) => retired ? "是" : "否";

    /// <summary>Aliases in one cell, separated by 、 as offices write them.</summary>
    private static string? Aliases(string? aliases) => AliasList.Split(aliases) is { Count: > 0 } list ? string.Join("、", list) : null;

    private static List<ExportColumn> Columns(BaseDataSheet sheet) =>
        [.. sheet.Columns.Select(c => new ExportColumn(c.Header, Width(c.Field), IsDate: c.Field is "InOfficeFrom" or "InOfficeTo"))];

    private static double Width(string field) => field switch
    {
        "Name" or Parent or "Aliases" or "Fields" => 30,
        "Title" or "NameEn" => 22,
        "ShortName" or "ContactPhone" or LeadLeader or "Body" => 16,
        "InOfficeFrom" or "InOfficeTo" or "Kind" or "ContactPerson" or "Code" or "ParentCode" => 12,
        _ => 8,
    };

    private static string Note(BaseDataSheet sheet, BaseDataColumn c) => (c.Field, c.IsKey) switch
    {
        (_, true) when sheet.Kind == BaseDataKind.Division => "必填。6 位 GB/T 2260 代码，如 511802；按代码识别已有区划",
        (_, true) => "必填。按名称、简称或别名识别已有记录，找不到则新建",
        ("ParentCode", _) => "上级区划的代码；本市留空",
        (Level, _) => "由代码得出（省级/地级/县级），导入时不读",
        ("Kind", _) => "牵头部门、责任单位、业主单位或县区政府",
        (Parent, _) => "上级单位的名称、简称或别名，可以是本表中新增的单位",
        ("Aliases", _) => "多个别名用“、”分隔",
        ("Body", _) => "市委、市人大常委会、市政府或市政协",
        ("InOfficeFrom" or "InOfficeTo", _) => "日期，如 2021-03-01、2021年3月、2021.3",
        (LeadLeader, _) => "市领导的姓名或别名，可以是“市领导”表中新增的",
        ("Precedence" or "SortOrder", _) => "整数，越小越靠前；新增时留空则排在最后",
        (Retired, _) => "是 或 否；已停用的记录不再出现在选择列表中，历史数据保留",
        _ => "选填。留空表示清除；删去此列则保持原值",
    };
}
