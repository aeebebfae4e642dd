using BenchmarkDotNet.Attributes;
using Milepost.Web.Features.Ledger;

namespace Milepost.Bench;

/// <summary>
/// Writing a project list of 10,000 and 100,000 generated rows (16 columns, the columns of the project export, Chinese
/// text, amounts, dates, one formula-looking name in a hundred) to .xlsx and to CSV in a temporary file, as the export
/// endpoint does. The rows are generated one at a time as the writer asks for them, so what is allocated and kept is
/// the writer's own.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private static readonly ExportColumn[] Columns =
    [
        new("项目代码", 16), new("项目名称", 36), new("行政区划", 12), new("专项", 18), new("类别", 12), new("业主单位", 26), new("责任单位", 22),
        new("联系市领导", 16), new("总投资（万元）", 16), new("年度计划（万元）", 16), new("年度完成（万元）", 16), new("完成率（%）", 12),
        new("阶段", 10), new("计划开工", 12), new("计划竣工", 12), new("预警", 10),
    ];

    private static readonly string[] Divisions = ["东坡区", "彭山区", "仁寿县", "洪雅县", "丹棱县", "青神县"];
    private static readonly string[] Units = ["市发展改革委", "市交通运输局", "市住房城乡建设局", "市经济和信息化局", "市文化广电旅游局"];
    private string _path = "";

    [Params(10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup() => _path = Path.Combine(Path.GetTempPath(), $"milepost-export-bench-{Environment.ProcessId}");

    [GlobalCleanup]
    public void Cleanup() => File.Delete(_path);

    /// <summary>The rows, made as they are read: nothing holds them all.</summary>
    public static IEnumerable<object?[]> Generate(int count)
    {
        var start = new DateOnly(2020, 3, 1);
        for (var i = 0; i < count; i++)
            yield return
            [
                $"511800-2020-{i:D6}", i % 100 == 0 ? $"=HYPERLINK(\"http://x/{i}\")" : $"岷江市第{i}号重点项目（一期）", Divisions[i % Divisions.Length],
                "交通基础设施", "交通", $"岷江{i % 97}号建设投资有限公司", Units[i % Units.Length], new[] { "张三", "李四" },
                100_000m + i, 12_000.5m + i % 1000, 4_321.25m, 36.01m, "在建", start.AddDays(i % 300), start.AddDays(700 + i % 300), "正常",
            ];
    }

    [Benchmark]
    public long Xlsx()
    {
        using var file = new FileStream(_path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
        return ExportTable.WriteXlsx(file, "重点项目清单", Columns, Generate(Rows));
    }

    [Benchmark]
    public long Csv()
    {
        using var file = new FileStream(_path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024);
        return ExportTable.WriteCsv(file, ExportTable.Utf8Bom, Columns, Generate(Rows));
    }
}
