using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Types;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

namespace Hub.Api.GraphQL.Types;

/// <summary>世帯: the latest version of a household and its living members. Field names are the catalog's (<c>household.*</c>).</summary>
internal sealed class HouseholdType : ObjectGraphType<HouseholdRecord>
{
    public HouseholdType(FieldCatalog catalog)
    {
        Name = "Household";
        Description = "世帯 (household.*): the latest version of a household.";
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.householdNumber", h => h.HouseholdNumber);
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.headAtenaNumber", h => h.HeadAtenaNumber);
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.headName", h => h.HeadName);
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.postalCode", h => h.PostalCode);
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.areaCode", h => h.AreaCode);
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.address", h => h.Address);
        this.CatalogField<HouseholdRecord, StringGraphType>(catalog, "household.addressSupplement", h => h.AddressSupplement);

        var members = catalog.Find("household.members") ?? throw new InvalidOperationException("household.members is not in the field catalog.");
        Field<ListGraphType<NonNullGraphType<ResidentType>>>(members.Name)
            .Description(CatalogFields.Describe(members) + ": living residents carrying this household number, head first")
            .Configure(f => f.Metadata[CatalogFields.PathMetadataKey] = members.Path)
            .Resolve(c => c.Loaders().Members.Load(c.Source.HouseholdNumber).Then(found =>
            {
                var (members, orderPaths) = MemberOrder.Arrange(found ?? [], c.Gate());
                foreach (var path in orderPaths)
                {
                    c.Access().Add(path, members.Select(m => m.AtenaNumber));
                }

                return members;
            }).ForGraphQL());
    }
}
