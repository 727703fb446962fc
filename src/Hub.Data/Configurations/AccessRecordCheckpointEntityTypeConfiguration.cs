using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class AccessRecordCheckpointEntityTypeConfiguration : IEntityTypeConfiguration<AccessRecordCheckpoint>
{
    public void Configure(EntityTypeBuilder<AccessRecordCheckpoint> builder)
    {
        builder.ToTable("access_record_checkpoints");
        builder.HasKey(x => x.TreeSize);
        builder.Property(x => x.TreeSize).ValueGeneratedNever();
        builder.Property(x => x.RootHash).HasMaxLength(32).IsFixedLength().IsRequired();
        builder.Property(x => x.Note).HasMaxLength(4000).IsRequired();
    }
}
