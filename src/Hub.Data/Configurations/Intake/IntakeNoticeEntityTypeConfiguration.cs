using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeNoticeEntityTypeConfiguration : IEntityTypeConfiguration<IntakeNotice>
{
    public void Configure(EntityTypeBuilder<IntakeNotice> builder)
    {
        builder.ToTable("intake_notices");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.AtenaNumber).HasMaxLength(15).IsRequired();
        builder.Property(x => x.Title).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Message).IsRequired();
        builder.HasIndex(x => new { x.AtenaNumber, x.Id }).HasDatabaseName("ix_intake_notices_inbox");
    }
}
