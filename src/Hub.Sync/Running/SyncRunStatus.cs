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

    /// <summary>The process stopped mid-run; a later run resumed from the stored watermark.</summary>
    public const string Abandoned = "Abandoned";
}
