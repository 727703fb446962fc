using Quartz;

namespace Hub.Sync.Scheduling;

/// <summary>
/// Configuration section <c>Hub:Sync:Scheduling</c>: whether and how the hub runs its sources on schedules
/// (Quartz.NET). Each source's own cron schedule is <c>Hub:Sources:&lt;source name&gt;:Schedule</c>.
/// </summary>
public sealed class SyncSchedulingOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Sync:Scheduling";

    /// <summary>The value of a source's schedule that turns its scheduled runs off.</summary>
    public const string Off = "off";

    /// <summary>Run the sources on their schedules. Default true (the server); commands never schedule.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Quartz cron expression (seconds first) for a source without a schedule of its own. Default every 15 minutes: <c>0 0/15 * * * ?</c>.</summary>
    public string DefaultSchedule { get; set; } = "0 0/15 * * * ?";

    /// <summary>Time zone the schedules are read in (IANA or Windows id). Default: the machine's local zone.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Id of this node in a cluster (PostgreSQL and SQL Server only). Every node needs a distinct one. Default:
    /// generated from the host name and start time.
    /// </summary>
    public string? InstanceId { get; set; }

    /// <summary>Prefix of Quartz's tables in the hub's database (PostgreSQL and SQL Server). Default <c>qrtz_</c>.</summary>
    public string TablePrefix { get; set; } = "qrtz_";

    /// <summary>How often a clustered node records that it is alive; a node silent for longer is presumed dead and its runs recovered. Default 15 seconds.</summary>
    public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Cron schedule per source name (each source's <c>Hub:Sources:&lt;name&gt;:Schedule</c>); <c>off</c> disables a source's scheduled runs.</summary>
    public Dictionary<string, string> Schedules { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The time zone schedules are read in.</summary>
    public TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? TimeZoneInfo.Local : TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The cron schedule of <paramref name="source"/>, or null when its scheduled runs are off.</summary>
    public string? ScheduleOf(string source)
    {
        var cron = Schedules.TryGetValue(source, out var own) && !string.IsNullOrWhiteSpace(own) ? own.Trim() : DefaultSchedule;
        return string.Equals(cron, Off, StringComparison.OrdinalIgnoreCase) ? null : cron;
    }

    /// <summary>Every problem with these options, in one list (empty when valid). The sources' own schedules are checked with the sources.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (!string.Equals(DefaultSchedule?.Trim(), Off, StringComparison.OrdinalIgnoreCase) && !CronExpression.TryParse(DefaultSchedule, out _))
        {
            problems.Add($"Setting {SectionName}:DefaultSchedule is not a Quartz cron expression (seconds minutes hours day-of-month month day-of-week): '{DefaultSchedule}'.");
        }

        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            problems.Add($"Setting {SectionName}:TimeZone names no time zone known here: '{TimeZone}'.");
        }

        if (string.IsNullOrWhiteSpace(TablePrefix) || TablePrefix.Any(c => !char.IsAsciiLetterOrDigit(c) && c != '_'))
        {
            problems.Add($"Setting {SectionName}:TablePrefix must be letters, digits and underscores: '{TablePrefix}'.");
        }

        if (CheckinInterval < TimeSpan.FromSeconds(1) || CheckinInterval > TimeSpan.FromMinutes(10))
        {
            problems.Add($"Setting {SectionName}:CheckinInterval must be between 1 second and 10 minutes (is {CheckinInterval}).");
        }

        if (InstanceId is { } id && (id.Length is 0 or > 200 || id.Trim() != id))
        {
            problems.Add($"Setting {SectionName}:InstanceId must be 1 to 200 characters without surrounding spaces.");
        }

        return problems;
    }
}
