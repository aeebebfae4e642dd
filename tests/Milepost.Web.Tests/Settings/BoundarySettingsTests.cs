using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Data;
using Milepost.Web.Features.Settings;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Settings;

/// <summary>The office uploads the city's boundary for the project map: a good file is kept and audited, a wrong one refused whole.</summary>
public sealed class BoundarySettingsTests : IAsyncLifetime
{
    private readonly MilepostFactory _factory = new();
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    // Around the demo city 岷江市, with a hole (an enclave of the neighbouring county).
    private const string City = """
        {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"岷江市"},"geometry":{"type":"Polygon","coordinates":[
          [[103.5,30.1],[104.9,30.1],[104.9,31.1],[103.5,31.1],[103.5,30.1]],
          [[104.0,30.5],[104.1,30.5],[104.1,30.6],[104.0,30.5]]]}}]}
        """;

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<T> With<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = _factory.Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    private Task Save(string fileName, string json, Actor? actor = null) =>
        With(async s => { await s.GetRequiredService<SettingsCommands>().SaveBoundaryAsync(actor ?? Supervisor, fileName, json); return 0; });

    private Task<BoundarySetting?> Stored() => With(s => s.GetRequiredService<SettingsReader>().GetAsync<BoundarySetting>(SettingKeys.Boundary));

    private Task<int> AuditCount() => With(s => s.GetRequiredService<MilepostDb>().AuditEvents
        .CountAsync(e => e.Action == "setting.save" && e.EntityId == SettingKeys.Boundary));

    [Fact]
    public async Task AValidBoundary_IsSavedWithItsAuditEvent_AndDrawnUnderTheProjectsOnTheSettingsPage()
    {
        await Save("岷江市行政区划.geojson", City);

        var stored = await Stored();
        Assert.NotNull(stored);
        Assert.Equal("岷江市行政区划.geojson", stored.FileName);
        Assert.Equal(2, stored.Rings.Length);
        Assert.Equal([103.5, 30.1], stored.Rings[0][0]);
        Assert.Equal(1, await AuditCount());

        var client = await _factory.SignInAsync("supervisor");
        var html = await client.GetStringAsync("/settings");
        Assert.Contains("岷江市行政区划.geojson", html);
        Assert.Contains("data-testid=\"map-boundary\"", html);
        // Every demo project with coordinates is a point on the preview.
        var located = await With(s => s.GetRequiredService<MilepostDb>().Projects.CountAsync(p => p.Latitude != null));
        Assert.True(located > 0);
        Assert.Equal(located, html.Split("data-testid=\"map-point\"").Length - 1);
    }

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[104,30]}""", "Point")]
    [InlineData("""{"type":"Polygon","coordinates":[[[3400000,500000],[3400100,500000],[3400100,500100],[3400000,500000]]]}""", "投影坐标")]
    [InlineData("{\"type\":\"Polygon\",", "JSON")]
    public async Task AWrongFile_IsRefusedWithTheReason_AndTheBoundaryInPlaceIsKept(string json, string reason)
    {
        await Save("岷江市.geojson", City);

        var e = await Assert.ThrowsAsync<ValidationException>(() => Save("错误文件.geojson", json));
        Assert.Contains(reason, Assert.Single(e.Errors).MessageZh);

        Assert.Equal("岷江市.geojson", (await Stored())!.FileName);
        Assert.Equal(1, await AuditCount());
    }

    [Fact]
    public async Task ClearingTheBoundary_IsAudited_AndOnlyTheOfficeMayChangeIt()
    {
        var leader = new Actor("leader", "市领导", new HashSet<string> { Roles.Leader }, null, null);
        await Assert.ThrowsAsync<ForbiddenException>(() => Save("岷江市.geojson", City, leader));
        // The demo's own outline stays as it was.
        Assert.Equal("岷江市行政区划（示意）.geojson", (await Stored())?.FileName);
        Assert.Equal(0, await AuditCount());

        await Save("岷江市.geojson", City);
        await With(async s => { await s.GetRequiredService<SettingsCommands>().ClearBoundaryAsync(Supervisor); return 0; });
        Assert.Null(await Stored());
        Assert.Equal(2, await AuditCount());
    }
}
