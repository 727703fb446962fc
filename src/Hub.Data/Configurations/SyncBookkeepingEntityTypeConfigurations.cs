using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class SyncRunEntityTypeConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("sync_runs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Source).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(16).IsRequired();
        builder.Property(x => x.Status).HasMaxLength(16).IsRequired();
        builder.Property(x => x.WatermarkBefore).HasMaxLength(200);
        builder.Property(x => x.WatermarkAfter).HasMaxLength(200);
        builder.Property(x => x.Error).HasMaxLength(2000);
        builder.Ignore(x => x.IsBalanced);
        builder.HasIndex(x => new { x.Source, x.StartedAt }).HasDatabaseName("ix_sync_runs_source_started");
    }
}
