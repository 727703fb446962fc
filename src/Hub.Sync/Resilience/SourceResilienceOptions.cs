namespace Hub.Sync.Resilience;

/// <summary>
/// Configuration section <c>Hub:Sync:Resilience</c>: how a source that fails transiently (a share that is
/// briefly away, an API answering 503, a database deadlock) is retried before the run gives up.
/// </summary>
public sealed class SourceResilienceOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Sync:Resilience";

    /// <summary>Retries of one read after its first failure (0 turns retrying off). Default 4, so 5 attempts in all.</summary>
    public int MaxRetryAttempts { get; set; } = 4;

    /// <summary>Wait before the first retry; each later retry waits twice as long as the one before. Default 2 seconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest wait between two attempts. Default 1 minute.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Spread the waits randomly around their nominal value, so nodes do not retry in lockstep. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (MaxRetryAttempts is < 0 or > 100)
        {
            problems.Add($"Setting {SectionName}:MaxRetryAttempts must be between 0 and 100 (is {MaxRetryAttempts}).");
        }

        if (BaseDelay <= TimeSpan.Zero || BaseDelay > TimeSpan.FromHours(1))
        {
            problems.Add($"Setting {SectionName}:BaseDelay must be more than 0 and at most 1 hour (is {BaseDelay}).");
        }

        if (MaxDelay <= TimeSpan.Zero || MaxDelay > TimeSpan.FromDays(1))
        {
            problems.Add($"Setting {SectionName}:MaxDelay must be more than 0 and at most 1 day (is {MaxDelay}).");
        }
        else if (MaxDelay < BaseDelay)
        {
            problems.Add($"Setting {SectionName}:MaxDelay ({MaxDelay}) must not be less than BaseDelay ({BaseDelay}).");
        }

        return problems;
    }

    /// <summary>Throws <see cref="HubSyncConfigurationException"/> listing every problem, if there is one.</summary>
    public void ThrowIfInvalid()
    {
        var problems = Validate();
        if (problems.Count > 0)
        {
            throw new HubSyncConfigurationException(string.Join(Environment.NewLine, problems));
        }
    }
}
