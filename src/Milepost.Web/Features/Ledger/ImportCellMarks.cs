using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// Colours the bad cells of a written workbook (MiniExcel 1.46 cannot style single cells): an error's cell gets a red
/// fill, a warning's a yellow one, keeping the cell's number format. Cells that were empty in the upload are created.
/// </summary>
public static class ImportCellMarks
{
    public const string ErrorFill = "FFFFC7CE", WarningFill = "FFFFEB9C";

    public static void Mark(Stream xlsx, string sheetName, IEnumerable<(int Row, string Column, bool Warning)> cells)
    {
        using var doc = SpreadsheetDocument.Open(xlsx, true);
        var book = doc.WorkbookPart!;
        var sheet = book.Workbook.Sheets!.Elements<Sheet>().First(s => s.Name == sheetName);
        var data = ((WorksheetPart)book.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!;
        var styles = (book.WorkbookStylesPart ?? book.AddNewPart<WorkbookStylesPart>()).Stylesheet ??= new Stylesheet();
        var fills = styles.Fills ??= new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }));
        var formats = styles.CellFormats ??= new CellFormats(new CellFormat());
        uint AddFill(string rgb)
        {
            fills.Append(new Fill(new PatternFill(new ForegroundColor { Rgb = rgb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }));
            fills.Count = (uint)fills.ChildElements.Count;
            return fills.Count - 1;
        }
        var fillIds = new Dictionary<bool, uint> { [false] = AddFill(ErrorFill), [true] = AddFill(WarningFill) };
        // One marked copy per (original style, kind), so a date keeps its format when it is coloured.
        var marked = new Dictionary<(uint, bool), uint>();
        uint Styled(uint original, bool warning)
        {
            if (marked.TryGetValue((original, warning), out var id)) return id;
            var copy = original < formats.ChildElements.Count ? (CellFormat)formats.ElementAt((int)original).CloneNode(true) : new CellFormat();
            copy.FillId = fillIds[warning];
            copy.ApplyFill = true;
            formats.Append(copy);
            formats.Count = (uint)formats.ChildElements.Count;
            return marked[(original, warning)] = formats.Count - 1;
        }
        // An error wins over a warning on the same cell.
        foreach (var c in cells.Where(c => c.Row > 0 && c.Column.Length > 0).GroupBy(c => (c.Row, c.Column)).Select(g => g.OrderBy(x => x.Warning).First()))
        {
            var cell = CellAt(data, (uint)c.Row, c.Column);
            cell.StyleIndex = Styled(cell.StyleIndex?.Value ?? 0, c.Warning);
        }
        book.Workbook.Save();
    }

    /// <summary>The cell at a reference, created in order (rows by index, cells by column) when the sheet has none.</summary>
    private static Cell CellAt(SheetData data, uint rowIndex, string column)
    {
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex?.Value < rowIndex);
            if (after is null) data.PrependChild(row); else after.InsertAfterSelf(row);
        }
        var reference = column + rowIndex;
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is not null) return cell;
        cell = new Cell { CellReference = reference };
        var before = row.Elements<Cell>().FirstOrDefault(c => ColumnIndex(c.CellReference?.Value) > ColumnIndex(reference));
        if (before is null) row.Append(cell); else before.InsertBeforeSelf(cell);
        return cell;
    }

    private static int ColumnIndex(string? reference)
    {
        var n = 0;
        foreach (var ch in reference ?? "")
        {
            if (!char.IsAsciiLetterUpper(ch)) break;
            n = n * 26 + (ch - 'A' + 1);
        }
        return n;
    }
}
