using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Warnings;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Features.Settings;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Settings;

/// <summary>Portfolio rules change what every page computes: thresholds, the working calendar, the as-of date.</summary>
public sealed class SettingsTests : IAsyncLifetime
{
    private readonly MilepostFactory _factory = new();
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    public Task InitializeAsync() => _factory.InitializeAccountsAsync();
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    private async Task WithCommands(Func<SettingsCommands, Task> action)
    {
        using var scope = _factory.Services.CreateScope();
        await action(scope.ServiceProvider.GetRequiredService<SettingsCommands>());
    }

    [Fact]
    public async Task Thresholds_AreUsedByTheList_AndContradictionsAreRefused()
    {
        var client = await _factory.SignInAsync("supervisor");
        Assert.Equal(WarningLevel.Green, (await client.ListAsync("q=熊猫新城")).Items.Single().Warning!.Level);

        var bad = await Assert.ThrowsAsync<ValidationException>(() => WithCommands(c => c.SaveWarningsAsync(Supervisor, new WarningSettings { RedLagPoints = -5, YellowLagPoints = -10 })));
        Assert.Contains(bad.Errors, e => e.Field == "RedLagPoints");

        // 熊猫新城 lags one point: a strict office that warns at half a point sees it yellow.
        await WithCommands(c => c.SaveWarningsAsync(Supervisor, new WarningSettings { YellowLagPoints = -0.5m, RedLagPoints = -20 }));
        var panda = (await client.ListAsync("q=熊猫新城")).Items.Single();
        Assert.Equal(WarningLevel.Yellow, panda.Warning!.Level);
        Assert.Contains(panda.Warning.Reasons, r => r.RuleId == WarningRuleIds.Lag);
    }

    [Fact]
    public async Task RankingRules_ChangeTheDraft_AreRecordedInIt_AndContradictionsAreRefused()
    {
        var client = await _factory.SignInAsync("supervisor");
        var before = Core.Ranking.RankingSnapshot.FromJson(await client.GetStringAsync("/api/v1/rankings/2020-05/draft"));
        Assert.True(before.Result.Red.Count() > 3, "the demo month has more than three projects on the red list");

        var bad = await Assert.ThrowsAsync<ValidationException>(() => WithCommands(c => c.SaveRankingAsync(Supervisor,
            new Core.Ranking.RankingSettings { InvestmentWeight = 60 })));
        Assert.Contains(bad.Errors, e => e.Field == "InvestmentWeight" && e.MessageZh.Contains("100"));
        var unchanged = Core.Ranking.RankingSnapshot.FromJson(await client.GetStringAsync("/api/v1/rankings/2020-05/draft"));
        Assert.Equal(before.ToJson(), unchanged.ToJson());

        // A stricter office names only its best three.
        await WithCommands(c => c.SaveRankingAsync(Supervisor, new Core.Ranking.RankingSettings { RedCount = 3 }));
        var after = Core.Ranking.RankingSnapshot.FromJson(await client.GetStringAsync("/api/v1/rankings/2020-05/draft"));
        Assert.Equal(3, after.Settings.RedCount);
        Assert.Equal(before.Result.Red.Take(3).Select(e => e.ProjectId), after.Result.Red.Select(e => e.ProjectId));
    }

    [Fact]
    public async Task WorkingCalendar_ReschedulesInWorkingDays_AndBadDatesAreNamed()
    {
        var client = await _factory.SignInAsync("supervisor");
        var id = await client.IdOfAsync("岷江综合客运枢纽");
        var before = await (await client.GetAsync($"/api/v1/projects/{id}/schedule")).ReadAsync<ScheduleView>();

        var bad = await Assert.ThrowsAsync<ValidationException>(() => WithCommands(c => c.SaveCalendarAsync(Supervisor, true, "2020-10-01\n2020-13-01", "2020-10-01")));
        Assert.Contains(bad.Errors, e => e.MessageZh.Contains("第 2 项") && e.MessageZh.Contains("2020-13-01"));
        Assert.Contains(bad.Errors, e => e.Code == "settings.calendar.both");

        await WithCommands(c => c.SaveCalendarAsync(Supervisor, true, "2020-10-01\n2020-10-02", "2020-09-27"));
        var after = await (await client.GetAsync($"/api/v1/projects/{id}/schedule")).ReadAsync<ScheduleView>();
        var first = after.Nodes.Single(n => n.Name == "可行性研究报告批复");
        // 30 working days take longer than 30 calendar days, and no working day falls on a weekend.
        Assert.True(first.EarlyFinish > before.Nodes.Single(n => n.Name == "可行性研究报告批复").EarlyFinish);
        Assert.All(after.Nodes, n => Assert.True(n.EarlyStart!.Value.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) || n.EarlyStart == new DateOnly(2020, 9, 27)));

        await WithCommands(c => c.ClearCalendarAsync(Supervisor));
        var cleared = await (await client.GetAsync($"/api/v1/projects/{id}/schedule")).ReadAsync<ScheduleView>();
        Assert.Equal(before.Nodes.Select(n => n.EarlyFinish), cleared.Nodes.Select(n => n.EarlyFinish));
    }

    [Fact]
    public async Task Settings_ByAnotherRole_AreForbidden()
    {
        var leader = Supervisor with { UserName = "leader", Roles = new HashSet<string> { Roles.Leader } };
        await Assert.ThrowsAsync<ForbiddenException>(() => WithCommands(c => c.SaveAsOfDateAsync(leader, null)));
    }
}
