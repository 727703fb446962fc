using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class QuarantinedRecordEntityTypeConfiguration : IEntityTypeConfiguration<QuarantinedRecord>
{
    public void Configure(EntityTypeBuilder<QuarantinedRecord> builder)
    {
        builder.ToTable("quarantined_records");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Source).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Location).HasMaxLength(500).IsRequired();
        builder.Property(x => x.SourceKey).HasMaxLength(128);
        builder.Property(x => x.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(x => x.RawBytes).IsRequired();
        builder.HasIndex(x => new { x.Source, x.ResolvedAt }).HasDatabaseName("ix_quarantined_records_source_open");
        builder.HasIndex(x => x.SyncRunId).HasDatabaseName("ix_quarantined_records_sync_run");
    }
}
