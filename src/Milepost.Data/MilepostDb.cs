using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Milepost.Core;
using Milepost.Core.Approvals;
using Milepost.Core.Audit;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Scheduling;
using Milepost.Core.Supervision;
using Milepost.Core.Visits;

namespace Milepost.Data;

/// <summary>
/// The database. One subclass per provider (<see cref="SqliteMilepostDb"/>, <see cref="PostgresMilepostDb"/>)
/// owns that provider's migrations set; the application only ever asks for <see cref="MilepostDb"/>.
/// </summary>
public abstract class MilepostDb(DbContextOptions options, IAuditOrigin? origin = null) : IdentityDbContext<MilepostUser>(options)
{
    public DbSet<Division> Divisions => Set<Division>();
    public DbSet<Programme> Programmes => Set<Programme>();
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Leader> Leaders => Set<Leader>();
    public DbSet<Project> Projects => Set<Project>();
    public DbSet<ProjectLeader> ProjectLeaders => Set<ProjectLeader>();
    public DbSet<ProjectFunding> ProjectFunding => Set<ProjectFunding>();
    public DbSet<AnnualPlan> AnnualPlans => Set<AnnualPlan>();
    public DbSet<OpeningBalance> OpeningBalances => Set<OpeningBalance>();
    public DbSet<LifecycleTransition> LifecycleTransitions => Set<LifecycleTransition>();
    public DbSet<TimeNode> TimeNodes => Set<TimeNode>();
    public DbSet<NodeDependency> NodeDependencies => Set<NodeDependency>();
    public DbSet<MonthlyReport> MonthlyReports => Set<MonthlyReport>();
    public DbSet<ReportFunds> ReportFunds => Set<ReportFunds>();
    public DbSet<ReportPhoto> ReportPhotos => Set<ReportPhoto>();
    public DbSet<Problem> Problems => Set<Problem>();
    public DbSet<ProblemUnit> ProblemUnits => Set<ProblemUnit>();
    public DbSet<ProblemEscalation> ProblemEscalations => Set<ProblemEscalation>();
    public DbSet<SupervisionItem> SupervisionItems => Set<SupervisionItem>();
    public DbSet<SupervisionItemProject> SupervisionItemProjects => Set<SupervisionItemProject>();
    public DbSet<SupervisionItemUnit> SupervisionItemUnits => Set<SupervisionItemUnit>();
    public DbSet<SupervisionEntry> SupervisionEntries => Set<SupervisionEntry>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<VisitProject> VisitProjects => Set<VisitProject>();
    public DbSet<VisitLeader> VisitLeaders => Set<VisitLeader>();
    public DbSet<VisitFinding> VisitFindings => Set<VisitFinding>();
    public DbSet<ApprovalItem> ApprovalItems => Set<ApprovalItem>();
    public DbSet<RankingPublication> RankingPublications => Set<RankingPublication>();
    public DbSet<RankingExemptionRecord> RankingExemptions => Set<RankingExemptionRecord>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<PortfolioSetting> Settings => Set<PortfolioSetting>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>
    /// The client's network address that audit events of this unit of work record (SECURITY.md 10); null
    /// for the command line and background jobs.
    /// </summary>
    public string? ClientAddress => origin?.ClientAddress;

    /// <summary>The event <see cref="AuditTrail.AppendAsync"/> added last, so the next append finds a pending head without scanning every tracked entry.</summary>
    internal AuditEvent? LastAppended { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        b.Properties<Money>().HaveConversion<MoneyConverter>();
        b.Properties<YearMonth>().HaveConversion<YearMonthConverter>();
        b.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        // Enums as their names: readable in the database and stable when members are added.
        foreach (var e in new[]
                 {
                     typeof(ProjectStage), typeof(KeyProjectLevel), typeof(FundingSource), typeof(UnitKind), typeof(LeaderBody),
                     typeof(TimeNodeKind), typeof(ReportState), typeof(ProblemCategory), typeof(ProblemState),
                     typeof(SupervisionSource), typeof(SupervisionState), typeof(SupervisionEvaluation),
                     typeof(ApprovalKind), typeof(ApprovalState), typeof(Core.Ranking.ExemptionKind),
                 })
            b.Properties(e).HaveConversion<string>().HaveMaxLength(32);
        b.Properties<string>().HaveMaxLength(500);
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        base.OnModelCreating(b);
        b.ApplyConfigurationsFromAssembly(typeof(MilepostDb).Assembly);
    }
}

public sealed class SqliteMilepostDb(DbContextOptions<SqliteMilepostDb> options, IAuditOrigin? origin = null) : MilepostDb(options, origin);

public sealed class PostgresMilepostDb(DbContextOptions<PostgresMilepostDb> options, IAuditOrigin? origin = null) : MilepostDb(options, origin);

/// <summary>Where a unit of work's changes come from, as the audit trail records it.</summary>
public interface IAuditOrigin
{
    string? ClientAddress { get; }
}
