using System.Collections.Frozen;
using System.Globalization;
using Hub.Adapters.Catalog;
using Hub.Data.Entities;

namespace Hub.Capabilities.Records;

/// <summary>
/// Reads any scalar catalog field from the entity that holds it, by path: the one place that knows which property
/// stands for which path, used by field history and pre-fill. A test checks every scalar path of the catalog is here.
/// </summary>
public static class CatalogValues
{
    private static readonly FrozenDictionary<string, Func<object, CatalogValue>> Readers = new Dictionary<string, Func<object, CatalogValue>>
    {
        ["resident.atenaNumber"] = R(r => r.AtenaNumber),
        ["resident.juminhyoCode"] = R(r => r.JuminhyoCode),
        ["resident.myNumber"] = R(r => r.MyNumber),
        ["resident.residentKind"] = R(r => r.ResidentKind),
        ["resident.name"] = R(r => r.Name),
        ["resident.nameKana"] = R(r => r.NameKana),
        ["resident.alias"] = R(r => r.Alias),
        ["resident.aliasKana"] = R(r => r.AliasKana),
        ["resident.nationality"] = R(r => r.Nationality),
        ["resident.sex"] = R(r => r.Sex),
        ["resident.birthDate"] = o => BirthDate((ResidentRecord)o),
        ["resident.relationship"] = R(r => r.Relationship),
        ["resident.householdNumber"] = R(r => r.HouseholdNumber),
        ["resident.postalCode"] = R(r => r.PostalCode),
        ["resident.areaCode"] = R(r => r.AreaCode),
        ["resident.address"] = R(r => r.Address),
        ["resident.addressSupplement"] = R(r => r.AddressSupplement),
        ["resident.status"] = R(r => r.Status),
        ["resident.changeReason"] = R(r => r.ChangeReason),
        ["resident.changeDate"] = R(r => Date(r.ChangeDate)),
        ["resident.notifiedOn"] = R(r => Date(r.NotifiedOn)),
        ["resident.previousAddress"] = R(r => r.PreviousAddress),
        ["household.householdNumber"] = H(h => h.HouseholdNumber),
        ["household.headAtenaNumber"] = H(h => h.HeadAtenaNumber),
        ["household.headName"] = H(h => h.HeadName),
        ["household.postalCode"] = H(h => h.PostalCode),
        ["household.areaCode"] = H(h => h.AreaCode),
        ["household.address"] = H(h => h.Address),
        ["household.addressSupplement"] = H(h => h.AddressSupplement),
        ["tax.atenaNumber"] = T(t => t.AtenaNumber),
        ["tax.fiscalYear"] = T(t => Number(t.FiscalYear)),
        ["tax.totalIncome"] = T(t => Number(t.TotalIncome)),
        ["tax.taxableIncome"] = T(t => Number(t.TaxableIncome)),
        ["tax.salaryIncome"] = T(t => Number(t.SalaryIncome)),
        ["tax.pensionIncome"] = T(t => Number(t.PensionIncome)),
        ["tax.businessIncome"] = T(t => Number(t.BusinessIncome)),
        ["tax.otherIncome"] = T(t => Number(t.OtherIncome)),
        ["tax.perCapitaLevy"] = T(t => Number(t.PerCapitaLevy)),
        ["tax.incomeLevy"] = T(t => Number(t.IncomeLevy)),
        ["tax.nonTaxable"] = T(t => t.NonTaxable ? "true" : "false"),
        ["tax.dependents"] = T(t => Number(t.Dependents)),
        ["nhi.atenaNumber"] = N(n => n.AtenaNumber),
        ["nhi.householdNumber"] = N(n => n.HouseholdNumber),
        ["nhi.insuredSymbol"] = N(n => n.InsuredSymbol),
        ["nhi.insuredNumber"] = N(n => n.InsuredNumber),
        ["nhi.acquiredOn"] = N(n => Date(n.AcquiredOn)),
        ["nhi.lostOn"] = N(n => Date(n.LostOn)),
        ["nhi.acquisitionReason"] = N(n => n.AcquisitionReason),
        ["nhi.lossReason"] = N(n => n.LossReason),
        ["childAllowance.entitlementId"] = C(c => c.EntitlementId),
        ["childAllowance.recipientAtenaNumber"] = C(c => c.RecipientAtenaNumber),
        ["childAllowance.childAtenaNumber"] = C(c => c.ChildAtenaNumber),
        ["childAllowance.certifiedOn"] = C(c => Date(c.CertifiedOn)),
        ["childAllowance.endedOn"] = C(c => Date(c.EndedOn)),
        ["childAllowance.monthlyAmount"] = C(c => Number(c.MonthlyAmount)),
        ["childAllowance.status"] = C(c => c.Status),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every path of the built-in records this class can read.</summary>
    public static IEnumerable<string> Paths => Readers.Keys;

    /// <summary>True when <paramref name="path"/> is a scalar field of a built-in record this class reads.</summary>
    public static bool CanRead(string path) => Readers.ContainsKey(path);

    /// <summary>True when <paramref name="path"/> is a scalar field this class reads: of a built-in record, or any field of a kind of <paramref name="catalog"/> declared as data.</summary>
    public static bool CanRead(string path, FieldCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Readers.ContainsKey(path) || (catalog.Find(path) is { } field && catalog.Kind(field.Record) is { IsGeneric: true });
    }

    /// <summary>The value of <paramref name="path"/> in <paramref name="record"/> (an entity of the path's record).</summary>
    public static CatalogValue Read(string path, object record) =>
        record is GenericRecord generic ? new CatalogValue(GenericValues.Text(generic, path[(path.IndexOf('.', StringComparison.Ordinal) + 1)..]))
        : Readers.TryGetValue(path, out var read) ? read(record) : throw new ArgumentException($"{path} is not a scalar catalog field", nameof(path));

    private static CatalogValue BirthDate(ResidentRecord r) =>
        r.BirthDateText is null
            ? default
            : new CatalogValue(r.BirthDateText, !r.BirthDateOnCalendar || r.BirthDateEarliest is null || r.BirthDatePrecision != "Day" || r.BirthDateEarliest != r.BirthDateLatest);

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Number(long? n) => n?.ToString(CultureInfo.InvariantCulture);

    private static Func<object, CatalogValue> R(Func<ResidentRecord, string?> f) => o => new(f((ResidentRecord)o));

    private static Func<object, CatalogValue> H(Func<HouseholdRecord, string?> f) => o => new(f((HouseholdRecord)o));

    private static Func<object, CatalogValue> T(Func<TaxAssessmentRecord, string?> f) => o => new(f((TaxAssessmentRecord)o));

    private static Func<object, CatalogValue> N(Func<NhiQualificationRecord, string?> f) => o => new(f((NhiQualificationRecord)o));

    private static Func<object, CatalogValue> C(Func<ChildAllowanceEntitlementRecord, string?> f) => o => new(f((ChildAllowanceEntitlementRecord)o));
}
