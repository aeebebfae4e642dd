using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.BaseData;

/// <summary>One division of the city set-up: its national name, and the name Milepost holds when it is already there.</summary>
public sealed record CityDivisionRow(string Code, string NationalName, string? CurrentName)
{
    public bool Present => CurrentName is not null;
}

/// <summary>What setting the city would do: the city, its districts and counties, and another city that stands in the way.</summary>
public sealed record CityPreview(CityDivisionRow City, string Province, IReadOnlyList<CityDivisionRow> Counties, string? OtherCity);

/// <summary>What was done: the divisions created (national names) and those kept as they were (their names in Milepost).</summary>
public sealed record CityDivisionsResult(string CityCode, string CityName, IReadOnlyList<CityDivisionRow> Created, IReadOnlyList<CityDivisionRow> Kept);

/// <summary>
/// The city's divisions in one step (issue 15): the office names its city and the city (as the single root division, which
/// the ledger import takes as the default) and its districts and counties come in from the national table.
/// </summary>
/// <remarks>
/// A division that already exists with a code is kept as it is: the office may have renamed or retired it, and nothing
/// here overwrites that (names stay renamable on the base-data page). One Milepost serves one city, so a different root
/// city already set is refused. All created rows are one transaction with one audit event listing them; nothing to
/// create writes nothing.
/// </remarks>
public static class CityDivisions
{
    public const string Entity = "Division";
    public const string Action = "division.city";

    /// <summary>The city and its counties as they stand against the database, or null when the code names no city.</summary>
    public static async Task<CityPreview?> PreviewAsync(MilepostDb db, string? cityCode, CancellationToken ct = default)
    {
        if (NationalDivisions.ByCode(cityCode) is not { } city || !NationalDivisions.IsCity(city)) return null;
        var wanted = Wanted(city);
        var codes = wanted.Select(e => e.Code).ToList();
        var present = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var rows = wanted.Select(e => new CityDivisionRow(e.Code, e.Name, present.GetValueOrDefault(e.Code))).ToList();
        var other = await OtherCityAsync(db, city.Code, ct);
        return new CityPreview(rows[0], NationalDivisions.ProvinceOf(city).Name, rows[1..], other is null ? null : $"{other.Name}（{other.Code}）");
    }

    public static async Task<CityDivisionsResult> ApplyAsync(MilepostDb db, Actor actor, DateTime now, string? cityCode, CancellationToken ct = default)
    {
        db.BeginCommand();
        if (!actor.Is(Roles.Supervisor))
            throw new ForbiddenException("只有督查室可以设置本市行政区划", "Only the supervision office may set up the city's divisions");
        var city = CityOf(cityCode);
        var wanted = Wanted(city);
        var codes = wanted.Select(e => e.Code).ToList();

        // Read inside the transaction: on SQLite it already holds the write lock, so nothing changes under us.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await RefuseAnotherCityAsync(db, city, ct);
        var existing = await db.Divisions.AsNoTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var created = new List<CityDivisionRow>();
        var kept = new List<CityDivisionRow>();
        foreach (var e in wanted)
        {
            if (existing.TryGetValue(e.Code, out var name)) { kept.Add(new(e.Code, e.Name, name)); continue; }
            db.Divisions.Add(new Division { Code = e.Code, Name = e.Name, ParentCode = e.Code == city.Code ? null : city.Code, Version = 1 });
            created.Add(new(e.Code, e.Name, e.Name));
        }
        var result = new CityDivisionsResult(city.Code, existing.GetValueOrDefault(city.Code) ?? city.Name, created, kept);
        if (created.Count == 0) return result;

        await AuditTrail.AppendAsync(db, now, actor.UserName, Action, Entity, city.Code, city.Code, null, new
        {
            City = city.Code, Source = $"GB/T 2260 {NationalDivisions.Revision}",
            Created = created.Select(c => new { c.Code, c.NationalName }), Kept = kept.Select(k => new { k.Code, Name = k.CurrentName }),
        }, ct);
        // On PostgreSQL the append took the chain's lock: a city another session set meanwhile is visible now.
        await RefuseAnotherCityAsync(db, city, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same divisions were created by someone else between our read and our write.
            throw new ConflictException("本市行政区划刚被他人设置，您的操作未保存。请刷新后查看。",
                "Someone else has just set up the city's divisions; nothing was saved. Reload to see them.");
        }
        await tx.CommitAsync(ct);
        return result;
    }

    /// <summary>The city first, then its county-level divisions in code order.</summary>
    private static List<DivisionEntry> Wanted(DivisionEntry city) => [city, .. NationalDivisions.CountiesOf(city.Code)];

    /// <summary>The national entry of the code, or the reason it cannot be the city.</summary>
    private static DivisionEntry CityOf(string? code)
    {
        static ValidationException Refuse(string key, string zh, string en) => new(new ValidationError("Code", key, zh, en));
        var c = code?.Trim() ?? "";
        if (c.Length == 0)
            throw Refuse("city.code.required", "请输入本市名称或 6 位行政区划代码，并从查到的城市中选择", "Type the city's name or 6-digit code and choose it");
        if (!Division.IsValidCode(c))
            throw Refuse("city.code.invalid", $"行政区划代码“{c}”不是 6 位数字", $"The division code '{c}' is not 6 digits");
        var entry = NationalDivisions.ByCode(c)
            ?? throw Refuse("city.code.unknown", $"全国县级以上行政区划代码表（截至 {NationalDivisions.Revision}）中没有 {c}",
                $"There is no {c} in the national table of divisions (as of {NationalDivisions.Revision})");
        if (NationalDivisions.IsCity(entry)) return entry;
        if (entry.Level == DivisionLevel.County && NationalDivisions.ByCode(entry.ParentCode) is { } parent && NationalDivisions.IsCity(parent))
            throw Refuse("city.code.county", $"{c} {entry.Name}是县级行政区划，请选择它所属的{parent.Name}（{parent.Code}）",
                $"{c} {entry.Name} is a county-level division; choose its city, {parent.Name} ({parent.Code})");
        throw Refuse("city.code.level", $"{c} {entry.Name}不是地级市（州、盟）或直辖市，请选择一个城市",
            $"{c} {entry.Name} is no prefecture-level city or municipality; choose a city");
    }

    private static Task<Division?> OtherCityAsync(MilepostDb db, string cityCode, CancellationToken ct) =>
        db.Divisions.AsNoTracking().Where(d => d.ParentCode == null && d.Code != cityCode).OrderBy(d => d.Code).FirstOrDefaultAsync(ct);

    private static async Task RefuseAnotherCityAsync(MilepostDb db, DivisionEntry city, CancellationToken ct)
    {
        if (await OtherCityAsync(db, city.Code, ct) is { } other)
            throw new ConflictException(
                $"本系统已设置为{other.Name}（{other.Code}），一套 Milepost 只服务一个城市，不能再设置{city.Name}（{city.Code}）。",
                $"This Milepost is already set up for {other.Name} ({other.Code}); one Milepost serves one city, so {city.Name} ({city.Code}) cannot be added.");
    }
}
