using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Security;

/// <summary>SECURITY.md 7 and 10: every refusal a signed-in user meets is one audit event; other answers write none.</summary>
public sealed class AccessDeniedAuditTests : IAsyncLifetime
{
    private readonly MilepostFactory _factory = new();

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task<List<(string Actor, string? After)>> DenialsAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents.AsNoTracking()
            .Where(e => e.Action == "access.denied").OrderBy(e => e.Sequence).Select(e => new { e.Actor, e.After }).ToListAsync())
            .Select(e => (e.Actor, e.After)).ToList();
    }

    [Fact]
    public async Task Refusals_AreAuditedOnceEach_WithTheReason()
    {
        var supervisor = await _factory.SignInAsync("supervisor");
        var outOfScope = await supervisor.IdOfAsync("大数据产业园一期");
        var inScope = await supervisor.IdOfAsync("岷江至省会快速通道");
        var owner = await _factory.SignInAsync("owner");
        var dept = await _factory.SignInAsync("dept");

        // Answers that are not refusals write nothing: one's own project, a project that does not exist.
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/projects/{inScope}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/v1/projects/987654")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync($"/api/v1/projects/{outOfScope}")).StatusCode);
        Assert.Empty(await DenialsAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/projects/{outOfScope}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await dept.GetAsync($"/projects/{outOfScope}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await owner.PutAsJsonAsync($"/api/v1/projects/{inScope}", new { name = "", totalInvestmentWan = 1, version = 1 })).StatusCode);
        var settings = await dept.GetAsync("/settings");
        Assert.Contains("/account/denied", settings.Headers.Location?.OriginalString);

        var denials = await DenialsAsync();
        Assert.Equal(["owner", "dept", "owner", "dept"], denials.Select(d => d.Actor));
        Assert.Contains($"GET /api/v1/projects/{outOfScope}", denials[0].After);
        Assert.Contains("out-of-scope", denials[0].After);
        Assert.Contains("out-of-scope", denials[1].After);
        Assert.Contains("forbidden", denials[2].After);
        Assert.Contains("GET /settings", denials[3].After);
        Assert.Contains("role", denials[3].After);
    }

    [Fact]
    public async Task AnotherUnitsReportOrProblem_IsAuditedAsARefusal_AMissingOneIsNot()
    {
        var supervisor = await _factory.SignInAsync("supervisor");
        var outOfScope = await supervisor.IdOfAsync("大数据产业园一期");
        long report, problem;
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            report = await db.MonthlyReports.Where(r => r.ProjectId == outOfScope).Select(r => r.Id).FirstAsync();
            problem = await db.Problems.Where(p => p.ProjectId == outOfScope).Select(p => p.Id).FirstAsync();
        }
        var owner = await _factory.SignInAsync("owner");
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/v1/reports/987654")).StatusCode);
        Assert.Empty(await DenialsAsync());

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/reports/{report}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/api/v1/problems/{problem}")).StatusCode);
        var denials = await DenialsAsync();
        Assert.Equal(["owner", "owner"], denials.Select(d => d.Actor));
        Assert.Contains($"/api/v1/reports/{report}", denials[0].After);
        Assert.Contains($"/api/v1/problems/{problem}", denials[1].After);
        Assert.All(denials, d => Assert.Contains("out-of-scope", d.After));
    }
}
