using Milepost.Core.Maps;

namespace Milepost.Core.Tests.Maps;

public class GeoBoundaryTests
{
    private const string Square = "[[103.6,30.2],[104.8,30.2],[104.8,31.0],[103.6,31.0],[103.6,30.2]]";

    [Fact]
    public void APolygon_IsReadAsOneRing()
    {
        var b = GeoBoundary.Parse($$"""{"type":"Polygon","coordinates":[{{Square}}]}""");
        Assert.Equal(new GeoPoint(103.6, 30.2), b.Rings.Single()[0]);
        Assert.Equal(5, b.Rings.Single().Count);
    }

    [Fact]
    public void AFeatureCollection_OfPolygonsAndMultiPolygons_GivesAllTheirRings()
    {
        var b = GeoBoundary.Parse($$$"""
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"name":"岷江区"},"geometry":{"type":"Polygon","coordinates":[{{{Square}}}]}},
              {"type":"Feature","properties":{"name":"江北县"},"geometry":{"type":"MultiPolygon","coordinates":[[{{{Square}}}],[{{{Square}}},{{{Square}}}]]}}
            ]}
            """);
        Assert.Equal(4, b.Rings.Count);
    }

    [Fact]
    public void PointsCloserThanTheThinningStep_AreLeftOut()
    {
        var b = GeoBoundary.Parse("""{"type":"Polygon","coordinates":[[[104,30],[104.00001,30.00001],[104.5,30],[104.5,30.5],[104,30]]]}""");
        Assert.Equal(4, b.Rings.Single().Count);
    }

    [Theory]
    [InlineData("not json", "json", "JSON")]
    [InlineData("""{"type":"Point","coordinates":[104,30]}""", "type", "Point")]
    [InlineData("""{"type":"LineString","coordinates":[[104,30],[105,31]]}""", "type", "Polygon")]
    [InlineData("""{"hello":1}""", "type", "type")]
    [InlineData("""{"type":"Polygon"}""", "coordinates", "coordinates")]
    [InlineData("""{"type":"Polygon","coordinates":[[[104,30],[105,30],[104,30]]]}""", "ring", "4 个")]
    [InlineData("""{"type":"Polygon","coordinates":[[[3400000,500000],[3400100,500000],[3400100,500100],[3400000,500000]]]}""", "range", "投影坐标")]
    [InlineData("""{"type":"Polygon","coordinates":[[["104","30"],[105,30],[105,31],[104,30]]]}""", "coordinates", "[经度, 纬度]")]
    [InlineData("""{"type":"FeatureCollection","features":[]}""", "empty", "没有面要素")]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null}]}""", "geometry", "第 1 个要素")]
    public void AWrongFile_IsRefused_WithAReason(string json, string code, string inMessage)
    {
        var e = Assert.Throws<ValidationException>(() => GeoBoundary.Parse(json));
        var error = Assert.Single(e.Errors);
        Assert.Equal("settings.boundary." + code, error.Code);
        Assert.Contains(inMessage, error.MessageZh);
    }

    [Fact]
    public void AFileOverFiveMegabytes_IsRefused()
    {
        var big = """{"type":"Polygon","coordinates":[[""" + string.Join(",", Enumerable.Repeat("[104.123456789,30.123456789]", 200_000)) + "]]}";
        var e = Assert.Throws<ValidationException>(() => GeoBoundary.Parse(big));
        Assert.Contains("5 MB", e.Errors.Single().MessageZh);
    }
}
