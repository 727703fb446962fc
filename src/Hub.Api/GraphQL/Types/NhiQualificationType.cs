using GraphQL.Types;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>国保資格: a national health insurance qualification period (<c>nhi.*</c>).</summary>
internal sealed class NhiQualificationType : ObjectGraphType<NhiQualificationRecord>
{
    public NhiQualificationType(FieldCatalog catalog)
    {
        Name = "NhiQualification";
        Description = "国民健康保険 資格 (nhi.*): the latest version of a qualification period.";
        this.CatalogField<NhiQualificationRecord, StringGraphType>(catalog, "nhi.atenaNumber", n => n.AtenaNumber);
        this.CatalogField<NhiQualificationRecord, StringGraphType>(catalog, "nhi.householdNumber", n => n.HouseholdNumber);
        this.CatalogField<NhiQualificationRecord, StringGraphType>(catalog, "nhi.insuredSymbol", n => n.InsuredSymbol);
        this.CatalogField<NhiQualificationRecord, StringGraphType>(catalog, "nhi.insuredNumber", n => n.InsuredNumber);
        this.CatalogField<NhiQualificationRecord, DateType>(catalog, "nhi.acquiredOn", n => n.AcquiredOn);
        this.CatalogField<NhiQualificationRecord, DateType>(catalog, "nhi.lostOn", n => n.LostOn);
        this.CatalogField<NhiQualificationRecord, StringGraphType>(catalog, "nhi.acquisitionReason", n => n.AcquisitionReason);
        this.CatalogField<NhiQualificationRecord, StringGraphType>(catalog, "nhi.lossReason", n => n.LossReason);
    }
}
