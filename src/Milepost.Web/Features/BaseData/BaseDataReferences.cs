using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Milepost.Core.Portfolio;
using Milepost.Data;

namespace Milepost.Web.Features.BaseData;

/// <summary>
/// One place where a record of base data is named by its key: which rows name it (their ids, for counting and for the
/// merge's audit event), how a refused deletion words it ("{0} 个项目的业主单位"), and how a merge moves those rows
/// from the duplicate to the kept record. Moves bump the Version of the record they change, so a form opened before
/// the merge cannot save the duplicate back.
/// </summary>
internal sealed record BaseDataReference(
    string Name, string Zh, string En,
    Func<MilepostDb, string, IQueryable<string>> Rows,
    Func<MilepostDb, long, long, CancellationToken, Task>? Move = null);

/// <summary>
/// Every foreign key to base data (src/Milepost.Data/Configurations and the Core entities), and the division codes
/// every portfolio table carries. A new column that names a unit, leader, programme or category belongs here, or a
/// deletion would break it and a merge would leave it behind.
/// </summary>
internal static class BaseDataReferences
{
    public static IReadOnlyList<BaseDataReference> For(BaseDataKind kind) => kind switch
    {
        BaseDataKind.Division => Divisions,
        BaseDataKind.Unit => Units,
        BaseDataKind.Leader => Leaders,
        BaseDataKind.Programme => Programmes,
        _ => Categories,
    };

    private static long Id(string key) => long.Parse(key, CultureInfo.InvariantCulture);

