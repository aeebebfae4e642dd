using Microsoft.EntityFrameworkCore;
using Milepost.Core.Projects;
using Milepost.Web.Features.Dashboard;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

/// <summary>
/// The dashboard's year classes counted by the database (DashboardPredicates.OfClass) are exactly those of
/// Project.ClassFor, including projects whose dates are not filled in: SQL's NOT of a NULL comparison is NULL, and the
/// predicates rely on EF Core's null compensation to read as C# does, on both databases.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class YearClassQueryTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Theory, DatabaseData]
    public async Task EveryClass_InTheDatabase_IsProjectClassFor_WithAndWithoutDates(Milepost.Data.DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using var db = database.NewContext();
        DateOnly?[] dates = [null, new(2019, 5, 1), new(2020, 3, 1), new(2021, 9, 30)];
        var n = 0;
        foreach (var stage in new[] { ProjectStage.Pipeline, ProjectStage.Construction, ProjectStage.Suspended })
            foreach (var start in dates)
                foreach (var completion in dates)
                    foreach (var actual in new DateOnly?[] { null, new(2019, 12, 1) })
                    {
                        var p = portfolio.Project($"项目{n++}");
                        (p.Stage, p.PlannedStart, p.PlannedCompletion, p.ActualStart) = (stage, start, completion, actual);
                        db.Projects.Add(p);
                    }
        await db.SaveChangesAsync();
        var all = await db.Projects.AsNoTracking().ToListAsync();
        foreach (var c in Enum.GetValues<ProjectYearClass>())
        {
            var expected = all.Where(p => p.ClassFor(2020) == c).Select(p => p.Id).Order().ToList();
            var counted = await db.Projects.Where(DashboardPredicates.OfClass(c, 2020)).Select(p => p.Id).OrderBy(id => id).ToListAsync();
            Assert.True(expected.SequenceEqual(counted), $"{provider} {c}: {expected.Count} by ClassFor, {counted.Count} in the database");
        }
        Assert.Contains(all, p => p.PlannedStart is null && p.ClassFor(2020) == ProjectYearClass.Preparing);
    }
}
