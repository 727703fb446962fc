using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class PolicyHeadEntityTypeConfiguration : IEntityTypeConfiguration<PolicyHead>
{
    public void Configure(EntityTypeBuilder<PolicyHead> builder)
    {
        builder.ToTable("policy_head", t => t.HasCheckConstraint("ck_policy_head_singleton", "id = 1"));
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();

        // The row exists from the migration on, so the first change on any node has something to lock.
        builder.HasData(new PolicyHead { Id = PolicyHead.SingletonId, InForce = null, Revision = 0 });
    }
}
