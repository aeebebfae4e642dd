using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Milepost.Core;
using Milepost.Core.Scheduling;

namespace Milepost.Web.Cli;

/// <summary>
/// <c>milepost schedule --input NETWORK.json [--output SCHEDULE.csv]</c>: schedules a network file
/// with <see cref="Scheduler"/>, without a database or the web host, for what-if work and batch
/// checks (issue 3). The CSV goes to the output file, or to stdout without one. Any error goes to
/// stderr, in Chinese then English, with exit code 1, and nothing is written to the output file.
/// </summary>
/// <remarks>
/// Input: <c>{"dataDate":"2020-01-01","target":"2021-06-30","calendar":{"weekendsOff":true,
/// "holidays":["2020-10-01"],"makeUpWorkdays":["2020-09-27"]},"nodes":[{"id":"a","name":"可研批复",
/// "duration":5,"predecessors":[{"id":"b","lag":0}],"actualStart":null,"actualFinish":null,
/// "deadline":null}]}</c>. <c>target</c>, <c>calendar</c> and a node's <c>name</c> (default: its id),
/// <c>predecessors</c>, <c>lag</c> and dates may be left out; a predecessor may be a plain id
/// string (lag 0). Dates are yyyy-MM-dd. Unknown fields are refused, so a misspelt field is not
/// silently ignored. Comments and trailing commas are allowed; a UTF-8 byte order mark is skipped.
/// Output: RFC 4180 CSV (CRLF line ends, UTF-8 without BOM) with the header
/// <c>id,earlyStart,earlyFinish,lateStart,lateFinish,totalFloat,critical</c>, one row per node in
/// input order, dates yyyy-MM-dd with inclusive finishes, critical as true/false.
/// </remarks>
public static class ScheduleCommand
{
    public const string Header = "id,earlyStart,earlyFinish,lateStart,lateFinish,totalFloat,critical";

    public static Command Create()
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "The network to schedule, a JSON file (see docs: dataDate, target, calendar, nodes).",
            Required = true,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write the schedule as CSV; without it the CSV goes to stdout.",
        };
        var command = new Command("schedule", "Schedule a network of time nodes (倒排工期) from a JSON file to CSV, without a database.")
        {
            input,
            output,
        };
        command.SetAction(result => Run(
            result.GetRequiredValue(input), result.GetValue(output),
            result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        return command;
    }

    internal static int Run(string inputPath, string? outputPath, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var network = NetworkFile.Read(inputPath);
            var csv = ToCsv(Scheduler.Schedule(network));
            if (outputPath is null) stdout.Write(csv);
            else WriteWhole(outputPath, csv);
            return 0;
        }
        catch (NetworkFileException e)
        {
            stderr.WriteLine(e.MessageZh);
            stderr.WriteLine(e.MessageEn);
        }
        catch (ValidationException e)
        {
            stderr.WriteLine($"无法排期：{inputPath}");
            foreach (var error in e.Errors) stderr.WriteLine($"  {error.MessageZh}");
            stderr.WriteLine($"Cannot schedule {inputPath}:");
            foreach (var error in e.Errors) stderr.WriteLine($"  {error.MessageEn}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var target = outputPath ?? "stdout";
            stderr.WriteLine($"无法写入排期：{target}（{e.Message}）");
            stderr.WriteLine($"Cannot write the schedule to {target}: {e.Message}");
        }
        return 1;
    }

    /// <summary>The schedule as RFC 4180 CSV, one row per node in input order.</summary>
    public static string ToCsv(ScheduleResult result)
    {
        var csv = new StringBuilder(64 * (result.Nodes.Count + 1));
        csv.Append(Header).Append("\r\n");
        foreach (var n in result.Nodes)
        {
            csv.Append(CsvField(n.Id)).Append(',')
                .Append(Iso(n.EarlyStart)).Append(',').Append(Iso(n.EarlyFinish)).Append(',')
                .Append(Iso(n.LateStart)).Append(',').Append(Iso(n.LateFinish)).Append(',')
                .Append(n.TotalFloat.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(n.Critical ? "true" : "false").Append("\r\n");
        }
        return csv.ToString();
    }

    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"")}\"";

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Writes beside the target first, so that a failed write leaves no half file.</summary>
    private static void WriteWhole(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}