    private static readonly BaseDataReference[] Units =
    [
        new("Projects.OwnerUnitId", "{0} 个项目的业主单位", "the owner unit of {0} projects",
            (db, k) => db.Projects.Where(p => p.OwnerUnitId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Projects.Where(p => p.OwnerUnitId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.OwnerUnitId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
        new("Projects.ResponsibleUnitId", "{0} 个项目的责任单位", "the responsible unit of {0} projects",
            (db, k) => db.Projects.Where(p => p.ResponsibleUnitId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Projects.Where(p => p.ResponsibleUnitId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResponsibleUnitId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
        new("Problems.ResponsibleUnitId", "{0} 个问题的牵头责任单位", "the lead department of {0} problems",
            (db, k) => db.Problems.Where(p => p.ResponsibleUnitId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Problems.Where(p => p.ResponsibleUnitId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ResponsibleUnitId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
        // After the lead moved: a cooperating row of the kept unit on a problem it now leads is dropped, as ProblemCommands does.
        new("ProblemUnits.UnitId", "{0} 个问题的配合单位", "a cooperating department of {0} problems",
            (db, k) => db.ProblemUnits.Where(u => u.UnitId == Id(k)).Select(u => u.ProblemId.ToString()),
            async (db, d, k, ct) =>
            {
                await db.Problems.Where(p => p.Departments.Any(u => u.UnitId == d))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), ct);
                await db.ProblemUnits.Where(u => (u.UnitId == d && db.ProblemUnits.Any(o => o.ProblemId == u.ProblemId && o.UnitId == k))
                                                 || ((u.UnitId == d || u.UnitId == k) && db.Problems.Any(p => p.Id == u.ProblemId && p.ResponsibleUnitId == k)))
                    .ExecuteDeleteAsync(ct);
                await db.ProblemUnits.Where(u => u.UnitId == d).ExecuteUpdateAsync(s => s.SetProperty(u => u.UnitId, k), ct);
            }),
        new("SupervisionItems.LeadUnitId", "{0} 个督办事项的牵头单位", "the lead unit of {0} supervision items",
            (db, k) => db.SupervisionItems.Where(i => i.LeadUnitId == Id(k)).Select(i => i.Id.ToString()),
            (db, d, k, ct) => db.SupervisionItems.Where(i => i.LeadUnitId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeadUnitId, k).SetProperty(i => i.Version, i => i.Version + 1), ct)),
        new("SupervisionItemUnits.UnitId", "{0} 个督办事项的配合单位", "a cooperating unit of {0} supervision items",
            (db, k) => db.SupervisionItemUnits.Where(u => u.UnitId == Id(k)).Select(u => u.SupervisionItemId.ToString()),
            async (db, d, k, ct) =>
            {
                await db.SupervisionItems.Where(i => i.CooperatingUnits.Any(u => u.UnitId == d))
                    .ExecuteUpdateAsync(s => s.SetProperty(i => i.Version, i => i.Version + 1), ct);
                await db.SupervisionItemUnits.Where(u => (u.UnitId == d && db.SupervisionItemUnits.Any(o => o.SupervisionItemId == u.SupervisionItemId && o.UnitId == k))
                                                         || ((u.UnitId == d || u.UnitId == k) && db.SupervisionItems.Any(i => i.Id == u.SupervisionItemId && i.LeadUnitId == k)))
                    .ExecuteDeleteAsync(ct);
                await db.SupervisionItemUnits.Where(u => u.UnitId == d).ExecuteUpdateAsync(s => s.SetProperty(u => u.UnitId, k), ct);
            }),
        new("SupervisionEntries.ByUnitId", "{0} 条督办记录的办理单位", "the acting unit of {0} supervision steps",
            (db, k) => db.SupervisionEntries.Where(e => e.ByUnitId == Id(k)).Select(e => e.Id.ToString()),
            (db, d, k, ct) => db.SupervisionEntries.Where(e => e.ByUnitId == d).ExecuteUpdateAsync(s => s.SetProperty(e => e.ByUnitId, k), ct)),
        new("TimeNodes.ResponsibleUnitId", "{0} 个时间节点的责任单位", "the responsible unit of {0} time nodes",
            (db, k) => db.TimeNodes.Where(n => n.ResponsibleUnitId == Id(k)).Select(n => n.Id.ToString()),
            (db, d, k, ct) => db.TimeNodes.Where(n => n.ResponsibleUnitId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.ResponsibleUnitId, k).SetProperty(n => n.Version, n => n.Version + 1), ct)),
        // The kept unit itself, if it sat below the duplicate, is given the duplicate's parent by the merge (no loop).
        new("Units.ParentId", "{0} 个下级单位的上级单位", "the parent of {0} units",
            (db, k) => db.Units.Where(u => u.ParentId == Id(k)).Select(u => u.Id.ToString()),
            (db, d, k, ct) => db.Units.Where(u => u.ParentId == d && u.Id != k)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.ParentId, k).SetProperty(u => u.Version, u => u.Version + 1), ct)),
        // An account's unit is in its cookie; the security-stamp check renews the cookie's claims within a minute.
        new("Users.UnitId", "{0} 个账号的所属单位", "the unit of {0} accounts",
            (db, k) => db.Users.Where(u => u.UnitId == Id(k)).Select(u => u.UserName!),
            (db, d, k, ct) => db.Users.Where(u => u.UnitId == d).ExecuteUpdateAsync(s => s.SetProperty(u => u.UnitId, k), ct)),
    ];

    private static readonly BaseDataReference[] Leaders =
    [
        new("ProjectLeaders.LeaderId", "{0} 个项目的联系市领导", "the linked leader of {0} projects",
            (db, k) => db.ProjectLeaders.Where(l => l.LeaderId == Id(k)).Select(l => l.ProjectId.ToString()),
            async (db, d, k, ct) =>
            {
                await db.Projects.Where(p => p.Leaders.Any(l => l.LeaderId == d))
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version + 1), ct);
                await db.ProjectLeaders.Where(l => l.LeaderId == d && db.ProjectLeaders.Any(o => o.ProjectId == l.ProjectId && o.LeaderId == k))
                    .ExecuteDeleteAsync(ct);
                await db.ProjectLeaders.Where(l => l.LeaderId == d).ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaderId, k), ct);
            }),
        new("Programmes.LeadLeaderId", "{0} 个专项（板块）的牵头市领导", "the lead leader of {0} programmes",
            (db, k) => db.Programmes.Where(p => p.LeadLeaderId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Programmes.Where(p => p.LeadLeaderId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.LeadLeaderId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
        new("Visits.LeaderId", "{0} 次现场督导的带队市领导", "the leader heading {0} visits",
            (db, k) => db.Visits.Where(v => v.LeaderId == Id(k)).Select(v => v.Id.ToString()),
            (db, d, k, ct) => db.Visits.Where(v => v.LeaderId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.LeaderId, k).SetProperty(v => v.Version, v => v.Version + 1), ct)),
        new("VisitLeaders.LeaderId", "{0} 次现场督导的参加市领导", "a leader on {0} visits",
            (db, k) => db.VisitLeaders.Where(l => l.LeaderId == Id(k)).Select(l => l.VisitId.ToString()),
            async (db, d, k, ct) =>
            {
                await db.Visits.Where(v => v.Leaders.Any(l => l.LeaderId == d))
                    .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), ct);
                await db.VisitLeaders.Where(l => l.LeaderId == d && db.VisitLeaders.Any(o => o.VisitId == l.VisitId && o.LeaderId == k))
                    .ExecuteDeleteAsync(ct);
                await db.VisitLeaders.Where(l => l.LeaderId == d).ExecuteUpdateAsync(s => s.SetProperty(l => l.LeaderId, k), ct);
            }),
        new("Problems.CoordinatingLeaderId", "{0} 个问题的协调市领导", "the coordinating leader of {0} problems",
            (db, k) => db.Problems.Where(p => p.CoordinatingLeaderId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Problems.Where(p => p.CoordinatingLeaderId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CoordinatingLeaderId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
        new("SupervisionItems.LeaderId", "{0} 个督办事项的批示市领导", "the instructing leader of {0} supervision items",
            (db, k) => db.SupervisionItems.Where(i => i.LeaderId == Id(k)).Select(i => i.Id.ToString()),
            (db, d, k, ct) => db.SupervisionItems.Where(i => i.LeaderId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaderId, k).SetProperty(i => i.Version, i => i.Version + 1), ct)),
        new("Users.LeaderId", "{0} 个账号对应的市领导", "the leader of {0} accounts",
            (db, k) => db.Users.Where(u => u.LeaderId == Id(k)).Select(u => u.UserName!),
            (db, d, k, ct) => db.Users.Where(u => u.LeaderId == d).ExecuteUpdateAsync(s => s.SetProperty(u => u.LeaderId, k), ct)),
    ];

    private static readonly BaseDataReference[] Programmes =
    [
        new("Projects.ProgrammeId", "{0} 个项目的所属专项（板块）", "the programme of {0} projects",
            (db, k) => db.Projects.Where(p => p.ProgrammeId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Projects.Where(p => p.ProgrammeId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ProgrammeId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
    ];

    private static readonly BaseDataReference[] Categories =
    [
        new("Projects.CategoryId", "{0} 个项目的行业类别", "the category of {0} projects",
            (db, k) => db.Projects.Where(p => p.CategoryId == Id(k)).Select(p => p.Id.ToString()),
            (db, d, k, ct) => db.Projects.Where(p => p.CategoryId == d)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CategoryId, k).SetProperty(p => p.Version, p => p.Version + 1), ct)),
    ];

    // Divisions are never merged: only counted, so that none is deleted while anything names its code.
    private static readonly BaseDataReference[] Divisions =
    [
        new("Projects.DivisionCode", "{0} 个项目的所在区划", "the division of {0} projects",
            (db, k) => db.Projects.Where(p => p.DivisionCode == k).Select(p => p.Id.ToString())),
        new("Divisions.ParentCode", "{0} 个下级区划的上级区划", "the parent of {0} divisions",
            (db, k) => db.Divisions.Where(d => d.ParentCode == k).Select(d => d.Code)),
        new("Units.DivisionCode", "{0} 个单位的所属区划", "the division of {0} units",
            (db, k) => db.Units.Where(u => u.DivisionCode == k).Select(u => u.Id.ToString())),
        new("Leaders.DivisionCode", "{0} 位市领导的所属区划", "the division of {0} leaders",
            (db, k) => db.Leaders.Where(l => l.DivisionCode == k).Select(l => l.Id.ToString())),
        new("Programmes.DivisionCode", "{0} 个专项（板块）的所属区划", "the division of {0} programmes",
            (db, k) => db.Programmes.Where(p => p.DivisionCode == k).Select(p => p.Id.ToString())),
        new("SupervisionItems.DivisionCode", "{0} 个督办事项的所属区划", "the division of {0} supervision items",
            (db, k) => db.SupervisionItems.Where(i => i.DivisionCode == k).Select(i => i.Id.ToString())),
        new("Visits.DivisionCode", "{0} 次现场督导的所属区划", "the division of {0} visits",
            (db, k) => db.Visits.Where(v => v.DivisionCode == k).Select(v => v.Id.ToString())),
        new("RankingPublications.DivisionCode", "{0} 期红黑榜的发布区划", "the division of {0} published red-black lists",
            (db, k) => db.RankingPublications.Where(r => r.DivisionCode == k).Select(r => r.Id.ToString())),
    ];

    /// <summary>What names the record, as the refusal of its deletion says it; null when nothing does.</summary>
    public static async Task<(string Zh, string En)?> InUseAsync(MilepostDb db, BaseDataKind kind, string key, CancellationToken ct)
    {
        var zh = new List<string>();
        var en = new List<string>();
        foreach (var r in For(kind))
        {
            var n = await r.Rows(db, key).CountAsync(ct);
            if (n == 0) continue;
            zh.Add(string.Format(CultureInfo.InvariantCulture, r.Zh, n));
            en.Add(string.Format(CultureInfo.InvariantCulture, r.En, n));
        }
        if (zh.Count == 0) return null;
        var name = BaseDataNames.Of(kind);
        return ($"该{name.Zh}是 {string.Join("、", zh)}，不能删除，可改为停用",
            $"This {name.En} is {string.Join(", ", en)}; it cannot be deleted, retire it instead");
    }
}
