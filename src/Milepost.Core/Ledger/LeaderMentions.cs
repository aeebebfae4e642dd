using System.Text;
using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>A leader named in a 联系市领导 cell: the name, and the title written beside it, if any ("副市长").</summary>
public sealed record LeaderMention(string Name, string? Title);

/// <summary>
/// Reads a 联系市领导 cell the ways offices write it. Rules, in the order they are tried on each leader:
/// <list type="bullet">
/// <item>Leaders are separated by 、，,；;/ or line breaks, never inside brackets; a closing bracket also ends one
///   ("王伟（副市长）李娜（市长助理）"). A piece that is only a title belongs to the next one: in "市委常委、副市长王伟"
///   the 、 joins two titles of one leader. A title left at the end belongs to the leader before it ("王伟、副市长").</item>
/// <item>Brackets: "王伟（副市长）", also "副市长（王伟）". Inside brackets any text ending in 长/书记/主任/主席/助理/常委 is a
///   title ("王伟（市发改委主任）"); other bracketed text is a remark and dropped ("王伟（挂职）" → 王伟).</item>
/// <item>A space between a name and a known title: "王伟 副市长", "副市长 王伟".</item>
/// <item>A run of known titles (<see cref="LeaderTitles.Known"/>) written against the name, before or after it:
///   "副市长王伟", "市委常委、副市长王伟", "王伟副市长".</item>
/// <item>Otherwise bare names: "张三 李四" is two leaders, but "王  伟" is one, since offices pad two-character names
///   with spaces to line them up (a space splits only when every part is a whole name). Unknown text is kept as a
///   name for the import to report, never dropped.</item>
/// </list>
/// A name is 2–4 Han characters, or Han parts joined by a middle dot ("买买提·艾力", any of ·・•‧ written).
/// </summary>
public static partial class LeaderMentions
{
    public static IReadOnlyList<LeaderMention> Read(string? cell)
    {
        if (cell is null) return [];
        var mentions = new List<LeaderMention>();
        string? titleBefore = null;
        foreach (var piece in Pieces(Normal(cell)))
        {
            var text = titleBefore is null ? piece : titleBefore + "、" + piece;
            if (LeaderTitles.IsKnown(text)) { titleBefore = text; continue; }
            titleBefore = null;
            mentions.AddRange(ReadOne(text));
        }
        if (titleBefore is not null)
        {
            if (mentions is [.., { Title: null } last]) mentions[^1] = last with { Title = LedgerValues.Clean(titleBefore) };
            else mentions.Add(new LeaderMention(LedgerValues.Clean(titleBefore), null));
        }
        return mentions;
    }

    /// <summary>True for a personal name as ledgers write leaders': 2–4 Han characters, or Han parts joined by "·".</summary>
    public static bool IsName(string text) => Name().IsMatch(text);

    private static IEnumerable<LeaderMention> ReadOne(string piece)
    {
        var parts = WhiteSpace().Split(piece.Trim()).Where(p => p.Length > 0).ToArray();
        var compact = string.Concat(parts);
        if (compact.Length == 0) return [];

        if (Bracketed().Match(compact) is { Success: true } b)
        {
            var (outside, inside) = (b.Groups["out"].Value, b.Groups["in"].Value);
            if (IsName(outside) && LeaderTitles.IsTitle(inside, setApart: true)) return [new(outside, inside)];
            if (IsName(inside) && LeaderTitles.IsTitle(outside, setApart: true)) return [new(inside, outside)];
            if (IsName(outside)) return [new(outside, null)];
        }
        if (parts is [var first, var second])
        {
            if (IsName(first) && LeaderTitles.IsKnown(second)) return [new(first, second)];
            if (IsName(second) && LeaderTitles.IsKnown(first)) return [new(second, first)];
        }
        if (TitleFirst.Match(compact) is { Success: true } tf) return [new(tf.Groups["name"].Value, tf.Groups["title"].Value)];
        if (TitleLast.Match(compact) is { Success: true } tl) return [new(tl.Groups["name"].Value, tl.Groups["title"].Value)];

        return parts.All(p => p.Length >= 2) ? parts.Select(p => new LeaderMention(p, null)) : [new(compact, null)];
    }

    /// <summary>Splits at the separators outside brackets, and after a closing bracket.</summary>
    private static List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        var depth = 0;
        foreach (var ch in text)
        {
            if (depth == 0 && Separators.Contains(ch)) { Flush(); continue; }
            current.Append(ch);
            if (ch == '(') depth++;
            else if (ch == ')' && depth > 0 && --depth == 0) Flush();
        }
        Flush();
        return pieces;

        void Flush()
        {
            if (current.ToString().Trim() is { Length: > 0 } piece) pieces.Add(piece);
            current.Clear();
        }
    }

    /// <summary>Half-width (NFKC: （）， → (),), other brackets as round ones, every middle dot as "·".</summary>
    private static string Normal(string cell)
    {
        var text = new StringBuilder(cell.Normalize(NormalizationForm.FormKC));
        foreach (var (from, to) in Folds) text.Replace(from, to);
        return text.ToString();
    }

    private static readonly char[] Separators = ['、', ',', ';', '/', '\n', '\r'];

    private static readonly (char From, char To)[] Folds =
        [('【', '('), ('】', ')'), ('〔', '('), ('〕', ')'), ('[', '('), (']', ')'), ('・', '·'), ('•', '·'), ('‧', '·'), ('∙', '·')];

    private const string NamePattern = @"(?:\p{IsCJKUnifiedIdeographs}{2,4}?|\p{IsCJKUnifiedIdeographs}+(?:·\p{IsCJKUnifiedIdeographs}+)+)";
    private static readonly string TitleRun = $"(?:{LeaderTitles.Alternation})(?:、?(?:{LeaderTitles.Alternation}))*";
    private static readonly Regex TitleFirst = new($"^(?<title>{TitleRun})、?(?<name>{NamePattern})$", RegexOptions.CultureInvariant);
    // The name is lazy, so "王伟副市长" is 王伟 + 副市长, not 王伟副 + 市长.
    private static readonly Regex TitleLast = new($"^(?<name>{NamePattern})(?<title>{TitleRun})$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"^" + NamePattern + "$")]
    private static partial Regex Name();
    [GeneratedRegex(@"^(?<out>[^()]+)\((?<in>[^()]+)\)$")]
    private static partial Regex Bracketed();
    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
