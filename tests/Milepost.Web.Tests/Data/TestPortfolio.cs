using Milepost.Core;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Scheduling;
using Milepost.Data;

namespace Milepost.Web.Tests.Data;

/// <summary>
/// The rows a project refers to (a division, a category, an owner unit, a responsible department
/// and a city leader), and small builders for the rows the tests make on top of them.
/// </summary>
public sealed record TestPortfolio(string DivisionCode, long CategoryId, long OwnerUnitId, long DepartmentId, long LeaderId)
{
    public static async Task<TestPortfolio> SeedAsync(MilepostDb db)
    {
        var division = new Division { Code = "511800", Name = "雅安市" };
        var category = new Category { Name = "交通", NameEn = "Transport", SortOrder = 1 };
        var owner = new Unit { DivisionCode = division.Code, Name = "雅安市交通建设投资有限公司", Kind = UnitKind.Owner, ContactPerson = "王工" };
        var department = new Unit { DivisionCode = division.Code, Name = "雅安市交通运输局", Kind = UnitKind.Department };
        var leader = new Leader { DivisionCode = division.Code, Name = "李明", Title = "副市长", Body = LeaderBody.Government, Precedence = 5 };
        db.AddRange(division, category, owner, department, leader);
        await db.SaveChangesAsync();
        return new(division.Code, category.Id, owner.Id, department.Id, leader.Id);
    }

    public Project Project(string name, Money? total = null, string? code = null) => new()
    {
        Name = name,
        Code = code,
        DivisionCode = DivisionCode,
        CategoryId = CategoryId,
        OwnerUnitId = OwnerUnitId,
        ResponsibleUnitId = DepartmentId,
        TotalInvestment = total ?? Money.FromWan(1_000m),
    };

    public MonthlyReport Report(long projectId, YearMonth month, Money completed) => new()
    {
        ProjectId = projectId,
        DivisionCode = DivisionCode,
        Month = month,
        CompletedInvestment = completed,
        State = ReportState.Submitted,
    };

    public TimeNode Node(long projectId, string name) => new()
    {
        ProjectId = projectId,
        DivisionCode = DivisionCode,
        Name = name,
        Kind = TimeNodeKind.Construction,
        DurationDays = 30,
    };
}
