using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class SourceWatermarkEntityTypeConfiguration : IEntityTypeConfiguration<SourceWatermark>
{
    public void Configure(EntityTypeBuilder<SourceWatermark> builder)
    {
        builder.ToTable("source_watermarks");
        builder.HasKey(x => x.Source);
        builder.Property(x => x.Source).HasMaxLength(64);
        builder.Property(x => x.Value).HasMaxLength(200).IsRequired();
    }
}
