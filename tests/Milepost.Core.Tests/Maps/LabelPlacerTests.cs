using Milepost.Core.Maps;

namespace Milepost.Core.Tests.Maps;

public class LabelPlacerTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TwoHundredRandomPoints_NoTwoLabelsOverlap_AndEveryLabelIsPlacedOrDropped(int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, 200).Select(_ => new MapXY(random.NextDouble() * 800, random.NextDouble() * 500)).ToList();
        var labels = points.Select((_, i) => i % 3 == 0 ? $"项目{i}号综合体" : $"P{i}").ToList();

        var result = LabelPlacer.Place(points, labels, 800, 500);

        Assert.Equal(200, result.Count);
        Assert.Equal(Enumerable.Range(0, 200), result.Select(r => r.Index));
        var boxes = result.Where(r => !r.Dropped).Select(r => r.Box!.Value).ToList();
        for (var i = 0; i < boxes.Count; i++)
        {
            Assert.True(boxes[i].Inside(800, 500));
            for (var j = i + 1; j < boxes.Count; j++) Assert.False(boxes[i].Overlaps(boxes[j]), $"labels {i} and {j} overlap");
        }
        // Crowded, but not hopeless: a fair share still gets a label, and some had to go.
        Assert.InRange(boxes.Count, 60, 199);
        Assert.Contains(result, r => r.Dropped);
    }

    [Fact]
    public void ALabel_NeverCoversAnotherPoint()
    {
        var points = new List<MapXY> { new(100, 100), new(125, 100), new(75, 100), new(100, 85), new(100, 115) };
        var result = LabelPlacer.Place(points, ["中心项目", "东", "西", "北", "南"], 400, 300);
        foreach (var r in result.Where(r => !r.Dropped))
            foreach (var (p, j) in points.Select((p, j) => (p, j)).Where(x => x.j != r.Index))
                Assert.False(r.Box!.Value.Overlaps(new Box(p.X - 5, p.Y - 5, 10, 10)), $"label {r.Index} covers point {j}");
    }

    [Fact]
    public void ALonePoint_IsLabelledToItsRight_WithoutALeader()
    {
        var r = LabelPlacer.Place([new MapXY(100, 100)], ["岷江综合客运枢纽"], 800, 500).Single();
        Assert.False(r.Leader);
        Assert.True(r.Box!.Value.X > 100);
        Assert.Equal(8 * 12 + 4, r.Box.Value.Width);
    }

    [Fact]
    public void APointAtTheRightEdge_IsLabelledToItsLeft()
    {
        var r = LabelPlacer.Place([new MapXY(790, 250)], ["污水处理厂"], 800, 500).Single();
        Assert.True(r.Box!.Value.Right < 790);
    }

    [Fact]
    public void WhenTheNearPlacesAreTaken_TheLabelMovesOut_WithALeaderLine()
    {
        // A ring of neighbours close around the centre leaves no room next to it.
        var points = new List<MapXY> { new(200, 200) };
        for (var a = 0; a < 360; a += 30)
            points.Add(new MapXY(200 + 14 * Math.Cos(a * Math.PI / 180), 200 + 14 * Math.Sin(a * Math.PI / 180)));
        var result = LabelPlacer.Place(points, points.Select((_, i) => i == 0 ? "中心" : "").ToList(), 400, 400, pointRadius: 4);
        Assert.True(result[0].Leader || result[0].Dropped);
    }
}
