namespace Milepost.Core.Maps;

/// <summary>A place on the earth in degrees (GeoJSON order: longitude first).</summary>
public readonly record struct GeoPoint(double Lon, double Lat);

/// <summary>A point in SVG user units (y grows downwards).</summary>
public readonly record struct MapXY(double X, double Y);

/// <summary>
/// An equirectangular projection with the longitudes shrunk by cos(latitude of the centre): over a
/// prefecture (a degree or two) it keeps shapes and distances honest, with north up, and needs no
/// map library. <see cref="Fit"/> fits the points (and the boundary) into a fixed-width viewBox whose
/// height follows the area's own aspect, within limits so a long thin county still fits a page.
/// </summary>
public sealed class MapProjection
{
    private readonly double _lon0, _lat0, _cos, _scale, _offsetX, _offsetY;

    public double Width { get; }
    public double Height { get; }

    private MapProjection(double lon0, double lat0, double scale, double offsetX, double offsetY, double width, double height)
    {
        (_lon0, _lat0, _scale, _offsetX, _offsetY, Width, Height) = (lon0, lat0, scale, offsetX, offsetY, width, height);
        _cos = Math.Cos(lat0 * Math.PI / 180);
    }

    public MapXY Project(GeoPoint p) =>
        new(_offsetX + (p.Lon - _lon0) * _cos * _scale, _offsetY - (p.Lat - _lat0) * _scale);

    /// <summary>
    /// Fits the places into a viewBox <paramref name="width"/> wide, leaving <paramref name="padding"/> on every
    /// side; the height is the area's aspect clamped to [minAspect, maxAspect] × width. A single place (or
    /// places on one spot) is shown in an area of <paramref name="minSpanDegrees"/> around it.
    /// </summary>
    public static MapProjection Fit(IReadOnlyCollection<GeoPoint> places, double width, double padding,
        double minAspect = 0.5, double maxAspect = 1.0, double minSpanDegrees = 0.05)
    {
        if (places.Count == 0) places = [new GeoPoint(0, 0)];
        var (minLon, maxLon) = (places.Min(p => p.Lon), places.Max(p => p.Lon));
        var (minLat, maxLat) = (places.Min(p => p.Lat), places.Max(p => p.Lat));
        var lat0 = (minLat + maxLat) / 2;
        var lon0 = (minLon + maxLon) / 2;
        var cos = Math.Cos(lat0 * Math.PI / 180);
        var spanX = Math.Max((maxLon - minLon) * cos, minSpanDegrees * cos);
        var spanY = Math.Max(maxLat - minLat, minSpanDegrees);

        var innerW = width - 2 * padding;
        var aspect = Math.Clamp(spanY / spanX, minAspect, maxAspect);
        var height = innerW * aspect + 2 * padding;
        var innerH = height - 2 * padding;
        // One scale for both axes (no stretching); the slack axis is centred.
        var scale = Math.Min(innerW / spanX, innerH / spanY);
        return new MapProjection(lon0, lat0, scale, width / 2, height / 2, width, height);
    }
}
