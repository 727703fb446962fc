using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Data.Configurations;

internal sealed class TaxAssessmentRecordEntityTypeConfiguration : IEntityTypeConfiguration<TaxAssessmentRecord>
{
    public void Configure(EntityTypeBuilder<TaxAssessmentRecord> builder)
    {
        builder.ConfigureTemporal("tax_assessments");
        builder.Property(x => x.AtenaNumber).HasMaxLength(15).IsRequired().HasFieldPath("tax.atenaNumber");
        builder.Property(x => x.FiscalYear).HasFieldPath("tax.fiscalYear");
        builder.Property(x => x.TotalIncome).HasFieldPath("tax.totalIncome");
        builder.Property(x => x.TaxableIncome).HasFieldPath("tax.taxableIncome");
        builder.Property(x => x.SalaryIncome).HasFieldPath("tax.salaryIncome");
        builder.Property(x => x.PensionIncome).HasFieldPath("tax.pensionIncome");
        builder.Property(x => x.BusinessIncome).HasFieldPath("tax.businessIncome");
        builder.Property(x => x.OtherIncome).HasFieldPath("tax.otherIncome");
        builder.Property(x => x.PerCapitaLevy).HasFieldPath("tax.perCapitaLevy");
        builder.Property(x => x.IncomeLevy).HasFieldPath("tax.incomeLevy");
        builder.Property(x => x.NonTaxable).HasFieldPath("tax.nonTaxable");
        builder.Property(x => x.Dependents).HasFieldPath("tax.dependents");
        builder.HasIndex(x => new { x.AtenaNumber, x.FiscalYear }).HasFilter("superseded_at IS NULL").HasDatabaseName("ix_tax_assessments_atena_year_latest");
    }
}
