namespace Hub.Data.Entities;

/// <summary>
/// 隔離: a record that could not be loaded, kept with the raw bytes as read, where it was read from
/// and why. Resolved (not deleted) when a later run loads the fixed record.
/// </summary>
public sealed class QuarantinedRecord
{
    /// <summary>Id.</summary>
    public long Id { get; set; }

    /// <summary>Run that quarantined it.</summary>
    public long SyncRunId { get; set; }

    /// <summary>Configured source name.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Where it came from: <c>file:line</c> or API page.</summary>
    public string Location { get; set; } = string.Empty;

    /// <summary>The source key when one could be read (e.g. the atena number), else null.</summary>
    public string? SourceKey { get; set; }

    /// <summary>The record's bytes exactly as read.</summary>
    public byte[] RawBytes { get; set; } = [];

    /// <summary>Why it was quarantined, naming the field (never its value).</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime QuarantinedAt { get; set; }

    /// <summary>When a later run loaded it; null while open.</summary>
    public DateTime? ResolvedAt { get; set; }

    /// <summary>The run that resolved it.</summary>
    public long? ResolvedBySyncRunId { get; set; }
}
