using Milepost.Core.Maps;

namespace Milepost.Web.Features.Settings;

/// <summary>
/// The division boundary as stored under map.boundary: the uploaded file's name (shown to the office) and
/// its rings as [longitude, latitude] pairs rounded to about a metre, which is all a map needs.
/// </summary>
public sealed record BoundarySetting(string FileName, double[][][] Rings)
{
    public static BoundarySetting From(string fileName, GeoBoundary b) =>
        new(Path.GetFileName(fileName), [.. b.Rings.Select(r => r.Select(p => new[] { Math.Round(p.Lon, 5), Math.Round(p.Lat, 5) }).ToArray())]);

    public GeoBoundary ToBoundary() =>
        new([.. Rings.Select(r => (IReadOnlyList<GeoPoint>)[.. r.Select(p => new GeoPoint(p[0], p[1]))])]);

    public int PointCount => Rings.Sum(r => r.Length);
}
