using System.Text.RegularExpressions;

namespace Milepost.Core.Supervision;

/// <summary>
/// Splits pasted meeting minutes (会议纪要) into the tasks they assign: one per numbered paragraph,
/// numbered as offices number them — "一、", "二是", "1.", "1、", "（1）", "(1)", "①". Lines without a
/// number continue the task above them; text before the first number (the preamble) is dropped
/// when numbered tasks follow it, and becomes the single task when nothing is numbered.
/// </summary>
public static partial class MeetingMinutes
{
    [GeneratedRegex(@"^\s*(?:[一二三四五六七八九十]+\s*[、是．.]|\d{1,2}\s*[、.．](?!\d)|[（(]\s*(?:\d{1,2}|[一二三四五六七八九十]+)\s*[）)]|[①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*")]
    private static partial Regex Number();

    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var tasks = new List<string>();
        var preamble = new List<string>();
        foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var m = Number().Match(line);
            if (m.Success && m.Length < line.Length) tasks.Add(line[m.Length..].Trim());
            else if (tasks.Count > 0) tasks[^1] += line;
            else preamble.Add(line);
        }
        return tasks.Count > 0 ? tasks : [string.Join("", preamble)];
    }
}
