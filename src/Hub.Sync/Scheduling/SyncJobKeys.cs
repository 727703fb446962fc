using Quartz;

namespace Hub.Sync.Scheduling;

/// <summary>Quartz keys of the sync jobs: one job and one cron trigger per source, in group <c>hub-sync</c>.</summary>
public static class SyncJobKeys
{
    /// <summary>The group of every sync job and trigger.</summary>
    public const string Group = "hub-sync";

    /// <summary>The job that runs <paramref name="source"/>.</summary>
    public static JobKey Job(string source) => new(source, Group);

    /// <summary>The cron trigger of <paramref name="source"/>'s job.</summary>
    public static TriggerKey Trigger(string source) => new(source + "-schedule", Group);
}
