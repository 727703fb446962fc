using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeAttachmentEntityTypeConfiguration : IEntityTypeConfiguration<IntakeAttachment>
{
    public void Configure(EntityTypeBuilder<IntakeAttachment> builder)
    {
        builder.ToTable("intake_attachments");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.FileName).HasMaxLength(255).IsRequired();
        builder.Property(x => x.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Sha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.StoredPath).HasMaxLength(400);
        builder.Property(x => x.ScanResult).HasMaxLength(100).IsRequired();
        builder.Property(x => x.AddedBy).HasMaxLength(200).IsRequired();
        builder.HasOne<IntakeCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => x.CaseId).HasDatabaseName("ix_intake_attachments_case");
    }
}
