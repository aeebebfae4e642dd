using Milepost.Core;
using Milepost.Core.Ledger;
using Milepost.Core.Portfolio;
using Milepost.Web.Features.Ledger;
using Milepost.Web.Features.Ranking;

namespace Milepost.Web.Features.BaseData;

/// <summary>A data row of a base-data sheet: its number as Excel shows it and the cells of the columns the sheet has, by field.</summary>
public sealed class WorkbookRow(int number, IReadOnlyDictionary<string, object?> cells)
{
    public int Number { get; } = number;

    /// <summary>Whether the sheet has the column: a column left out keeps what the record has.</summary>
    public bool Has(string field) => cells.ContainsKey(field);

    public object? this[string field] => cells.GetValueOrDefault(field);

    /// <summary>The cell as the office wrote it, for an error message.</summary>
    public string? Written(string field) => BaseDataWorkbookValues.Text(this[field]);
}

/// <summary>A sheet as read: the kind it holds, its name in the workbook, its header's columns by field, and its data rows.</summary>
public sealed class WorkbookSheet(BaseDataSheet spec, string name, IReadOnlyDictionary<string, (int Index, string Header)> columns, IReadOnlyList<WorkbookRow> rows)
{
    public BaseDataSheet Spec { get; } = spec;
    public string Name { get; } = name;
    public IReadOnlyList<WorkbookRow> Rows { get; } = rows;

    public (int Index, string Header)? Column(string field) => columns.TryGetValue(field, out var c) ? c : null;
}

/// <summary>Errors and warnings of an import, each at its cell, in the language the user reads.</summary>
public sealed class WorkbookErrors(bool english)
{
    public List<ImportErrorDto> Errors { get; } = [];
    public List<ImportErrorDto> Warnings { get; } = [];

    /// <summary>An error about a row's field (a rule's field names the input's property: ParentId is the 上级单位 column).</summary>
    public void Add(WorkbookSheet sheet, WorkbookRow row, ValidationError e) => Add(sheet, row.Number, FieldOf(e.Field), row, e);

    public void Add(WorkbookSheet sheet, int row, string? field, WorkbookRow? cells, ValidationError e, bool warning = false) =>
        Add(sheet.Name, row, field is null ? null : sheet.Column(field), field is null ? null : cells?.Written(field), e, warning);

    public void Add(string sheet, int row, (int Index, string Header)? column, string? value, ValidationError e, bool warning = false) =>
        (warning ? Warnings : Errors).Add(new ImportErrorDto(sheet, row, column is { } c ? LedgerColumns.Letter(c.Index) : "",
            column?.Header ?? "", value, e.Code, english ? e.MessageEn : e.MessageZh, warning));

    private static string? FieldOf(string field) => field switch
    {
        "" => null,
        "ParentId" => BaseDataWorkbookSheets.Parent,
        "LeadLeaderId" => BaseDataWorkbookSheets.LeadLeader,
        _ => field,
    };
}

/// <summary>
/// Reads the sheets of an uploaded workbook that hold base data: each found by its name (行政区划, 单位, 市领导, 专项,
/// 行业类别), its header row being the first of the top rows that names the sheet's key column, its columns by header in
/// any order. Other sheets are passed over with a warning; a header it does not know, likewise. Blank rows are skipped.
/// </summary>
public static class BaseDataWorkbookRows
{
    /// <summary>How far down a header row is looked for (title rows above it are allowed).</summary>
    public const int HeaderSearchRows = 10;

