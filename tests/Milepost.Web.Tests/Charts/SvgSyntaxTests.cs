using System.Globalization;
using System.Text.RegularExpressions;
using Milepost.Core.Maps;
using Milepost.Core.Warnings;
using Milepost.Web.Shared.Charts;

namespace Milepost.Web.Tests.Charts;

/// <summary>
/// Every chart component draws only well-formed SVG: each d, points and transform attribute parses by the SVG grammar,
/// and every coordinate and size is a number.
/// Markup such as d="M@F(x1),…" (Razor reads M@F as text) once shipped Gantt arrows that were never drawn (issue 16).
/// </summary>
public sealed partial class SvgSyntaxTests
{
    private static readonly DateOnly D0 = new(2020, 3, 2);

    private static GanttBar Bar(string id, int start, int days, bool milestone = false, params string[] after) =>
        new(id, "节点" + id, D0.AddDays(start), D0.AddDays(start + days), D0.AddDays(start), D0.AddDays(start + days),
            start < 40 ? D0.AddDays(start + 1) : null, start < 20 ? D0.AddDays(start + days + 2) : null, TotalFloat: start % 3,
            Critical: start % 2 == 0, Milestone: milestone, PredecessorIds: after);

    public static TheoryData<string> Charts => new() { "gantt", "s-curve", "bars", "map" };

    [Theory]
    [MemberData(nameof(Charts))]
    public async Task EveryPathPointsAndTransformAttributeIsValidSvg(string chart)
    {
        var html = chart switch
        {
            "gantt" => await Infrastructure.ComponentHtml.RenderAsync<GanttChart>(new()
            {
                ["Bars"] = new[] { Bar("a", 0, 30), Bar("b", 31, 45, after: "a"), Bar("c", 31, 0, milestone: true, after: "a"), Bar("d", 77, 20, after: ["b", "c"]) },
                ["Today"] = D0.AddDays(50), ["Target"] = D0.AddDays(120),
            }),
            "s-curve" => await Infrastructure.ComponentHtml.RenderAsync<SCurveChart>(new()
            {
                ["Points"] = Enumerable.Range(1, 12).Select(m => new SCurvePoint(m, m * 1_000m, m * 950m, m <= 5 ? m * 800m : null)).ToArray(),
                ["AsOfMonth"] = 5,
            }),
            "bars" => await Infrastructure.ComponentHtml.RenderAsync<BarChart>(new()
            {
                ["Rows"] = new BarRow[] { new("市交通运输局", 120_000, 30_000, "/projects?unit=1"), new("高新区管委会", 0, 500, "/projects?unit=3") },
                ["Title"] = "按责任单位", ["Expected"] = 40m,
            }),
            _ => await Infrastructure.ComponentHtml.RenderAsync<ProjectMap>(new()
            {
                ["Points"] = new MapPoint[]
                {
                    new(1, "岷江至省会快速通道", 30.061, 103.102, WarningLevel.Red, 96_000, 17_280, 18.0m, -16.0m),
                    new(2, "国际体育赛事中心", 29.998, 103.012, WarningLevel.Green, 78_000, 29_172, 37.4m, 3.4m),
                },
                ["Boundary"] = new GeoBoundary([[new(102.9, 29.9), new(103.2, 29.9), new(103.2, 30.2), new(102.9, 30.2), new(102.9, 29.9)]]),
            }),
        };

        var attributes = SvgAttribute().Matches(html).Select(m => (Name: m.Groups[1].Value, Value: m.Groups[2].Value)).ToList();
        Assert.NotEmpty(attributes);
        foreach (var (name, value) in attributes)
        {
            var error = name switch
            {
                "d" => PathError(value),
                "points" => PointsError(value),
                "transform" => TransformError(value),
                _ => IsNumber(value.TrimEnd('%')) ? null : "not a number",
            };
            Assert.True(error is null, $"{chart}: {name}=\"{value}\": {error}");
        }
        if (chart == "gantt")
        {
            // The four finish-to-start links (a→b, a→c, b→d, c→d) and the milestone's diamond are there, and drawn.
            Assert.Equal(4, Regex.Matches(html, "data-testid=\"gantt-link\"").Count);
            Assert.Single(Regex.Matches(html, "data-testid=\"gantt-milestone\""));
        }
    }

