namespace Hub.Sync.Running;

/// <summary>What one run did. <see cref="IsBalanced"/>: read = inserted + updated + unchanged + quarantined.</summary>
public sealed record SyncRunSummary(
    long RunId,
    string Source,
    string Status,
    long Read,
    long Inserted,
    long Updated,
    long Unchanged,
    long Quarantined,
    string? WatermarkAfter,
    string? Error,
    TimeSpan Elapsed)
{
    /// <summary>True when every record read is accounted for.</summary>
    public bool IsBalanced => Read == Inserted + Updated + Unchanged + Quarantined;

    /// <summary>True when the run finished and balanced.</summary>
    public bool Succeeded => Status == SyncRunStatus.Succeeded && IsBalanced;
}
