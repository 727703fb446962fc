using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class ResidentRecordEntityTypeConfiguration : IEntityTypeConfiguration<ResidentRecord>
{
    public void Configure(EntityTypeBuilder<ResidentRecord> builder)
    {
        builder.ConfigureTemporal("residents");
        builder.Property(x => x.AtenaNumber).HasMaxLength(15).IsRequired().HasFieldPath("resident.atenaNumber");
        builder.Property(x => x.JuminhyoCode).HasMaxLength(11).HasFieldPath("resident.juminhyoCode");
        builder.Property(x => x.MyNumber).HasMaxLength(12).HasFieldPath("resident.myNumber");
        builder.Property(x => x.ResidentKind).HasMaxLength(8).IsRequired().HasFieldPath("resident.residentKind");
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired().HasFieldPath("resident.name");
        builder.Property(x => x.NameSearchKey).HasMaxLength(200).IsRequired();
        builder.Property(x => x.NameKana).HasMaxLength(200).HasFieldPath("resident.nameKana");
        builder.Property(x => x.NameKanaSearchKey).HasMaxLength(200);
        builder.Property(x => x.Alias).HasMaxLength(200).HasFieldPath("resident.alias");
        builder.Property(x => x.AliasSearchKey).HasMaxLength(200);
        builder.Property(x => x.AliasKana).HasMaxLength(200).HasFieldPath("resident.aliasKana");
        builder.Property(x => x.Nationality).HasMaxLength(100).HasFieldPath("resident.nationality");
        builder.Property(x => x.Sex).HasMaxLength(4).IsRequired().HasFieldPath("resident.sex");
        builder.Property(x => x.BirthDateText).HasMaxLength(40).HasFieldPath("resident.birthDate");
        builder.Property(x => x.BirthDatePrecision).HasMaxLength(20);
        builder.Property(x => x.Relationship).HasMaxLength(50).HasFieldPath("resident.relationship");
        builder.Property(x => x.HouseholdNumber).HasMaxLength(15).HasFieldPath("resident.householdNumber");
        builder.Property(x => x.PostalCode).HasMaxLength(8).HasFieldPath("resident.postalCode");
        builder.Property(x => x.AreaCode).HasMaxLength(7).HasFieldPath("resident.areaCode");
        builder.Property(x => x.Address).HasMaxLength(400).HasFieldPath("resident.address");
        builder.Property(x => x.AddressSupplement).HasMaxLength(200).HasFieldPath("resident.addressSupplement");
        builder.Property(x => x.Status).HasMaxLength(4).IsRequired().HasFieldPath("resident.status");
        builder.Property(x => x.ChangeReason).HasMaxLength(50).HasFieldPath("resident.changeReason");
        builder.Property(x => x.ChangeDate).HasFieldPath("resident.changeDate");
        builder.Property(x => x.NotifiedOn).HasFieldPath("resident.notifiedOn");
        builder.Property(x => x.PreviousAddress).HasMaxLength(400).HasFieldPath("resident.previousAddress");

        builder.HasIndex(x => x.AtenaNumber).HasDatabaseName("ix_residents_atena_number");
        builder.HasIndex(x => x.HouseholdNumber).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_household_latest");
        builder.HasIndex(x => x.NameKanaSearchKey).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_kana_latest");
        // 住民検索 by 氏名 and by 通称 (prefix on the folded keys), among latest versions as the kana search.
        builder.HasIndex(x => x.NameSearchKey).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_name_latest");
        builder.HasIndex(x => x.AliasSearchKey).HasFilter("superseded_at IS NULL AND alias_search_key IS NOT NULL").HasDatabaseName("ix_residents_alias_latest");
        builder.HasIndex(x => x.MyNumber).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_my_number_latest");
        builder.HasIndex(x => x.AreaCode).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_area_latest");
        // Push-type extraction (issue 6): births in a window among latest versions found by a range scan instead of
        // reading the city — on the earliest possible birth date for "born after D" among certain dates (newborns of the
        // last 30 days), on the latest for "possibly born after D" (children of 0–2, 不詳 ranges included). Filtered on
        // the latest version only, not on valid_to: a resident on a reference date (OnDate.Resident) may have been
        // removed since, so those queries test valid_to against the date, which a "valid_to IS NULL" index cannot serve.
        builder.HasIndex(x => x.BirthDateEarliest).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_birth_earliest_latest");
        builder.HasIndex(x => x.BirthDateLatest).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_residents_birth_latest_latest");
    }
}
