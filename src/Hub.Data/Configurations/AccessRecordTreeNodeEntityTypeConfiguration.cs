using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class AccessRecordTreeNodeEntityTypeConfiguration : IEntityTypeConfiguration<AccessRecordTreeNode>
{
    public void Configure(EntityTypeBuilder<AccessRecordTreeNode> builder)
    {
        builder.ToTable("access_record_tree");

        // A proof reads O(log n) nodes by this key; appends add keys at the end of its range.
        builder.HasKey(x => x.Position);
        builder.Property(x => x.Position).ValueGeneratedNever();
        builder.Property(x => x.Hash).HasMaxLength(32).IsFixedLength().IsRequired();
    }
}
