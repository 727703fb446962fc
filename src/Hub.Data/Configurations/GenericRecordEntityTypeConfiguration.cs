using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

/// <summary>
/// The generic table of every kind declared as data. Its own one-latest-version index is per kind (two kinds of one source
/// may share keys); the kind and subject index answers "this resident's records of this kind". Indexes on the values of a
/// kind's <c>x-hub-indexed</c> fields are made by the hub at startup (<see cref="Hub.Data.Kinds.RecordKindIndexes"/>), since
/// the kinds are data.
/// </summary>
internal sealed class GenericRecordEntityTypeConfiguration : IEntityTypeConfiguration<GenericRecord>
{
    public const string Table = "generic_records";

    public void Configure(EntityTypeBuilder<GenericRecord> builder)
    {
        builder.ToTable(Table);
        builder.HasKey(x => x.Id);
        builder.Property(x => x.SourceSystem).HasMaxLength(64).IsRequired();
        builder.Property(x => x.SourceKey).HasMaxLength(128).IsRequired();
        builder.Property(x => x.ContentHash).HasMaxLength(64).IsRequired();
        builder.Property(x => x.Kind).HasMaxLength(64).IsRequired();
        builder.Property(x => x.AtenaNumber).HasMaxLength(15).IsRequired();
        builder.Property(x => x.Values).IsRequired();
        builder.HasIndex(x => new { x.Kind, x.SourceSystem, x.SourceKey })
            .HasFilter("superseded_at IS NULL")
            .IsUnique()
            .HasDatabaseName($"ux_{Table}_latest");
        builder.HasIndex(x => new { x.Kind, x.AtenaNumber }).HasFilter("superseded_at IS NULL").HasDatabaseName($"ix_{Table}_kind_atena_latest");
        builder.HasIndex(x => x.SyncRunId).HasDatabaseName($"ix_{Table}_sync_run");
    }
}