/// <summary>Why a network file cannot be read, in Chinese and English.</summary>
internal sealed class NetworkFileException(string messageZh, string messageEn) : Exception(messageEn)
{
    public string MessageZh { get; } = messageZh;
    public string MessageEn { get; } = messageEn;
}

/// <summary>Reads the JSON network file of <see cref="ScheduleCommand"/> into a <see cref="ScheduleInput"/>.</summary>
internal static class NetworkFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new DateConverter(), new PredecessorConverter() },
    };

    public static ScheduleInput Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new NetworkFileException($"找不到网络文件：{path}", $"Network file not found: {path}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NetworkFileException($"无法读取网络文件：{path}（{e.Message}）", $"Cannot read the network file {path}: {e.Message}");
        }

        ReadOnlySpan<byte> json = bytes;
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        NetworkJson? network;
        try
        {
            network = JsonSerializer.Deserialize<NetworkJson>(json, Options);
        }
        catch (JsonException e)
        {
            throw Invalid(path, json, e);
        }
        return ToInput(path, network ?? throw Missing(path, "$", "dataDate"));
    }

    private static ScheduleInput ToInput(string path, NetworkJson network)
    {
        Refuse(path, "$", network.Extra);
        if (network.DataDate is not { } dataDate) throw Missing(path, "$", "dataDate");
        if (network.Nodes is not { } nodesJson) throw Missing(path, "$", "nodes");

        WorkCalendar? calendar = null;
        if (network.Calendar is { } c)
        {
            Refuse(path, "$.calendar", c.Extra);
            if (c.WeekendsOff is not { } weekendsOff) throw Missing(path, "$.calendar", "weekendsOff");
            calendar = new WorkCalendar(weekendsOff, c.Holidays ?? [], c.MakeUpWorkdays ?? []);
        }

        var nodes = new List<ScheduleNode>(nodesJson.Count);
        for (int i = 0; i < nodesJson.Count; i++)
        {
            string at = $"$.nodes[{i}]";
            var n = nodesJson[i] ?? throw new NetworkFileException($"网络文件 {path} 无效：{at} 为 null", $"Invalid network file {path}: {at} is null");
            Refuse(path, at, n.Extra);
            if (n.Id is not { } id) throw Missing(path, at, "id");
            if (n.Duration is not { } duration) throw Missing(path, at, "duration");
            var predecessors = (n.Predecessors ?? []).Select(p => new Dependency(p.Id, p.Lag)).ToList();
            nodes.Add(new ScheduleNode(id, n.Name ?? id, duration, predecessors, n.ActualStart, n.ActualFinish, n.Deadline));
        }
        return new ScheduleInput(dataDate, network.Target, nodes, calendar);
    }

    private static NetworkFileException Missing(string path, string at, string field) =>
        new($"网络文件 {path} 无效：{at} 缺少 “{field}”", $"Invalid network file {path}: {at} has no \"{field}\"");

    private static void Refuse(string path, string at, Dictionary<string, JsonElement>? extra)
    {
        if (extra is not { Count: > 0 }) return;
        var names = string.Join(", ", extra.Keys);
        throw new NetworkFileException($"网络文件 {path} 无效：{at} 含未知字段 {names}",
            $"Invalid network file {path}: unknown field(s) {names} in {at}");
    }

    /// <summary>Says where the JSON went wrong: line and column (in characters, from 1) and the JSON path.</summary>
    private static NetworkFileException Invalid(string path, ReadOnlySpan<byte> json, JsonException e)
    {
        long line, column;
        if (e is BadValueException { Offset: var offset })
        {
            // Point at the start of the bad value.
            var before = json[..(int)Math.Min(offset, json.Length)];
            int lineStart = before.LastIndexOf((byte)'\n') + 1;
            line = before.Count((byte)'\n') + 1;
            column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        }
        else if (e.LineNumber is { } lineIndex && e.BytePositionInLine is { } bytePosition)
        {
            var lines = Encoding.UTF8.GetString(json).Split('\n');
            var text = lineIndex < lines.Length ? Encoding.UTF8.GetBytes(lines[lineIndex]) : [];
            line = lineIndex + 1;
            column = Encoding.UTF8.GetCharCount(text, 0, (int)Math.Min(bytePosition, text.Length)) + 1;
        }
        else
        {
            return new($"网络文件 {path} 不是有效的 JSON", $"Invalid JSON in network file {path}: {e.Message}");
        }

        string where = $"第 {line} 行第 {column} 列", whereEn = $"line {line}, column {column}";
        if (!string.IsNullOrEmpty(e.Path) && e.Path != "$")
        {
            where += $"（{e.Path}）";
            whereEn += $" ({e.Path})";
        }
        return e is BadValueException bad
            ? new($"网络文件 {path} 无效，{where}：{bad.MessageZh}", $"Invalid network file {path}, {whereEn}: {bad.Message}")
            : new($"网络文件 {path} 不是有效的 JSON，{where}", $"Invalid JSON in network file {path}, {whereEn}: {e.Message}");
    }

    /// <summary>A value of the right JSON kind that is still wrong (a bad date), with its reason in both languages.</summary>
    private sealed class BadValueException(string messageZh, string messageEn, long offset) : JsonException(messageEn)
    {
        public string MessageZh { get; } = messageZh;
        /// <summary>Where the value starts, in bytes from the start of the JSON.</summary>
        public long Offset { get; } = offset;
    }

    private sealed class DateConverter : JsonConverter<DateOnly>
    {
        public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return date;
            var shown = text ?? reader.TokenType.ToString();
            throw new BadValueException($"日期无效：“{shown}”，应为 yyyy-MM-dd 格式的日期",
                $"invalid date \"{shown}\", expected a date as yyyy-MM-dd", reader.TokenStartIndex);
        }

        public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>A predecessor: <c>"b"</c> (lag 0) or <c>{"id":"b","lag":2}</c>.</summary>
    private sealed class PredecessorConverter : JsonConverter<PredecessorJson>
    {
        public override PredecessorJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String) return new PredecessorJson(reader.GetString()!, 0);
            // Also a JSON null, which the serializer passes to converters of value types.
            if (reader.TokenType != JsonTokenType.StartObject)
                throw new BadValueException("前置节点应为编号字符串或 {\"id\":…,\"lag\":…}", "a predecessor must be an id string or {\"id\":…,\"lag\":…}", reader.TokenStartIndex);
            long start = reader.TokenStartIndex;
            string? id = null;
            int lag = 0;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "id" when reader.TokenType == JsonTokenType.String:
                        id = reader.GetString();
                        break;
                    case "lag" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value):
                        lag = value;
                        break;
                    case "id" or "lag":
                        throw new BadValueException($"前置节点的 “{name}” 无效", $"invalid predecessor \"{name}\"", reader.TokenStartIndex);
                    default:
                        throw new BadValueException($"前置节点含未知字段 {name}", $"unknown predecessor field {name}", reader.TokenStartIndex);
                }
            }
            return new PredecessorJson(id ?? throw new BadValueException("前置节点缺少 “id”", "a predecessor has no \"id\"", start), lag);
        }

        public override void Write(Utf8JsonWriter writer, PredecessorJson value, JsonSerializerOptions options) =>
            throw new NotSupportedException();
    }

    private readonly record struct PredecessorJson(string Id, int Lag);

    private sealed class NetworkJson
    {
        public DateOnly? DataDate { get; set; }
        public DateOnly? Target { get; set; }
        public CalendarJson? Calendar { get; set; }
        public List<NodeJson?>? Nodes { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class CalendarJson
    {
        public bool? WeekendsOff { get; set; }
        public List<DateOnly>? Holidays { get; set; }
        public List<DateOnly>? MakeUpWorkdays { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }

    private sealed class NodeJson
    {
        public string? Id { get; set; }
        public string? Name { get; set; }
        public int? Duration { get; set; }
        public List<PredecessorJson>? Predecessors { get; set; }
        public DateOnly? ActualStart { get; set; }
        public DateOnly? ActualFinish { get; set; }
        public DateOnly? Deadline { get; set; }
        [JsonExtensionData] public Dictionary<string, JsonElement>? Extra { get; set; }
    }
}