    [Theory]
    [InlineData("M@F(x1),45 H@F(elbow)")]
    [InlineData("M10,10 L")]
    [InlineData("L10,10")]
    [InlineData("M10 10 H")]
    [InlineData("M1e,2")]
    public void TheCheckRefusesWhatBrowsersRefuse(string d) => Assert.NotNull(PathError(d));

    [Theory]
    [InlineData("M10,10 L20,20 Z")]
    [InlineData("M-1.5.5 h10 v-3.25e1 z m0 0 l1 1")]
    [InlineData("M0,0 C1,1 2,2 3,3 S4,4 5,5 Q6,6 7,7 T8,8 A5,5 0 0,1 9,9 z")]
    public void TheCheckAcceptsValidPaths(string d) => Assert.Null(PathError(d));

    /// <summary>Null when <paramref name="d"/> is valid path data; else what is wrong.</summary>
    private static string? PathError(string d)
    {
        var tokens = PathToken().Matches(d);
        if (string.Concat(tokens.Select(t => t.Value)).Length != Regex.Replace(d, "[\\s,]", "").Length) return "characters that are neither commands nor numbers";
        char? command = null;
        var args = new List<string>();
        string? Flush()
        {
            if (command is not { } c) return null;
            var arity = char.ToUpperInvariant(c) switch { 'M' or 'L' or 'T' => 2, 'H' or 'V' => 1, 'C' => 6, 'S' or 'Q' => 4, 'A' => 7, _ => 0 };
            if (arity == 0) return args.Count == 0 ? null : $"{c} takes no numbers";
            return args.Count == 0 || args.Count % arity != 0 ? $"{c} needs a multiple of {arity} numbers, has {args.Count}" : null;
        }
        foreach (Match t in tokens)
        {
            if (char.IsLetter(t.Value[0]))
            {
                if (!"MmLlHhVvCcSsQqTtAaZz".Contains(t.Value[0])) return $"'{t.Value}' is not a path command";
                if (Flush() is { } e) return e;
                if (command is null && t.Value[0] is not ('M' or 'm')) return "path data must begin with M";
                (command, args) = (t.Value[0], []);
            }
            else if (command is null) return "numbers before the first command";
            else args.Add(t.Value);
        }
        return command is null ? "empty" : Flush();
    }

    private static string? PointsError(string points)
    {
        var numbers = Regex.Split(points.Trim(), "[\\s,]+");
        return numbers.Length < 2 || numbers.Length % 2 != 0 || !numbers.All(IsNumber) ? "points are pairs of numbers" : null;
    }

    private static string? TransformError(string transform) =>
        Regex.IsMatch(transform, @"^\s*((translate|scale|rotate|matrix|skewX|skewY)\(\s*[-+.\deE]+(\s*[,\s]\s*[-+.\deE]+)*\s*\)\s*)+$")
        && Regex.Matches(transform, @"[-+]?[.\d][-+.\deE]*").All(m => IsNumber(m.Value)) ? null : "not a list of transform functions";

    private static bool IsNumber(string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    // Path data, point lists and transforms, and the coordinates and sizes of shapes (where "@F(x)" residue would also land).
    [GeneratedRegex("\\s(d|points|transform|x|y|x1|y1|x2|y2|cx|cy|r|rx|width|height)=\"([^\"]*)\"")]
    private static partial Regex SvgAttribute();

    // A command letter, or a number as SVG writes them (1, -1.5, .5, 3e2); "1.5.5" is two numbers.
    [GeneratedRegex(@"[A-Za-z]|[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?")]
    private static partial Regex PathToken();
}
