using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Reports;
using Milepost.Data;
using Milepost.Web.Features.Projects;

namespace Milepost.Web.Tests.Reports;

/// <summary>Corrections and returned reports never count twice in the indicators (SPEC §3.4, §4.1).</summary>
public sealed class ReportIndicatorTests(ReportFixture fx) : IClassFixture<ReportFixture>
{
    [Theory]
    [InlineData("大数据产业园一期")]               // February: revision 1 superseded by an approved revision 2
    [InlineData("岷江高速公路东互通立交工程")]     // April: an open correction (revision 2 in draft)
    [InlineData("岷江至省会快速通道")]             // May: returned to the owner
    public async Task FundsReceived_CountOneReportPerMonth(string name)
    {
        await using var scope = fx.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var id = await db.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
        var reports = await db.MonthlyReports.AsNoTracking().Include(r => r.FundsReceived).Where(r => r.ProjectId == id).ToListAsync();
        var withFunds = reports.Where(r => r.FundsReceived.Count > 0).ToList();
        Assert.True(withFunds.Count > withFunds.Select(r => r.Month).Distinct().Count()
                    || reports.Any(r => r.State == ReportState.Returned), "the demo case is in place");
        var asOf = new YearMonth(2020, 5);
        var expected = Money.Sum(reports
            .Where(r => r.Month <= asOf && r.State is ReportState.Approved or ReportState.Submitted && r.SupersededById == null)
            .GroupBy(r => r.Month).Select(g => g.OrderByDescending(r => r.Revision).First())
            .SelectMany(r => r.FundsReceived.Select(f => f.Amount)));

        var status = (await scope.ServiceProvider.GetRequiredService<ProjectStatusService>().ForProjectsAsync([id]))[id];
        Assert.Equal(expected, status.Indicators.FundsReceived);
    }
}
