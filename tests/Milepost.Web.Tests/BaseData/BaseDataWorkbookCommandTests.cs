using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Milepost.Data;
using Milepost.Web.Tests.Cli;
using Milepost.Web.Tests.Ledger;
using static Milepost.Web.Tests.BaseData.BaseDataWorkbookFiles;

namespace Milepost.Web.Tests.BaseData;

/// <summary><c>milepost export base</c> and <c>milepost import base</c>, in-process through the real command line, against the demo database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class BaseDataWorkbookCommandTests(ImportCliFixture fx) : IClassFixture<ImportCliFixture>
{
    private (int Exit, string Out, string Err) Run(params string[] args) => CliRun.On(fx.Factory, args);

    private string PathOf(string name) => Path.Combine(fx.Factory.DataDirectory, name);

    private async Task<(int Units, int Audit)> CountsAsync()
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        return (await db.Units.CountAsync(), await db.AuditEvents.CountAsync());
    }

    [Fact]
    public async Task Export_ThenImportTheFileBack_DryRunAndReal_AllUnchanged()
    {
        var file = PathOf("基础数据.xlsx");
        var before = await CountsAsync();
        var export = Run("export", "base", "--output", file);
        Assert.True(export.Exit == 0, export.Err + export.Out);
        Assert.Contains("已导出基础数据到", export.Out);
        Assert.Contains($"单位 {before.Units} 行", export.Out);
        await using (var read = File.OpenRead(file)) Assert.Equal(5, MiniExcel.GetSheetNames(read).Count);
        Assert.False(File.Exists(file + ".part"));
        Assert.Equal((before.Units, before.Audit + 1), await CountsAsync()); // the export's own audit event

        var dry = Run("import", "base", file, "--dry-run");
        Assert.True(dry.Exit == 0, dry.Err + dry.Out);
        Assert.Contains("试导入（未写入）", dry.Out);
        Assert.Contains($"单位：共 {before.Units} 行；新增 0、更新 0、不变 {before.Units}", dry.Out);

        var real = Run("import", "base", file, "--user", "supervisor", "--lang", "en");
        Assert.Equal(0, real.Exit);
        Assert.Contains("Imported:", real.Out);
        Assert.Contains("0 created, 0 updated", real.Out);
        Assert.Equal((before.Units, before.Audit + 1), await CountsAsync());
    }

    [Fact]
    public async Task Import_NewAndChangedRows_AreListed_AndWritten()
    {
        var file = PathOf("新单位.xlsx");
        await File.WriteAllBytesAsync(file, Workbook(Sheet("单位", Row("名称", "简称", "类型"), Row("市命令行测试公司", null, "业主单位"), Row("市商务局", "商务局", "责任单位"))));
        var before = await CountsAsync();
        var (exit, output, _) = Run("import", "base", file);
        Assert.Equal(0, exit);
        Assert.Contains("已导入：", output);
        Assert.Contains("第2行 新增 市命令行测试公司", output);
        Assert.Contains("第3行 更新 市商务局（简称）", output);
        Assert.Equal((before.Units + 1, before.Audit + 2), await CountsAsync());
    }

    [Fact]
    public async Task Errors_AreListedAsSheetCell_Exit3_NothingWritten()
    {
        var file = PathOf("有错.xlsx");
        await File.WriteAllBytesAsync(file, Workbook(
            Sheet("单位", Row("名称", "类型", "上级单位"), Row("市错误测试甲", "主管部门"), Row("市错误测试乙", "业主单位", "无此集团"))));
        var before = await CountsAsync();
        var (exit, output, _) = Run("import", "base", file);
        Assert.Equal(3, exit);
        Assert.Contains("发现 2 处错误，未写入任何数据", output);
        Assert.Contains("单位!B2 “主管部门”：单位类型“主管部门”无法识别", output);
        Assert.Contains("单位!C3 “无此集团”：上级单位“无此集团”不存在", output);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ExitCodes_ForAMissingFile_ARefusedFile_AnAccountThatMayNot_AndMissingArguments()
    {
        var before = await CountsAsync();
        Assert.Equal(1, Run("import", "base", PathOf("无此文件.xlsx")).Exit);
        var csv = PathOf("单位.csv");
        await File.WriteAllTextAsync(csv, "名称,类型\n市某公司,业主单位\n");
        var refused = Run("import", "base", csv);
        Assert.Equal(1, refused.Exit);
        Assert.Contains("只能导入 Excel 工作簿（.xlsx）", refused.Err);
        var book = PathOf("合法.xlsx");
        await File.WriteAllBytesAsync(book, Workbook(Sheet("单位", Row("名称", "类型"), Row("市越权公司", "业主单位"))));
        Assert.Equal(3, Run("import", "base", book, "--user", "leader").Exit);
        Assert.Equal(2, Run("import", "base", book, "--lang", "fr").Exit);
        var noOutput = Run("export", "base");
        Assert.Equal(2, noOutput.Exit);
        Assert.Contains("--output", noOutput.Err);
        Assert.Equal(2, Run("export", "base", "--output", PathOf("x.xlsx"), "--user", "dept").Exit);
        Assert.False(File.Exists(PathOf("x.xlsx")));
        Assert.Equal(before, await CountsAsync());
    }
}
