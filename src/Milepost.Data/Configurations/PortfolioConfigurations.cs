using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Milepost.Core.Portfolio;

namespace Milepost.Data.Configurations;

public sealed class DivisionConfiguration : IEntityTypeConfiguration<Division>
{
    public void Configure(EntityTypeBuilder<Division> e)
    {
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(6);
        e.Property(x => x.ParentCode).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Ignore(x => x.Level);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Division>().WithMany().HasForeignKey(x => x.ParentCode).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Aliases).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.DivisionCode, x.Name }).IsUnique();
        e.HasOne(x => x.LeadLeader).WithMany().HasForeignKey(x => x.LeadLeaderId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> e)
    {
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.NameEn).HasMaxLength(50);
        e.Property(x => x.Aliases).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Name).IsUnique();
    }
}

public sealed class UnitConfiguration : IEntityTypeConfiguration<Unit>
{
    public void Configure(EntityTypeBuilder<Unit> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.ShortName).HasMaxLength(50);
        e.Property(x => x.ContactPhone).HasMaxLength(30);
        e.Property(x => x.Aliases).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.DivisionCode, x.Name }).IsUnique();
        e.HasOne<Unit>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class LeaderConfiguration : IEntityTypeConfiguration<Leader>
{
    public void Configure(EntityTypeBuilder<Leader> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Fields).HasMaxLength(200);
        e.Property(x => x.Aliases).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.DivisionCode, x.Precedence });
    }
}
