using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Milepost.Core.Warnings;
using Milepost.Web.Shared.Charts;

namespace Milepost.Web.Tests.Charts;

/// <summary>The chart components rendered to HTML as the server sends them (and as they print): what they draw and write.</summary>
public sealed class ChartComponentTests
{
    private static Task<string> RenderAsync<TComponent>(Dictionary<string, object?> parameters) where TComponent : IComponent =>
        Infrastructure.ComponentHtml.RenderAsync<TComponent>(parameters);

    private static SCurvePoint[] Year(bool adjusted) => [.. Enumerable.Range(1, 12).Select(m => new SCurvePoint(m,
        PlannedBaseline: m * 1_000m, PlannedAdjusted: adjusted && m >= 6 ? m * 1_000m - 2_000 : m * 1_000m, Completed: m <= 5 ? m * 800m : null))];

    [Fact]
    public async Task SCurve_DrawsTheAdjustedPlanOnlyWhenItDiffers_WithAxesInWanAndTheAsOfMonth()
    {
        var plain = await RenderAsync<SCurveChart>(new() { ["Points"] = Year(adjusted: false), ["AsOfMonth"] = 5 });
        Assert.DoesNotContain("data-series=\"adjusted\"", plain);
        Assert.DoesNotContain("调整后", plain);
        Assert.Contains("data-series=\"baseline\"", plain);
        // 12,000 万元 planned for the year: the axis tops out at a round 12,500 with thousands separators.
        Assert.Contains(">12,500</text>", plain);
        Assert.Contains(">2,500</text>", plain);
        Assert.Contains("截至5月", plain);
        Assert.Contains("<title", plain);
        Assert.Contains("截至5月累计完成 4,000 万元，同期累计计划 5,000 万元，全年计划 12,000 万元。", plain);
        Assert.Contains("查看数据表", plain);
        // Completed is drawn for the five reported months only: five points on its line.
        var completed = Regex.Match(plain, "d=\"([^\"]*)\"[^>]*data-series=\"completed\"").Groups[1].Value;
        Assert.Equal(5, completed.Count(c => c is 'M' or 'L'));
        Assert.Contains("Noto Sans CJK SC", plain);

        var adjusted = await RenderAsync<SCurveChart>(new() { ["Points"] = Year(adjusted: true), ["AsOfMonth"] = 5 });
        Assert.Contains("data-series=\"adjusted\"", adjusted);
        Assert.Contains("stroke-dasharray=\"6 4\"", adjusted);
        Assert.Contains("累计计划（调整后）", adjusted);
    }

    [Fact]
    public async Task Bars_AreSortedByPlan_LinkToTheirLists_AndMarkThePaceAndWhoIsBehindIt()
    {
        BarRow[] rows =
        [
            new("市交通运输局", 120_000, 30_000, "/projects?unit=1"),
            new("市住房和城乡建设局", 200_000, 90_000, "/projects?unit=2"),
            new("高新区管委会", 0, 500, "/projects?unit=3"),
        ];
        var html = await RenderAsync<BarChart>(new() { ["Rows"] = rows, ["Title"] = "按责任单位", ["Expected"] = 40m });

        var order = Regex.Matches(html, "data-row=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["市住房和城乡建设局", "市交通运输局", "高新区管委会"], order);
        Assert.Contains("href=\"/projects?unit=1\"", html);
        Assert.Contains(">45.0%</text>", html);
        Assert.Contains(">25.0%</text>", html);       // behind the 40 % pace: written in red
        Assert.Contains("class=\"lag\">25.0%</text>", html);
        Assert.Contains(">—</text>", html);           // no plan, no rate
        Assert.Equal(2, Regex.Matches(html, "data-testid=\"bar-expected\"").Count); // the pace mark needs a plan
        Assert.Contains("序时进度 40.0%", html);
        Assert.Contains("年度计划合计 320,000 万元，累计完成 120,500 万元", html);
    }

    [Fact]
    public async Task Map_ColoursPointsByWarning_NamesThemForScreenReaders_AndCountsTheProjectsWithoutCoordinates()
    {
        MapPoint[] points =
        [
            new(1, "岷江至省会快速通道", 30.061, 103.102, WarningLevel.Red, 96_000, 17_280, 18.0m, -16.0m),
            new(2, "康养产业园基础设施工程", 30.102, 102.953, WarningLevel.Yellow, 21_000, 4_357.5m, 20.8m, -13.3m),
            new(3, "国际体育赛事中心", 29.998, 103.012, WarningLevel.Green, 78_000, 29_172, 37.4m, 3.4m),
        ];
        var html = await RenderAsync<ProjectMap>(new() { ["Points"] = points, ["MissingCount"] = 2 });

        Assert.Equal(3, Regex.Matches(html, "data-testid=\"map-point\"").Count);
        Assert.Contains("tabindex=\"0\"", html);
        Assert.Contains("aria-label=\"岷江至省会快速通道，红色预警，完成率 18.0%\"", html);
        Assert.Contains("fill=\"#d4380d\"", html);
        Assert.Contains("红色预警 1", html);
        Assert.Contains("另有 2 个项目未填写坐标", html);
        Assert.Equal(3, Regex.Matches(html, "data-label=").Count); // room for every label on a map this sparse
        Assert.DoesNotContain("map-boundary", html);
    }
}
