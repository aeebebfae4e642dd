using Milepost.Core.Portfolio;
using Milepost.Web.Features.Ledger;

namespace Milepost.Web.Features.BaseData;

/// <summary>What the import did (or, in a dry run, would do) with one row; the changed fields are named by their headers.</summary>
/// <param name="Name">The record as the office knows it: the name, or a division's code and name.</param>
public sealed record BaseDataRowOutcome(int Row, string Name, ImportOutcome Outcome, IReadOnlyList<string> ChangedFields);

/// <summary>One sheet's preview: rows read and how many records each row creates, updates or leaves as they are.</summary>
public sealed record BaseDataSheetResult(string Sheet, BaseDataKind Kind, int RowsRead, int Created, int Updated, int Unchanged,
    IReadOnlyList<BaseDataRowOutcome> Rows)
{
    public static BaseDataSheetResult Of(string sheet, BaseDataKind kind, int rowsRead, IReadOnlyList<BaseDataRowOutcome> rows) => new(sheet, kind, rowsRead,
        rows.Count(r => r.Outcome == ImportOutcome.Created), rows.Count(r => r.Outcome == ImportOutcome.Updated),
        rows.Count(r => r.Outcome == ImportOutcome.Unchanged), rows);
}

/// <summary>
/// The answer to a base-data workbook import: each sheet's preview and every error (then nothing was written), each at its
/// cell as 单位!C12. <paramref name="ErrorToken"/> names the error workbook kept for download (GET /api/v1/import/errors/{token}).
/// </summary>
/// <param name="Written">True only when the changes were committed.</param>
public sealed record BaseDataWorkbookResult(bool DryRun, bool Written, IReadOnlyList<BaseDataSheetResult> Sheets,
    IReadOnlyList<ImportErrorDto> Errors, IReadOnlyList<ImportErrorDto> Warnings, string? ErrorToken = null)
{
    public bool HasErrors => Errors.Count > 0;
    public int Created => Sheets.Sum(s => s.Created);
    public int Updated => Sheets.Sum(s => s.Updated);
    public int Unchanged => Sheets.Sum(s => s.Unchanged);
}
