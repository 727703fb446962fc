using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class NhiQualificationRecordEntityTypeConfiguration : IEntityTypeConfiguration<NhiQualificationRecord>
{
    public void Configure(EntityTypeBuilder<NhiQualificationRecord> builder)
    {
        builder.ConfigureTemporal("nhi_qualifications");
        builder.Property(x => x.AtenaNumber).HasMaxLength(15).IsRequired().HasFieldPath("nhi.atenaNumber");
        builder.Property(x => x.HouseholdNumber).HasMaxLength(15).HasFieldPath("nhi.householdNumber");
        builder.Property(x => x.InsuredSymbol).HasMaxLength(20).HasFieldPath("nhi.insuredSymbol");
        builder.Property(x => x.InsuredNumber).HasMaxLength(20).HasFieldPath("nhi.insuredNumber");
        builder.Property(x => x.AcquiredOn).HasFieldPath("nhi.acquiredOn");
        builder.Property(x => x.LostOn).HasFieldPath("nhi.lostOn");
        builder.Property(x => x.AcquisitionReason).HasMaxLength(50).HasFieldPath("nhi.acquisitionReason");
        builder.Property(x => x.LossReason).HasMaxLength(50).HasFieldPath("nhi.lossReason");
        builder.HasIndex(x => x.AtenaNumber).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_nhi_qualifications_atena_latest");
    }
}
