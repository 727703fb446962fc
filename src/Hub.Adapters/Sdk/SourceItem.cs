namespace Hub.Adapters.Sdk;

/// <summary>
/// One thing read from a source: either a canonical record, or a rejection with its reason. Both keep the
/// bytes exactly as read and where they were read, so nothing is lost.
/// </summary>
public sealed record SourceItem
{
    private SourceItem(string location, ReadOnlyMemory<byte> raw, CanonicalRecord? record, string? rejection, string? sourceKey, IReadOnlyList<string>? findings = null)
    {
        Findings = findings ?? [];
        Location = location;
        Raw = raw;
        Record = record;
        Rejection = rejection;
        SourceKey = sourceKey;
    }

    /// <summary>Where it was read: <c>file:line</c>, API page, view row.</summary>
    public string Location { get; }

    /// <summary>The record's bytes as read.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>The canonical record, when the row could be mapped.</summary>
    public CanonicalRecord? Record { get; }

    /// <summary>Why the row could not be mapped (names the field, never its value).</summary>
    public string? Rejection { get; }

    /// <summary>
    /// Data-quality findings on an accepted record that do not stop it being stored (e.g. a 外字 with no
    /// mapping in the source's table, kept as read). Each names the field, never the value.
    /// </summary>
    public IReadOnlyList<string> Findings { get; }

    /// <summary>The source key, when it could be read even from a rejected row.</summary>
    public string? SourceKey { get; }

    /// <summary>A mapped record.</summary>
    public static SourceItem Accepted(string location, ReadOnlyMemory<byte> raw, CanonicalRecord record, IReadOnlyList<string>? findings = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(location, raw, record, null, record.SourceKey, findings);
    }

    /// <summary>A row that could not be mapped.</summary>
    public static SourceItem Rejected(string location, ReadOnlyMemory<byte> raw, string reason, string? sourceKey = null) =>
        new(location, raw, null, reason, sourceKey);
}
