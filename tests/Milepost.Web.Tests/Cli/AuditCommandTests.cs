using Microsoft.EntityFrameworkCore;
using Milepost.Data;
using Milepost.Web.Cli;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Cli;

/// <summary><c>milepost audit verify</c> on a SQLite file, called in-process through the real command line.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class AuditCommandTests : IAsyncLifetime
{
    private static readonly DateTime T0 = new(2026, 11, 30, 11, 0, 0, DateTimeKind.Utc);
    private readonly DirectoryInfo _dataDir = Directory.CreateTempSubdirectory("milepost-audit-cli-");
    private TestDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, postgres: null);
        await using var db = _database.NewContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        for (var i = 1; i <= 5; i++)
            await AuditTrail.AppendAsync(db, T0.AddMinutes(i), "张三", "project.edit", "Project", "1", "511802",
                new { TotalInvestment = 1000 * i }, new { TotalInvestment = 1000 * (i + 1) });
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _dataDir.Delete(recursive: true);
    }

    private (int Exit, string Out, string Err) Verify() => CliRun.Run(
        "audit", "verify", "--Milepost:Database=sqlite", $"--ConnectionStrings:Milepost={_database.ConnectionString}",
        $"--Milepost:DataDirectory={_dataDir.FullName}");

    private async Task AnchorAsync()
    {
        await using var db = _database.NewContext();
        await AuditAnchor.AnchorHeadAsync(db, _dataDir.FullName, T0.AddHours(1));
    }

    /// <summary>Raw SQL on the file, after dropping the append-only triggers, as an attacker would.</summary>
    private async Task TamperAsync(string sql)
    {
        await using var db = _database.NewContext();
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEvents_no_update\"");
        await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS \"AuditEvents_no_delete\"");
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private async Task<string> HeadAsync()
    {
        await using var db = _database.NewContext();
        return await db.AuditEvents.OrderByDescending(e => e.Sequence).Select(e => e.Hash).FirstAsync();
    }

    [Fact]
    public async Task IntactChain_PrintsCountAndHead_ExitsZero()
    {
        await AnchorAsync();

        var (exit, stdout, stderr) = Verify();

        Assert.Equal(0, exit);
        Assert.Equal($"审计链完整：共 5 条事件，链头 {await HeadAsync()}" + Environment.NewLine, stdout);
        Assert.Equal("", stderr);
    }

    [Fact]
    public async Task IntactChainWithoutAnchorFile_ExitsZero_WarnsThatOnlyTheChainWasChecked()
    {
        var (exit, stdout, stderr) = Verify();

        Assert.Equal(0, exit);
        Assert.StartsWith("审计链完整：共 5 条事件", stdout);
        Assert.Contains("未找到锚定文件", stderr);
    }

    public static TheoryData<string, string, long> Tamperings => new()
    {
        { "edit", "UPDATE \"AuditEvents\" SET \"After\" = replace(\"After\", '4000', '1') WHERE \"Sequence\" = 3", 3 },
        { "delete", "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 2", 3 },
        { "swap", "UPDATE \"AuditEvents\" SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" IN (3, 4); " +
                  "UPDATE \"AuditEvents\" SET \"Sequence\" = 4 WHERE \"Sequence\" = -3; UPDATE \"AuditEvents\" SET \"Sequence\" = 3 WHERE \"Sequence\" = -4", 3 },
        { "truncate", "DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= 4", 4 },
    };

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task TamperedRow_NamesTheFirstBadEvent_ExitsTwo(string tampering, string sql, long firstBad)
    {
        await AnchorAsync();
        await TamperAsync(sql);

        var (exit, stdout, stderr) = Verify();

        Assert.True(exit == 2, $"{tampering}: exit {exit}, stdout {stdout}, stderr {stderr}");
        Assert.Equal("", stdout);
        Assert.StartsWith($"审计链校验失败：第 {firstBad} 条事件", stderr);
    }

    [Fact]
    public async Task ChainRewrittenConsistently_FailsAgainstTheAnchor()
    {
        await AnchorAsync();
        await TamperAsync("DELETE FROM \"AuditEvents\"");
        await using (var db = _database.NewContext())
        {
            for (var i = 1; i <= 5; i++)
                await AuditTrail.AppendAsync(db, T0.AddMinutes(i), "李四", "project.edit", "Project", "1", "511802", null, new { TotalInvestment = 1 });
            await db.SaveChangesAsync();
        }

        var (exit, _, stderr) = Verify();

        Assert.Equal(2, exit);
        Assert.Contains("第 5 条事件（AnchorMismatch）", stderr);
        Assert.Contains("锚定", stderr);
    }

    [Fact]
    public async Task BrokenAnchorFile_ExitsOne()
    {
        await File.WriteAllTextAsync(AuditAnchor.PathIn(_dataDir.FullName), "garbage\n");

        var (exit, _, stderr) = Verify();

        Assert.Equal(1, exit);
        Assert.Contains("无法读取锚定文件", stderr);
    }
}
