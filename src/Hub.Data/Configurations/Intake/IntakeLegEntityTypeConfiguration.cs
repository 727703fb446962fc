using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations.Intake;

internal sealed class IntakeLegEntityTypeConfiguration : IEntityTypeConfiguration<IntakeLeg>
{
    public void Configure(EntityTypeBuilder<IntakeLeg> builder)
    {
        builder.ToTable("intake_legs");
        builder.HasKey(x => x.Id);
        builder.Property(x => x.Id).ValueGeneratedNever();
        builder.Property(x => x.ProcedureId).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Name).HasMaxLength(200).IsRequired();
        builder.Property(x => x.Department).HasMaxLength(100).IsRequired();
        builder.Property(x => x.Task).HasMaxLength(100).IsRequired();
        builder.Property(x => x.FormId).HasMaxLength(100);
        builder.Property(x => x.Status).HasMaxLength(32).IsRequired();
        builder.Property(x => x.Assignee).HasMaxLength(200);
        builder.Property(x => x.ItemsJson).IsRequired();
        builder.Property(x => x.Version).IsConcurrencyToken();

        // One leg per procedure of a case, whatever a retry does.
        builder.HasIndex(x => new { x.CaseId, x.ProcedureId }).IsUnique().HasDatabaseName("ux_intake_legs_case_procedure");
        // A department's queue: its legs by status.
        builder.HasIndex(x => new { x.Task, x.Status }).HasDatabaseName("ix_intake_legs_task_status");
    }
}
