using System.Net;
using Milepost.Core.Ranking;
using Milepost.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Milepost.Web.Tests.Ranking;

public sealed class RankingSmokeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Draft_OfTheDemoMonth_Computes()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");
        var response = await client.GetAsync("/api/v1/rankings/2020-05/draft");
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var s = RankingSnapshot.FromJson(text);
        foreach (var e in s.Result.Entries)
            output.WriteLine($"{e.Rank} {e.Name} {e.UnitName} inv={e.InvestmentScore} node={e.NodeScore} rep={e.ReportScore} = {e.Score} {e.List}{e.Position} {string.Join(';', e.Vetoes.Select(v => v.MessageZh))}");
        foreach (var u in s.Result.Units)
            output.WriteLine($"U {u.Rank} {u.UnitName} {u.Projects} {u.Score} {u.List}");
        Assert.NotEmpty(s.Result.Entries);
    }
}
