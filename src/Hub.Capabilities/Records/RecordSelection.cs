using Hub.Adapters.Catalog;

namespace Hub.Capabilities.Records;

/// <summary>
/// Which version of a related record answers for a resident, and the catalog paths that choice reads: the latest 課税年度
/// of the tax assessments, the current (else latest) 国保 qualification period, the newest 児童手当 entitlement where the
/// resident is recipient or child, the household the resident's 世帯番号 names. A value taken from the chosen record
/// depends on these paths as well as on its own, so it is released only where they may be read too, and the access
/// record names them.
/// </summary>
public static class RecordSelection
{
    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> ByRecord = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        ["resident"] = [],
        ["household"] = ["resident.householdNumber"],
        ["tax"] = ["tax.fiscalYear"],
        ["nhi"] = ["nhi.acquiredOn", "nhi.lostOn"],
        ["childAllowance"] = ["childAllowance.recipientAtenaNumber", "childAllowance.childAtenaNumber", "childAllowance.certifiedOn", "childAllowance.entitlementId"],
    };

    /// <summary>The paths the choice of <paramref name="record"/>'s version reads (empty for the resident's own record).</summary>
    public static IReadOnlyList<string> Paths(string record) =>
        ByRecord.TryGetValue(record, out var paths) ? paths : throw new ArgumentException($"No record selection is declared for '{record}'.", nameof(record));

    /// <summary>
    /// The paths the choice of <paramref name="record"/>'s version reads, for a built-in record or a kind of
    /// <paramref name="catalog"/> declared as data (<see cref="OfKind"/>).
    /// </summary>
    public static IReadOnlyList<string> Paths(string record, FieldCatalog catalog) =>
        ByRecord.TryGetValue(record, out var paths) ? paths
        : catalog.Kind(record) is { IsGeneric: true } kind ? OfKind(kind)
        : throw new ArgumentException($"No record selection is declared for '{record}'.", nameof(record));

    /// <summary>
    /// A kind declared as data: its records are those whose subject field names the resident, listed (and the current one
    /// chosen) by their dating fields — or, without dating, by their key fields.
    /// </summary>
    public static IReadOnlyList<string> OfKind(RecordKind kind)
    {
        ArgumentNullException.ThrowIfNull(kind);
        IEnumerable<string> order = kind.Dating is { } dating ? [dating.From, .. dating.To is { } to ? [to] : Array.Empty<string>()] : kind.Key;
        return [.. new[] { kind.Subject }.Concat(order).Distinct(StringComparer.Ordinal).Select(f => kind.Name + "." + f)];
    }

    /// <summary>The records with a declared selection (a test checks every catalog record has one).</summary>
    public static IEnumerable<string> Records => ByRecord.Keys;
}
