using Microsoft.Extensions.Options;
using Milepost.Core;
using Milepost.Core.Ranking;
using Milepost.Data;
using Milepost.Web.Features.Ranking;
using Milepost.Web.Features.Settings;
using Milepost.Web.Hosting;

namespace Milepost.Web.Demo;

public static partial class DemoPortfolio
{
    private const string SupervisorName = "supervisor";
    private const string SupervisorDisplayName = "市委督查室 李督查";

    /// <summary>
    /// The red-black lists of January–April 2020 as the office published them, each computed as of the 10th of the next
    /// month and published that day at 10:00 Beijing time; April published a second time on 15 May after a unit asked
    /// for a review (both stay visible); and one exemption for May. May itself is left unpublished, so the supervisor
    /// can show the publishing flow, with movement against April.
    /// </summary>
    private static async Task AddRankingsAsync(MilepostDb db, IReadOnlyList<DemoProject> projects, DateTime nowUtc, CancellationToken ct)
    {
        // The services as the app builds them, on a clock the seed sets: each publication and its audit event carry the
        // day it was published, and the seed stays deterministic.
        var time = new SetTime { UtcNow = nowUtc };
        var clock = new PortfolioClock(time, Options.Create(new MilepostOptions()));
        clock.Pin(StoryDate);
        var queries = new RankingQueries(db, clock, new SettingsReader(db));
        var commands = new RankingCommands(db, clock, queries);

        async Task PublishAsync(int month, int sequence, DateOnly on, string? note)
        {
            var draft = await queries.ComputeAsync(new YearMonth(2020, month), ct, on);
            var at = TimeZoneInfo.ConvertTimeToUtc(on.ToDateTime(new TimeOnly(10, 0)), clock.Zone);
            time.UtcNow = at;
            await commands.WriteAsync(SupervisorName, SupervisorDisplayName, draft.Snapshot, sequence, at, note, ct);
        }

        for (var m = 1; m <= 4; m++) await PublishAsync(m, 1, new DateOnly(2020, m + 1, 10), null);
        await PublishAsync(4, 2, new DateOnly(2020, 5, 15),
            "复核后重新发布：市交通运输局对岷江至省会快速通道4月月报迟报认定提出异议，经核对报送记录，维持原认定。");

        // A policy stop (政策性停工) in May: the mains works along the city's main roads stopped for the road works ordered by the city.
        var mains = projects.Single(p => p.Project.Name == "城区供水管网改造工程").Project;
        db.RankingExemptions.Add(new RankingExemptionRecord
        {
            DivisionCode = mains.DivisionCode, ProjectId = mains.Id, Month = new YearMonth(2020, 5), Kind = ExemptionKind.PolicyStop,
            Reason = "按市政府《主城区道路综合整治工作方案》统一部署，5月份沿线主干道暂停开挖施工，管网改造随之停工，经市住房城乡建设局申请、市委督查室核实，5月份不参加排名。",
            CreatedBy = SupervisorDisplayName, CreatedAt = new DateTime(2020, 6, 8, 2, 0, 0, DateTimeKind.Utc), Version = 1,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A clock that reads whatever time the seed last set.</summary>
    private sealed class SetTime : TimeProvider
    {
        public DateTime UtcNow { get; set; }
        public override DateTimeOffset GetUtcNow() => new(UtcNow, TimeSpan.Zero);
    }
}
