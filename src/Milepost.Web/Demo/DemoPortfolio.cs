using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Data;

namespace Milepost.Web.Demo;

/// <summary>
/// The demo prefecture city of SPEC §9: invented names with real job titles, 2020 plans, nodes,
/// January–May reports (some late, missing or lagging), problems and supervision items, so that
/// every screen and every warning colour has something to show.
/// </summary>
public static partial class DemoPortfolio
{
    public const string City = "511800";

    public sealed record DemoAccount(MilepostUser User, string Role);

    public sealed record Result(int ProjectCount, IReadOnlyList<DemoAccount> Accounts);

    public static async Task<Result> SeedAsync(MilepostDb db, DateTime nowUtc, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        db.Divisions.Add(new Division { Code = City, Name = "岷江市" });
        db.Divisions.AddRange(
            new Division { Code = "511802", Name = "江城区", ParentCode = City },
            new Division { Code = "511803", Name = "新城区", ParentCode = City },
            new Division { Code = "511822", Name = "青山县", ParentCode = City },
            new Division { Code = "511823", Name = "云顶县", ParentCode = City });

        var leaders = Leaders();
        db.Leaders.AddRange(leaders.Values);
        var categories = Categories();
        db.Categories.AddRange(categories.Values);
        var units = Units();
        db.Units.AddRange(units.Values);
        await db.SaveChangesAsync(ct);

        var programmes = new Dictionary<string, Programme>
        {
            ["交通"] = new() { DivisionCode = City, Name = "交通物流板块", LeadLeaderId = leaders["孙立群"].Id, SortOrder = 1 },
            ["产城"] = new() { DivisionCode = City, Name = "产城融合板块", LeadLeaderId = leaders["陈宇航"].Id, SortOrder = 2 },
        };
        db.Programmes.AddRange(programmes.Values);
        await db.SaveChangesAsync(ct);

        var projects = Projects(programmes, categories, units, leaders);
        db.Projects.AddRange(projects.Select(p => p.Project));
        await db.SaveChangesAsync(ct);

        foreach (var p in projects) AddWork(db, p, units, leaders, nowUtc);
        await db.SaveChangesAsync(ct);
        await AddProblemsAsync(db, projects.Select(x => x.Project).ToList(), units, leaders, ct);
        AddSupervisionStory(db, units, leaders, projects);
        await AddVisitsAndApprovalsAsync(db, projects, units, leaders, ct);
        AddReportCases(db, projects);
        await AddRankingsAsync(db, projects, nowUtc, ct);

        // The demo is told as of its story date: warnings and indicators read as on that day.
        db.Settings.Add(new PortfolioSetting
        {
            Key = SettingKeys.AsOfDate, Value = System.Text.Json.JsonSerializer.Serialize(StoryDate), UpdatedAt = nowUtc, UpdatedBy = "system", Version = 1,
        });
        // An invented outline of the city around its projects, so the map is drawn as an office would have it after uploading theirs.
        db.Settings.Add(new PortfolioSetting
        {
            Key = SettingKeys.Boundary, UpdatedAt = nowUtc, UpdatedBy = "system", Version = 1,
            Value = System.Text.Json.JsonSerializer.Serialize(Features.Settings.BoundarySetting.From("岷江市行政区划（示意）.geojson", Boundary)),
        });
        await AuditTrail.AppendAsync(db, nowUtc, "system", "demo.seed", "Portfolio", City, City, null,
            new { projects = projects.Count, asOfDate = StoryDate });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);

