using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milepost.Core.Portfolio;
using Milepost.Core.Projects;

namespace Milepost.Data.Configurations;

public sealed class ProjectConfiguration : IEntityTypeConfiguration<Project>
{
    public void Configure(EntityTypeBuilder<Project> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Code).HasMaxLength(30);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.ContactPhone).HasMaxLength(30);
        e.Property(x => x.Content).HasMaxLength(4000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => x.Name);
        e.HasIndex(x => new { x.DivisionCode, x.Stage });
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.DivisionCode).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Programme).WithMany().HasForeignKey(x => x.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Category).WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.OwnerUnit).WithMany().HasForeignKey(x => x.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.ResponsibleUnit).WithMany().HasForeignKey(x => x.ResponsibleUnitId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Leaders).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Funding).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.AnnualPlans).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Transitions).WithOne().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProjectLeaderConfiguration : IEntityTypeConfiguration<ProjectLeader>
{
    public void Configure(EntityTypeBuilder<ProjectLeader> e)
    {
        e.HasKey(x => new { x.ProjectId, x.LeaderId });
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne(x => x.Leader).WithMany().HasForeignKey(x => x.LeaderId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(x => x.LeaderId);
    }
}

public sealed class ProjectFundingConfiguration : IEntityTypeConfiguration<ProjectFunding>
{
    public void Configure(EntityTypeBuilder<ProjectFunding> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasIndex(x => new { x.ProjectId, x.Source }).IsUnique();
    }
}

public sealed class AnnualPlanConfiguration : IEntityTypeConfiguration<AnnualPlan>
{
    public void Configure(EntityTypeBuilder<AnnualPlan> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Goal).HasMaxLength(2000);
        e.Property(x => x.PlannedProgressPercent).HasPrecision(5, 2);
        e.Property(x => x.MonthlyPlan)
            .HasConversion(new MonthlyPlanConverter(), new MonthlyPlanComparer())
            .HasMaxLength(400);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsAdjusted);
        e.HasIndex(x => new { x.ProjectId, x.Year }).IsUnique();
    }
}

public sealed class LifecycleTransitionConfiguration : IEntityTypeConfiguration<LifecycleTransition>
{
    public void Configure(EntityTypeBuilder<LifecycleTransition> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.MadeBy).HasMaxLength(100);
        e.HasIndex(x => new { x.ProjectId, x.Date });
    }
}

public sealed class OpeningBalanceConfiguration : IEntityTypeConfiguration<OpeningBalance>
{
    public void Configure(EntityTypeBuilder<OpeningBalance> e)
    {
        e.HasKey(x => x.ProjectId);
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.HasOne<Project>().WithOne().HasForeignKey<OpeningBalance>(x => x.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}
