using System.Text;

namespace Milepost.Web.Features.Ledger;

/// <summary>
/// RFC 4180 CSV as Excel and WPS write it: comma-separated, fields in double quotes may hold commas, line breaks and
/// doubled quotes. Every field is text (the ledger parser reads numbers and dates from text); empty fields are null.
/// </summary>
public static class ImportCsv
{
    public static IEnumerable<IReadOnlyList<object?>> Read(TextReader reader)
    {
        var row = new List<object?>();
        var field = new StringBuilder();
        bool quoted = false, fieldStarted = false, any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            any = true;
            if (quoted)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else quoted = false;
                }
                else field.Append(ch);
                continue;
            }
            switch (ch)
            {
                case '"' when !fieldStarted:
                    quoted = true;
                    fieldStarted = true;
                    break;
                case ',':
                    row.Add(Value(field));
                    fieldStarted = false;
                    break;
                case '\r':
                    if (reader.Peek() == '\n') reader.Read();
                    goto case '\n';
                case '\n':
                    row.Add(Value(field));
                    yield return row;
                    row = [];
                    fieldStarted = false;
                    any = false;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }
        if (any || row.Count > 0)
        {
            row.Add(Value(field));
            yield return row;
        }
    }

    private static string? Value(StringBuilder field)
    {
        var s = field.ToString();
        field.Clear();
        return s.Length == 0 ? null : s;
    }
}
