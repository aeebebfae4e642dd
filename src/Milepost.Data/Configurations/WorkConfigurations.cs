using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milepost.Core.Approvals;
using Milepost.Core.Audit;
using Milepost.Core.Portfolio;
using Milepost.Core.Problems;
using Milepost.Core.Projects;
using Milepost.Core.Reports;
using Milepost.Core.Scheduling;
using Milepost.Core.Supervision;
using Milepost.Core.Visits;

namespace Milepost.Data.Configurations;

public sealed class TimeNodeConfiguration : IEntityTypeConfiguration<TimeNode>
{
    public void Configure(EntityTypeBuilder<TimeNode> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Weight).HasPrecision(9, 2);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsDone);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Predecessors).WithOne().HasForeignKey(x => x.SuccessorId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProjectId, x.SortOrder });
    }
}

public sealed class NodeDependencyConfiguration : IEntityTypeConfiguration<NodeDependency>
{
    public void Configure(EntityTypeBuilder<NodeDependency> e)
    {
        e.HasKey(x => new { x.SuccessorId, x.PredecessorId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<TimeNode>().WithMany().HasForeignKey(x => x.PredecessorId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.ProgressPercent).HasPrecision(5, 2);
        e.Property(x => x.Narrative).HasMaxLength(4000);
        e.Property(x => x.NextMonthPlan).HasMaxLength(4000);
        e.Property(x => x.ReviewComment).HasMaxLength(2000);
        e.Property(x => x.ProgressReason).HasMaxLength(2000);
        e.Property(x => x.SubmittedBy).HasMaxLength(100);
        e.Property(x => x.ReviewedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.FundsReceived).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        // Photos outlive nothing: reports are never deleted, so neither are they (Restrict).
        e.HasMany(x => x.Photos).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProjectId, x.Month, x.Revision }).IsUnique();
        // The dashboard's stale-data count (latest approval per project) and the warnings' report check (first
        // submission of a month) read these columns only: covering indexes spare a read of every report row.
        e.HasIndex(x => new { x.ProjectId, x.State, x.ReviewedAt });
        e.HasIndex(x => new { x.ProjectId, x.Month, x.State, x.SubmittedAt });
    }
}

public sealed class ReportPhotoConfiguration : IEntityTypeConfiguration<ReportPhoto>
{
    public void Configure(EntityTypeBuilder<ReportPhoto> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.ContentType).HasMaxLength(20);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.Caption).HasMaxLength(200);
        e.Property(x => x.UploadedBy).HasMaxLength(100);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.Sha256);
        e.HasIndex(x => new { x.ProjectId, x.UploadedAt });
    }
}

public sealed class ReportFundsConfiguration : IEntityTypeConfiguration<ReportFunds>
{
    public void Configure(EntityTypeBuilder<ReportFunds> e) => e.Property(x => x.DivisionCode).HasMaxLength(6);
}

public sealed class ProblemConfiguration : IEntityTypeConfiguration<Problem>
{
    public void Configure(EntityTypeBuilder<Problem> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Description).HasMaxLength(4000);
        e.Property(x => x.Resolution).HasMaxLength(4000);
        e.Property(x => x.RaisedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsOpen);
        e.HasOne<MonthlyReport>().WithMany().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Departments).WithOne().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Escalations).WithOne().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.State, x.Deadline });
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Leader>().WithMany().HasForeignKey(x => x.CoordinatingLeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProjectId, x.State });
    }
}

public sealed class ProblemUnitConfiguration : IEntityTypeConfiguration<ProblemUnit>
{
    public void Configure(EntityTypeBuilder<ProblemUnit> e)
    {
        e.HasKey(x => new { x.ProblemId, x.UnitId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UnitId);
    }
}

public sealed class ProblemEscalationConfiguration : IEntityTypeConfiguration<ProblemEscalation>
{
    public void Configure(EntityTypeBuilder<ProblemEscalation> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.By).HasMaxLength(100);
        e.Property(x => x.Reason).HasMaxLength(2000);
    }
}

public sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.SourceText).HasMaxLength(4000);
        e.Property(x => x.Content).HasMaxLength(4000);
        e.Property(x => x.EvaluationComment).HasMaxLength(2000);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Leader>().WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Visit>().WithMany().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Projects).WithOne().HasForeignKey(x => x.SupervisionItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.CooperatingUnits).WithOne().HasForeignKey(x => x.SupervisionItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Entries).WithOne().HasForeignKey(x => x.SupervisionItemId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.LeadUnitId, x.State });
    }
}

public sealed class SupervisionItemProjectConfiguration : IEntityTypeConfiguration<SupervisionItemProject>
{
    public void Configure(EntityTypeBuilder<SupervisionItemProject> e)
    {
        e.HasKey(x => new { x.SupervisionItemId, x.ProjectId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class SupervisionItemUnitConfiguration : IEntityTypeConfiguration<SupervisionItemUnit>
{
    public void Configure(EntityTypeBuilder<SupervisionItemUnit> e)
    {
        e.HasKey(x => new { x.SupervisionItemId, x.UnitId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.UnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.UnitId);
    }
}

public sealed class SupervisionEntryConfiguration : IEntityTypeConfiguration<SupervisionEntry>
{
    public void Configure(EntityTypeBuilder<SupervisionEntry> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.Property(x => x.By).HasMaxLength(100);
        e.HasIndex(x => new { x.SupervisionItemId, x.At });
    }
}

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Findings).HasMaxLength(4000);
        e.Property(x => x.RecordedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Leader>().WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Projects).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Leaders).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.FindingItems).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class VisitLeaderConfiguration : IEntityTypeConfiguration<VisitLeader>
{
    public void Configure(EntityTypeBuilder<VisitLeader> e)
    {
        e.HasKey(x => new { x.VisitId, x.LeaderId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Leader>().WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.LeaderId);
    }
}

public sealed class VisitFindingConfiguration : IEntityTypeConfiguration<VisitFinding>
{
    public void Configure(EntityTypeBuilder<VisitFinding> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Text).HasMaxLength(4000);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Problem>().WithMany().HasForeignKey(x => x.ProblemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<SupervisionItem>().WithMany().HasForeignKey(x => x.SupervisionItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class VisitProjectConfiguration : IEntityTypeConfiguration<VisitProject>
{
    public void Configure(EntityTypeBuilder<VisitProject> e)
    {
        e.HasKey(x => new { x.VisitId, x.ProjectId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ApprovalItemConfiguration : IEntityTypeConfiguration<ApprovalItem>
{
    public void Configure(EntityTypeBuilder<ApprovalItem> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Authority).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(2000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.DaysTaken);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> e)
    {
        e.HasKey(x => x.Sequence);
        e.Property(x => x.Sequence).ValueGeneratedNever();
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.Action).HasMaxLength(50);
        e.Property(x => x.Entity).HasMaxLength(50);
        e.Property(x => x.EntityId).HasMaxLength(50);
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Before).HasMaxLength(16000);
        e.Property(x => x.After).HasMaxLength(16000);
        e.Property(x => x.ClientAddress).HasMaxLength(64);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => new { x.Entity, x.EntityId });
    }
}

public sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        // The claim: one row per job and day, whichever instance inserts it first.
        e.HasKey(x => new { x.Job, x.Day });
        e.Property(x => x.Job).HasMaxLength(50);
        e.Property(x => x.Instance).HasMaxLength(100);
        e.Property(x => x.Result).HasMaxLength(2000);
    }
}

public sealed class PortfolioSettingConfiguration : IEntityTypeConfiguration<PortfolioSetting>
{
    public void Configure(EntityTypeBuilder<PortfolioSetting> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(16000);
        e.Property(x => x.UpdatedBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
