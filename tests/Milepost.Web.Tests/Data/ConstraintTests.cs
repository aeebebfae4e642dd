using Microsoft.EntityFrameworkCore;
using Milepost.Data;
using Milepost.Web.Tests.Infrastructure;

namespace Milepost.Web.Tests.Data;

[Collection(PostgresCollection.Name)]
public sealed class ConstraintTests(PostgresFixture postgres) : DatabaseTest(postgres)
{
    [Theory, DatabaseData]
    public async Task ProjectCode_TakenTwice_IsRefused(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Projects.Add(portfolio.Project("甲", code: "2026-511800-48-01-000001"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            db.Projects.Add(portfolio.Project("乙", code: "2026-511800-48-01-000001"));
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            AssertViolates(Constraint.Unique, e);
        }
        await using (var db = database.NewContext())
            Assert.Equal(["甲"], await db.Projects.Select(p => p.Name).ToListAsync());
    }

    [Theory, DatabaseData]
    public async Task ProjectCode_MissingOnSeveralProjects_IsAllowed(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using (var db = database.NewContext())
        {
            db.Projects.Add(portfolio.Project("甲"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
        {
            db.Projects.AddRange(portfolio.Project("乙"), portfolio.Project("丙"));
            await db.SaveChangesAsync();
        }
        await using (var db = database.NewContext())
            Assert.Equal(3, await db.Projects.CountAsync(p => p.Code == null));
    }

    [Theory, DatabaseData]
    public async Task TimeNode_OfAProjectThatDoesNotExist_IsRefused(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        await using (var db = database.NewContext())
        {
            db.TimeNodes.Add(portfolio.Node(projectId: 987_654, "施工许可"));
            var e = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            AssertViolates(Constraint.ForeignKey, e);
        }
        await using (var db = database.NewContext())
            Assert.Equal(0, await db.TimeNodes.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task Project_SavedFromAStaleCopy_IsRefused(DatabaseProvider provider)
    {
        var (database, portfolio) = await CreateSeededAsync(provider);
        long id;
        await using (var db = database.NewContext())
        {
            var p = portfolio.Project("原名");
            db.Projects.Add(p);
            await db.SaveChangesAsync();
            id = p.Id;
        }

        await using var first = database.NewContext();
        await using var second = database.NewContext();
        var mine = await first.Projects.SingleAsync(p => p.Id == id);
        var theirs = await second.Projects.SingleAsync(p => p.Id == id);

        mine.Name = "第一次修改";
        mine.Version++;
        await first.SaveChangesAsync();

        theirs.Name = "第二次修改";
        theirs.Version++;
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = database.NewContext();
        var stored = await check.Projects.SingleAsync(p => p.Id == id);
        Assert.Equal("第一次修改", stored.Name);
        Assert.Equal(1, stored.Version);
    }
}
