using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeLegEventEntityTypeConfiguration : IEntityTypeConfiguration<IntakeLegEvent>
{
    public void Configure(EntityTypeBuilder<IntakeLegEvent> builder)
    {
        builder.ToTable("intake_leg_events");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedOnAdd();
        builder.Property(x => x.FromStatus).HasMaxLength(32);
        builder.Property(x => x.ToStatus).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Actor).HasMaxLength(200).IsRequired();
        builder.Property(x => x.ActorKind).HasMaxLength(16).IsRequired();
        builder.HasOne<IntakeLeg>().WithMany().HasForeignKey(x => x.LegId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(x => new { x.LegId, x.Id }).HasDatabaseName("ix_intake_leg_events_leg");
    }
}
