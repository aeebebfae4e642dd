using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Milepost.Core;
using Milepost.Core.Projects;
using Milepost.Data;
using Milepost.Web.Features.Projects;
using Milepost.Web.Shared;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Ledger;

/// <summary>
/// The export reads the whole project list by id, a thousand at a time, instead of page by page: over 2,600 projects
/// (three chunks) and several sorts with many ties, it yields exactly the rows the list's pages show, in their order.
/// </summary>
public sealed class ProjectStreamTests
{
    private static readonly Actor Supervisor = new("supervisor", "督查室", new HashSet<string> { Roles.Supervisor }, null, null);

    [Fact]
    public async Task AllRows_EqualTheListsPages_InOrder_UnderEverySort()
    {
        await using var factory = new MilepostFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MilepostDb>();
        var model = await db.Projects.AsNoTracking().FirstAsync(p => p.PlannedStart != null);
        var random = new Random(8);
        for (var i = 0; i < 2_600; i++)
            db.Projects.Add(new Project
            {
                Name = $"流式项目{random.Next(500):000}", Code = i % 7 == 0 ? null : $"S-{i * 7919 % 100_000:000000}", DivisionCode = model.DivisionCode,
                CategoryId = model.CategoryId, OwnerUnitId = model.OwnerUnitId, ResponsibleUnitId = model.ResponsibleUnitId,
                // Few distinct amounts and dates: ties everywhere, broken by id.
                TotalInvestment = new Money(random.Next(5) * 10_000_000L), PlannedStart = i % 3 == 0 ? null : new DateOnly(2020, random.Next(1, 4), 1),
                Version = 1,
            });
        await db.SaveChangesAsync();
        var queries = scope.ServiceProvider.GetRequiredService<ProjectQueries>();

        foreach (var (sort, descending) in new[] { (ProjectSort.Code, false), (ProjectSort.TotalInvestment, true), (ProjectSort.PlannedStart, false), (ProjectSort.Name, true) })
        {
            var filter = new ProjectFilter { Sort = sort, Descending = descending, PageSize = ProjectQueries.MaxPageSize };
            var paged = new List<ProjectRow>();
            for (var page = 1; ; page++)
            {
                var result = await queries.ListAsync(Supervisor, filter with { Page = page });
                paged.AddRange(result.Items);
                if (result.Items.Count < result.PageSize) break;
            }
            var all = new List<ProjectRow>();
            await foreach (var row in queries.AllAsync(Supervisor, filter)) all.Add(row);
            Assert.True(all.Count > 2_600, $"{sort}: {all.Count}");
            Assert.Equal(paged.Select(r => (r.Id, r.Name, r.AnnualPlanWan, r.Warning?.Level)), all.Select(r => (r.Id, r.Name, r.AnnualPlanWan, r.Warning?.Level)));
        }
    }
}
