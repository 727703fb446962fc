using GraphQL.Types;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>住民: the latest version of a resident. Field names are the catalog's (<c>resident.*</c>); 個人番号 is not exposed here.</summary>
internal sealed class ResidentType : ObjectGraphType<ResidentRecord>
{
    public ResidentType(FieldCatalog catalog)
    {
        Name = "Resident";
        Description = "住民 (resident.*): the latest version of a resident in the resident registry.";
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.atenaNumber", r => r.AtenaNumber);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.juminhyoCode", r => r.JuminhyoCode);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.name", r => r.Name);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.nameKana", r => r.NameKana);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.alias", r => r.Alias);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.aliasKana", r => r.AliasKana);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.nationality", r => r.Nationality);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.residentKind", r => r.ResidentKind);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.sex", r => r.Sex);
        this.CatalogField<ResidentRecord, BirthDateType>(catalog, "resident.birthDate", r => r.BirthDateText is null ? null : r);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.relationship", r => r.Relationship);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.householdNumber", r => r.HouseholdNumber);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.postalCode", r => r.PostalCode);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.areaCode", r => r.AreaCode);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.address", r => r.Address);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.addressSupplement", r => r.AddressSupplement);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.status", r => r.Status);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.changeReason", r => r.ChangeReason);
        this.CatalogField<ResidentRecord, DateType>(catalog, "resident.changeDate", r => r.ChangeDate);
        this.CatalogField<ResidentRecord, DateType>(catalog, "resident.notifiedOn", r => r.NotifiedOn);
        Field<HouseholdType>("household")
            .Description("世帯: the household this resident belongs to (joined on resident.householdNumber)")
            .Resolve(c => c.Source.HouseholdNumber is { } number ? c.Loaders().Households.Load(number) : null);
    }
}
