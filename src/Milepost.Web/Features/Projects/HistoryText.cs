using System.Globalization;
using System.Text.Json;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Web.Shared;

namespace Milepost.Web.Features.Projects;

/// <summary>Names to show for the ids an audit snapshot holds.</summary>
public sealed record HistoryNames(
    IReadOnlyDictionary<long, string> Categories, IReadOnlyDictionary<long, string> Units, IReadOnlyDictionary<long, string> Programmes,
    IReadOnlyDictionary<long, string> Leaders, IReadOnlyDictionary<string, string> Divisions, IReadOnlyDictionary<long, string> Nodes);

/// <summary>
/// Turns an audit event's before/after snapshots into sentences an official reads, e.g.
/// “李督查 将 年度计划投资（2020年） 由 1,200.00 万元 改为 1,500.00 万元”.
/// </summary>
public static class HistoryText
{
    private static readonly Dictionary<string, (string Zh, string En)> Labels = new()
    {
        ["Code"] = ("项目代码", "project code"), ["Name"] = ("名称", "name"), ["DivisionCode"] = ("行政区划", "division"),
        ["ProgrammeId"] = ("专项（板块）", "programme"), ["CategoryId"] = ("行业类别", "category"), ["OwnerUnitId"] = ("业主单位", "owner unit"),
        ["ResponsibleUnitId"] = ("责任单位", "responsible unit"), ["Leaders"] = ("联系市领导", "linked leaders"),
        ["Opening"] = ("期初数据", "opening balance"), ["TotalInvestmentYuan"] = ("总投资", "total investment"), ["PlannedStart"] = ("计划开始", "planned start"),
        ["PlannedCompletion"] = ("计划竣工", "planned completion"), ["ActualStart"] = ("实际开始", "actual start"),
        ["ActualCompletion"] = ("实际竣工", "actual completion"), ["Stage"] = ("项目阶段", "stage"), ["Level"] = ("项目级别", "level"),
        ["Kind"] = ("类型", "kind"), ["DurationDays"] = ("工期（天）", "duration (days)"), ["PlannedFinish"] = ("计划完成", "planned finish"),
        ["ActualFinish"] = ("实际完成", "actual finish"), ["Deadline"] = ("限定完成日期", "deadline"), ["ResponsiblePerson"] = ("责任人", "responsible person"),
        ["Weight"] = ("权重", "weight"), ["Predecessors"] = ("前置节点", "predecessors"),
    };

    /// <summary>One sentence per changed field; the record's version counter is bookkeeping and never shown.</summary>
    public static IReadOnlyList<string> Describe(string actor, string? beforeJson, string? afterJson, HistoryNames names)
    {
        if (afterJson is null) return [];
        using var after = JsonDocument.Parse(afterJson);
        using var before = beforeJson is null ? null : JsonDocument.Parse(beforeJson);
        if (after.RootElement.ValueKind != JsonValueKind.Object) return [];
        var lines = new List<string>();
        foreach (var prop in after.RootElement.EnumerateObject())
        {
            if (prop.Name == "Version") continue;
            JsonElement old = default;
            var had = before is not null && before.RootElement.ValueKind == JsonValueKind.Object && before.RootElement.TryGetProperty(prop.Name, out old);
            if (prop.Name == "Plans")
            {
                lines.AddRange(DescribePlans(actor, had ? old : default, prop.Value));
                continue;
            }
            if (had && JsonElement.DeepEquals(old, prop.Value)) continue;
            if (before is not null && !had) continue; // a field the old snapshot did not record
            var label = Labels.TryGetValue(prop.Name, out var l) ? Lang.T(l.Zh, l.En) : prop.Name;
            var newText = Format(prop.Name, prop.Value, names);
            lines.Add(before is null
                ? Lang.T($"{label}：{newText}", $"{label}: {newText}")
                : Lang.T($"{actor} 将 {label} 由 {Format(prop.Name, old, names)} 改为 {newText}", $"{actor} changed the {label} from {Format(prop.Name, old, names)} to {newText}"));
        }
        return lines;
    }

