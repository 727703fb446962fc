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
}