        var accounts = new List<DemoAccount>
        {
            new(new MilepostUser { UserName = "supervisor", DisplayName = "市委督查室 李督查" }, Roles.Supervisor),
            new(new MilepostUser { UserName = "leader", DisplayName = "陈宇航 副市长", LeaderId = leaders["陈宇航"].Id }, Roles.Leader),
            new(new MilepostUser { UserName = "dept", DisplayName = "市交通运输局", UnitId = units["市交通运输局"].Id }, Roles.Department),
            new(new MilepostUser { UserName = "owner", DisplayName = "市交通建设投资集团", UnitId = units["市交通建设投资集团有限公司"].Id }, Roles.Owner),
        };
        return new Result(projects.Count, accounts);
    }

    private static Dictionary<string, Leader> Leaders()
    {
        Leader L(string name, string title, LeaderBody body, int order, string fields, string from, string? aliases = null) => new()
        {
            DivisionCode = City, Name = name, Title = title, Body = body, Precedence = order, Fields = fields,
            InOfficeFrom = DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), Aliases = aliases,
        };
        return new[]
        {
            L("林致远", "市委书记", LeaderBody.PartyCommittee, 1, "市委全面工作", "2016-09-28"),
            L("赵明辉", "市委副书记、市长", LeaderBody.Government, 2, "市政府全面工作", "2017-02-14"),
            L("郑国平", "市人大常委会主任", LeaderBody.PeoplesCongress, 3, "市人大常委会全面工作", "2017-01-10"),
            L("何文澜", "市政协主席", LeaderBody.Cppcc, 4, "市政协全面工作", "2017-01-09"),
            L("孙立群", "市委常委、常务副市长", LeaderBody.Government, 5, "发展改革、财政、交通运输、国有资产", "2016-11-18"),
            L("陈宇航", "副市长", LeaderBody.Government, 6, "工业和信息化、商务、新城开发建设", "2018-01-20", "陈宇杭"),
            L("刘静怡", "副市长", LeaderBody.Government, 7, "文化旅游、教育、卫生健康", "2017-02-14"),
            L("黄振邦", "副市长", LeaderBody.Government, 8, "住房城乡建设、自然资源、水利", "2019-03-06"),
        }.ToDictionary(l => l.Name);
    }

    private static Dictionary<string, Category> Categories()
    {
        var names = new[]
        {
            ("交通", "Transport"), ("产业", "Industry"), ("文旅体育", "Culture, tourism & sports"), ("教育", "Education"),
            ("卫生健康", "Health"), ("市政公用", "Utilities"), ("物流", "Logistics"), ("城市开发", "Urban development"),
        };
        var categories = names.Select((n, i) => new Category { Name = n.Item1, NameEn = n.Item2, SortOrder = i + 1 }).ToDictionary(c => c.Name);
        // Ledgers head their sections 交通基础设施 and 卫生 as often as 交通 and 卫生健康.
        categories["交通"].Aliases = "交通基础设施";
        categories["卫生健康"].Aliases = "医疗卫生";
        return categories;
    }

    private static Dictionary<string, Unit> Units()
    {
        Unit D(string name, string? shortName = null, string? aliases = null, UnitKind kind = UnitKind.Department, string division = City) =>
            new() { DivisionCode = division, Name = name, ShortName = shortName, Aliases = aliases, Kind = kind };
        Unit O(string name, string person, string phone, string? shortName = null, string? aliases = null) =>
            new() { DivisionCode = City, Name = name, Kind = UnitKind.Owner, ContactPerson = person, ContactPhone = phone, ShortName = shortName, Aliases = aliases };
        return new[]
        {
            D("市发展改革委", "市发改委", "市发展和改革委员会\n发改委", UnitKind.LeadDepartment), D("市交通运输局", "市交通局", "交通局"),
            D("市经济和信息化局", "市经信局"), D("市文化广电旅游局", "市文广旅局", "市文旅局"), D("市教育局"),
            D("市卫生健康委", "市卫健委"), D("市住房城乡建设局", "市住建局", "市住房和城乡建设局"), D("市商务局"),
            D("新城区人民政府", "新城区政府", kind: UnitKind.CountyGovernment, division: "511803"),
            // Merged into the natural resources bureau in the 2019 reform: retired, kept for the records that name it.
            new() { DivisionCode = City, Name = "市城乡规划局", ShortName = "市规划局", Kind = UnitKind.Department, IsRetired = true },
            O("市交通建设投资集团有限公司", "杨帆", "0835-2610001", "市交投集团", "交投集团"),
            O("市城市建设投资有限公司", "吴桐", "0835-2610002", "市城投公司"),
            O("市文化旅游发展集团有限公司", "许可", "0835-2610003"),
            O("岷江新城开发建设有限公司", "马骁", "0835-2610004"),
            O("市国际陆港发展有限公司", "罗晨", "0835-2610005"),
            O("市大数据产业园管理委员会", "冯越", "0835-2610006"),
            O("市教育投资有限公司", "邓琳", "0835-2610007"),
            O("市人民医院", "蒋川", "0835-2610008"),
        }.ToDictionary(u => u.Name);
    }

    private static Money W(decimal wan) => Money.FromWan(wan);
}
