using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Problems;
using Milepost.Data;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;

namespace Milepost.Web.Features.Problems;

/// <summary>The outcome of one day's run: whether this instance claimed the day, and what it escalated.</summary>
public sealed record EscalationRunResult(bool Claimed, IReadOnlyList<long> Escalated);

/// <summary>
/// One day's escalation (SPEC §3.5): claims the day by inserting the JobRun row (job, day), then
/// raises every due open problem one level, each with its ProblemEscalation row and audit event,
/// all in the claim's transaction. The primary key (job, day) lets exactly one instance win: a
/// second one's insert fails (on SQLite it waits for the write lock, on PostgreSQL for the first
/// transaction) and it stops. A run that fails rolls back its claim, so the next wake-up retries.
/// </summary>
public sealed class ProblemEscalationRunner(MilepostDb db, PortfolioClock clock, SettingsReader settings, ILogger<ProblemEscalationRunner> log)
{
    public const string Job = "problem-escalation";
    public const string SystemActor = "system";
    public const string SettingKey = "rules.problems";

    public async Task<EscalationRunResult> RunOnceAsync(DateOnly day, CancellationToken ct = default)
    {
        var days = (await settings.GetAsync<ProblemSettings>(SettingKey, ct))?.EscalationDays ?? ProblemEscalationRule.DefaultDays;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var run = new JobRun { Job = Job, Day = day, Instance = $"{Environment.MachineName}:{Environment.ProcessId}", StartedAt = clock.UtcNow };
        db.JobRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException claim)
        {
            if (await TakenAsync(day, tx, ct)) return new EscalationRunResult(false, []);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(claim);
        }

        // Deadline filtering in SQL keeps the candidates few; the rule itself decides.
        var candidates = await db.Problems.Include(p => p.Escalations)
            .Where(p => (p.State == ProblemState.Open || p.State == ProblemState.InProgress) && p.Deadline != null && p.Deadline < day && p.EscalationLevel < ProblemEscalationRule.MaxLevel)
            .OrderBy(p => p.Id).AsSplitQuery().ToListAsync(ct);
        var escalated = new List<long>();
        foreach (var problem in candidates.Where(p => ProblemEscalationRule.Due(p, day, days)))
        {
            var before = ProblemCommands.Snapshot(problem);
            var overdue = day.DayNumber - problem.Deadline!.Value.DayNumber;
            ProblemEscalationRule.Escalate(problem, day, SystemActor,
                $"超过办结时限 {overdue} 天仍未解决，按规定（超期 {days} 天）自动提级至{ProblemEscalationRule.LevelZh(problem.EscalationLevel + 1)}");
            problem.Version++;
            await AuditTrail.AppendAsync(db, clock.UtcNow, SystemActor, "problem.escalate", ProblemCommands.Entity,
                problem.Id.ToString(CultureInfo.InvariantCulture), problem.DivisionCode, before, ProblemCommands.Snapshot(problem), ct);
            escalated.Add(problem.Id);
        }
        run.CompletedAt = clock.UtcNow;
        run.Result = escalated.Count == 0
            ? $"无到期应升级的问题（超期 {days} 天升级）"
            : $"升级 {escalated.Count} 个问题：{string.Join("、", escalated.Select(id => "#" + id.ToString(CultureInfo.InvariantCulture)))}";
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Problem escalation for {Day}: {Result}", day, run.Result);
        return new EscalationRunResult(true, escalated);
    }

    /// <summary>After a failed claim: is it because another instance holds the day? (Any other failure is rethrown.)</summary>
    private async Task<bool> TakenAsync(DateOnly day, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        db.ChangeTracker.Clear();
        return await db.JobRuns.AsNoTracking().AnyAsync(r => r.Job == Job && r.Day == day, ct);
    }
}

/// <summary>
/// Wakes every hour (and at start) and runs the day's escalation; the JobRun claim makes every
/// wake-up after the first of the day, and every other instance, a no-op.
/// </summary>
public sealed class ProblemEscalationJob(IServiceScopeFactory scopes, TimeProvider time, ILogger<ProblemEscalationJob> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var clock = scope.ServiceProvider.GetRequiredService<PortfolioClock>();
                await scope.ServiceProvider.GetRequiredService<ProblemEscalationRunner>().RunOnceAsync(clock.Today, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "The problem escalation run failed; the next wake-up retries");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
