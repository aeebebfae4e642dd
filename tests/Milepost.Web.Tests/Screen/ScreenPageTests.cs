using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Data;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Features.Screen;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Screen;

public sealed class ScreenFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Task InitializeAsync() => Factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>挂图作战大屏 at /screen on the demo city (岷江市, as of 2020-06-11), as the server first renders it.</summary>
public sealed partial class ScreenPageTests(ScreenFixture fx) : IClassFixture<ScreenFixture>
{
    [GeneratedRegex("data-testid=\"tile-projects\" data-value=\"(\\d+)\"")]
    private static partial Regex ProjectsTile();

    private static int ProjectsOn(string html) => int.Parse(ProjectsTile().Match(html).Groups[1].Value);

    private async Task<long> ProgrammeIdAsync(string name)
    {
        using var scope = fx.Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MilepostDb>().Programmes.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
    }

    [Fact]
    public async Task Supervisor_sees_the_city_title_the_tiles_and_the_dashboards_totals()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var response = await client.GetAsync("/screen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("岷江市重点项目挂图作战", html);
        foreach (var label in new[] { "年计划投资", "完成投资", "完成率 / 序时进度", "个百分点", "开工率", "复工率", "项目预警", "逾期节点", "超期问题", "滞后序时进度项目" })
            Assert.Contains(label, html);
        Assert.Contains("数据截至2020年6月11日", html);
        Assert.Contains("每5分钟自动刷新", html);
        Assert.Contains("每30秒轮播", html);
        // The rotation: the portfolio, then the demo's two programmes.
        Assert.Contains("1/3", html);
        var dashboard = await (await client.GetAsync("/api/v1/dashboard")).ReadAsync<DashboardView>();
        Assert.Equal(dashboard.Tiles.Projects, ProjectsOn(html));
    }

    [Fact]
    public async Task A_department_sees_only_its_own_projects()
    {
        var dept = await fx.Factory.SignInAsync("dept");
        var html = await dept.GetStringAsync("/screen");
        var own = (await (await dept.GetAsync("/api/v1/dashboard")).ReadAsync<DashboardView>()).Tiles.Projects;
        var all = ProjectsOn(await (await fx.Factory.SignInAsync("supervisor")).GetStringAsync("/screen"));
        Assert.Equal(own, ProjectsOn(html));
        Assert.InRange(own, 1, all - 1);
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("admin")]
    [InlineData("security")]
    public async Task The_auditor_and_the_admins_are_sent_to_the_denied_page(string user)
    {
        var response = await (await fx.Factory.SignInAsync(user)).GetAsync("/screen");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/denied", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_pinned_programme_is_shown_alone_with_its_name_and_its_own_figures()
    {
        var id = await ProgrammeIdAsync("交通物流板块");
        var client = await fx.Factory.SignInAsync("supervisor");
        var html = await client.GetStringAsync($"/screen?programme={id}&refresh=10");
        Assert.Contains("data-testid=\"screen-programme\">交通物流板块<", html);
        Assert.DoesNotContain("screen-pager", html);
        Assert.Contains("每10分钟自动刷新", html);
        var programme = await (await client.GetAsync($"/api/v1/dashboard?programme={id}")).ReadAsync<DashboardView>();
        Assert.Equal(programme.Tiles.Projects, ProjectsOn(html));
        Assert.True(programme.Tiles.Projects < ProjectsOn(await client.GetStringAsync("/screen")));
    }

    [Fact]
    public async Task Settings_out_of_range_are_named_and_the_defaults_used()
    {
        var client = await fx.Factory.SignInAsync("supervisor");
        var html = await client.GetStringAsync("/screen?refresh=0&rotate=2&programme=abc&refreshSeconds=1");
        Assert.Contains("以下参数无法识别，已按默认设置显示", html);
        foreach (var message in new[] { "刷新间隔（1—60分钟）“0”无效", "轮播间隔（0或3—3600秒）“2”无效", "专项（板块）“abc”无效", "刷新间隔（2—3600秒）“1”无效" })
            Assert.Contains(message, html);
        Assert.Contains("每5分钟自动刷新", html);
        // A programme that is not there (or not the actor's) is said so; the rotation carries on.
        var unknown = await client.GetStringAsync("/screen?programme=987654");
        Assert.Contains("专项（板块）“987654”不存在或不在您的查看范围内", unknown);
        Assert.Contains("1/3", unknown);
    }

    [Theory]
    [InlineData(null, null, null, 300, 30)]
    [InlineData("1", null, "0", 60, 0)]
    [InlineData("60", null, "3", 3600, 3)]
    [InlineData("5", "2", "3600", 2, 3600)]
    public void Options_within_their_bounds_are_taken(string? refresh, string? seconds, string? rotate, int refreshSeconds, int rotateSeconds)
    {
        var (options, errors) = ScreenOptions.Parse(refresh, seconds, rotate, null);
        Assert.Empty(errors);
        Assert.Equal(TimeSpan.FromSeconds(refreshSeconds), options.Refresh);
        Assert.Equal(rotateSeconds, options.RotateSeconds);
    }

    [Theory]
    [InlineData("61", null, null, "refresh")]
    [InlineData("-1", null, null, "refresh")]
    [InlineData(null, "3601", null, "refreshSeconds")]
    [InlineData(null, null, "1", "rotate")]
    [InlineData(null, null, "x", "rotate")]
    public void Options_out_of_bounds_are_refused(string? refresh, string? seconds, string? rotate, string field)
    {
        var (options, errors) = ScreenOptions.Parse(refresh, seconds, rotate, null);
        Assert.Equal(field, Assert.Single(errors).Field);
        Assert.Equal(ScreenOptions.Default, options);
    }
}
