using System.Text.RegularExpressions;

namespace Milepost.Core.Ledger;

/// <summary>
/// The titles of city leaders as ledgers write them beside a name ("副市长王伟", "王伟（市委常委、副市长）").
/// The one table of them: the leader-cell reader and the title check both read it.
/// </summary>
public static partial class LeaderTitles
{
    /// <summary>The usual titles of a prefecture city's four leading bodies and their offices.</summary>
    public static readonly IReadOnlyList<string> Known =
    [
        "市委书记", "市委副书记", "市委常委", "市长", "常务副市长", "副市长", "市长助理",
        "秘书长", "副秘书长", "市委秘书长", "市政府秘书长", "市政府副秘书长",
        "市人大常委会主任", "市人大常委会副主任", "人大常委会主任", "人大常委会副主任",
        "市政协主席", "市政协副主席", "政协主席", "政协副主席",
        "书记", "副书记", "常委", "主任", "副主任", "常务副主任", "主席", "副主席",
        "党组书记", "党组副书记", "党组成员", "市政府党组成员",
        "组织部部长", "组织部长", "宣传部部长", "宣传部长", "统战部部长", "统战部长",
        "政法委书记", "市委政法委书记", "纪委书记", "市纪委书记", "市监委主任", "一级巡视员",
    ];

    /// <summary>A title is known, or a run of known titles ("市委常委、副市长", "市委常委副市长").</summary>
    public static bool IsKnown(string text) => Run().IsMatch(LedgerValues.Clean(text));

    /// <summary>
    /// A known title or run of them, or — where brackets or a space set it apart from the name — any text
    /// ending the way Chinese titles end (长, 书记, 主任, 主席, 助理, 常委): "王伟（市发改委主任）".
    /// </summary>
    public static bool IsTitle(string text, bool setApart)
    {
        var compact = LedgerValues.Clean(text);
        return compact.Length > 0 && (Run().IsMatch(compact) || setApart && GenericEnding().IsMatch(compact));
    }

    /// <summary>"市委常委、副市长" → [市委常委, 副市长]; a title that is not a run of known ones stays whole.</summary>
    public static IReadOnlyList<string> Parts(string title)
    {
        var compact = LedgerValues.Clean(title);
        var run = Run().Match(compact);
        return run.Success ? [.. run.Groups["t"].Captures.Select(c => c.Value)] : compact.Length == 0 ? [] : [compact];
    }

    /// <summary>
    /// Whether a title written in a ledger agrees with the leader's recorded one: every part written is part of the
    /// record ("副市长" agrees with "市委常委、副市长"; "市长" does not agree with "副市长"). Nothing written agrees.
    /// </summary>
    public static bool Agrees(string recorded, string? written)
    {
        var have = Parts(recorded).ToHashSet(StringComparer.Ordinal);
        return Parts(written ?? "").All(have.Contains);
    }

    /// <summary>The regex text of one known title, longest first so that "市长助理" is not read as "市长" + a name.</summary>
    internal static readonly string Alternation =
        string.Join("|", Known.OrderByDescending(t => t.Length).Select(Regex.Escape));

    private static Regex Run() => RunRegex;

    // Declared after Alternation, which static initialisation runs first.
    private static readonly Regex RunRegex = new($"^(?:(?<t>{Alternation})、?)*(?<t>{Alternation})$", RegexOptions.CultureInvariant);

    [GeneratedRegex(@"(长|书记|主任|主席|助理|常委)$")]
    private static partial Regex GenericEnding();
}
