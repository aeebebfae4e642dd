using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Data;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Ranking;

/// <summary>
/// Publishing the red-black list (SPEC §4.4), on both databases: a publication is the draft frozen with its hash, later
/// edits of the data do not reach it, the database refuses to change it, and a re-publication supersedes it.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RankingPublicationTests(PostgresFixture postgres)
{
    private const string May = "2020-05";

    [Theory, DatabaseData]
    public async Task Publication_IsTheDraftFrozen_UntouchedByLaterEdits_AndSupersededByARepublication(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString);
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");

        var draft = await client.GetStringAsync($"/api/v1/rankings/{May}/draft");
        Assert.Equal(draft, await client.GetStringAsync($"/api/v1/rankings/{May}/draft"));   // same data, same bytes

        var first = await PublishAsync(client, null);
        var published = await PublicationAsync(client, first);
        Assert.True(published.HashMatches);
        Assert.Equal(draft, published.SnapshotJson);   // what was published is exactly the draft of the moment
        Assert.Equal(RankingSnapshot.Hash(draft), published.Sha256);
        var snapshot = RankingSnapshot.FromJson(published.SnapshotJson);
        Assert.True(snapshot.Recomputes());
        var black = snapshot.Result.Black.First(e => !e.Vetoed);

        // Later edits: the black-listed project's May report doubles; the draft changes, the publication does not.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var month = new YearMonth(2020, 5);
            var reports = await db.MonthlyReports.Where(r => r.ProjectId == black.ProjectId && r.Month == month).ToListAsync();
            Assert.True(reports.Count > 0, "the black-listed project has a May report to change");
            foreach (var r in reports) r.CompletedInvestment = new Money(r.CompletedInvestment.Yuan * 2 + 10_000_000);
            await db.SaveChangesAsync();
        }
        Assert.NotEqual(draft, await client.GetStringAsync($"/api/v1/rankings/{May}/draft"));
        var after = await PublicationAsync(client, first);
        Assert.Equal(published.SnapshotJson, after.SnapshotJson);
        Assert.Equal(published.Sha256, after.Sha256);
        Assert.True(after.HashMatches);

        // The database itself refuses to edit or delete a publication.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync(
                "UPDATE \"RankingPublications\" SET \"Snapshot\" = '{}' WHERE \"Id\" = {0}", first));
            await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"RankingPublications\""));
            Assert.Equal(published.Sha256, await db.RankingPublications.Where(p => p.Id == first).Select(p => p.Sha256).SingleAsync());
        }

        // Publishing the month again needs a reason, and supersedes without editing.
        var refused = await client.PostJsonAsync($"/api/v1/rankings/{May}/publications", new PublishDto(null));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("重新发布须说明原因", await refused.Content.ReadAsStringAsync());
        var second = await PublishAsync(client, "会展中心补报5月月报后重新计算");
        var list = await (await client.GetAsync("/api/v1/rankings/publications")).ReadAsync<List<JsonElement>>();
        var old = list.Single(p => p.GetProperty("id").GetInt64() == first);
        var current = list.Single(p => p.GetProperty("id").GetInt64() == second);
        Assert.Equal(2, current.GetProperty("sequence").GetInt32());
        Assert.Equal(JsonValueKind.Null, current.GetProperty("supersededAt").ValueKind);
        Assert.Equal(current.GetProperty("publishedAt").GetDateTime(), old.GetProperty("supersededAt").GetDateTime());
        Assert.Equal(second, old.GetProperty("supersededById").GetInt64());
        Assert.Equal(published.SnapshotJson, (await PublicationAsync(client, first)).SnapshotJson);
        Assert.NotEqual(published.Sha256, (await PublicationAsync(client, second)).Sha256);

        // One audit event per publication, carrying its hash.
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var events = await db.AuditEvents.Where(e => e.Action == RankingCommands.PublishAction).OrderBy(e => e.Sequence).ToListAsync();
            Assert.Equal([first.ToString(), second.ToString()], events.TakeLast(2).Select(e => e.EntityId));
            Assert.Contains(published.Sha256, events[^2].After);
        }
    }

    [Fact]
    public async Task Publishing_BeforeTheReportsAreDue_IsRefused_AndWritesNothing()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");
        // The demo's today is 2020-06-11: June's reports are due 2020-07-05.
        var response = await client.PostJsonAsync("/api/v1/rankings/2020-06/publications", new PublishDto("试发布"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("2020-07-05", await response.Content.ReadAsStringAsync());
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        Assert.False(await db.RankingPublications.AnyAsync(p => p.Month == new YearMonth(2020, 6)));
        Assert.False(await db.AuditEvents.AnyAsync(e => e.Action == RankingCommands.PublishAction && e.After!.Contains("2020-06")));
    }

    [Fact]
    public async Task Exemption_TakesTheProjectOffTheList_WithItsReason_AndStaysInThePublicationAfterWithdrawal()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");
        var target = RankingSnapshot.FromJson(await client.GetStringAsync($"/api/v1/rankings/{May}/draft")).Result.Black.Last();

        var noReason = await client.PostJsonAsync($"/api/v1/rankings/{May}/exemptions", new ExemptionDto(target.ProjectId, ExemptionKind.PolicyStop, " "));
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("\"field\":\"Reason\"", await noReason.Content.ReadAsStringAsync());

        const string reason = "按省生态环境保护督察整改要求，沿线砂石料场停产，施工暂停";
        var created = await client.PostJsonAsync($"/api/v1/rankings/{May}/exemptions", new ExemptionDto(target.ProjectId, ExemptionKind.PolicyStop, reason));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var exemption = (await created.ReadAsync<List<ExemptionView>>()).Single(e => e.ProjectId == target.ProjectId);
        var twice = await client.PostJsonAsync($"/api/v1/rankings/{May}/exemptions", new ExemptionDto(target.ProjectId, ExemptionKind.ForceMajeure, "再次豁免"));
        Assert.Equal(HttpStatusCode.BadRequest, twice.StatusCode);
        Assert.Contains("已有豁免", await twice.Content.ReadAsStringAsync());

        var draft = RankingSnapshot.FromJson(await client.GetStringAsync($"/api/v1/rankings/{May}/draft")).Result;
        var entry = draft.Entries.Single(e => e.ProjectId == target.ProjectId);
        Assert.Equal((RankingList.None, (int?)null, reason), (entry.List, entry.Rank, entry.Exemption?.Reason));
        Assert.DoesNotContain(draft.Black, e => e.ProjectId == target.ProjectId);

        var published = await PublishAsync(client, "含豁免");
        var stale = await client.PostJsonAsync($"/api/v1/rankings/exemptions/{exemption.Id}/withdraw", new WithdrawDto(exemption.Version + 1));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var withdrawn = await client.PostJsonAsync($"/api/v1/rankings/exemptions/{exemption.Id}/withdraw", new WithdrawDto(exemption.Version));
        Assert.Equal(HttpStatusCode.NoContent, withdrawn.StatusCode);

        var again = RankingSnapshot.FromJson(await client.GetStringAsync($"/api/v1/rankings/{May}/draft")).Result;
        Assert.NotNull(again.Entries.Single(e => e.ProjectId == target.ProjectId).Rank);
        var frozen = RankingSnapshot.FromJson((await PublicationAsync(client, published)).SnapshotJson);
        Assert.Equal(reason, frozen.Exemptions.Single(e => e.ProjectId == target.ProjectId).Reason);
    }

    [Fact]
    public async Task Publishing_TheDraftThatWasSeen_IsRefusedWhenTheDataMovedSince()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");
        var seen = await client.GetStringAsync($"/api/v1/rankings/{May}/draft");
        var target = RankingSnapshot.FromJson(seen).Result.Red.First();
        // Another supervisor exempts a red-listed project after the draft was looked at.
        var exempted = await client.PostJsonAsync($"/api/v1/rankings/{May}/exemptions", new ExemptionDto(target.ProjectId, ExemptionKind.ForceMajeure, "汛期山洪冲毁施工便道，停工抢修"));
        Assert.Equal(HttpStatusCode.Created, exempted.StatusCode);

        var stale = await client.PostJsonAsync($"/api/v1/rankings/{May}/publications", new PublishDto("核对后发布", RankingSnapshot.Hash(seen)));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("请刷新草稿核对后再发布", await stale.Content.ReadAsStringAsync());
        using (var scope = factory.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<MilepostDb>().RankingPublications.AnyAsync(p => p.Month == new YearMonth(2020, 5)));

        var current = await client.GetStringAsync($"/api/v1/rankings/{May}/draft");
        var published = await client.PostJsonAsync($"/api/v1/rankings/{May}/publications", new PublishDto("核对后发布", RankingSnapshot.Hash(current)));
        Assert.Equal(HttpStatusCode.Created, published.StatusCode);
    }

    [Fact]
    public async Task Assessment_ReadsThePublishedMonths_WithEveryComponent()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var client = await factory.SignInAsync("supervisor");
        var id = await PublishAsync(client, "年度考核测试");
        var may = RankingSnapshot.FromJson((await PublicationAsync(client, id)).SnapshotJson).Result;

        var leader = await factory.SignInAsync("leader");
        var response = await leader.GetAsync("/api/v1/assessments/2020");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var settings = RankingSettings.Default;
        foreach (var unit in may.Units)
        {
            var row = body.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("unitId").GetInt64() == unit.UnitId);
            var months = row.GetProperty("months").EnumerateArray().ToList();
            Assert.Contains(months, m => m.GetProperty("score").GetDecimal() == unit.Score);
            var red = may.Red.Count(e => e.UnitId == unit.UnitId);
            var black = may.Black.Count(e => e.UnitId == unit.UnitId);
            Assert.True(row.GetProperty("redAppearances").GetInt32() >= red);
            Assert.True(row.GetProperty("blackAppearances").GetInt32() >= black);
            var total = row.GetProperty("meanScore").GetDecimal() + row.GetProperty("redPoints").GetDecimal() - row.GetProperty("blackPoints").GetDecimal()
                        + row.GetProperty("itemsOnTimePoints").GetDecimal() - row.GetProperty("itemsOverduePoints").GetDecimal();
            Assert.Equal(Math.Round(total, 2), row.GetProperty("total").GetDecimal());
            Assert.Equal(row.GetProperty("redAppearances").GetInt32() * settings.AssessmentRedPoints, row.GetProperty("redPoints").GetDecimal());
        }
    }

    private static async Task<long> PublishAsync(HttpClient client, string? note)
    {
        var response = await client.PostJsonAsync($"/api/v1/rankings/{May}/publications", new PublishDto(note));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetInt64();
    }

    private sealed record Published(string SnapshotJson, string Sha256, bool HashMatches);

    private static async Task<Published> PublicationAsync(HttpClient client, long id)
    {
        var text = await client.GetStringAsync($"/api/v1/rankings/publications/{id}");
        var root = JsonDocument.Parse(text).RootElement;
        var info = root.GetProperty("publication");
        return new Published(root.GetProperty("snapshot").GetRawText(), info.GetProperty("info").GetProperty("sha256").GetString()!,
            info.GetProperty("hashMatches").GetBoolean());
    }
}
