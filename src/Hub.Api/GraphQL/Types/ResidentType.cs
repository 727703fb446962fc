using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Catalog;
using Hub.Api.GraphQL.Enforcement;
using Hub.Api.GraphQL.Loading;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

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
            .Description("世帯: the household this resident belongs to (joined on resident.householdNumber)")
            .Resolve(c => c.Source.HouseholdNumber is { } number ? c.Loaders().Households.Load(number) : null);
        Field<ListGraphType<NonNullGraphType<TaxAssessmentType>>>("taxAssessments")
            .Description("個人住民税 課税 (tax.*): the latest version of each fiscal year's assessment, newest year first")
            .Argument<IntGraphType>("fiscalYear", "課税年度: only this year")
            .CatalogRecord("tax")
            .Resolve(c =>
            {
                var year = c.GetArgument<int?>("fiscalYear");
                return c.Loaders().TaxAssessments.Load(c.Source.AtenaNumber)
                    .Then(list => year is { } y ? [.. (list ?? []).Where(t => t.FiscalYear == y)] : list ?? []);
            });
        Field<NhiQualificationType>("nhiQualification")
            .Description("国保資格 (nhi.*): the current qualification period, else the most recent one; null when never insured")
            .CatalogRecord("nhi")
            .Resolve(c => c.Loaders().NhiQualifications.Load(c.Source.AtenaNumber));
        Field<ListGraphType<NonNullGraphType<ChildAllowanceEntitlementType>>>("childAllowanceEntitlements")
            .Description("児童手当 (childAllowance.*): entitlements where this resident is the recipient or the child")
            .CatalogRecord("childAllowance")
            .Resolve(c => c.Loaders().ChildAllowanceEntitlements.Load(c.Source.AtenaNumber));
        Field<ListGraphType<NonNullGraphType<FieldVersionType>>>("history")
            .Description("History of one field (resident.*) over every version the hub recorded, oldest first; checked like the field itself")
            .Argument<NonNullGraphType<StringGraphType>>("path", "The catalog path, e.g. resident.address")
            .Resolve(c =>
            {
                var path = c.GetArgument<string>("path");
                if (!path.StartsWith("resident.", StringComparison.Ordinal) || !CatalogValues.CanRead(path))
                {
                    throw new ExecutionError($"'{path}' is not a scalar resident.* field of the catalog.") { Code = "BAD_USER_INPUT" };
                }

                var subject = Subject.Of(c.Source);
                if (!c.Gate().Allows(path, Hub.Policy.Masks.FieldAction.Read, subject))
                {
                    throw FieldEnforcementMiddleware.Forbidden(c, $"{path} may not be read in task '{c.RequestContext().Task}'.");
                }

                c.Access().Add(path, subject.AtenaNumbers, myNumber: path == CatalogPaths.MyNumber);
                return c.Loaders().ResidentVersions.Load(c.Source.AtenaNumber).Then(versions => FieldVersion.Of(path, versions ?? []));
            });
    }
}
