using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core.Problems;
using Milepost.Data;
using Milepost.Web.Features.Problems;
using Milepost.Web.Features.Settings;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Problems;

/// <summary>
/// The daily escalation (SPEC §3.5) on the demo ledger, with the day handed in as the job's clock.
/// As of 2020-06-16 (N = 10) three open problems are due: the 快速通道 demolition (level 2 since
/// 6-5 → 3), the 快速通道 river-bridge approval (deadline 6-5 → 2) and 康养 land (deadline 6-2 → 2).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProblemEscalationJobTests(PostgresFixture postgres)
{
    private static readonly DateOnly Day = new(2020, 6, 16);
    private static readonly Actor Supervisor = new("supervisor", "市委督查室 李督查", new HashSet<string> { Roles.Supervisor }, null, null);
    private static readonly Actor Dept = new("dept", "市交通运输局", new HashSet<string> { Roles.Department }, 2, null);

    [Theory]
    [DatabaseData]
    public async Task Two_runners_racing_for_the_same_day_escalate_each_due_problem_exactly_once(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres, migrate: false);
        await using var factory = new MilepostFactory(database.Provider, database.ConnectionString);
        await factory.InitializeAccountsAsync();
        await StartupRunAsync(factory);

        // Two instances, each with its own scope and DbContext (its own connection), start together.
        await using var a = factory.Services.CreateAsyncScope();
        await using var b = factory.Services.CreateAsyncScope();
        var results = await Task.WhenAll(
            Task.Run(() => a.ServiceProvider.GetRequiredService<ProblemEscalationRunner>().RunOnceAsync(Day)),
            Task.Run(() => b.ServiceProvider.GetRequiredService<ProblemEscalationRunner>().RunOnceAsync(Day)));

        Assert.Equal(1, results.Count(r => r.Claimed));
        var winner = results.Single(r => r.Claimed);
        Assert.Equal(3, winner.Escalated.Count);
        Assert.Empty(results.Single(r => !r.Claimed).Escalated);

        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var rows = await db.ProblemEscalations.Where(e => e.On == Day).ToListAsync();
        Assert.Equal(3, rows.Count);
        Assert.Equal(winner.Escalated.Order(), rows.Select(r => r.ProblemId).Order());
        Assert.All(rows, r => Assert.Equal("system", r.By));
        var events = await db.AuditEvents.Where(e => e.Action == "problem.escalate" && e.Actor == "system").ToListAsync();
        Assert.Equal(3, events.Count);
        var run = await db.JobRuns.SingleAsync(r => r.Job == ProblemEscalationRunner.Job && r.Day == Day);
        Assert.NotNull(run.CompletedAt);
        Assert.Contains("升级 3 个问题", run.Result);

        var demolition = await db.Problems.SingleAsync(p => p.Description.StartsWith("K12+300"));
        Assert.Equal((3, Day), (demolition.EscalationLevel, demolition.EscalatedOn));
        var bridge = await db.Problems.SingleAsync(p => p.Description.StartsWith("跨岷江特大桥"));
        Assert.Equal(2, bridge.EscalationLevel);
        Assert.Equal(2, bridge.Version);
    }

    [Fact]
    public async Task The_day_runs_once_and_the_next_level_waits_another_N_days()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        await StartupRunAsync(factory);
        Task<EscalationRunResult> Run(DateOnly day) => WithRunner(factory, r => r.RunOnceAsync(day));

        Assert.Equal(3, (await Run(Day)).Escalated.Count);
        var again = await Run(Day);
        Assert.False(again.Claimed);

        // The next day nothing new is due: the three escalated yesterday wait N = 10 days for their next level.
        var next = await Run(Day.AddDays(1));
        Assert.True(next.Claimed);
        Assert.Empty(next.Escalated);

        // Ten days after 6-16 the two at level 2 go to the city meeting; the one already there stays.
        var later = await Run(Day.AddDays(11));
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var bridge = await db.Problems.SingleAsync(p => p.Description.StartsWith("跨岷江特大桥"));
        Assert.Contains(bridge.Id, later.Escalated);
        Assert.Equal(3, bridge.EscalationLevel);
        var demolition = await db.Problems.SingleAsync(p => p.Description.StartsWith("K12+300"));
        Assert.DoesNotContain(demolition.Id, later.Escalated);
        Assert.Equal(3, demolition.EscalationLevel);
    }

    [Fact]
    public async Task The_setting_rules_problems_sets_N_and_closed_problems_never_escalate()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        await StartupRunAsync(factory);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            // The office sets N = 3 (shown on the ledger page); a department may not, and 0 is refused.
            var settings = scope.ServiceProvider.GetRequiredService<SettingsCommands>();
            await Assert.ThrowsAsync<ForbiddenException>(() => settings.SaveProblemsAsync(Dept, new ProblemSettings { EscalationDays = 3 }));
            var zero = await Assert.ThrowsAsync<Core.ValidationException>(() => settings.SaveProblemsAsync(Supervisor, new ProblemSettings { EscalationDays = 0 }));
            Assert.Equal("EscalationDays", zero.Errors.Single().Field);
            await settings.SaveProblemsAsync(Supervisor, new ProblemSettings { EscalationDays = 3 });
            Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == "setting.save" && e.EntityId == ProblemEscalationRunner.SettingKey));
            // Resolved problems stop counting, however late they were.
            var bridge = await db.Problems.SingleAsync(p => p.Description.StartsWith("跨岷江特大桥"));
            bridge.State = ProblemState.Resolved;
            bridge.Resolution = "省水利厅已批复";
            bridge.ResolvedOn = new DateOnly(2020, 6, 10);
            await db.SaveChangesAsync();
        }

        // With N = 3, as of 6-12: 康养 (deadline 6-2) is due; the bridge (deadline 6-5) would be, but it is resolved.
        var result = await WithRunner(factory, r => r.RunOnceAsync(new DateOnly(2020, 6, 12)));
        await using var check = factory.Services.CreateAsyncScope();
        var names = await check.ServiceProvider.GetRequiredService<MilepostDb>().Problems
            .Where(p => result.Escalated.Contains(p.Id)).Select(p => p.Description).ToListAsync();
        Assert.Contains(names, n => n.StartsWith("园区道路红线内"));
        Assert.DoesNotContain(names, n => n.StartsWith("跨岷江特大桥"));
    }

    [Fact]
    public async Task The_background_job_claims_the_portfolio_day_at_start_and_finds_the_demo_ledger_up_to_date()
    {
        await using var factory = new MilepostFactory();
        await factory.InitializeAccountsAsync();
        var run = await StartupRunAsync(factory);
        Assert.Equal(new DateOnly(2020, 6, 11), run.Day);
        Assert.StartsWith("无到期应升级的问题", run.Result);
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<MilepostDb>().ProblemEscalations.AnyAsync(e => e.On == run.Day));
    }

    /// <summary>
    /// The hosted job runs once beside the start-up (for the pinned day 2020-06-11): wait for the row it
    /// writes, so each test starts from a settled ledger. The tests assert what it wrote, never how fast.
    /// </summary>
    private static async Task<JobRun> StartupRunAsync(MilepostFactory factory)
    {
        for (var i = 0; ; i++)
        {
            await using var scope = factory.Services.CreateAsyncScope();
            var run = await scope.ServiceProvider.GetRequiredService<MilepostDb>().JobRuns.AsNoTracking()
                .SingleOrDefaultAsync(r => r.Job == ProblemEscalationRunner.Job && r.Day == new DateOnly(2020, 6, 11));
            if (run?.CompletedAt is not null) return run;
            if (i > 1200) throw new InvalidOperationException("The escalation job never ran at start-up");
            await Task.Delay(50);
        }
    }

    private static async Task<T> WithRunner<T>(MilepostFactory factory, Func<ProblemEscalationRunner, Task<T>> action)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProblemEscalationRunner>());
    }
}
