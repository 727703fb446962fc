using GraphQL.Types;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>児童手当 受給: one entitlement, one recipient and one child (<c>childAllowance.*</c>).</summary>
internal sealed class ChildAllowanceEntitlementType : ObjectGraphType<ChildAllowanceEntitlementRecord>
{
    public ChildAllowanceEntitlementType(FieldCatalog catalog)
    {
        Name = "ChildAllowanceEntitlement";
        Description = "児童手当 (childAllowance.*): the latest version of an entitlement.";
        this.CatalogField<ChildAllowanceEntitlementRecord, StringGraphType>(catalog, "childAllowance.entitlementId", c => c.EntitlementId);
        this.CatalogField<ChildAllowanceEntitlementRecord, StringGraphType>(catalog, "childAllowance.recipientAtenaNumber", c => c.RecipientAtenaNumber);
        this.CatalogField<ChildAllowanceEntitlementRecord, StringGraphType>(catalog, "childAllowance.childAtenaNumber", c => c.ChildAtenaNumber);
        this.CatalogField<ChildAllowanceEntitlementRecord, DateType>(catalog, "childAllowance.certifiedOn", c => c.CertifiedOn);
        this.CatalogField<ChildAllowanceEntitlementRecord, DateType>(catalog, "childAllowance.endedOn", c => c.EndedOn);
        this.CatalogField<ChildAllowanceEntitlementRecord, IntGraphType>(catalog, "childAllowance.monthlyAmount", c => c.MonthlyAmount);
        this.CatalogField<ChildAllowanceEntitlementRecord, StringGraphType>(catalog, "childAllowance.status", c => c.Status);
    }
}
