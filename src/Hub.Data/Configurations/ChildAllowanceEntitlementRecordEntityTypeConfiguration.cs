using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class ChildAllowanceEntitlementRecordEntityTypeConfiguration : IEntityTypeConfiguration<ChildAllowanceEntitlementRecord>
{
    public void Configure(EntityTypeBuilder<ChildAllowanceEntitlementRecord> builder)
    {
        builder.ConfigureTemporal("child_allowance_entitlements");
        builder.Property(x => x.EntitlementId).HasMaxLength(30).IsRequired().HasFieldPath("childAllowance.entitlementId");
        builder.Property(x => x.RecipientAtenaNumber).HasMaxLength(15).HasFieldPath("childAllowance.recipientAtenaNumber");
        builder.Property(x => x.ChildAtenaNumber).HasMaxLength(15).HasFieldPath("childAllowance.childAtenaNumber");
        builder.Property(x => x.CertifiedOn).HasFieldPath("childAllowance.certifiedOn");
        builder.Property(x => x.EndedOn).HasFieldPath("childAllowance.endedOn");
        builder.Property(x => x.MonthlyAmount).HasFieldPath("childAllowance.monthlyAmount");
        builder.Property(x => x.Status).HasMaxLength(20).HasFieldPath("childAllowance.status");
        builder.HasIndex(x => x.RecipientAtenaNumber).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_child_allowance_recipient_latest");
        builder.HasIndex(x => x.ChildAtenaNumber).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_child_allowance_child_latest");
    }
}
