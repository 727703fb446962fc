using GraphQL.Types;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>個人住民税 課税: one fiscal year's assessment (<c>tax.*</c>).</summary>
internal sealed class TaxAssessmentType : ObjectGraphType<TaxAssessmentRecord>
{
    public TaxAssessmentType(FieldCatalog catalog)
    {
        Name = "TaxAssessment";
        Description = "個人住民税 課税 (tax.*): the latest version of one fiscal year's assessment. Amounts in yen.";
        this.CatalogField<TaxAssessmentRecord, StringGraphType>(catalog, "tax.atenaNumber", t => t.AtenaNumber);
        this.CatalogField<TaxAssessmentRecord, IntGraphType>(catalog, "tax.fiscalYear", t => t.FiscalYear);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.totalIncome", t => t.TotalIncome);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.taxableIncome", t => t.TaxableIncome);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.salaryIncome", t => t.SalaryIncome);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.pensionIncome", t => t.PensionIncome);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.businessIncome", t => t.BusinessIncome);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.otherIncome", t => t.OtherIncome);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.perCapitaLevy", t => t.PerCapitaLevy);
        this.CatalogField<TaxAssessmentRecord, LongGraphType>(catalog, "tax.incomeLevy", t => t.IncomeLevy);
        this.CatalogField<TaxAssessmentRecord, BooleanGraphType>(catalog, "tax.nonTaxable", t => t.NonTaxable);
        this.CatalogField<TaxAssessmentRecord, IntGraphType>(catalog, "tax.dependents", t => t.Dependents);
    }
}
