using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Approvals;
using Milepost.Data;
using Milepost.Web.Features.Approvals;
using Milepost.Web.Features.Projects;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Approvals;

public sealed class ApprovalFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>Approval items per project with the days they took, and the statistics over them.</summary>
public sealed class ApprovalApiTests(ApprovalFixture fx) : IClassFixture<ApprovalFixture>
{
    private static ApprovalDto Dto(string authority, string? submitted, string? approved, ApprovalState state, ApprovalKind kind = ApprovalKind.Other, long? version = null) =>
        new(kind, authority, submitted is null ? null : DateOnly.Parse(submitted), approved is null ? null : DateOnly.Parse(approved), state, null, version);

    [Fact]
    public async Task Supervisor_RecordsAnApproval_WithDaysTakenAndAnAuditEvent()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var project = await client.IdOfAsync("滨江生态湿地公园");
        var response = await client.PostJsonAsync($"/api/v1/projects/{project}/approvals",
            Dto("市林业和草原局", "2020-03-02", "2020-03-31", ApprovalState.Approved));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var item = await response.ReadAsync<ApprovalView>();
        Assert.Equal(30, item.DaysTaken);
        using var scope = fx.Factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<MilepostDb>().AuditEvents
            .SingleAsync(e => e.Entity == "ApprovalItem" && e.EntityId == item.Id.ToString());
        Assert.Equal(("approval.create", "supervisor"), (audit.Action, audit.Actor));
        var list = await (await client.GetAsync($"/api/v1/projects/{project}/approvals")).ReadAsync<List<ApprovalView>>();
        Assert.Contains(list, a => a.Id == item.Id && a.Authority == "市林业和草原局");
    }

    [Theory]
    [InlineData("2020-05-10", "2020-05-01", ApprovalState.Approved, "ApprovedOn", "不能早于申报日期")]
    [InlineData(null, "2020-05-01", ApprovalState.Approved, "SubmittedOn", "同时填写申报日期")]
    [InlineData("2020-05-10", null, ApprovalState.Approved, "ApprovedOn", "请填写批复日期")]
    [InlineData("2020-05-10", "2020-05-20", ApprovalState.Submitted, "State", "状态应为“已批复”")]
    public async Task Record_WithInconsistentDates_IsRefusedNamingTheField(string? submitted, string? approved, ApprovalState state, string field, string text)
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var project = await client.IdOfAsync("职业教育园区");
        var before = (await (await client.GetAsync($"/api/v1/projects/{project}/approvals")).ReadAsync<List<ApprovalView>>()).Count;
        var response = await client.PostJsonAsync($"/api/v1/projects/{project}/approvals", Dto("市教育局", submitted, approved, state));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadAsync<ErrorBody>()).Errors;
        Assert.Contains(errors, e => e.Field == field && e.Message.Contains(text));
        Assert.Equal(before, (await (await client.GetAsync($"/api/v1/projects/{project}/approvals")).ReadAsync<List<ApprovalView>>()).Count);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("dept")]
    [InlineData("leader")]
    public async Task OnlyTheOffice_RecordsApprovals(string user)
    {
        var client = await fx.Factory.SignInAsync(user);
        var project = await client.IdOfAsync("岷江至省会快速通道");
        var response = await client.PostJsonAsync($"/api/v1/projects/{project}/approvals", Dto("市交通运输局", "2020-05-01", null, ApprovalState.Submitted));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Update_FromAStaleVersion_IsRefusedNamingWhoChangedIt()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var project = await client.IdOfAsync("岷江综合客运枢纽");
        var created = await (await client.PostJsonAsync($"/api/v1/projects/{project}/approvals",
            Dto("市人防办", "2020-05-06", null, ApprovalState.Submitted))).ReadAsync<ApprovalView>();
        var url = $"/api/v1/projects/{project}/approvals/{created.Id}";
        var ok = await client.PutJsonAsync(url, Dto("市人防办", "2020-05-06", "2020-06-01", ApprovalState.Approved, version: created.Version));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(27, (await ok.ReadAsync<ApprovalView>()).DaysTaken);
        var stale = await client.PutJsonAsync(url, Dto("市人防办", "2020-05-06", null, ApprovalState.Submitted, version: created.Version));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("supervisor", (await stale.ReadAsync<ErrorBody>()).Message);
    }

    [Fact]
    public async Task Stats_CountApprovedItemsOnly_PerAuthorityWithMedianAndMax()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var a = await client.IdOfAsync("古城历史文化旅游街区");
        var b = await client.IdOfAsync("市人民医院新院区");
        // 10, 21 and 40 days, and one still under review: median 21, max 40, three counted.
        foreach (var (p, s, ap) in new[] { (a, "2019-03-01", "2019-03-10"), (b, "2019-04-01", "2019-04-21"), (a, "2019-05-01", "2019-06-09") })
            Assert.Equal(HttpStatusCode.Created, (await client.PostJsonAsync($"/api/v1/projects/{p}/approvals", Dto("市文物局", s, ap, ApprovalState.Approved))).StatusCode);
        await client.PostJsonAsync($"/api/v1/projects/{b}/approvals", Dto("市文物局", "2019-06-01", null, ApprovalState.Submitted));

        var stats = await (await client.GetAsync("/api/v1/approvals/stats?year=2019")).ReadAsync<ApprovalStats>();
        var row = stats.ByAuthority.Single(r => r.Key == "市文物局");
        Assert.Equal((3, 21.0, 40), (row.Count, row.Median, row.Max));
        Assert.Contains(2019, stats.Years);
        Assert.All(stats.ByKind, k => Assert.True(k.Median <= k.Max));
        var other2020 = await (await client.GetAsync("/api/v1/approvals/stats?year=2020")).ReadAsync<ApprovalStats>();
        Assert.DoesNotContain(other2020.ByAuthority, r => r.Key == "市文物局");
        // The demo's chains give every kind real figures.
        var all = await (await client.GetAsync("/api/v1/approvals/stats")).ReadAsync<ApprovalStats>();
        Assert.True(all.ByKind.Count >= 8, $"{all.ByKind.Count} kinds");
        Assert.True(all.PendingCount > 0);
    }

    [Fact]
    public async Task Stats_OfADepartment_CoverOnlyItsProjects()
    {
        var supervisor = await (await (await fx.Factory.SignInAsync("supervisor")).GetAsync("/api/v1/approvals/stats")).ReadAsync<ApprovalStats>();
        var dept = await (await (await fx.Factory.SignInAsync("dept")).GetAsync("/api/v1/approvals/stats")).ReadAsync<ApprovalStats>();
        Assert.InRange(dept.ItemCount, 1, supervisor.ItemCount - 1);
        var admin = await (await (await fx.Factory.SignInAsync("admin")).GetAsync("/api/v1/approvals/stats")).ReadAsync<ApprovalStats>();
        Assert.Equal(0, admin.ItemCount);
    }
}
