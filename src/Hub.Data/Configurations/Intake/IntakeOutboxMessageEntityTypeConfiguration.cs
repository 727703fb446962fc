using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeOutboxMessageEntityTypeConfiguration : IEntityTypeConfiguration<IntakeOutboxMessage>
{
    public void Configure(EntityTypeBuilder<IntakeOutboxMessage> builder)
    {
        builder.ToTable("intake_outbox");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.Kind).HasMaxLength(16).IsRequired();
        builder.Property(x => x.Target).HasMaxLength(100).IsRequired();
        builder.Property(x => x.DedupeKey).HasMaxLength(200).IsRequired();
        builder.Property(x => x.LastError).HasMaxLength(400);
        builder.HasIndex(x => x.DedupeKey).IsUnique().HasDatabaseName("ux_intake_outbox_dedupe");
        builder.HasIndex(x => new { x.DeliveredAt, x.NextAttemptAt }).HasDatabaseName("ix_intake_outbox_due");
    }
}
