using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Portfolio;
using Milepost.Data;
using Milepost.Web.Features.Audit;
using Milepost.Web.Features.BaseData;
using Milepost.Web.Tests.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.BaseData;

/// <summary>
/// The city's divisions in one step, through the API, on SQLite and PostgreSQL: an empty install gets exactly the city and
/// its counties, again and again nothing more; what the office renamed stays; one Milepost serves one city.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CityDivisionsTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    private static readonly string[] YaAn = ["511800", "511802", "511803", "511822", "511823", "511824", "511825", "511826", "511827"];

    /// <summary>An empty install (no demo) with an office and a leader account besides the three administrators, or the demo.</summary>
    private async Task<MilepostFactory> InstallAsync(DatabaseProvider provider, bool demo = false)
    {
        var database = await CreateDatabaseAsync(provider);
        var factory = new MilepostFactory(database.Provider, database.ConnectionString, demo: demo);
        if (!demo)
        {
            await factory.AddAccountAsync("supervisor", Roles.Supervisor);
            await factory.AddAccountAsync("leader", Roles.Leader);
        }
        await factory.InitializeAccountsAsync();
        return factory;
    }

    private static async Task<(List<Division> Divisions, int Events)> StateAsync(MilepostFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        return (await db.Divisions.AsNoTracking().OrderBy(d => d.Code).ToListAsync(), await db.AuditEvents.CountAsync());
    }

    private static async Task<bool> ChainVerifiesAsync(MilepostFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync()).Ok;
    }

    private static Task<HttpResponseMessage> ApplyAsync(HttpClient client, string? code) => client.PostJsonAsync("/api/v1/base/city", new { code });

    [Theory, DatabaseData]
    public async Task OnAnEmptyInstall_ACityBringsExactlyItsCounties_AndAgainNothingNew(DatabaseProvider provider)
    {
        await using var factory = await InstallAsync(provider);
        var office = await factory.SignInAsync("supervisor");
        var (_, eventsBefore) = await StateAsync(factory);

        var response = await ApplyAsync(office, "511800");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<CityDivisionsResult>();
        Assert.Equal(("511800", "雅安市"), (result.CityCode, result.CityName));
        Assert.Equal(YaAn, result.Created.Select(c => c.Code));
        Assert.Empty(result.Kept);

        var (divisions, events) = await StateAsync(factory);
        Assert.Equal(YaAn, divisions.Select(d => d.Code));
        Assert.Equal([null, .. Enumerable.Repeat("511800", 8)], divisions.Select(d => d.ParentCode));
        Assert.Equal(["雅安市", "雨城区", "名山区", "荥经县", "汉源县", "石棉县", "天全县", "芦山县", "宝兴县"], divisions.Select(d => d.Name));
        Assert.Equal(eventsBefore + 1, events);

        // Again: nothing to create, nothing written, not even an audit event.
        var again = await (await ApplyAsync(office, "511800")).ReadAsync<CityDivisionsResult>();
        Assert.Empty(again.Created);
        Assert.Equal(YaAn, again.Kept.Select(k => k.Code));
        Assert.Equal((9, events), ((await StateAsync(factory)).Divisions.Count, (await StateAsync(factory)).Events));
        Assert.True(await ChainVerifiesAsync(factory));
    }

    [Theory, DatabaseData]
    public async Task ARenamedCounty_KeepsItsName_AndAMissingOneComesBack(DatabaseProvider provider)
    {
        await using var factory = await InstallAsync(provider);
        var office = await factory.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(office, "511800")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            // What the base-data page does when the office renames: a new name and version on the row.
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            var yucheng = await db.Divisions.SingleAsync(d => d.Code == "511802");
            (yucheng.Name, yucheng.Version) = ("雨城新区", yucheng.Version + 1);
            db.Divisions.Remove(await db.Divisions.SingleAsync(d => d.Code == "511827"));
            await db.SaveChangesAsync();
        }

        var preview = await (await office.GetAsync("/api/v1/base/national-divisions/511800/counties")).ReadAsync<CityPreview>();
        Assert.Equal(("雨城区", "雨城新区"), (preview.Counties[0].NationalName, preview.Counties[0].CurrentName));
        Assert.Equal(["511827"], preview.Counties.Where(c => c.CurrentName is null).Select(c => c.Code));

        var result = await (await ApplyAsync(office, "511800")).ReadAsync<CityDivisionsResult>();
        Assert.Equal(["511827"], result.Created.Select(c => c.Code));
        Assert.Contains(result.Kept, k => k.Code == "511802" && k.CurrentName == "雨城新区");
        var divisions = (await StateAsync(factory)).Divisions;
        Assert.Equal("雨城新区", divisions.Single(d => d.Code == "511802").Name);
        Assert.Equal(("宝兴县", "511800"), (divisions.Single(d => d.Code == "511827").Name, divisions.Single(d => d.Code == "511827").ParentCode));
        Assert.True(await ChainVerifiesAsync(factory));
    }

    [Theory, DatabaseData]
    public async Task OnlyTheOffice_SetsTheCity_OthersGet403_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var factory = await InstallAsync(provider);
        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in new[] { "leader", "admin", "auditor" }) clients[user] = await factory.SignInAsync(user);
        var before = await StateAsync(factory);
        foreach (var client in clients.Values)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await ApplyAsync(client, "511800")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/base/national-divisions?q=511800")).StatusCode);
        }
        Assert.Empty((await StateAsync(factory)).Divisions);
        // Each refusal is audited (access.denied); nothing else was written.
        Assert.Equal(Enumerable.Repeat("access.denied", 6), (await AuditActionsAsync(factory)).Skip(before.Events));
    }

    private static async Task<List<string>> AuditActionsAsync(MilepostFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync();
    }

    [Theory, DatabaseData]
    public async Task ADifferentCity_IsRefused_WithTheCityAlreadySet(DatabaseProvider provider)
    {
        await using var factory = await InstallAsync(provider);
        var office = await factory.SignInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await ApplyAsync(office, "511800")).StatusCode);
        var before = await StateAsync(factory);

        var refused = await ApplyAsync(office, "513400");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync();
        Assert.Contains("雅安市（511800）", body);
        Assert.Contains("只服务一个城市", body);
        var preview = await (await office.GetAsync("/api/v1/base/national-divisions/513400/counties")).ReadAsync<CityPreview>();
        Assert.Equal("雅安市（511800）", preview.OtherCity);
        var after = await StateAsync(factory);
        Assert.Equal((before.Divisions.Count, before.Events), (after.Divisions.Count, after.Events));
    }

    [Theory, DatabaseData]
    public async Task BadCodes_AreRefusedWithTheReason_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var factory = await InstallAsync(provider);
        var office = await factory.SignInAsync("supervisor");
        foreach (var (code, says) in new[]
        {
            ((string?)null, "请输入本市名称"), ("51180", "不是 6 位数字"), ("999999", "没有 999999"),
            ("511802", "请选择它所属的雅安市（511800）"), ("510000", "不是地级市"),
        })
        {
            var response = await ApplyAsync(office, code);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(says, await response.Content.ReadAsStringAsync());
        }
        Assert.Empty((await StateAsync(factory)).Divisions);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync("/api/v1/base/national-divisions/511802/counties")).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task OnTheDemo_TheInventedNamesAreKept_AndTheMissingCountiesAdded(DatabaseProvider provider)
    {
        // The demo's 岷江市 borrows 雅安's code 511800 with four invented districts on real codes.
        await using var factory = await InstallAsync(provider, demo: true);
        var office = await factory.SignInAsync("supervisor");
        var result = await (await ApplyAsync(office, "511800")).ReadAsync<CityDivisionsResult>();
        Assert.Equal("岷江市", result.CityName);
        Assert.Equal(["511824", "511825", "511826", "511827"], result.Created.Select(c => c.Code));
        Assert.Equal(["岷江市", "江城区", "新城区", "青山县", "云顶县"], result.Kept.Select(k => k.CurrentName));
        var divisions = (await StateAsync(factory)).Divisions;
        Assert.Equal(["岷江市", "江城区", "新城区", "青山县", "云顶县", "石棉县", "天全县", "芦山县", "宝兴县"], divisions.Select(d => d.Name));
        Assert.True(await ChainVerifiesAsync(factory));
    }

    [Fact]
    public async Task Search_FindsTheCityByNameOrCode_AtMostTwenty()
    {
        await using var factory = await InstallAsync(DatabaseProvider.Sqlite);
        var office = await factory.SignInAsync("supervisor");
        var yaAn = await (await office.GetAsync("/api/v1/base/national-divisions?q=" + Uri.EscapeDataString("雅安"))).ReadAsync<List<NationalCity>>();
        Assert.Equal(new NationalCity("511800", "雅安市", "四川省", 8), yaAn[0]);
        var liangshan = await (await office.GetAsync("/api/v1/base/national-divisions?q=" + Uri.EscapeDataString("凉山州"))).ReadAsync<List<NationalCity>>();
        Assert.Equal("凉山彝族自治州", liangshan[0].Name);
        var zhou = await (await office.GetAsync("/api/v1/base/national-divisions?q=" + Uri.EscapeDataString("州"))).ReadAsync<List<NationalCity>>();
        Assert.Equal(CityDivisionsApi.MaxSearch, zhou.Count); // more than 20 names contain 州
        Assert.Empty(await (await office.GetAsync("/api/v1/base/national-divisions")).ReadAsync<List<NationalCity>>());
        var beijing = await (await office.GetAsync("/api/v1/base/national-divisions/110000/counties")).ReadAsync<CityPreview>();
        Assert.Equal((16, false), (beijing.Counties.Count, beijing.City.Present));
    }
}
