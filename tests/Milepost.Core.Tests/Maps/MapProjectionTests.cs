using Milepost.Core.Maps;

namespace Milepost.Core.Tests.Maps;

public class MapProjectionTests
{
    // Roughly the demo city 岷江市: about 1.2° of longitude by 0.8° of latitude around 30.5°N.
    private static readonly GeoPoint[] City = [new(103.6, 30.2), new(104.8, 30.2), new(103.6, 31.0), new(104.8, 31.0), new(104.1, 30.6)];

    [Fact]
    public void EveryPoint_FallsInsideTheViewBox_WithinThePadding()
    {
        var map = MapProjection.Fit(City, 800, 30);
        foreach (var p in City.Select(map.Project))
        {
            Assert.InRange(p.X, 30 - 1e-9, 770 + 1e-9);
            Assert.InRange(p.Y, 30 - 1e-9, map.Height - 30 + 1e-9);
        }
        // The wider axis fills the box: the westmost and eastmost points touch the padding.
        Assert.Equal(30, City.Select(map.Project).Min(p => p.X), 6);
        Assert.Equal(770, City.Select(map.Project).Max(p => p.X), 6);
    }

    [Fact]
    public void NorthIsUp_AndEastIsRight()
    {
        var map = MapProjection.Fit(City, 800, 30);
        Assert.True(map.Project(new(104.1, 31.0)).Y < map.Project(new(104.1, 30.2)).Y);
        Assert.True(map.Project(new(104.8, 30.6)).X > map.Project(new(103.6, 30.6)).X);
    }

    [Fact]
    public void OneDegreeOfLongitude_IsShorterThanOneOfLatitude_ByTheCosineOfTheLatitude()
    {
        var map = MapProjection.Fit(City, 800, 30);
        var o = map.Project(new(104, 30.6));
        var east = map.Project(new(104.1, 30.6)).X - o.X;
        var north = o.Y - map.Project(new(104, 30.7)).Y;
        Assert.Equal(Math.Cos(30.6 * Math.PI / 180), east / north, 3);
    }

    [Fact]
    public void TheHeight_FollowsTheAreasAspect_WithinLimits()
    {
        var map = MapProjection.Fit(City, 800, 30);
        var spanX = 1.2 * Math.Cos(30.6 * Math.PI / 180);
        Assert.Equal(740 * (0.8 / spanX) + 60, map.Height, 6);
        // A thin east-west strip is not squashed into a sliver, a north-south one not stretched off the page.
        Assert.Equal(740 * 0.5 + 60, MapProjection.Fit([new(100, 30), new(104, 30.01)], 800, 30).Height, 6);
        Assert.Equal(740 * 1.0 + 60, MapProjection.Fit([new(104, 28), new(104.01, 32)], 800, 30).Height, 6);
    }

    [Fact]
    public void OnePoint_IsCentred()
    {
        var map = MapProjection.Fit([new GeoPoint(104, 30)], 800, 30);
        var p = map.Project(new(104, 30));
        Assert.Equal(400, p.X, 6);
        Assert.Equal(map.Height / 2, p.Y, 6);
    }

    [Theory]
    [InlineData(1234, 1250, 250)]
    [InlineData(5, 5, 1)]
    [InlineData(97, 100, 20)]
    [InlineData(100, 100, 20)]
    [InlineData(0.42, 0.5, 0.1)]
    [InlineData(86_000, 100_000, 20_000)]
    public void NiceScale_EndsAtARoundNumber_AtOrAboveTheLargestValue(double max, double top, double step)
    {
        var s = NiceScale.For(max);
        Assert.Equal(top, s.Max, 9);
        Assert.Equal(step, s.Step, 9);
        Assert.True(s.Ticks().Count() <= 6);
        Assert.Equal(0, s.Ticks().First());
        Assert.Equal(s.Max, s.Ticks().Last(), 9);
    }

    [Fact]
    public void NiceScale_OfNothing_IsStillAnAxis()
    {
        var s = NiceScale.For(0);
        Assert.True(s.Max > 0);
        Assert.Equal(0, s.Scale(0, 300));
    }
}
