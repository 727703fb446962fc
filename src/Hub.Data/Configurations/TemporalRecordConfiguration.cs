using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

/// <summary>Columns and indexes every <see cref="TemporalRecord"/> table shares.</summary>
internal static class TemporalRecordConfiguration
{
    public static void ConfigureTemporal<T>(this EntityTypeBuilder<T> builder, string table)
        where T : TemporalRecord
    {
        builder.ToTable(table);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SourceSystem).HasMaxLength(64).IsRequired();
        builder.Property(x => x.SourceKey).HasMaxLength(128).IsRequired();
        builder.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
        // One latest version per source record.
        builder.HasIndex(x => new { x.SourceSystem, x.SourceKey })
            .HasFilter("superseded_at IS NULL")
            .IsUnique()
            .HasDatabaseName($"ux_{table}_latest");
        builder.HasIndex(x => x.SyncRunId).HasDatabaseName($"ix_{table}_sync_run");
    }
}
