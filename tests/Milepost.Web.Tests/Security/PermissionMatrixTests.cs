using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Security;

public sealed class MatrixFixture : IAsyncLifetime
{
    public MilepostFactory Factory { get; } = new();
    public Dictionary<string, HttpClient> Clients { get; } = [];
    public long InScope { get; private set; }    // a project of 市交通运输局 built by 市交通建设投资集团
    public long OutOfScope { get; private set; } // a project of neither
    public long InScopeNode { get; private set; }
    public long OutOfScopeNode { get; private set; }
    public long InScopeProblem { get; private set; }    // on InScope, assigned to 市交通运输局 (dept)
    public long OutOfScopeProblem { get; private set; } // on OutOfScope, assigned to 市经济和信息化局
    public long InScopeItem { get; private set; }    // a supervision item 市交通运输局 leads
    public long OutOfScopeItem { get; private set; } // one of 市商务局's
    // Visits, their first findings and approval items of the two projects; 陈宇航 is the leader account, 孙立群 someone else.
    public long InScopeVisit { get; private set; }
    public long OutOfScopeVisit { get; private set; }
    public long InScopeFinding { get; private set; }
    public long OutOfScopeFinding { get; private set; }
    public long InScopeApproval { get; private set; }
    public long OutOfScopeApproval { get; private set; }
    public long OwnLeader { get; private set; }
    public long OtherLeader { get; private set; }
    public long InScopeReport { get; private set; }   // an approved report of InScope, with a photo
    public long OutOfScopeReport { get; private set; }
    public long InScopePhoto { get; private set; }
    public long OutOfScopePhoto { get; private set; }

    public async Task InitializeAsync()
    {
        await Factory.InitializeAccountsAsync();
        Clients["anonymous"] = Factory.CreateClient(new() { AllowAutoRedirect = false });
        foreach (var user in new[] { "supervisor", "leader", "dept", "owner", "admin", "security", "auditor" })
            Clients[user] = await Factory.SignInAsync(user);
        var supervisor = Clients["supervisor"];
        InScope = await supervisor.IdOfAsync("岷江至省会快速通道");
        OutOfScope = await supervisor.IdOfAsync("大数据产业园一期");
        InScopeNode = (await (await supervisor.GetAsync($"/api/v1/projects/{InScope}/schedule")).ReadAsync<Features.Projects.ScheduleView>()).Nodes[0].Id;
        OutOfScopeNode = (await (await supervisor.GetAsync($"/api/v1/projects/{OutOfScope}/schedule")).ReadAsync<Features.Projects.ScheduleView>()).Nodes[0].Id;
        InScopeProblem = (await (await supervisor.GetAsync($"/api/v1/problems?projectId={InScope}")).ReadAsync<Features.Problems.ProblemLedger>()).Rows.Single(r => r.LeadDepartment == "市交通运输局").Id;
        OutOfScopeProblem = (await (await supervisor.GetAsync($"/api/v1/problems?projectId={OutOfScope}")).ReadAsync<Features.Problems.ProblemLedger>()).Rows[0].Id;
        InScopeItem = (await (await supervisor.GetAsync("/api/v1/supervision?q=" + Uri.EscapeDataString("协调省交通运输厅"))).ReadAsync<Features.Supervision.SupervisionPage>()).Items.Single().Id;
        OutOfScopeItem = (await (await supervisor.GetAsync("/api/v1/supervision?q=" + Uri.EscapeDataString("会展中心倒排工期"))).ReadAsync<Features.Supervision.SupervisionPage>()).Items.Single().Id;
        await LoadVisitAndApprovalIdsAsync();
        (InScopeReport, InScopePhoto) = await Reports.ReportMatrixData.ApprovedReportWithPhotoAsync(Factory, InScope);
        (OutOfScopeReport, OutOfScopePhoto) = await Reports.ReportMatrixData.ApprovedReportWithPhotoAsync(Factory, OutOfScope);
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private async Task LoadVisitAndApprovalIdsAsync()
    {
        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Milepost.Data.MilepostDb>();
        async Task<(long Visit, long Finding)> VisitOf(long project)
        {
            var v = await db.Visits.Include(x => x.FindingItems).Where(x => x.Projects.Count == 1 && x.Projects.Any(p => p.ProjectId == project)).OrderBy(x => x.Id).FirstAsync();
            return (v.Id, v.FindingItems.OrderBy(f => f.Id).First().Id);
        }
        (InScopeVisit, InScopeFinding) = await VisitOf(InScope);
        (OutOfScopeVisit, OutOfScopeFinding) = await VisitOf(OutOfScope);
        InScopeApproval = await db.ApprovalItems.Where(a => a.ProjectId == InScope).Select(a => a.Id).FirstAsync();
        OutOfScopeApproval = await db.ApprovalItems.Where(a => a.ProjectId == OutOfScope).Select(a => a.Id).FirstAsync();
        OwnLeader = await db.Leaders.Where(l => l.Name == "陈宇航").Select(l => l.Id).SingleAsync();
        OtherLeader = await db.Leaders.Where(l => l.Name == "孙立群").Select(l => l.Id).SingleAsync();
    }
}

/// <summary>
/// Every endpoint, every role, in scope and out of scope (SECURITY.md 6 and 7). The table of rules is
/// checked against the application's own endpoint list: an endpoint added without a rule here fails.
/// </summary>
public sealed class PermissionMatrixTests(MatrixFixture fx) : IClassFixture<MatrixFixture>
{
    private static readonly string[] Users = ["anonymous", "supervisor", "leader", "dept", "owner", "admin", "security", "auditor"];

