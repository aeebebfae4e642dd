using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Milepost.Data.Configurations;

public sealed class RankingPublicationConfiguration : IEntityTypeConfiguration<RankingPublication>
{
    public void Configure(EntityTypeBuilder<RankingPublication> e)
    {
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.PublishedBy).HasMaxLength(100);
        e.Property(x => x.Note).HasMaxLength(2000);
        // A province's snapshot runs to tens of megabytes: no length limit.
        e.Property(x => x.Snapshot).Metadata.SetMaxLength(null);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UnitSummary).Metadata.SetMaxLength(null);
        // Two supervisors publishing the same month at once cannot both take the next sequence.
        e.HasIndex(x => new { x.DivisionCode, x.Month, x.Sequence }).IsUnique();
    }
}

public sealed class RankingExemptionConfiguration : IEntityTypeConfiguration<RankingExemptionRecord>
{
    public void Configure(EntityTypeBuilder<RankingExemptionRecord> e)
    {
        e.ToTable("RankingExemptions");
        e.Property(x => x.DivisionCode).HasMaxLength(6);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.CreatedBy).HasMaxLength(100);
        e.Property(x => x.WithdrawnBy).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Core.Projects.Project>().WithMany().HasForeignKey(x => x.ProjectId).OnDelete(DeleteBehavior.Restrict);
        // One exemption in force per project and month: the list publishes exactly one reason.
        e.HasIndex(x => new { x.ProjectId, x.Month }).IsUnique().HasFilter("\"WithdrawnAt\" IS NULL");
    }
}
