namespace Hub.Data.Entities;

/// <summary>
/// One run of one source (同期実行). Must balance: <see cref="Read"/> = <see cref="Inserted"/> +
/// <see cref="Updated"/> + <see cref="Unchanged"/> + <see cref="Quarantined"/>.
/// </summary>
public sealed class SyncRun
{
    /// <summary>Run id.</summary>
    public long Id { get; set; }

    /// <summary>Configured source name.</summary>
    public string Source { get; set; } = string.Empty;

    /// <summary>Full or Delta.</summary>
    public string Kind { get; set; } = "Full";

    /// <summary>Running, Succeeded, Failed.</summary>
    public string Status { get; set; } = "Running";

    /// <summary>Start (UTC).</summary>
    public DateTime StartedAt { get; set; }

    /// <summary>End (UTC); null while running.</summary>
    public DateTime? FinishedAt { get; set; }

    /// <summary>Records read from the source.</summary>
    public long Read { get; set; }

    /// <summary>New records written.</summary>
    public long Inserted { get; set; }

    /// <summary>Records whose changed values opened a new version.</summary>
    public long Updated { get; set; }

    /// <summary>Records identical to their latest version (counted, not rewritten).</summary>
    public long Unchanged { get; set; }

    /// <summary>Records kept in quarantine.</summary>
    public long Quarantined { get; set; }

    /// <summary>Watermark the run started from.</summary>
    public string? WatermarkBefore { get; set; }

    /// <summary>Watermark the run reached.</summary>
    public string? WatermarkAfter { get; set; }

    /// <summary>Why the run failed (no personal data).</summary>
    public string? Error { get; set; }

    /// <summary>True when the counts balance.</summary>
    public bool IsBalanced => Read == Inserted + Updated + Unchanged + Quarantined;
}
