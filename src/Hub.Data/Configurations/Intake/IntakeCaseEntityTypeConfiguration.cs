using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeCaseEntityTypeConfiguration : IEntityTypeConfiguration<IntakeCase>
{
    public void Configure(EntityTypeBuilder<IntakeCase> builder)
    {
        builder.ToTable("intake_cases");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.Event).HasMaxLength(32).IsRequired();
        builder.Property(x => x.AtenaNumber).HasMaxLength(15).IsRequired();
        builder.Property(x => x.Channel).HasMaxLength(16).IsRequired();
        builder.Property(x => x.SubmittedBy).HasMaxLength(200).IsRequired();
        builder.HasMany(x => x.Legs).WithOne().HasForeignKey(l => l.CaseId).OnDelete(DeleteBehavior.Restrict);

        // The business key: the counter's and the portal's submissions of one event are one case.
        builder.HasIndex(x => new { x.Event, x.AtenaNumber, x.On }).IsUnique().HasDatabaseName("ux_intake_cases_business_key");
        builder.HasIndex(x => x.AtenaNumber).HasDatabaseName("ix_intake_cases_atena_number");
    }
}
