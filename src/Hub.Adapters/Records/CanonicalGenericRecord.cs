using Hub.Adapters.Catalog;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Records;

/// <summary>
/// A record of a kind declared as data (<c>schemas/records/&lt;kind&gt;.schema.json</c> of a kind that is not built in, e.g.
/// 要介護認定 <c>longTermCare</c>), in canonical form: its values by catalog field name. What a layout-file source or a
/// plug-in adapter yields for such a kind. The hub checks it against the kind's schema before storing it
/// (<see cref="RecordValues.Check"/>): an unknown field, a value of the wrong type, a missing required field or a key
/// that is not the key fields' values sends the row to quarantine with a reason naming the field, never its value.
/// </summary>
/// <example>
/// <code>
/// var kind = catalog.Kind("longTermCare")!;
/// var values = new Dictionary&lt;string, object?&gt; { ["atenaNumber"] = "0000000019", ["insuredNumber"] = "1234567890",
///     ["careLevel"] = "要介護2", ["validFrom"] = new DateOnly(2025, 4, 1), ["validUntil"] = new DateOnly(2026, 3, 31) };
/// var record = new CanonicalGenericRecord { Kind = kind.Name, Key = kind.KeyOf(values), Values = values, SourceTimestamp = now };
/// </code>
/// </example>
public sealed record CanonicalGenericRecord : CanonicalRecord
{
    /// <inheritdoc />
    /// <remarks>The key fields' values (<see cref="RecordKind.KeyOf"/>).</remarks>
    public override string SourceKey => Key;

    /// <summary>The record kind, e.g. <c>longTermCare</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>
    /// The record's key in its source: <see cref="RecordKind.KeyOf"/> of <see cref="Values"/> (the values of the kind's
    /// <c>x-hub-key</c> fields joined by <c>|</c>).
    /// </summary>
    public required string Key { get; init; }

    /// <summary>
    /// Values by field name (the property names of the kind's schema). A string field takes a string; an integer field an
    /// <see cref="int"/>, <see cref="long"/> or its invariant digits; a boolean field a <see cref="bool"/> or <c>true</c>/<c>false</c>;
    /// a date field a <see cref="DateOnly"/> or <c>yyyy-MM-dd</c>. A null or missing value is an empty field.
    /// </summary>
    public required IReadOnlyDictionary<string, object?> Values { get; init; }

    /// <summary>消除: the source removed the record; its validity ends (nothing is deleted).</summary>
    public bool IsRemoved { get; init; }
}
