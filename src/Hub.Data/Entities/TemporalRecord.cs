namespace Hub.Data.Entities;

/// <summary>
/// One version of a record, with provenance (出所) and effective dating (有効期間). Versions are never
/// updated in place except to close them: a changed value supersedes the version and opens a new one,
/// a 消除 sets <see cref="ValidTo"/>; nothing is hard-deleted.
/// </summary>
/// <remarks>
/// Two time axes: <see cref="ValidFrom"/>/<see cref="ValidTo"/> are when the facts hold in the city
/// (business time, from the source); <see cref="RecordedAt"/>/<see cref="SupersededAt"/> are when the hub
/// knew them (system time). The latest version has <see cref="SupersededAt"/> null; a living record is a
/// latest version whose <see cref="ValidTo"/> is null. All timestamps are UTC.
/// </remarks>
public abstract class TemporalRecord
{
    /// <summary>Surrogate key of this version.</summary>
    public long Id { get; set; }

    /// <summary>Source system (取得元システム), e.g. <c>resident-registry</c>.</summary>
    public string SourceSystem { get; set; } = string.Empty;

    /// <summary>The record's key in its source system; stable across versions.</summary>
    public string SourceKey { get; set; } = string.Empty;

    /// <summary>When the source last changed the record (source clock, UTC).</summary>
    public DateTime SourceTimestamp { get; set; }

    /// <summary>When the hub read it.</summary>
    public DateTime IngestedAt { get; set; }

    /// <summary>The sync run that wrote this version.</summary>
    public long? SyncRunId { get; set; }

    /// <summary>Start of business validity.</summary>
    public DateTime ValidFrom { get; set; }

    /// <summary>End of business validity (消除); null while valid.</summary>
    public DateTime? ValidTo { get; set; }

    /// <summary>When the hub recorded this version.</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>When a newer version replaced this one; null for the latest version.</summary>
    public DateTime? SupersededAt { get; set; }

    /// <summary>Hash of the canonical content, so an unchanged record is counted, not rewritten.</summary>
    public string ContentHash { get; set; } = string.Empty;
}
