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
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.FundsReceived).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => new { x.ProjectId, x.Month, x.Revision }).IsUnique();
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
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsOpen);
        e.HasOne<Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Leader>().WithMany().HasForeignKey(x => x.CoordinatingLeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => new { x.ProjectId, x.State });
    }
}

public sealed class SupervisionItemConfiguration : IEntityTypeConfiguration<SupervisionItem>
{
    public void Configure(EntityTypeBuilder<SupervisionItem> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.SourceText).HasMaxLength(4000);
        e.Property(x => x.Content).HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.LeadUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Projects).WithOne().HasForeignKey(x => x.SupervisionItemId).OnDelete(DeleteBehavior.Cascade);
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

public sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Findings).HasMaxLength(4000);
        e.HasOne<Leader>().WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Projects).WithOne().HasForeignKey(x => x.VisitId).OnDelete(DeleteBehavior.Cascade);
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
