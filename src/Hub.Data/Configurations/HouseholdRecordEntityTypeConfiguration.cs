using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class HouseholdRecordEntityTypeConfiguration : IEntityTypeConfiguration<HouseholdRecord>
{
    public void Configure(EntityTypeBuilder<HouseholdRecord> builder)
    {
        builder.ConfigureTemporal("households");
        builder.Property(x => x.HouseholdNumber).HasMaxLength(15).IsRequired().HasFieldPath("household.householdNumber");
        builder.Property(x => x.HeadAtenaNumber).HasMaxLength(15).HasFieldPath("household.headAtenaNumber");
        builder.Property(x => x.HeadName).HasMaxLength(200).HasFieldPath("household.headName");
        builder.Property(x => x.PostalCode).HasMaxLength(8).HasFieldPath("household.postalCode");
        builder.Property(x => x.AreaCode).HasMaxLength(7).HasFieldPath("household.areaCode");
        builder.Property(x => x.Address).HasMaxLength(400).HasFieldPath("household.address");
        builder.Property(x => x.AddressSupplement).HasMaxLength(200).HasFieldPath("household.addressSupplement");
        builder.HasIndex(x => x.HouseholdNumber).HasDatabaseName("ix_households_household_number");
    }
}
