using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class AccessRecordTreeNodeEntityTypeConfiguration : IEntityTypeConfiguration<AccessRecordTreeNode>
{
    public void Configure(EntityTypeBuilder<AccessRecordTreeNode> builder)
    {
        builder.ToTable("access_record_tree");

        // A proof reads O(log n) nodes by this key; nodes of one level are appended in key order.
        builder.HasKey(x => new { x.Level, x.NodeIndex });
        builder.Property(x => x.Level).ValueGeneratedNever();
        builder.Property(x => x.NodeIndex).ValueGeneratedNever();
        builder.Property(x => x.Hash).HasMaxLength(32).IsFixedLength().IsRequired();
    }
}