    public static List<WorkbookSheet> Read(WorkbookSource source, WorkbookErrors errors)
    {
        var sheets = new List<WorkbookSheet>();
        foreach (var name in source.SheetNames)
        {
            if (BaseDataWorkbookSheets.NormaliseHeader(name) == BaseDataWorkbookSheets.NotesSheet) continue;
            var spec = BaseDataWorkbookSheets.Find(name);
            if (spec is null)
            {
                errors.Add(name, 0, null, null, new ValidationError("", "workbook.sheet.unknown", $"工作表“{name}”不是基础数据表，已忽略",
                    $"The sheet \"{name}\" holds no base data; it was passed over"), warning: true);
                continue;
            }
            if (sheets.FirstOrDefault(s => s.Spec == spec) is { } first)
            {
                errors.Add(name, 0, null, null, new ValidationError("", "workbook.sheet.repeated", $"工作表“{name}”与“{first.Name}”都是{spec.Name}表，请合并为一张",
                    $"The sheets \"{name}\" and \"{first.Name}\" both hold {spec.Name}; merge them into one"));
                continue;
            }
            if (ReadSheet(spec, name, source.Rows(name), errors) is { } sheet) sheets.Add(sheet);
        }
        if (sheets.Count == 0 && errors.Errors.Count == 0)
            errors.Add("", 0, null, null, new ValidationError("", "workbook.no_sheets",
                $"工作簿中没有基础数据表：工作表应名为{string.Join("、", BaseDataWorkbookSheets.All.Select(s => $"“{s.Name}”"))}",
                $"The workbook has no base-data sheet: name the sheets {string.Join(", ", BaseDataWorkbookSheets.All.Select(s => s.Name))}"));
        return sheets;
    }

    private static WorkbookSheet? ReadSheet(BaseDataSheet spec, string name, IEnumerable<IReadOnlyList<object?>> source, WorkbookErrors errors)
    {
        var number = 0;
        Dictionary<string, (int Index, string Header)>? columns = null;
        var rows = new List<WorkbookRow>();
        foreach (var raw in source)
        {
            number++;
            var cells = raw.Select(c => c is string s ? BulletinXlsx.Unescape(s) : c).ToList();
            if (columns is null)
            {
                if (number > HeaderSearchRows) break;
                columns = Header(spec, name, number, cells, errors);
                continue;
            }
            if (cells.All(LedgerRows.IsEmpty)) continue;
            rows.Add(new WorkbookRow(number, columns.Where(c => !spec.Column(c.Key).ReadOnly)
                .ToDictionary(c => c.Key, c => c.Value.Index < cells.Count ? cells[c.Value.Index] : null)));
        }
        if (columns is null)
        {
            errors.Add(name, 0, null, null, new ValidationError("", "workbook.no_header",
                $"未找到表头行：前 {HeaderSearchRows} 行中没有“{spec.Key.Header}”列", $"No header row: none of the first {HeaderSearchRows} rows has the column \"{spec.Key.Header}\""));
            return null;
        }
        return new WorkbookSheet(spec, name, columns, rows);
    }

    /// <summary>The columns of a header row by field, or null when the row does not name the key column.</summary>
    private static Dictionary<string, (int Index, string Header)>? Header(BaseDataSheet spec, string sheet, int row, List<object?> cells, WorkbookErrors errors)
    {
        var texts = cells.Select(c => c is string s ? s.Trim() : null).ToList();
        if (!texts.Any(t => t is not null && spec.Key.Answers(BaseDataWorkbookSheets.NormaliseHeader(t)))) return null;
        var columns = new Dictionary<string, (int Index, string Header)>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (string.IsNullOrEmpty(texts[i])) continue;
            var text = texts[i]!;
            var column = spec.ColumnOf(BaseDataWorkbookSheets.NormaliseHeader(text));
            if (column is null)
                errors.Add(sheet, row, (i, text), text, new ValidationError("", "workbook.header.unknown", $"无法识别的列“{text}”，已忽略",
                    $"Unrecognised column \"{text}\", ignored"), warning: true);
            else if (columns.TryGetValue(column.Field, out var first))
                errors.Add(sheet, row, (i, text), text, new ValidationError("", "workbook.header.repeated",
                    $"列“{text}”与{LedgerColumns.Letter(first.Index)}列“{first.Header}”重复", $"The column \"{text}\" repeats column {LedgerColumns.Letter(first.Index)} \"{first.Header}\""));
            else columns[column.Field] = (i, text);
        }
        return columns;
    }
}
