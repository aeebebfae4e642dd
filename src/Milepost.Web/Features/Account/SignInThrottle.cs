using System.Collections.Concurrent;

namespace Milepost.Web.Features.Account;

/// <summary>
/// SECURITY.md 3, as offices sign in: only failed attempts count, per address, in a one-minute window. Fifty colleagues
/// behind one NAT address who sign in correctly at 9:00 are never refused, and opening the login page counts for nothing;
/// an address that fails <see cref="MilepostOptions.SignInRateLimit"/> times in a minute waits until the minute is over.
/// Per account, Identity's lockout (5 failures, 15 minutes) already applies.
/// </summary>
public sealed class SignInThrottle(TimeProvider time, Microsoft.Extensions.Options.IOptions<Hosting.MilepostOptions> options)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new();

    private int Limit => Math.Max(1, options.Value.SignInRateLimit);

    /// <summary>Whether the address has used up its failures for now: refuse before the password is even checked.</summary>
    public bool IsBlocked(string address)
    {
        if (!_failures.TryGetValue(address, out var q)) return false;
        lock (q)
        {
            Prune(q);
            return q.Count >= Limit;
        }
    }

    public void Failed(string address)
    {
        var q = _failures.GetOrAdd(address, _ => new Queue<DateTimeOffset>());
        lock (q)
        {
            Prune(q);
            q.Enqueue(time.GetUtcNow());
        }
        // Addresses that stopped failing are dropped now and then, so the map stays small.
        if (_failures.Count > 10_000)
            foreach (var (key, old) in _failures)
                lock (old) { Prune(old); if (old.Count == 0) _failures.TryRemove(key, out _); }
    }

    private void Prune(Queue<DateTimeOffset> q)
    {
        var since = time.GetUtcNow() - Window;
        while (q.Count > 0 && q.Peek() <= since) q.Dequeue();
    }

    public static string AddressOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "local";

    public static string Message => Shared.Lang.T("登录失败次数过多，请一分钟后再试。", "Too many failed sign-ins; try again in a minute.");
}
