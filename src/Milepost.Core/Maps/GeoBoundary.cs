using System.Text;
using System.Text.Json;

namespace Milepost.Core.Maps;

/// <summary>
/// A division's boundary as closed rings of longitude/latitude (outer rings and holes alike: drawn with
/// the even-odd rule, a hole stays a hole). Read from the GeoJSON the office uploads — usually exported
/// from the natural-resources bureau's GIS — and checked so that a wrong file is refused with a reason an
/// official can act on, not half drawn.
/// </summary>
public sealed record GeoBoundary(IReadOnlyList<IReadOnlyList<GeoPoint>> Rings)
{
    public const int MaxBytes = 5 * 1024 * 1024;

    /// <summary>Points closer than this (about 50 m) to the last kept one add nothing at prefecture scale and are left out.</summary>
    public const double MinStepDegrees = 0.0005;

    public IEnumerable<GeoPoint> AllPoints => Rings.SelectMany(r => r);

    public static GeoBoundary Parse(string text)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxBytes)
            throw Error("size", "边界文件超过 5 MB，请先在 GIS 软件中简化后再上传", "The boundary file is larger than 5 MB; simplify it in your GIS first");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException)
        {
            throw Error("json", "文件不是有效的 GeoJSON（JSON 格式错误）", "The file is not valid GeoJSON (malformed JSON)");
        }
        using (doc)
        {
            var rings = new List<IReadOnlyList<GeoPoint>>();
            ReadObject(doc.RootElement, rings, "");
            if (rings.Count == 0)
                throw Error("empty", "文件中没有面要素（Polygon 或 MultiPolygon），无法绘制边界", "The file holds no Polygon or MultiPolygon to draw");
            return new GeoBoundary(rings);
        }
    }

    private static void ReadObject(JsonElement e, List<IReadOnlyList<GeoPoint>> rings, string where)
    {
        var type = e.ValueKind == JsonValueKind.Object && e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        switch (type)
        {
            case "FeatureCollection":
                if (!e.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
                    throw Error("features", "FeatureCollection 缺少 features 数组", "The FeatureCollection has no features array");
                var i = 0;
                foreach (var f in features.EnumerateArray()) ReadObject(f, rings, $"第 {++i} 个要素");
                break;
            case "Feature":
                if (!e.TryGetProperty("geometry", out var g) || g.ValueKind != JsonValueKind.Object)
                    throw Error("geometry", $"{Where(where)}缺少几何（geometry）", "A feature has no geometry");
                ReadObject(g, rings, where);
                break;
            case "Polygon":
                ReadPolygon(Coordinates(e, where), rings, where);
                break;
            case "MultiPolygon":
                foreach (var polygon in Arrays(Coordinates(e, where), where)) ReadPolygon(polygon, rings, where);
                break;
            case null:
                throw Error("type", $"{Where(where)}不是 GeoJSON 对象（缺少 type）", "Not a GeoJSON object (no type)");
            default:
                throw Error("type", $"{Where(where)}的类型是 {type}，边界只能是面（Polygon、MultiPolygon，或包含它们的 Feature、FeatureCollection）",
                    $"The type {type} is not a boundary: use Polygon, MultiPolygon, or a Feature/FeatureCollection of them");
        }
    }

    private static JsonElement Coordinates(JsonElement e, string where) =>
        e.TryGetProperty("coordinates", out var c) && c.ValueKind == JsonValueKind.Array ? c
            : throw Error("coordinates", $"{Where(where)}缺少坐标（coordinates）", "A geometry has no coordinates");

    private static IEnumerable<JsonElement> Arrays(JsonElement e, string where) =>
        e.ValueKind == JsonValueKind.Array
            ? e.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Array ? x : throw BadCoordinates(where))
            : throw BadCoordinates(where);

    private static void ReadPolygon(JsonElement polygon, List<IReadOnlyList<GeoPoint>> rings, string where)
    {
        foreach (var ring in Arrays(polygon, where))
        {
            var points = new List<GeoPoint>();
            if (ring.GetArrayLength() < 4)
                throw Error("ring", $"{Where(where)}有一个面的边界少于 4 个坐标点，不是闭合的面", "A ring has fewer than four positions");
            foreach (var position in Arrays(ring, where))
            {
                if (position.GetArrayLength() < 2 || position[0].ValueKind != JsonValueKind.Number || position[1].ValueKind != JsonValueKind.Number)
                    throw BadCoordinates(where);
                var (lon, lat) = (position[0].GetDouble(), position[1].GetDouble());
                if (lon is < -180 or > 180 || lat is < -90 or > 90)
                    throw Error("range", $"{Where(where)}有坐标（{lon}, {lat}）超出经纬度范围：应为 WGS84 经纬度（经度在前），而不是投影坐标",
                        $"A coordinate ({lon}, {lat}) is outside longitude/latitude: use WGS84 degrees, longitude first, not projected metres");
                var p = new GeoPoint(lon, lat);
                if (points.Count == 0 || Math.Abs(p.Lon - points[^1].Lon) >= MinStepDegrees || Math.Abs(p.Lat - points[^1].Lat) >= MinStepDegrees)
                    points.Add(p);
            }
            if (points.Count >= 3) rings.Add(points); // smaller than the thinning step: invisible at this scale

        }
    }

    private static string Where(string where) => where.Length == 0 ? "文件" : where;

    private static ValidationException BadCoordinates(string where) =>
        Error("coordinates", $"{Where(where)}的坐标格式不对：每个点应为 [经度, 纬度]", "Coordinates must be [longitude, latitude] positions");

    private static ValidationException Error(string code, string zh, string en) =>
        new(new ValidationError("Boundary", "settings.boundary." + code, zh, en));
}
