using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Milepost.Core.Audit;
using Milepost.Data;
using Milepost.Web.Hosting;

namespace Milepost.Web.Features.Audit;

/// <summary>Verifies the whole audit chain in the database against the anchor file, reading it in batches.</summary>
public sealed class AuditVerifier(MilepostDb db, IOptions<MilepostOptions> options)
{
    public const int BatchSize = 5_000;

    public Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var anchor = AuditAnchor.ReadLatest(options.Value.DataDirectory);
        // Off the caller's thread: the chain is streamed with synchronous batch reads, one batch in memory at a time.
        return Task.Run(() => AuditChain.Verify(Stream(ct), anchor?.Hash, anchor?.Sequence), ct);
    }

    private IEnumerable<AuditEvent> Stream(CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var batch = db.AuditEvents.AsNoTracking().Where(e => e.Sequence > after).OrderBy(e => e.Sequence).Take(BatchSize).ToList();
            foreach (var e in batch) yield return e;
            if (batch.Count < BatchSize) yield break;
            after = batch[^1].Sequence;
        }
    }
}

/// <summary>Anchors the chain head in the append-only file under data/ every few seconds and at shutdown (SECURITY.md 13).</summary>
public sealed class AuditAnchorService(IServiceProvider services, IOptions<MilepostOptions> options, PortfolioClock clock, ILogger<AuditAnchorService> log)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await AnchorOnceAsync(CancellationToken.None);
            try { await Task.Delay(Interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
        await AnchorOnceAsync(CancellationToken.None);
    }

    private async Task AnchorOnceAsync(CancellationToken ct)
    {
        try
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
            await AuditAnchor.AnchorHeadAsync(db, options.Value.DataDirectory, clock.UtcNow, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError(e, "Could not anchor the audit chain head");
        }
    }
}
