using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class PolicyNodeRowEntityTypeConfiguration : IEntityTypeConfiguration<PolicyNodeRow>
{
    public void Configure(EntityTypeBuilder<PolicyNodeRow> builder)
    {
        builder.ToTable("policy_nodes");
        builder.HasKey(x => x.Node);
        builder.Property(x => x.Node).HasMaxLength(200);
    }
}
