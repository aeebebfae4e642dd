using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Ranking;

/// <summary>
/// The bulletin as a Word document laid out like an official notice (党政机关公文格式, GB/T 9704): a red head, the issue and
/// date line under a red rule, the title, the body in 仿宋_GB2312 三号, headings in 黑体, the tables, the signature,
/// and a footer with the snapshot's SHA-256 and the audit chain head. Fonts are named styles, so Word (or WPS) shows them
/// as the office expects and the clerk can restyle the whole document at once.
/// </summary>
public static class BulletinDocx
{
    public const string BodyStyle = "BulletinBody";
    public const string TitleStyle = "BulletinTitle";
    public const string HeadStyle = "BulletinRedHead";
    public const string HeadingStyle = "BulletinHeading";
    public const string TableStyle = "BulletinTableText";
    public const string BodyFont = "仿宋_GB2312";
    public const string HeadingFont = "黑体";
    public const string TitleFont = "方正小标宋简体";
    private const string Red = "E60012";

    // Twentieths of a point; A4 is 210 × 297 mm and a millimetre is 56.7 twips.
    private const int PageWidth = 11906, PageHeight = 16838, Top = 2098, Bottom = 1984, Left = 1588, Right = 1474;
    private const int TextWidth = PageWidth - Left - Right;

    public static byte[] Write(BulletinModel m)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(Para(TableStyle, m.Fingerprint, size: 16), Para(TableStyle, m.Chain, size: 16));
            var body = new Body();

            body.Append(Para(HeadStyle, Lang.T("督 查 通 报", "Supervision Bulletin"), JustificationValues.Center, color: Red));
            body.Append(Para(BodyStyle, m.Issue, JustificationValues.Center));
            // The issuing office on the left and the date on the right, above the red rule.
            var line = Para(BodyStyle, m.Office, border: true);
            line.ParagraphProperties!.Append(new Tabs(new TabStop { Val = TabStopValues.Right, Position = TextWidth }));
            line.Append(new Run(new TabChar()), new Run(new Text(m.Date)));
            body.Append(line);
            body.Append(Para(TitleStyle, m.Title, JustificationValues.Center));
            body.Append(Para(BodyStyle, $"（{RankingText.Month(m.Month)}）", JustificationValues.Center));
            body.Append(Para(BodyStyle, m.Summary, indent: true));
            if (m.Sequence > 1 && m.Note is { } note)
                body.Append(Para(BodyStyle, Lang.T($"本期为第{m.Sequence}版，重新发布原因：{note}", $"Edition {m.Sequence}; why: {note}"), indent: true));
            if (m.SupersededAtLocal is { } at)
                body.Append(Para(BodyStyle, Lang.T($"本版已于 {BulletinModel.Time(at)} 被第{m.Sequence + 1}版取代。", $"Superseded at {BulletinModel.Time(at)}."), indent: true, color: Red));

            foreach (var table in m.Tables)
            {
                body.Append(Para(HeadingStyle, table.Heading));
                if (table.Rows.Count == 0) body.Append(Para(BodyStyle, Lang.T("本月无。", "None this month."), indent: true));
                else body.Append(Table(table));
            }
            body.Append(Para(TableStyle, m.TableNote));

            body.Append(Para(BodyStyle, ""));
            body.Append(Para(BodyStyle, m.Office, JustificationValues.Right));
            body.Append(Para(BodyStyle, m.Date, JustificationValues.Right));
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = Top, Bottom = Bottom, Left = Left, Right = Right, Header = 851, Footer = 992 }));
            main.Document = new Document(body);
        }
        return stream.ToArray();
    }

    private static Styles Styles() => new(
        Style(BodyStyle, "正文（仿宋）", BodyFont, 32, line: 560),
        Style(HeadStyle, "红头", TitleFont, 72, spacing: 200),
        Style(TitleStyle, "标题（小标宋）", TitleFont, 44, line: 700),
        Style(HeadingStyle, "一级标题（黑体）", HeadingFont, 32, line: 560, before: 240, keepNext: true),
        Style(TableStyle, "表格文字（仿宋五号）", BodyFont, 21, line: 300));

    private static Style Style(string id, string name, string font, int halfPoints, int line = 0, int before = 0,
        bool keepNext = false, int spacing = 0)
    {
        var spacingBetween = new SpacingBetweenLines { Before = before.ToString(), After = "0" };
        if (line > 0) (spacingBetween.Line, spacingBetween.LineRule) = (line.ToString(), LineSpacingRuleValues.Exact);
        var paragraph = new StyleParagraphProperties(spacingBetween);
        if (keepNext) paragraph.PrependChild(new KeepNext());
        // Child order is the schema's (rFonts, spacing, sz): Word rejects a document that breaks it.
        var latin = id is TableStyle or BodyStyle ? "Times New Roman" : font;
        var run = new StyleRunProperties(new RunFonts { Ascii = latin, HighAnsi = latin, EastAsia = font });
        if (spacing > 0) run.Append(new Spacing { Val = spacing });
        run.Append(new FontSize { Val = halfPoints.ToString() }, new FontSizeComplexScript { Val = halfPoints.ToString() });
        return new Style(new StyleName { Val = name }, new PrimaryStyle(), paragraph, run) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = true };
    }

    private static Paragraph Para(string style, string text, JustificationValues? align = null, bool indent = false, bool border = false,
        string? color = null, int? size = null)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (border) props.Append(new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 18, Color = Red, Space = 4 }));
        if (indent) props.Append(new Indentation { FirstLineChars = 200 });
        if (align is { } a) props.Append(new Justification { Val = a });
        var runProps = new RunProperties();
        if (color is not null) runProps.Append(new Color { Val = color });
        if (size is { } s) runProps.Append(new FontSize { Val = s.ToString() });
        return new Paragraph(props, new Run(runProps, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    private static Table Table(BulletinTable t)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 6 }, new LeftBorder { Val = BorderValues.Single, Size = 6 },
            new BottomBorder { Val = BorderValues.Single, Size = 6 }, new RightBorder { Val = BorderValues.Single, Size = 6 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableJustification { Val = TableRowAlignmentValues.Center }, border), Grid(t));
        // The header row repeats on every page; no row is split across pages.
        table.Append(Row(t.Headers.Cast<object?>().ToArray(), header: true));
        foreach (var row in t.Rows) table.Append(Row(row, header: false));
        return table;
    }

    /// <summary>Column widths in proportion to each column's longest text (2 to 16 characters), filling the text width.</summary>
    private static TableGrid Grid(BulletinTable t)
    {
        var weights = t.Headers.Select((h, i) => Math.Clamp(t.Rows.Select(r => BulletinTable.Text(r[i]).Length).Append(h.Length).Max(), 2, 16)).ToList();
        var total = weights.Sum();
        return new TableGrid(weights.Select(w => new GridColumn { Width = (TextWidth * w / total).ToString() }));
    }

    private static TableRow Row(object?[] cells, bool header)
    {
        var props = new TableRowProperties(new CantSplit());
        if (header) props.Append(new TableHeader());
        var row = new TableRow(props);
        foreach (var cell in cells)
        {
            var numeric = cell is decimal or int or long;
            var p = Para(TableStyle, BulletinTable.Text(cell), header || numeric ? JustificationValues.Center : JustificationValues.Left);
            if (header) p.Elements<Run>().First().RunProperties!.Append(new Bold());
            var cellProps = new TableCellProperties();
            if (header) cellProps.Append(new Shading { Val = ShadingPatternValues.Clear, Fill = "F2F2F2" });
            cellProps.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
            row.Append(new TableCell(cellProps, p));
        }
        return row;
    }
}
