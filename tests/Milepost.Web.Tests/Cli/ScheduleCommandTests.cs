using System.Text;
using Milepost.Web.Cli;

namespace Milepost.Web.Tests.Cli;

/// <summary>Tests that swap <see cref="Console.Out"/> run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}

/// <summary><c>milepost schedule</c>, called in-process through the real command line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ScheduleCommandTests : IDisposable
{
    private const string Header = "id,earlyStart,earlyFinish,lateStart,lateFinish,totalFloat,critical";

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("milepost-schedule-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string FileWith(string json, string name = "network.json")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    private string OutputPath => Path.Combine(_dir.FullName, "schedule.csv");

    private static (int Exit, string Out, string Err) Milepost(params string[] args) => CliRun.Run(args);

    // a (5 days) → b (3 days, lag 2) → c (milestone); target 2020-01-15.
    private const string Chain = """
        {"dataDate":"2020-01-01","target":"2020-01-15","nodes":[
          {"id":"a","name":"可研批复","duration":5,"predecessors":[],"actualStart":null,"actualFinish":null,"deadline":null},
          {"id":"b","name":"初设批复","duration":3,"predecessors":[{"id":"a","lag":2}]},
          {"id":"c","name":"开工","duration":0,"predecessors":[{"id":"b","lag":0}]}
        ]}
        """;

    private static readonly string ChainCsv = string.Join("\r\n",
        Header,
        "a,2020-01-01,2020-01-05,2020-01-05,2020-01-09,4,false",
        "b,2020-01-08,2020-01-10,2020-01-12,2020-01-14,4,false",
        "c,2020-01-11,2020-01-11,2020-01-15,2020-01-15,4,false",
        "");

    [Fact]
    public void Network_WritesTheScheduleToTheOutputFile()
    {
        var (exit, stdout, stderr) = Milepost("schedule", "--input", FileWith(Chain), "--output", OutputPath);

        Assert.Equal(0, exit);
        Assert.Equal("", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(ChainCsv, File.ReadAllText(OutputPath));
    }

    [Fact]
    public void WithoutOutput_WritesTheScheduleToStdout()
    {
        var (exit, stdout, _) = Milepost("schedule", "-i", FileWith(Chain));

        Assert.Equal(0, exit);
        Assert.Equal(ChainCsv, stdout);
    }

    [Fact]
    public void TheIssuesExample_WithCalendar_Schedules()
    {
        var json = """
            {"dataDate":"2020-01-01","target":"2021-06-30",
             "calendar":{"weekendsOff":true,"holidays":["2020-10-01"],"makeUpWorkdays":["2020-09-27"]},
             "nodes":[{"id":"a","name":"可研批复","duration":5,"predecessors":[{"id":"b","lag":0}],"actualStart":null,"actualFinish":null,"deadline":null},
                      {"id":"b","name":"项目建议书","duration":2,"predecessors":[]}]}
            """;

        var (exit, stdout, stderr) = Milepost("schedule", "--input", FileWith(json));

        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        // 2020-01-01 is a Wednesday: b works Wed–Thu, a Fri and Mon–Thu (weekend off).
        Assert.Equal(Header, stdout.Split("\r\n")[0]);
        Assert.StartsWith("a,2020-01-03,2020-01-09,", stdout.Split("\r\n")[1]);
        Assert.StartsWith("b,2020-01-01,2020-01-02,", stdout.Split("\r\n")[2]);
    }

    [Fact]
    public void StringPredecessors_MeanLagZero()
    {
        var withStrings = """
            {"dataDate":"2020-01-01","target":"2020-01-15","nodes":[
              {"id":"a","name":"可研批复","duration":5},
              {"id":"b","name":"初设批复","duration":3,"predecessors":[{"id":"a","lag":2}]},
              {"id":"c","name":"开工","duration":0,"predecessors":["b"]}
            ]}
            """;

        var (exit, stdout, _) = Milepost("schedule", "--input", FileWith(withStrings));

        Assert.Equal(0, exit);
        Assert.Equal(ChainCsv, stdout);
    }

    [Fact]
    public void Cycle_RefusedOnStderr_NamingTheCycle_NoOutputFile()
    {
        var json = """
            {"dataDate":"2020-01-01","nodes":[
              {"id":"a","name":"可研批复","duration":5,"predecessors":["b"]},
              {"id":"b","name":"初设批复","duration":3,"predecessors":["a"]}
            ]}
            """;

        var (exit, stdout, stderr) = Milepost("schedule", "--input", FileWith(json), "--output", OutputPath);

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("依赖关系存在循环：可研批复(a) → 初设批复(b) → 可研批复(a)", stderr);
        Assert.Contains("Dependency cycle", stderr);
        Assert.False(File.Exists(OutputPath));
    }

    [Fact]
    public void Error_LeavesAnExistingOutputFileAsItWas()
    {
        File.WriteAllText(OutputPath, "yesterday's schedule");

        var (exit, _, _) = Milepost("schedule", "--input", FileWith("""{"dataDate":"2020-01-01","nodes":[{"id":"a","duration":1,"predecessors":["x"]}]}"""), "--output", OutputPath);

        Assert.NotEqual(0, exit);
        Assert.Equal("yesterday's schedule", File.ReadAllText(OutputPath));
        Assert.Single(_dir.GetFiles("*.csv*"));
    }

    [Fact]
    public void UnknownPredecessor_Refused()
    {
        var (exit, _, stderr) = Milepost("schedule", "--input", FileWith("""{"dataDate":"2020-01-01","nodes":[{"id":"a","name":"可研批复","duration":1,"predecessors":["zz"]}]}"""));

        Assert.NotEqual(0, exit);
        Assert.Contains("节点 可研批复(a) 的前置节点 zz 不存在", stderr);
    }

    [Fact]
    public void BadJson_ReportsLineAndColumn_NoOutputFile()
    {
        // The comma is missing at the end of line 2; the parser stops at the next property, line 3, column 3.
        var json = "{\"dataDate\":\"2020-01-01\",\n \"target\":\"2020-02-01\"\n  \"nodes\":[]}";

        var (exit, stdout, stderr) = Milepost("schedule", "--input", FileWith(json), "--output", OutputPath);

        Assert.NotEqual(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("不是有效的 JSON，第 3 行第 3 列", stderr);
        Assert.Contains("line 3, column 3", stderr);
        Assert.False(File.Exists(OutputPath));
    }

    [Fact]
    public void BadDate_NamesTheValueAndWhereItIs()
    {
        var json = "{\"dataDate\":\"2020-01-01\",\"nodes\":[\n  {\"id\":\"可研\",\"name\":\"可研批复\",\"duration\":1,\"deadline\":\"2020-02-30\"}]}";

        var (exit, _, stderr) = Milepost("schedule", "--input", FileWith(json));

        Assert.NotEqual(0, exit);
        // Columns count characters, not UTF-8 bytes: the value starts at column 52 of line 2.
        Assert.Contains("第 2 行第 52 列（$.nodes[0].deadline）：日期无效：“2020-02-30”", stderr);
        Assert.Contains("invalid date \"2020-02-30\"", stderr);
    }

    [Fact]
    public void MissingInputFile_Refused()
    {
        var missing = Path.Combine(_dir.FullName, "nowhere.json");

        var (exit, _, stderr) = Milepost("schedule", "--input", missing, "--output", OutputPath);

        Assert.NotEqual(0, exit);
        Assert.Contains($"找不到网络文件：{missing}", stderr);
        Assert.False(File.Exists(OutputPath));
    }

    [Theory]
    [InlineData("""{"nodes":[]}""", "$ 缺少 “dataDate”")]
    [InlineData("""{"dataDate":"2020-01-01","nodes":[{"id":"a"}]}""", "$.nodes[0] 缺少 “duration”")]
    [InlineData("""{"dataDate":"2020-01-01","nodes":[{"id":"a","duration":1,"deadlin":"2020-01-05"}]}""", "$.nodes[0] 含未知字段 deadlin")]
    [InlineData("""{"dataDate":"2020-01-01","nodes":[{"id":"a","duration":1,"predecessors":[{"id":"b","lag":"2"}]}]}""", "前置节点的 “lag” 无效")]
    [InlineData("""{"dataDate":"2020-01-01","calendar":{"holidays":[]},"nodes":[]}""", "$.calendar 缺少 “weekendsOff”")]
    [InlineData("""{"dataDate":"2020-01-01","calendar":{"weekendsOff":true,"holidays":["2020-10-10"],"makeUpWorkdays":["2020-10-10"]},"nodes":[]}""", "日期不能既是节假日又是调休工作日：2020-10-10")]
    [InlineData("""{"dataDate":"2020-01-01","nodes":[{"id":"a","duration":-1}]}""", "工期不能为负数")]
    public void InvalidNetwork_RefusedWithAClearMessage(string json, string message)
    {
        var (exit, stdout, stderr) = Milepost("schedule", "--input", FileWith(json));

        Assert.Equal(1, exit);
        Assert.Equal("", stdout);
        Assert.Contains(message, stderr);
    }

    [Fact]
    public void IdsWithCommasOrQuotes_AreQuotedPerRfc4180()
    {
        var json = """{"dataDate":"2020-01-01","nodes":[{"id":"a,1","duration":1},{"id":"say \"hi\"","duration":1},{"id":"可研","duration":1}]}""";

        var (exit, stdout, _) = Milepost("schedule", "--input", FileWith(json));

        Assert.Equal(0, exit);
        var rows = stdout.Split("\r\n");
        Assert.StartsWith("\"a,1\",2020-01-01,", rows[1]);
        Assert.StartsWith("\"say \"\"hi\"\"\",2020-01-01,", rows[2]);
        Assert.StartsWith("可研,2020-01-01,", rows[3]);
    }

    [Fact]
    public void ByteOrderMarkAndComments_AreAccepted()
    {
        var path = Path.Combine(_dir.FullName, "bom.json");
        File.WriteAllText(path, "// what-if\n" + Chain, new UTF8Encoding(true));

        var (exit, stdout, stderr) = Milepost("schedule", "--input", path);

        Assert.Equal("", stderr);
        Assert.Equal(0, exit);
        Assert.Equal(ChainCsv, stdout);
    }

    [Fact]
    public void WithoutInput_UsageError()
    {
        var (exit, _, stderr) = Milepost("schedule");

        Assert.NotEqual(0, exit);
        Assert.Contains("--input", stderr);
    }
}
