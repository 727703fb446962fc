using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>
/// Explicit mapping from converted field values to one canonical record kind. <see cref="Fields"/> lists
/// every settable member of the record (a test checks it against the record type by reflection, so a
/// member added to a record and not mapped here fails the build's tests, never drops silently).
/// </summary>
internal abstract class RecordMapping
{
    public static IReadOnlyDictionary<string, RecordMapping> ByKind { get; } = new Dictionary<string, RecordMapping>(StringComparer.Ordinal)
    {
        ["resident"] = new ResidentMapping(),
        ["tax-assessment"] = new TaxAssessmentMapping(),
        ["nhi-qualification"] = new NhiQualificationMapping(),
        ["child-allowance-entitlement"] = new ChildAllowanceMapping(),
    };

    /// <summary>
    /// The mapping for a layout's <c>recordKind</c>: a built-in one (<see cref="ByKind"/>), or a kind declared as data in
    /// <paramref name="catalog"/>; null when neither knows it.
    /// </summary>
    public static RecordMapping? For(string recordKind, FieldCatalog? catalog) =>
        ByKind.TryGetValue(recordKind, out var builtIn) ? builtIn
        : catalog?.Kind(recordKind) is { IsGeneric: true } kind ? new GenericRecordMapping(kind)
        : null;

    /// <summary>The record type built.</summary>
    public abstract Type RecordType { get; }

    /// <summary>Every canonical field of the kind and its type.</summary>
    public abstract IReadOnlyDictionary<string, FieldKind> Fields { get; }

    /// <summary>Fields a layout must map and a record must have.</summary>
    public abstract IReadOnlyList<string> Required { get; }

    /// <summary>The field that identifies a record even when the rest is wrong (reported with rejections).</summary>
    public virtual string KeyField => "atenaNumber";

    /// <summary>Builds the record from values whose required fields are all present.</summary>
    public abstract CanonicalRecord Build(FieldValues v);

    /// <summary>Builds the record, or returns why the values make none (naming the field, never the value).</summary>
    public virtual string? TryBuild(FieldValues v, out CanonicalRecord? record)
    {
        record = Build(v);
        return null;
    }
}
