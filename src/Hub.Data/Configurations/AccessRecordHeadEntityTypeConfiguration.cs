using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class AccessRecordHeadEntityTypeConfiguration : IEntityTypeConfiguration<AccessRecordHead>
{
    public void Configure(EntityTypeBuilder<AccessRecordHead> builder)
    {
        builder.ToTable("access_record_head", t => t.HasCheckConstraint("ck_access_record_head_singleton", "id = 1"));
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.LastHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.TreeEdge).HasMaxLength(63 * 32).IsRequired();

        // The row exists from the migration on, so the first append on any node has something to lock.
        builder.HasData(new AccessRecordHead { Id = AccessRecordHead.SingletonId, LastSequence = 0, LastHash = AccessRecordChain.Genesis, TreeSize = 0, TreeEdge = [] });
    }
}