    // Endpoints anyone may reach: sign-in, the language switch, error pages, framework and static files.
    // The second-factor page is reached between password and cookie, so it cannot require the cookie.
    private static readonly string[] Anonymous = ["/account/login", "/account/login-2fa", "/culture", "/not-found", "/error"];

    /// <summary>What each role gets, in scope / out of scope. Bodies are invalid on purpose: nothing is ever written.</summary>
    private static readonly Dictionary<string, Dictionary<string, (HttpStatusCode In, HttpStatusCode Out)>> Api = new()
    {
        ["GET /api/v1/projects/{id:long}"] = Read(),
        ["GET /api/v1/projects/{id:long}/schedule"] = Read(),
        ["PUT /api/v1/projects/{id:long}"] = SupervisorOnly(),
        ["PUT /api/v1/projects/{id:long}/plans/{year:int}"] = SupervisorOnly(),
        ["POST /api/v1/projects/{id:long}/transitions"] = SupervisorOnly(),
        ["POST /api/v1/projects/{id:long}/nodes"] = With(SupervisorOnly(), "owner", (HttpStatusCode.Forbidden, HttpStatusCode.NotFound)),
        // Owners may record their own nodes' actual dates: an invalid body is refused by the rules, not by the door.
        ["PUT /api/v1/projects/{id:long}/nodes/{nodeId:long}"] = With(SupervisorOnly(), "owner", (HttpStatusCode.BadRequest, HttpStatusCode.NotFound)),
        // Problems (Features/Problems/ProblemAccess.cs): no problem exists to the admin roles (404); the department handles
        // the in-scope one, which is assigned to it; the owner sees its own project's problems; the leader all of them.
        ["GET /api/v1/problems/{problemId:long}"] = Read(),
        ["PUT /api/v1/problems/{problemId:long}"] = ProblemRule(dept: HttpStatusCode.Forbidden, owner: HttpStatusCode.Forbidden, leader: HttpStatusCode.Forbidden),
        ["POST /api/v1/problems/{problemId:long}/state"] = ProblemRule(dept: HttpStatusCode.BadRequest, owner: HttpStatusCode.Forbidden, leader: HttpStatusCode.Forbidden),
        ["POST /api/v1/problems/{problemId:long}/escalations"] = ProblemRule(dept: HttpStatusCode.Forbidden, owner: HttpStatusCode.Forbidden, leader: HttpStatusCode.Forbidden),
        ["POST /api/v1/problems/{problemId:long}/comments"] = ProblemRule(dept: HttpStatusCode.BadRequest, owner: HttpStatusCode.BadRequest, leader: HttpStatusCode.BadRequest),
        // Supervision items: the office and leaders see all, a department its own; owners and admins are refused at the door.
        ["GET /api/v1/supervision/{itemId:long}"] = Supervision(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK),
        // Only drafts are edited, by the office: an assigned item is refused by the rules (400), others by their role.
        ["PUT /api/v1/supervision/{itemId:long}"] = Supervision(HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        // A step without an action is refused by the rules for anyone who may see the item.
        ["POST /api/v1/supervision/{itemId:long}/steps"] = Supervision(HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
        // Visits: the in-scope visit is 孙立群's (the leader account, 陈宇航, may read it but not edit it), the other 陈宇航's own.
        ["GET /api/v1/visits/{visitId:long}"] = Read(),
        ["PUT /api/v1/visits/{visitId:long}"] = With(SupervisorOnly(), "leader", (HttpStatusCode.Forbidden, HttpStatusCode.BadRequest)),
        ["POST /api/v1/visits/{visitId:long}/findings/{findingId:long}/problem"] = With(SupervisorOnly(), "leader", (HttpStatusCode.Forbidden, HttpStatusCode.BadRequest)),
        ["POST /api/v1/visits/{visitId:long}/findings/{findingId:long}/supervision-item"] = With(SupervisorOnly(), "leader", (HttpStatusCode.Forbidden, HttpStatusCode.BadRequest)),
        // A leader's page: in scope the leader account's own, out of scope another leader's; only the office opens any.
        ["GET /api/v1/leaders/{leaderId:long}"] = With(With(With(With(With(Read(), "dept", (HttpStatusCode.NotFound, HttpStatusCode.NotFound)),
            "owner", (HttpStatusCode.NotFound, HttpStatusCode.NotFound)), "leader", (HttpStatusCode.OK, HttpStatusCode.NotFound)),
            "supervisor", (HttpStatusCode.OK, HttpStatusCode.OK)), "admin", (HttpStatusCode.NotFound, HttpStatusCode.NotFound)),
        ["GET /api/v1/projects/{id:long}/approvals"] = Read(),
        ["POST /api/v1/projects/{id:long}/approvals"] = SupervisorOnly(),
        ["PUT /api/v1/projects/{id:long}/approvals/{approvalId:long}"] = SupervisorOnly(),
        // Monthly reports: read within scope; the owner fills in, submits and corrects; the supervisor reviews. The
        // reports used are approved, so every step the door lets through is refused by the state machine or the input.
        ["GET /api/v1/reports/{reportId:long}"] = Read(),
        ["GET /api/v1/photos/{photoId:long}"] = Read(),
        ["GET /api/v1/photos/{photoId:long}/thumb"] = Read(),
        ["POST /api/v1/projects/{id:long}/reports"] = ReportOwner(),
        ["PUT /api/v1/reports/{reportId:long}"] = ReportOwner(),
        ["POST /api/v1/reports/{reportId:long}/submit"] = ReportOwner(),
        ["POST /api/v1/reports/{reportId:long}/revisions"] = ReportOwner(),
        ["POST /api/v1/reports/{reportId:long}/photos"] = ReportOwner(),
        ["POST /api/v1/reports/{reportId:long}/approve"] = ReportReview(),
        ["POST /api/v1/reports/{reportId:long}/return"] = ReportReview(),
    };

    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> Read() => new()
    {
        ["anonymous"] = (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
        ["supervisor"] = (HttpStatusCode.OK, HttpStatusCode.OK),
        ["leader"] = (HttpStatusCode.OK, HttpStatusCode.OK),
        ["dept"] = (HttpStatusCode.OK, HttpStatusCode.NotFound),
        ["owner"] = (HttpStatusCode.OK, HttpStatusCode.NotFound),
        // The three admins hold no business data (三权分立): to them no project exists.
        ["admin"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
        ["security"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
        ["auditor"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
    };

    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> SupervisorOnly() => new()
    {
        ["anonymous"] = (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
        ["supervisor"] = (HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
        ["leader"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["dept"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["owner"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["admin"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["security"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["auditor"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
    };

    /// <summary>A problem action: the supervisor reaches the rules (400), others as given in scope; out of scope dept and owner get 404.</summary>
    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> ProblemRule(HttpStatusCode dept, HttpStatusCode owner, HttpStatusCode leader) => new()
    {
        ["anonymous"] = (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
        ["supervisor"] = (HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
        ["leader"] = (leader, leader),
        ["dept"] = (dept, HttpStatusCode.NotFound),
        ["owner"] = (owner, HttpStatusCode.NotFound),
        ["admin"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
        ["security"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
        ["auditor"] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound),
    };

    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> Supervision(HttpStatusCode supervisor, HttpStatusCode leader, HttpStatusCode dept) => new()
    {
        ["anonymous"] = (HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized),
        ["supervisor"] = (supervisor, supervisor),
        ["leader"] = (leader, leader),
        ["dept"] = (dept, HttpStatusCode.NotFound),
        ["owner"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["admin"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["security"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
        ["auditor"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
    };

    private static Dictionary<string, HttpStatusCode> SupervisionList(HttpStatusCode allowed, params string[] users) =>
        Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : users.Contains(u) ? allowed : HttpStatusCode.Forbidden);
    // Scope first (another unit's report is not found), then the role.
    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> ReportOwner()
    {
        var rules = SupervisorOnly();
        rules["supervisor"] = (HttpStatusCode.Forbidden, HttpStatusCode.Forbidden);
        rules["dept"] = (HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        rules["owner"] = (HttpStatusCode.BadRequest, HttpStatusCode.NotFound);
        foreach (var admin in new[] { "admin", "security", "auditor" }) rules[admin] = (HttpStatusCode.NotFound, HttpStatusCode.NotFound);
        return rules;
    }

    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> ReportReview()
    {
        var rules = ReportOwner();
        rules["supervisor"] = (HttpStatusCode.BadRequest, HttpStatusCode.BadRequest);
        rules["owner"] = (HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        return rules;
    }

    private static Dictionary<string, (HttpStatusCode, HttpStatusCode)> With(
        Dictionary<string, (HttpStatusCode, HttpStatusCode)> rules, string user, (HttpStatusCode, HttpStatusCode) rule)
    {
        rules[user] = rule;
        return rules;
    }

    private static readonly Dictionary<string, Dictionary<string, HttpStatusCode>> Lists = new()
    {
        ["GET /api/v1/projects/"] = Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
        ["POST /api/v1/projects/"] = Users.ToDictionary(u => u, u => u switch
        {
            "anonymous" => HttpStatusCode.Unauthorized,
            "supervisor" => HttpStatusCode.BadRequest,
            _ => HttpStatusCode.Forbidden,
        }),
        ["GET /api/v1/problems/"] = Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
        // Supervisor and owner may raise problems: the body names no project, so the rules refuse it (400).
        ["POST /api/v1/problems/"] = Users.ToDictionary(u => u, u => u switch
        {
            "anonymous" => HttpStatusCode.Unauthorized,
            "supervisor" or "owner" => HttpStatusCode.BadRequest,
            _ => HttpStatusCode.Forbidden,
        }),
        ["GET /api/v1/supervision/"] = SupervisionList(HttpStatusCode.OK, "supervisor", "leader", "dept"),
        ["GET /api/v1/supervision/inbox"] = SupervisionList(HttpStatusCode.OK, "supervisor", "leader", "dept"),
        ["POST /api/v1/supervision/"] = SupervisionList(HttpStatusCode.BadRequest, "supervisor", "leader"),
        ["GET /api/v1/visits/"] = Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
        ["POST /api/v1/visits/"] = Users.ToDictionary(u => u, u => u switch
        {
            "anonymous" => HttpStatusCode.Unauthorized,
            "supervisor" or "leader" => HttpStatusCode.BadRequest,
            _ => HttpStatusCode.Forbidden,
        }),
        // 挂图作战: the business roles over their own scope; the admin roles hold no business data.
        ["GET /api/v1/dashboard/"] = Users.ToDictionary(u => u, u => u switch { "anonymous" => HttpStatusCode.Unauthorized, "admin" or "security" or "auditor" => HttpStatusCode.Forbidden, _ => HttpStatusCode.OK }),
        // The records behind a number ({kind} is overdue-nodes here): the same readers.
        ["GET /api/v1/dashboard/records/{kind}"] = Users.ToDictionary(u => u, u => u switch { "anonymous" => HttpStatusCode.Unauthorized, "admin" or "security" or "auditor" => HttpStatusCode.Forbidden, _ => HttpStatusCode.OK }),
        // Exports (Features/Ledger): the business roles, each under its own scope; the admin roles and the auditor refused.
        ["GET /api/v1/export/{kind}.xlsx"] = Users.ToDictionary(u => u, u => u switch { "anonymous" => HttpStatusCode.Unauthorized, "admin" or "security" or "auditor" => HttpStatusCode.Forbidden, _ => HttpStatusCode.OK }),
        ["GET /api/v1/export/{kind}.csv"] = Users.ToDictionary(u => u, u => u switch { "anonymous" => HttpStatusCode.Unauthorized, "admin" or "security" or "auditor" => HttpStatusCode.Forbidden, _ => HttpStatusCode.OK }),
        ["GET /api/v1/approvals/stats"] = Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
        ["GET /api/v1/reports/inbox"] = Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK),
        ["GET /api/v1/reports/review"] = Users.ToDictionary(u => u, u => u switch
        {
            "anonymous" => HttpStatusCode.Unauthorized,
            "supervisor" => HttpStatusCode.OK,
            _ => HttpStatusCode.Forbidden,
        }),
    };

    private static readonly string[] RankingReaders = ["supervisor", "leader", "dept", "owner"];

    /// <summary>
    /// The red-black list (Features/Ranking): drafts, exemptions and publishing for the office; published lists, bulletins
    /// and the assessment for every business role; nothing for the admin roles. In the URLs {month} is 2020-12 (not yet
    /// publishable, so a publish is refused by the rules), {id:long} a publication or exemption that does not exist, and
    /// {year:int} 2020. Bodies are invalid: nothing is written.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, HttpStatusCode>> Ranking = new()
    {
        ["GET /api/v1/rankings/{month}/draft"] = Roles(HttpStatusCode.OK, "supervisor"),
        ["POST /api/v1/rankings/{month}/publications"] = Roles(HttpStatusCode.BadRequest, "supervisor"),
        ["GET /api/v1/rankings/{month}/exemptions"] = Roles(HttpStatusCode.OK, "supervisor"),
        ["POST /api/v1/rankings/{month}/exemptions"] = Roles(HttpStatusCode.BadRequest, "supervisor"),
        ["POST /api/v1/rankings/exemptions/{id:long}/withdraw"] = Roles(HttpStatusCode.NotFound, "supervisor"),
        ["GET /api/v1/rankings/publications"] = Roles(HttpStatusCode.OK, RankingReaders),
        ["GET /api/v1/rankings/publications/{id:long}"] = Roles(HttpStatusCode.NotFound, RankingReaders),
        ["GET /api/v1/assessments/{year:int}"] = Roles(HttpStatusCode.OK, RankingReaders),
        // Bulletin and assessment downloads sit outside /api, so anonymous users are sent to sign in.
        ["GET /ranking/publications/{id:long}/bulletin.docx"] = Download(HttpStatusCode.NotFound),
        ["GET /ranking/publications/{id:long}/bulletin.xlsx"] = Download(HttpStatusCode.NotFound),
        ["GET /assessment/{year:int}.xlsx"] = Download(HttpStatusCode.OK),
        // Ledger import (Features/Ledger): the office alone; a body that is no upload is refused (400), and {token} names no kept workbook (404).
        ["POST /api/v1/import/projects"] = Roles(HttpStatusCode.BadRequest, "supervisor"),
        ["POST /api/v1/import/reports"] = Roles(HttpStatusCode.BadRequest, "supervisor"),
        ["GET /api/v1/import/errors/{token}"] = Roles(HttpStatusCode.NotFound, "supervisor"),
        ["GET /api/v1/import/template/{kind}"] = Roles(HttpStatusCode.NotFound, "supervisor"),
        // The base-data workbook (Features/BaseData): the office alone. The export and the template answer the workbook; a
        // body that is no upload is refused (400).
        ["GET /api/v1/base/workbook.xlsx"] = Roles(HttpStatusCode.OK, "supervisor"),
        ["GET /api/v1/base/workbook/template.xlsx"] = Roles(HttpStatusCode.OK, "supervisor"),
        ["POST /api/v1/base/workbook"] = Roles(HttpStatusCode.BadRequest, "supervisor"),
    };

    /// <summary>
    /// The city's divisions in one step (Features/BaseData): the office alone. In the URLs {code} is 511800 (the demo's
    /// city code); the body names no code, so the office's POST is refused by the rules (400) and nothing is written.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, HttpStatusCode>> CityDivisions = new()
    {
        ["GET /api/v1/base/national-divisions"] = Roles(HttpStatusCode.OK, "supervisor"),
        ["GET /api/v1/base/national-divisions/{code}/counties"] = Roles(HttpStatusCode.OK, "supervisor"),
        ["POST /api/v1/base/city"] = Roles(HttpStatusCode.BadRequest, "supervisor"),
    };

    /// <summary>
    /// Base data (Features/BaseData, BaseDataAccess): the office alone reads and changes it; everyone else signed in gets
    /// 403, the admin roles included (三权分立). In the URLs {id} and {id:long} are 999999 and {keepId:long} 999998, records
    /// that do not exist, and bodies are invalid: the office reaches the list (200), the rules (400) or a 404, and
    /// nothing is written.
    /// </summary>
    private static readonly Dictionary<string, Dictionary<string, HttpStatusCode>> BaseData = BaseDataRoutes();

    private static Dictionary<string, Dictionary<string, HttpStatusCode>> BaseDataRoutes()
    {
        var routes = new Dictionary<string, Dictionary<string, HttpStatusCode>>();
        foreach (var (kind, key) in new[] { ("divisions", "{id}"), ("units", "{id:long}"), ("leaders", "{id:long}"), ("programmes", "{id:long}"), ("categories", "{id:long}") })
        {
            var at = $"/api/v1/base/{kind}";
            routes[$"GET {at}/"] = Roles(HttpStatusCode.OK, "supervisor");
            routes[$"POST {at}/"] = Roles(HttpStatusCode.BadRequest, "supervisor");
            foreach (var route in new[] { $"GET {at}/{key}", $"PUT {at}/{key}", $"DELETE {at}/{key}", $"POST {at}/{key}/retire", $"POST {at}/{key}/restore" })
                routes[route] = Roles(HttpStatusCode.NotFound, "supervisor");
            // Divisions are never merged: their codes are national facts.
            if (kind != "divisions") routes[$"POST {at}/{key}/merge-into/{{keepId:long}}"] = Roles(HttpStatusCode.NotFound, "supervisor");
        }
        return routes;
    }

    [Fact]
    public async Task BaseData_AnswersEachRoleAsTheMatrixSays()
    {
        var failures = new List<string>();
        foreach (var (route, rules) in BaseData)
            foreach (var user in Users)
            {
                var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
                var url = pattern.Replace("{id:long}", "999999").Replace("{id}", "999999").Replace("{keepId:long}", "999998") + (method == "DELETE" ? "?version=1" : "");
                var response = await SendAsync(fx.Clients[user], method, url);
                if (response.StatusCode != rules[user]) failures.Add($"{user} {method} {url}: {(int)response.StatusCode}, expected {(int)rules[user]}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static Dictionary<string, HttpStatusCode> Download(HttpStatusCode allowed) =>
        Roles(allowed, RankingReaders).ToDictionary(r => r.Key, r => r.Key == "anonymous" ? HttpStatusCode.Redirect : r.Value);

    /// <summary>The given roles get <paramref name="allowed"/>, other signed-in users 403, anonymous 401.</summary>
    private static Dictionary<string, HttpStatusCode> Roles(HttpStatusCode allowed, params string[] roles) =>
        Users.ToDictionary(u => u, u => u == "anonymous" ? HttpStatusCode.Unauthorized : roles.Contains(u) ? allowed : HttpStatusCode.Forbidden);

    [Fact]
    public async Task RankingAndCityDivisions_AnswerEachRoleAsTheMatrixSays()
    {
        var failures = new List<string>();
        foreach (var (route, rules) in Ranking.Concat(CityDivisions))
            foreach (var user in Users)
            {
                var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
                var url = pattern.Replace("{month}", "2020-12").Replace("{id:long}", "999999").Replace("{year:int}", "2020").Replace("{code}", "511800");
                var response = await SendAsync(fx.Clients[user], method, url);
                if (response.StatusCode != rules[user]) failures.Add($"{user} {method} {url}: {(int)response.StatusCode}, expected {(int)rules[user]}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>Pages for signed-in users; those marked supervisor-only send others to the 无权访问 page.</summary>
    private static readonly Dictionary<string, bool> Pages = new()
    {
        ["/"] = false, ["/dashboard/records/{Kind}"] = false, ["/projects"] = false, ["/projects/{Id:long}"] = false, ["/projects/new"] = true,
        ["/projects/{Id:long}/edit"] = true, ["/settings"] = true, ["/account/denied"] = false,
        ["/audit"] = true, // the auditor's page: every account here, supervisor included, is sent away
        ["/users"] = true, // the system and security admins' page: everyone else, supervisor included, is sent away
        // The problem pages: the business roles (the admin roles are sent to 无权访问); /problems/new for supervisor and owner.
        ["/problems"] = false, ["/problems/new"] = false, ["/problems/{ProblemId:long}"] = false,
        ["/visits"] = false, ["/visits/new"] = false, ["/visits/{VisitId:long}"] = false, ["/visits/{VisitId:long}/edit"] = false,
        ["/leader"] = false, ["/leaders"] = false, ["/leaders/{LeaderId:long}"] = false, ["/approvals/stats"] = false,
        ["/reports"] = false, ["/reports/review"] = true, ["/reports/{ReportId:long}"] = false,
        // The red-black list and assessment pages: the business roles and the auditor; the admin roles are sent away (RankingPageTests).
        ["/ranking"] = false, ["/ranking/history"] = false, ["/ranking/publications/{Id:long}"] = false, ["/assessment"] = false,
        // The printable bulletin: readers get it (or 404 when {Id} is no publication), the admin roles 无权访问.
        ["/ranking/publications/{Id:long}/bulletin"] = false,
        // The wall display: the business roles over their own projects; the auditor and the admin roles are sent to 无权访问 (ScreenPageTests).
        ["/screen"] = false,
        // The ledger import: the office only.
        ["/import"] = true,
        // The city's divisions in one step: the office only.
        ["/base-data/city"] = true,
        // The first-use checklist: the office only (the accounts it lists are opened by the system administrator).
        ["/start"] = true,
        // The base-data workbook, and 基础数据 itself: the office only.
        ["/base-data/workbook"] = true, ["/base-data"] = true,
    };

    // Sign-out (a signed-in POST with the antiforgery token) and the framework's own endpoints: the Blazor
    // circuit hub, its redirect helper and the build's static-file fallback, all behind the sign-in fallback policy.
    private static readonly string[] Other =
        ["POST /account/logout", "/_blazor", "/_blazor/negotiate", "/_blazor/initializers", "/_blazor/disconnect",
         "GET /_framework/opaque-redirect", "GET /{**path:file}", "HEAD /{**path:file}",
         // The account's own pages (any signed-in user, for themselves only): covered by the Account tests.
         "/account/change-password", "/account/two-factor",
         // Supervision pages open to three roles: covered by SupervisionPages_ below.
         "/supervision", "/supervision/inbox", "/supervision/new", "/supervision/{ItemId:long}"];

    [Fact]
    public void EveryEndpoint_HasARule_AndOnlyTheAllowListIsAnonymous()
    {
        var endpoints = fx.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && !IsStaticFile(raw)).ToList();
        Assert.NotEmpty(endpoints);
        var unknown = new List<string>();
        foreach (var e in endpoints)
        {
            var raw = "/" + e.RoutePattern.RawText!.TrimStart('/');
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"];
            var anonymous = e.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            foreach (var m in methods)
            {
                var key = $"{m} {raw}";
                var known = Api.ContainsKey(key) || Lists.ContainsKey(key) || Ranking.ContainsKey(key) || CityDivisions.ContainsKey(key) || BaseData.ContainsKey(key) || Pages.ContainsKey(raw) || Anonymous.Contains(raw)
                            || Other.Contains(key) || Other.Contains(raw) || raw.StartsWith("/_blazor", StringComparison.Ordinal);
                if (!known) unknown.Add(key);
                if (anonymous) Assert.True(Anonymous.Contains(raw), $"{key} allows anonymous access but is not on the allow-list");
            }
        }
        Assert.True(unknown.Count == 0, "Endpoints without a rule in the permission matrix: " + string.Join(", ", unknown.Distinct()));
    }

    private static bool IsStaticFile(string raw) => raw.Contains('.') || raw.StartsWith("_content", StringComparison.Ordinal) || raw.StartsWith("_framework", StringComparison.Ordinal);

    [Fact]
    public async Task Api_AnswersEachRoleAsTheMatrixSays_AndNeverLeaksARecord()
    {
        var failures = new List<string>();
        foreach (var (route, rules) in Api)
            foreach (var user in Users)
                foreach (var inScope in new[] { true, false })
                {
                    var project = inScope ? fx.InScope : fx.OutOfScope;
                    var node = inScope ? fx.InScopeNode : fx.OutOfScopeNode;
                    var (method, pattern) = (route.Split(' ')[0], route.Split(' ')[1]);
                    var url = pattern.Replace("{id:long}", project.ToString()).Replace("{nodeId:long}", node.ToString()).Replace("{year:int}", "2020");
                    url = url.Replace("{problemId:long}", (inScope ? fx.InScopeProblem : fx.OutOfScopeProblem).ToString());
                    url = url.Replace("{itemId:long}", (inScope ? fx.InScopeItem : fx.OutOfScopeItem).ToString());
                    url = url.Replace("{visitId:long}", (inScope ? fx.InScopeVisit : fx.OutOfScopeVisit).ToString())
                        .Replace("{findingId:long}", (inScope ? fx.InScopeFinding : fx.OutOfScopeFinding).ToString())
                        .Replace("{approvalId:long}", (inScope ? fx.InScopeApproval : fx.OutOfScopeApproval).ToString())
                        .Replace("{leaderId:long}", (inScope ? fx.OwnLeader : fx.OtherLeader).ToString());
                    url = url.Replace("{reportId:long}", (inScope ? fx.InScopeReport : fx.OutOfScopeReport).ToString())
                        .Replace("{photoId:long}", (inScope ? fx.InScopePhoto : fx.OutOfScopePhoto).ToString());
                    var response = await SendAsync(fx.Clients[user], method, url);
                    var expected = inScope ? rules[user].In : rules[user].Out;
                    if (response.StatusCode != expected) failures.Add($"{user} {method} {url} ({(inScope ? "in" : "out of")} scope): {(int)response.StatusCode}, expected {(int)expected}");
                    if (expected != HttpStatusCode.OK && response.StatusCode != HttpStatusCode.OK)
                    {
                        var body = await response.Content.ReadAsStringAsync();
                        if (body.Contains("大数据产业园一期") || body.Contains("岷江至省会快速通道")) failures.Add($"{user} {method} {url}: the refusal shows the record");
                    }
                }
        foreach (var (route, rules) in Lists)
            foreach (var user in Users)
            {
                var (method, url) = (route.Split(' ')[0], route.Split(' ')[1].Replace("{kind}", "overdue-nodes"));
                var response = await SendAsync(fx.Clients[user], method, url);
                if (response.StatusCode != rules[user]) failures.Add($"{user} {method} {url}: {(int)response.StatusCode}, expected {(int)rules[user]}");
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Pages_SendOthersToTheDeniedPage_AndHideOtherUnitsProjects()
    {
        var failures = new List<string>();
        foreach (var (pattern, supervisorOnly) in Pages)
            foreach (var user in Users)
            {
                var url = pattern.Replace("{Id:long}", fx.InScope.ToString()).Replace("{ProblemId:long}", fx.InScopeProblem.ToString())
                    .Replace("{VisitId:long}", fx.InScopeVisit.ToString()).Replace("{LeaderId:long}", fx.OwnLeader.ToString())
                    .Replace("{ReportId:long}", fx.InScopeReport.ToString()).Replace("{Kind}", "stale");
                var response = await fx.Clients[user].GetAsync(url);
                var location = response.Headers.Location?.OriginalString ?? "";
                var ok = user switch
                {
                    "anonymous" => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login"),
                    "admin" or "security" or "auditor" when pattern == "/ranking/publications/{Id:long}/bulletin" => location.Contains("/account/denied"),
                    _ when pattern == "/ranking/publications/{Id:long}/bulletin" => response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.OK,
                    "auditor" when pattern == "/audit" => response.StatusCode == HttpStatusCode.OK,
                    "admin" or "security" when pattern == "/users" => response.StatusCode == HttpStatusCode.OK,
                    "supervisor" when pattern is "/audit" or "/users" => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/denied"),
                    // The id is a project's, most likely no publication's: the readers get the publication or a 404.
                    "supervisor" or "leader" or "dept" or "owner" when pattern == "/ranking/publications/{Id:long}" => response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound,
                    "supervisor" => response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
                    _ when supervisorOnly => response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/denied"),
                    "admin" or "security" or "auditor" when pattern == "/projects/{Id:long}" => response.StatusCode == HttpStatusCode.NotFound,
                    "admin" or "security" or "auditor" when pattern == "/reports/{ReportId:long}" => response.StatusCode == HttpStatusCode.NotFound,
                    _ => response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect,
                };
                if (!ok) failures.Add($"{user} GET {url}: {(int)response.StatusCode} {location}");
            }
        // Another unit's project page is a 404 that does not name the project.
        foreach (var user in new[] { "dept", "owner" })
        {
            var response = await fx.Clients[user].GetAsync($"/projects/{fx.OutOfScope}");
            if (response.StatusCode != HttpStatusCode.NotFound) failures.Add($"{user} GET /projects/{fx.OutOfScope}: {(int)response.StatusCode}");
            if ((await response.Content.ReadAsStringAsync()).Contains("大数据产业园一期")) failures.Add($"{user}: the 404 page names the project");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task SupervisionPages_OpenToTheOfficeLeadersAndDepartments_ItemsOnlyInScope()
    {
        var failures = new List<string>();
        var pages = new Dictionary<string, string[]>
        {
            ["/supervision"] = ["supervisor", "leader", "dept"], ["/supervision/inbox"] = ["supervisor", "leader", "dept"],
            [$"/supervision/{fx.InScopeItem}"] = ["supervisor", "leader", "dept"], ["/supervision/new"] = ["supervisor", "leader"],
        };
        foreach (var (url, allowed) in pages)
            foreach (var user in Users)
            {
                var response = await fx.Clients[user].GetAsync(url);
                var location = response.Headers.Location?.OriginalString ?? "";
                var ok = user == "anonymous" ? response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/login")
                    : allowed.Contains(user) ? response.StatusCode == HttpStatusCode.OK
                    : response.StatusCode == HttpStatusCode.Redirect && location.Contains("/account/denied");
                if (!ok) failures.Add($"{user} GET {url}: {(int)response.StatusCode} {location}");
            }
        // Another unit's item is a 404 that does not show it.
        var other = await fx.Clients["dept"].GetAsync($"/supervision/{fx.OutOfScopeItem}");
        if (other.StatusCode != HttpStatusCode.NotFound) failures.Add($"dept GET /supervision/{fx.OutOfScopeItem}: {(int)other.StatusCode}");
        if ((await other.Content.ReadAsStringAsync()).Contains("会展中心")) failures.Add("dept: the 404 page shows the item");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("security")]
    [InlineData("auditor")]
    public async Task TheAdminRoles_ListNoProjects(string user)
    {
        // 三权分立: the list answers (the page is shared), but with nothing in it, not even a count.
        var response = await fx.Clients[user].GetAsync("/api/v1/projects?pageSize=200");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadAsync<Features.Projects.PageOf<Features.Projects.ProjectRow>>();
        Assert.Equal(0, page.Total);
        Assert.Empty(page.Items);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string url)
    {
        // Valid enough to reach the rules (a total is given), invalid enough never to be saved (no name, bad duration).
        object body = url.Contains("/nodes") ? new { name = "", durationDays = -1, kind = "Other", version = 1 }
            : url.Contains("/plans/") ? new { plannedInvestmentWan = -1, version = 1 }
            : url.EndsWith("/transitions") ? new { to = "Cancelled", date = "2099-01-01", version = 1 }
            : new { name = "", totalInvestmentWan = 1, version = 1 };
        return method switch
        {
            "GET" => client.GetAsync(url),
            "POST" => client.PostAsJsonAsync(url, body),
            "PUT" => client.PutAsJsonAsync(url, body),
            "DELETE" => client.DeleteAsync(url),
            _ => throw new ArgumentOutOfRangeException(nameof(method), method, null),
        };
    }
}
