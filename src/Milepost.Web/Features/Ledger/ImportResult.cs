using Milepost.Core.Ledger;

namespace Milepost.Web.Features.Ledger;

public enum ImportOutcome { Created, Updated, Unchanged }

/// <summary>What the import did (or, in a dry run, would do) with one row; ChangedFields names the fields in Chinese.</summary>
/// <param name="Month">For a monthly report, its month ("2020-05"); null for a project row.</param>
/// <param name="ReportId">For a monthly report, the report written (null in a dry run for a new one).</param>
public sealed record ImportRowOutcome(int Row, string Name, string? Code, ImportOutcome Outcome, IReadOnlyList<string> ChangedFields, long? ProjectId,
    string? Month = null, long? ReportId = null);

/// <summary>A bad cell as the user reads it: sheet, row, column letter, the field's name, the value as written and why.</summary>
public sealed record ImportErrorDto(string Sheet, int Row, string Column, string Field, string? Value, string Code, string Message, bool IsWarning)
{
    public static ImportErrorDto From(LedgerError e, LedgerHeader? header, bool english)
    {
        var field = e.Column is { } c && header?.Columns.FirstOrDefault(x => x.Index == c) is { } col
            ? (col.Field is { } f and not LedgerField.Ignored ? LedgerFieldTable.Label(f) : col.Text)
            : "";
        return new(e.Sheet, e.Row, e.ColumnLetter, field, e.Value, e.Kind.Code, english ? e.MessageEn : e.MessageZh, e.IsWarning);
    }

    /// <summary>“项目台账!C12 “abc”：原因” — how the command line and the log show it.</summary>
    public override string ToString() =>
        $"{Sheet}!{(Column.Length > 0 ? $"{Column}{Row}" : Row > 0 ? $"第{Row}行" : "")}{(Value is null ? "" : $" “{Value}”")}：{Message}";
}

/// <summary>The answer to an import: counts, every row's outcome, and every error (then nothing was written).</summary>
/// <param name="Written">True only when the changes were committed.</param>
/// <param name="ErrorToken">Names the error workbook kept for download (GET /api/v1/import/errors/{token}); null without errors.</param>
public sealed record ImportResult(
    string Sheet,
    bool DryRun,
    bool Written,
    int RowsRead,
    int Created,
    int Updated,
    int Unchanged,
    IReadOnlyList<string> CreatedLookups,
    IReadOnlyList<ImportRowOutcome> Rows,
    IReadOnlyList<ImportErrorDto> Errors,
    IReadOnlyList<ImportErrorDto> Warnings,
    string? ErrorToken)
{
    public bool HasErrors => Errors.Count > 0;

    /// <summary>The section headings of a project ledger and the category each was mapped to.</summary>
    public IReadOnlyList<ImportSection> Sections { get; init; } = [];

    /// <summary>The month the opening balances of the file run through (本年1-N月 in its header, else the last closed month); null without openings.</summary>
    public string? OpeningThrough { get; init; }

    /// <summary>The answer with its counts taken from <paramref name="rows"/>, errors in sheet order (row, then column).</summary>
    public static ImportResult Of(LedgerHeader header, bool dryRun, bool written, int rowsRead, IReadOnlyList<string> createdLookups,
        IReadOnlyList<ImportRowOutcome> rows, IEnumerable<LedgerError> errors, IEnumerable<LedgerError> warnings, bool english) =>
        new(header.Sheet, dryRun, written, rowsRead,
            rows.Count(r => r.Outcome == ImportOutcome.Created), rows.Count(r => r.Outcome == ImportOutcome.Updated),
            rows.Count(r => r.Outcome == ImportOutcome.Unchanged), createdLookups, rows,
            [.. errors.OrderBy(e => e.Row).ThenBy(e => e.Column).Select(e => ImportErrorDto.From(e, header, english))],
            [.. warnings.Select(e => ImportErrorDto.From(e, header, english))], null);
}

/// <summary>
/// How the rows under one section heading ("（一）交通基础设施工程") got their category, shown in the preview for the office to
/// confirm or change: <see cref="How"/> is exact, alias, stripped (without 项目/类/工程), contains, chosen (the office's
/// choice), create (a new category, with createMissing) or none (an error on each of its rows).
/// </summary>
public sealed record ImportSection(string Section, string? Category, string How, int Rows)
{
    public const string Chosen = "chosen", Create = "create", None = "none";

    /// <summary>The category looked up, for the import itself; not part of the answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public LookupRef? Ref { get; init; }
}

/// <summary>Reported while an import runs: the rows read so far, then the writing.</summary>
public sealed record ImportProgress(string Phase, int Rows);
