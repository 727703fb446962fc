using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeIdempotencyKeyEntityTypeConfiguration : IEntityTypeConfiguration<IntakeIdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IntakeIdempotencyKey> builder)
    {
        builder.ToTable("intake_idempotency_keys");
        builder.HasKey(x => new { x.Principal, x.Key });
        builder.Property(x => x.Principal).HasMaxLength(200);
        builder.Property(x => x.Key).HasMaxLength(200);
        builder.Property(x => x.PayloadHash).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(x => x.LeaseUntil).IsConcurrencyToken();
    }
}
