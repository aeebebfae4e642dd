namespace Milepost.Core.Maps;

/// <summary>An axis-aligned box in SVG units.</summary>
public readonly record struct Box(double X, double Y, double Width, double Height)
{
    public double Right => X + Width;
    public double Bottom => Y + Height;
    public bool Overlaps(Box o) => X < o.Right && o.X < Right && Y < o.Bottom && o.Y < Bottom;
    public bool Inside(double width, double height) => X >= 0 && Y >= 0 && Right <= width && Bottom <= height;
}

/// <summary>Where a point's label went: its box (text baseline at Box.Bottom − descent), whether a leader line joins it to the point, or dropped.</summary>
public sealed record LabelPlacement(int Index, Box? Box, bool Leader)
{
    public bool Dropped => Box is null;
}

/// <summary>
/// Places point labels greedily so that no two overlap, nor cover another point: the most important
/// point first (the caller orders them: red before yellow before green), each trying eight positions
/// around its point, then the same positions further out with a leader line; a label that finds no
/// room is dropped (its name stays in the tooltip and the table behind the map).
/// </summary>
public static class LabelPlacer
{
    /// <summary>Text width for a font size: CJK characters are square, Latin letters and digits about half as wide.</summary>
    public static double TextWidth(string text, double fontSize) =>
        text.Sum(c => c > 0x2E80 ? fontSize : fontSize * 0.6);

    public static IReadOnlyList<LabelPlacement> Place(IReadOnlyList<MapXY> points, IReadOnlyList<string> labels,
        double width, double height, double fontSize = 12, double pointRadius = 5)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(labels.Count, points.Count);
        var marks = points.Select(p => new Box(p.X - pointRadius, p.Y - pointRadius, 2 * pointRadius, 2 * pointRadius)).ToArray();
        var placed = new List<Box>();
        var result = new LabelPlacement[points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            var w = TextWidth(labels[i], fontSize) + 4;
            var h = fontSize + 4;
            result[i] = new LabelPlacement(i, null, false);
            foreach (var (gap, leader) in new[] { (pointRadius + 2, false), (pointRadius + 16, true), (pointRadius + 32, true) })
            {
                var box = Candidates(points[i], w, h, gap).Cast<Box?>().FirstOrDefault(b => Fits(b!.Value, i));
                if (box is { } b)
                {
                    placed.Add(b);
                    result[i] = new LabelPlacement(i, b, leader);
                    break;
                }
            }
        }
        return result;

        bool Fits(Box b, int self) =>
            b.Inside(width, height) && !placed.Any(b.Overlaps) && !marks.Where((_, j) => j != self).Any(b.Overlaps);
    }

    // Right, left, above, below, then the four diagonals: the order cartographers prefer.
    private static IEnumerable<Box> Candidates(MapXY p, double w, double h, double gap)
    {
        yield return new Box(p.X + gap, p.Y - h / 2, w, h);
        yield return new Box(p.X - gap - w, p.Y - h / 2, w, h);
        yield return new Box(p.X - w / 2, p.Y - gap - h, w, h);
        yield return new Box(p.X - w / 2, p.Y + gap, w, h);
        yield return new Box(p.X + gap * 0.7, p.Y - gap * 0.7 - h, w, h);
        yield return new Box(p.X - gap * 0.7 - w, p.Y - gap * 0.7 - h, w, h);
        yield return new Box(p.X + gap * 0.7, p.Y + gap * 0.7, w, h);
        yield return new Box(p.X - gap * 0.7 - w, p.Y + gap * 0.7, w, h);
    }
}
