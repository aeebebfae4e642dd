using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Cli;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Cli;

/// <summary>The demo portfolio on a SQLite file, which <c>milepost rank</c> reads beside the running app.</summary>
public sealed class RankCliFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();

    public async Task InitializeAsync() => await Factory.InitializeAccountsAsync();

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary><c>milepost rank</c>, called in-process through the real command line against the demo database.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class RankCommandTests(RankCliFixture fx) : IClassFixture<RankCliFixture>
{
    private static readonly YearMonth May = new(2020, 5);

    private (int Exit, string Out, string Err) Rank(params string[] args) => CliRun.On(fx.Factory, ["rank", .. args]);

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> read)
    {
        using var scope = fx.Factory.Services.CreateScope();
        return await read(scope.ServiceProvider);
    }

    private Task<RankingDraft> DraftAsync(YearMonth month) =>
        WithScopeAsync(s => s.GetRequiredService<RankingQueries>().ComputeAsync(month, CancellationToken.None));

    /// <summary>Publications and audit events: what a refused command must leave as it found them.</summary>
    private Task<(int Publications, long AuditEvents)> CountsAsync() => WithScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MilepostDb>();
        return (await db.RankingPublications.CountAsync(), await db.AuditEvents.LongCountAsync());
    });

    /// <summary>The lines of one 【section】 of the output, header row first.</summary>
    private static List<string> Section(string output, string title) =>
        output.Split(Environment.NewLine).SkipWhile(l => l != $"【{title}】").Skip(1).TakeWhile(l => l.Length > 0).ToList();

    [Fact]
    public async Task Draft_PrintsTheDemoMonthsListsAsTheQueriesComputeThem()
    {
        var draft = await DraftAsync(May);
        var result = draft.Snapshot.Result;

        var (exit, stdout, stderr) = Rank("--month", "2020-05");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("2020年5月重点项目红黑榜（草稿，按当前数据计算）", stdout);
        Assert.Contains("数据截至：2020年6月11日　月报报送期限：2020年6月5日", stdout);
        Assert.Contains($"纳入排名项目 {result.Entries.Count(e => e.Rank is not null)} 个，红榜 {result.Red.Count()} 个，黑榜 {result.Black.Count()} 个", stdout);
        Assert.Contains("名次变化与 2020年4月 已发布红黑榜", stdout);

        var red = Section(stdout, "红榜");
        Assert.Equal(result.Red.Count() + 1, red.Count);
        foreach (var (e, line) in result.Red.Zip(red.Skip(1)))
        {
            Assert.StartsWith(e.Position!.Value.ToString(), line.TrimStart());
            Assert.Contains(e.Name, line);
            Assert.Contains($"{RankingText.Score(e.InvestmentScore)}  {RankingText.Score(e.NodeScore)}  ", line);
            Assert.Contains(RankingText.Score(e.Score), line);
        }
        var black = Section(stdout, "黑榜");
        Assert.Equal(result.Black.Count() + 1, black.Count);
        foreach (var (e, line) in result.Black.Zip(black.Skip(1)))
        {
            Assert.Contains(e.Name, line);
            foreach (var veto in e.Vetoes) Assert.Contains(veto.MessageZh, line);
        }
        Assert.Contains(black, l => l.Contains("岷江会议会展中心") && l.Contains("连续 2 个月未报送月报"));

        var exempted = Assert.Single(result.Exempted);
        Assert.Contains(Section(stdout, "豁免"), l => l.StartsWith(exempted.Name) && l.Contains("政策性停工") && l.Contains(exempted.Exemption!.Reason));

        var units = Section(stdout, "责任单位排名");
        Assert.Equal(result.Units.Count(u => u.Rank is not null) + 1, units.Count);
        Assert.Contains(result.Units.First(u => u.Rank == 1).UnitName, units[1]);
    }

    [Fact]
    public void Draft_KeepsColumnsAlignedWithChineseNames()
    {
        var (_, stdout, _) = Rank("--month", "2020-05");

        // Both tables end in a right-aligned column (the movement), so with Chinese counted as two columns every line,
        // header included, is exactly as wide as the others.
        var red = Section(stdout, "红榜");
        var units = Section(stdout, "责任单位排名");
        Assert.True(red.Count > 2 && units.Count > 2);
        Assert.Single(red.Select(RankReport.Width).Distinct());
        Assert.Single(units.Select(RankReport.Width).Distinct());
        Assert.Equal((2, 1, 1), (RankReport.Width("红"), RankReport.Width("↑"), RankReport.Width("9")));
    }

    [Fact]
    public void Draft_InEnglish_WhenAsked()
    {
        var (exit, stdout, _) = Rank("--month", "2020-05", "--lang", "en");

        Assert.Equal(0, exit);
        Assert.StartsWith("Red-black list of May 2020 (draft, from current data)", stdout);
        Assert.Contains("【Red list】", stdout);
        Assert.Contains("Reports missing for 2 months in a row", stdout);
    }

    [Fact]
    public async Task Publish_AsTheSupervisor_WritesOnePublicationAndOneAuditEvent()
    {
        var march = new YearMonth(2020, 3); // published once by the demo; this is a second publication with a note
        var before = await CountsAsync();

        var (exit, stdout, stderr) = Rank("--month", "2020-03", "--publish", "--user", "supervisor", "--note", "经复核重新发布");

        Assert.True(exit == 0, stderr);
        Assert.Equal((before.Publications + 1, before.AuditEvents + 1), await CountsAsync());
        var (publication, audit) = await WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MilepostDb>();
            var p = await db.RankingPublications.Where(x => x.Month == march).OrderByDescending(x => x.Sequence).FirstAsync();
            var e = await db.AuditEvents.OrderByDescending(x => x.Sequence).FirstAsync();
            return (p, e);
        });
        Assert.Equal(2, publication.Sequence);
        Assert.Equal("市委督查室 李督查", publication.PublishedBy);
        Assert.Equal("经复核重新发布", publication.Note);
        Assert.Equal((RankingCommands.PublishAction, "supervisor", publication.Id.ToString()), (audit.Action, audit.Actor, audit.EntityId));
        Assert.Contains($"发布编号 {publication.Id}（本月第 2 次发布）", stdout);
        Assert.Contains($"SHA-256: {publication.Sha256}", stdout);
    }

    [Theory]
    [InlineData("nobody", "账号“nobody”不存在或不是督查室账号")]
    [InlineData("leader", "账号“leader”不存在或不是督查室账号")]
    [InlineData("admin", "账号“admin”不存在或不是督查室账号")]
    public async Task Publish_ByAnythingButASupervisor_IsRefusedAndWritesNothing(string user, string message)
    {
        var before = await CountsAsync();

        var (exit, stdout, stderr) = Rank("--month", "2020-05", "--publish", "--user", user);

        Assert.Equal(3, exit);
        Assert.StartsWith(message, stderr);
        Assert.Equal("", stdout);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("2020-06", "2020年6月月报的报送期限（2020-07-05）尚未过去")]
    [InlineData("2020-04", "2020年4月红黑榜已于 2020-05-15 10:00 发布，重新发布须说明原因")]
    public async Task Publish_RefusedByTheRules_PrintsWhyAndWritesNothing(string month, string message)
    {
        var before = await CountsAsync();

        var (exit, _, stderr) = Rank("--month", month, "--publish", "--user", "supervisor");

        Assert.Equal(3, exit);
        Assert.StartsWith(message, stderr);
        Assert.Equal(before, await CountsAsync());
    }

    [Theory]
    [InlineData("2020-13")]
    [InlineData("五月")]
    [InlineData("2020/05")]
    public async Task BadMonth_IsRefusedWithExitTwo(string month)
    {
        var before = await CountsAsync();

        var (exit, stdout, stderr) = Rank("--month", month, "--publish", "--user", "supervisor");

        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith($"月份无效：“{month}”，应写作 2020-05", stderr);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public void PublishWithoutUser_IsRefusedWithExitTwo()
    {
        var (exit, _, stderr) = Rank("--month", "2020-05", "--publish");

        Assert.Equal(2, exit);
        Assert.StartsWith("发布须用 --user 指明发布人", stderr);
    }
}
