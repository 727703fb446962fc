namespace Hub.Adapters.Sdk;

/// <summary>
/// A record in the hub's canonical form (標準レコード), whatever system it came from. Each kind of record
/// (resident, tax assessment, …) derives from this; fields follow the field catalog in <c>schemas/records</c>.
/// </summary>
public abstract record CanonicalRecord
{
    /// <summary>The record's key in its source, stable across exports (e.g. the atena number).</summary>
    public abstract string SourceKey { get; }

    /// <summary>When the source last changed the record.</summary>
    public required DateTimeOffset SourceTimestamp { get; init; }
}
