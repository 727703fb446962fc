using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class PolicyAuditRowEntityTypeConfiguration : IEntityTypeConfiguration<PolicyAuditRow>
{
    public void Configure(EntityTypeBuilder<PolicyAuditRow> builder)
    {
        builder.ToTable("policy_audit_records");
        builder.HasKey(x => x.Sequence);
        builder.Property(x => x.Sequence).ValueGeneratedNever();
        builder.Property(x => x.Actor).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Action).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Reason).IsRequired();
        builder.Property(x => x.PreviousHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.Hash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(x => x.Version).HasDatabaseName("ix_policy_audit_records_version");
    }
}
