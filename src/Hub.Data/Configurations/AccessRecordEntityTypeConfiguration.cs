using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class AccessRecordEntityTypeConfiguration : IEntityTypeConfiguration<AccessRecord>
{
    public void Configure(EntityTypeBuilder<AccessRecord> builder)
    {
        builder.ToTable("access_records");
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedNever();
        builder.Property(x => x.UserId).HasMaxLength(200).IsRequired();
        builder.Property(x => x.ClientId).HasMaxLength(200);
        builder.Property(x => x.Task).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Purpose).HasMaxLength(500).IsRequired();
        builder.Property(x => x.Case).HasMaxLength(200);
        builder.Property(x => x.Operation).HasMaxLength(500).IsRequired();
        builder.Property(x => x.SubjectAtenaNumbers).IsRequired();
        builder.Property(x => x.FieldPaths).IsRequired();
        builder.Property(x => x.PolicyVersion).HasMaxLength(32).IsRequired();
        builder.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(x => x.RecordedAt).HasDatabaseName("ix_access_records_recorded_at");
        builder.HasIndex(x => new { x.UserId, x.RecordedAt }).HasDatabaseName("ix_access_records_user_recorded_at");
    }
}
