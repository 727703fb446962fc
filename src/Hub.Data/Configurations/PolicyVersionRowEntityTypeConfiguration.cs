using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class PolicyVersionRowEntityTypeConfiguration : IEntityTypeConfiguration<PolicyVersionRow>
{
    public void Configure(EntityTypeBuilder<PolicyVersionRow> builder)
    {
        builder.ToTable("policy_versions");
        builder.HasKey(x => x.Number);
        builder.Property(x => x.Number).ValueGeneratedNever();
        builder.Property(x => x.State).HasMaxLength(16).IsRequired();
        builder.Property(x => x.ModelText).IsRequired();
        builder.Property(x => x.PolicyText).IsRequired();
        builder.Property(x => x.ContentHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.Author).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Reason).IsRequired();
        builder.Property(x => x.PublishedBy).HasMaxLength(200);

        // At most one version in force, whatever the nodes do.
        builder.HasIndex(x => x.State).IsUnique().HasFilter("state = 'Published'").HasDatabaseName("ux_policy_versions_published");
    }
}