    private static IEnumerable<string> DescribePlans(string actor, JsonElement before, JsonElement after)
    {
        var old = before.ValueKind == JsonValueKind.Array ? before.EnumerateArray().ToDictionary(p => p.GetProperty("Year").GetInt32()) : [];
        foreach (var plan in after.EnumerateArray())
        {
            var year = plan.GetProperty("Year").GetInt32();
            var amount = Wan(plan.GetProperty("Yuan").GetInt64());
            if (!old.TryGetValue(year, out var was))
            {
                yield return Lang.T($"{actor} 编制 {year}年 年度计划投资 {amount}", $"{actor} set the {year} plan to {amount}");
                continue;
            }
            if (was.GetProperty("Yuan").GetInt64() != plan.GetProperty("Yuan").GetInt64())
                yield return Lang.T($"{actor} 将 年度计划投资（{year}年） 由 {Wan(was.GetProperty("Yuan").GetInt64())} 改为 {amount}",
                    $"{actor} changed the {year} plan from {Wan(was.GetProperty("Yuan").GetInt64())} to {amount}");
            if (!JsonElement.DeepEquals(was.GetProperty("Months"), plan.GetProperty("Months")))
                yield return Lang.T($"{actor} 调整了 {year}年 分月计划", $"{actor} changed the {year} monthly split");
        }
    }

    /// <summary>"截至2020年5月：上年底前累计 2,000.00 万元，本年累计 400.00 万元" (an amount the ledger did not give is left out).</summary>
    private static string Opening(JsonElement v)
    {
        var through = v.GetProperty("Through").GetString() ?? "";
        var zh = through.Split('-') is [var y, var m] && int.TryParse(m, CultureInfo.InvariantCulture, out var month) ? $"{y}年{month}月" : through;
        string Part(string name, string zh, string en) =>
            v.TryGetProperty(name, out var a) && a.TryGetInt64(out var y) ? Lang.T($"，{zh} {Wan(y)}", $", {en} {Wan(y)}") : "";
        return Lang.T($"截至{zh}", $"through {through}")
            + Part("BeforeYearYuan", "上年底前累计", "before the year") + Part("InYearYuan", "本年累计", "this year");
    }

    private static string Wan(long yuan) => Lang.T($"{new Money(yuan).ToWanString()} 万元", $"{new Money(yuan).ToWanString()} (10k ¥)");

    private static string Format(string field, JsonElement v, HistoryNames names)
    {
        if (v.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() == 0))
            return Lang.T("（空）", "(empty)");
        string ById(IReadOnlyDictionary<long, string> map) => v.TryGetInt64(out var id) ? map.GetValueOrDefault(id, id.ToString(CultureInfo.InvariantCulture)) : v.ToString();
        return field switch
        {
            "TotalInvestmentYuan" when v.TryGetInt64(out var yuan) => Wan(yuan),
            "Opening" when v.ValueKind == JsonValueKind.Object => Opening(v),
            "CategoryId" => ById(names.Categories),
            "OwnerUnitId" or "ResponsibleUnitId" => ById(names.Units),
            "ProgrammeId" => ById(names.Programmes),
            "DivisionCode" => names.Divisions.GetValueOrDefault(v.GetString() ?? "", v.GetString() ?? ""),
            "Leaders" => string.Join("、", v.EnumerateArray().Select(e => names.Leaders.GetValueOrDefault(e.GetInt64(), e.ToString()))),
            "Stage" when Enum.TryParse<ProjectStage>(v.ToString(), out var s) => Lang.IsEnglish ? s.ToString() : StageNames.Zh(s),
            "Predecessors" => string.Join("、", v.EnumerateArray().Select(p =>
                names.Nodes.GetValueOrDefault(p.GetProperty("PredecessorId").GetInt64(), "?") +
                (p.GetProperty("LagDays").GetInt32() is var lag and not 0 ? $"（{lag:+#;-#}天）" : ""))),
            _ when v.ValueKind == JsonValueKind.Array => string.Join("、", v.EnumerateArray().Select(e => e.ToString())),
            _ => v.ToString(),
        };
    }
}
