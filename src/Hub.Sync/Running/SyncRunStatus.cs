namespace Hub.Sync.Running;

/// <summary>States of a sync run as stored in <c>sync_runs.status</c>.</summary>
public static class SyncRunStatus
{
    /// <summary>Under way (or stopped without finishing, until the next run of the source marks it abandoned).</summary>
    public const string Running = "Running";

    /// <summary>Finished and balanced.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>Gave up; <c>error</c> says why.</summary>
    public const string Failed = "Failed";

    /// <summary>Not started: another run of the same source held its lock (not stored as a run).</summary>
    public const string Skipped = "Skipped";

    /// <summary>The process stopped mid-run; a later run resumed from the stored watermark.</summary>
    public const string Abandoned = "Abandoned";
}
