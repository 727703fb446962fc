using GraphQL;
using GraphQL.Types;
using Hub.Capabilities.Records;
using Hub.Api.GraphQL.Enforcement;
using Hub.Capabilities.Requests;
using Hub.Api.GraphQL.Errors;
using Hub.Api.GraphQL.Loading;
using Hub.Adapters.Catalog;
using GraphQL.DataLoader;
using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Api.GraphQL.Types;

/// <summary>住民: the latest version of a resident, its related records and field history. Field names are the catalog's (<c>resident.*</c>).</summary>
internal sealed class ResidentType : ObjectGraphType<ResidentRecord>
{
    public ResidentType(FieldCatalog catalog)
    {
        Name = "Resident";
        Description = "住民 (resident.*): the latest version of a resident in the resident registry.";
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.atenaNumber", r => r.AtenaNumber);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.juminhyoCode", r => r.JuminhyoCode);
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.myNumber", r => r.MyNumber);
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
        this.CatalogField<ResidentRecord, StringGraphType>(catalog, "resident.previousAddress", r => r.PreviousAddress);
        Field<HouseholdType>("household")
            .Description("世帯: the household this resident belongs to (joined on resident.householdNumber); needs some household.* field")
            .CatalogRecord("household")
            .Resolve(c => Household(c, c.Source));
        Field<ListGraphType<NonNullGraphType<TaxAssessmentType>>>("taxAssessments")
            .Description("個人住民税 課税 (tax.*): the latest version of each fiscal year's assessment, newest year first")
            .Argument<IntGraphType>("fiscalYear", "課税年度: only this year")
            .CatalogRecord("tax")
            .Resolve(c =>
            {
                Disclosure.Require(c, RecordSelection.Paths("tax"), FieldAction.Read, Subject.Of(c.Source), "a list of assessments by fiscal year");
                var year = c.GetArgument<int?>("fiscalYear");
                return c.Loaders().TaxAssessments.Load(c.Source.AtenaNumber)
                    .Then(list => year is { } y ? [.. (list ?? []).Where(t => t.FiscalYear == y)] : list ?? []).ForGraphQL();
            });
        Field<NhiQualificationType>("nhiQualification")
            .Description("国保資格 (nhi.*): the current qualification period, else the most recent one; null when never insured")
            .CatalogRecord("nhi")
            .Resolve(c =>
            {
                Disclosure.Require(c, RecordSelection.Paths("nhi"), FieldAction.Read, Subject.Of(c.Source), "choosing the current qualification period");
                return c.Loaders().NhiQualifications.Load(c.Source.AtenaNumber).ForGraphQL();
            });
        Field<ListGraphType<NonNullGraphType<ChildAllowanceEntitlementType>>>("childAllowanceEntitlements")
            .Description("児童手当 (childAllowance.*): entitlements where this resident is the recipient or the child")
            .CatalogRecord("childAllowance")
            .Resolve(c =>
            {
                Disclosure.Require(c, RecordSelection.Paths("childAllowance"), FieldAction.Read, Subject.Of(c.Source), "listing entitlements as recipient or child, newest first");
                return c.Loaders().ChildAllowanceEntitlements.Load(c.Source.AtenaNumber).ForGraphQL();
            });
        foreach (var kind in catalog.GenericKinds)
        {
            // A kind declared as data (schemas/records): its records about this resident, as a list named after the kind.
            var name = kind.Name;
            if (HasField(name))
            {
                throw new Hub.Capabilities.HubConfigurationException($"schemas/records/{kind.File}: $.x-hub-record: kind '{name}' would be a second field '{name}' of Resident; rename the kind.");
            }

            var selection = RecordSelection.OfKind(kind);
            Field(name, new ListGraphType(new NonNullGraphType(new Kinds.GenericKindType(kind))))
                .Description($"{kind.Label} ({name}.*): the latest version of each record about this resident, newest validity first; needs some {name}.* field")
                .CatalogRecord(name)
                .Resolve(c =>
                {
                    Disclosure.Require(c, selection, FieldAction.Read, Subject.Of(c.Source), $"listing the resident's {name} records, newest validity first");
                    return c.Loaders().Kind(name).Load(c.Source.AtenaNumber).Then(list => list ?? []).ForGraphQL();
                });
        }

        Field<ListGraphType<NonNullGraphType<FieldVersionType>>>("history")
            .Description("History of one field (resident.*) over every version the hub recorded, oldest first; checked like the field itself")
            .Argument<NonNullGraphType<StringGraphType>>("path", "The catalog path, e.g. resident.address")
            .Resolve(c =>
            {
                var path = c.GetArgument<string>("path");
                if (!path.StartsWith("resident.", StringComparison.Ordinal) || !CatalogValues.CanRead(path))
                {
                    throw HubErrors.BadUserInput("path", "is not a scalar resident.* field of the catalog (e.g. resident.address)");
                }

                var subject = Subject.Of(c.Source);
                if (!c.Gate().Allows(path, FieldAction.Read, subject))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"{path} may not be read in task '{c.RequestContext().Task}'.");
                }

                c.Access().Add(path, subject.AtenaNumbers, myNumber: path == CatalogPaths.MyNumber);
                return c.Loaders().ResidentVersions.Load(c.Source.AtenaNumber).Then(versions => FieldVersion.Of(path, versions ?? [])).ForGraphQL();
            });
    }

    /// <summary>The household of <paramref name="resident"/>: chosen by resident.householdNumber, which the access record names.</summary>
    public static IDataLoaderResult<HouseholdRecord?>? Household(IResolveFieldContext c, ResidentRecord resident)
    {
        if (resident.HouseholdNumber is not { } number)
        {
            return null;
        }

        c.Access().Add(RecordSelection.Paths("household")[0], [resident.AtenaNumber]);
        return c.Loaders().Households.Load(number).ForGraphQL();
    }
}
