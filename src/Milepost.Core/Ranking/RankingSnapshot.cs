using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Milepost.Core.Ranking;

/// <summary>
/// Everything a publication freezes (SPEC §4.4): the month, the day the inputs were read, the settings, every
/// project's inputs, the exemptions, the result and the movement against the previous publication. Its
/// canonical JSON (<see cref="ToJson"/>) is what is stored and hashed, so a publication can be checked
/// byte for byte (<see cref="Hash"/>) and its list recomputed from its own inputs (<see cref="Recomputes"/>).
/// </summary>
/// <param name="AsOf">The day the inputs were read (the portfolio's today); reports submitted later are not in it.</param>
/// <param name="ReportDueDate">The day the month's reports were due.</param>
public sealed record RankingSnapshot(
    YearMonth Month,
    DateOnly AsOf,
    DateOnly ReportDueDate,
    RankingSettings Settings,
    IReadOnlyList<RankingInput> Inputs,
    IReadOnlyList<RankingExemption> Exemptions,
    RankingResult Result,
    RankingMovements? Movement)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(), new MoneyJson(), new YearMonthJson() },
    };

    /// <summary>
    /// Computes the list of <paramref name="month"/> and wraps it with what it was computed from. Inputs and exemptions
    /// are stored by project id (stable, so the first of two exemptions of one project still stands): the order rows
    /// come from the database must not change the hash.
    /// </summary>
    public static RankingSnapshot Compute(YearMonth month, DateOnly asOf, DateOnly reportDueDate, RankingSettings settings,
        IReadOnlyList<RankingInput> inputs, IReadOnlyList<RankingExemption> exemptions)
    {
        var byId = inputs.OrderBy(i => i.ProjectId).ToList();
        var exempt = exemptions.OrderBy(e => e.ProjectId).ToList();
        return new(month, asOf, reportDueDate, settings, byId, exempt, RankingCalculator.Compute(month, byId, exempt, settings), null);
    }

    /// <summary>The canonical JSON: property order as declared, no indentation, Chinese kept as is, money in 元.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);

    public static RankingSnapshot FromJson(string json) =>
        JsonSerializer.Deserialize<RankingSnapshot>(json, Options) ?? throw new JsonException("empty ranking snapshot");

    /// <summary>SHA-256 of the canonical JSON's UTF-8 bytes, lower-case hex.</summary>
    /// <remarks>
    /// Encoded and hashed a slice at a time: a province's snapshot is about 100 MB of UTF-8, and encoding it whole
    /// would allocate that much again on the large-object heap (the 100,000-project benchmark in docs/benchmarks.md).
    /// </remarks>
    public static string Hash(string json)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var encoder = Encoding.UTF8.GetEncoder();
        Span<byte> buffer = stackalloc byte[3 * 4096 + 16];
        var rest = json.AsSpan();
        while (!rest.IsEmpty)
        {
            var slice = rest[..Math.Min(4096, rest.Length)];
            rest = rest[slice.Length..];
            // flush only at the end, so a surrogate pair split between slices is encoded whole.
            var written = encoder.GetBytes(slice, buffer, flush: rest.IsEmpty);
            sha.AppendData(buffer[..written]);
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>Whether the stored result is exactly what the stored inputs and settings give today.</summary>
    public bool Recomputes()
    {
        var again = RankingCalculator.Compute(Month, Inputs, Exemptions, Settings);
        return JsonSerializer.Serialize(again, Options) == JsonSerializer.Serialize(Result, Options);
    }

    private sealed class MoneyJson : JsonConverter<Money>
    {
        public override Money Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt64());
        public override void Write(Utf8JsonWriter writer, Money value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Yuan);
    }

    private sealed class YearMonthJson : JsonConverter<YearMonth>
    {
        public override YearMonth Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            YearMonth.TryParse(reader.GetString(), out var m) ? m : throw new JsonException($"not a month: {reader.GetString()}");
        public override void Write(Utf8JsonWriter writer, YearMonth value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
