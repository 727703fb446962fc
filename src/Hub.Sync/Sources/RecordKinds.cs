using Hub.Adapters;
using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Sources;

/// <summary>
/// Record kinds as the field catalog names them (<c>x-hub-record</c> of <c>schemas/records/*.schema.json</c>): what a
/// source's <c>Record</c> setting names, what a canonical record is, and what a layout's <c>recordKind</c> stands for.
/// </summary>
public static class RecordKinds
{
    /// <summary>The kind of <paramref name="record"/>, or null for a record type the hub does not know.</summary>
    public static string? Of(CanonicalRecord record) => record switch
    {
        CanonicalResident => "resident",
        CanonicalTaxAssessment => "tax",
        CanonicalNhiQualification => "nhi",
        CanonicalChildAllowanceEntitlement => "childAllowance",
        CanonicalGenericRecord g => g.Kind,
        _ => null,
    };

    /// <summary>The catalog record a layout's <c>recordKind</c> stands for.</summary>
    public static string OfLayout(string layoutKind) => layoutKind switch
    {
        "tax-assessment" => "tax",
        "nhi-qualification" => "nhi",
        "child-allowance-entitlement" => "childAllowance",
        _ => layoutKind,
    };

    /// <summary>The core system a layout of <paramref name="layoutKind"/> reads, by default.</summary>
    public static string? SystemOfLayout(string layoutKind) => layoutKind switch
    {
        "resident" => SourceSystems.ResidentRegistry,
        "tax-assessment" => SourceSystems.ResidentTax,
        "nhi-qualification" => SourceSystems.Nhi,
        "child-allowance-entitlement" => SourceSystems.ChildAllowance,
        _ => null,
    };

    /// <summary>The record kinds a source may feed: the catalog's records but the derived ones (households come from residents).</summary>
    public static IReadOnlySet<string> Feedable(FieldCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return catalog.Records.Where(r => r != "household").ToHashSet(StringComparer.Ordinal);
    }
}
