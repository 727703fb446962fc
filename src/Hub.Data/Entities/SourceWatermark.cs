namespace Hub.Data.Entities;

/// <summary>How far the hub has read one source (取込位置). Advances in the same transaction as the data.</summary>
public sealed class SourceWatermark
{
    /// <summary>Configured source name (key).</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Opaque watermark, as the adapter defines it.</summary>
    public string Value { get; set; } = string.Empty;

    /// <summary>The run that set it.</summary>
    public long? SyncRunId { get; set; }

    /// <summary>When it was set (UTC).</summary>
    public DateTime UpdatedAt { get; set; }
}
