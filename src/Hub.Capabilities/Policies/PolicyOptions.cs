namespace Hub.Capabilities.Policies;

/// <summary>
/// Configuration section <c>Hub:Policy</c>: how each node follows the published policy version and where the default
/// policy comes from. Validated at startup with one message listing every problem.
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Policy";

    /// <summary>The longest poll interval that keeps the hub's promise: a publication reaches every node within 5 s.</summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(5);

    /// <summary>How often each node asks the database which version is in force. Default 2 s; at most 5 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Whether a database with no policy version gets the default policy as version 1, published. Default true.</summary>
    public bool SeedWhenEmpty { get; set; } = true;

    /// <summary>
    /// Folder with <c>model.conf</c>, <c>policy.csv</c> and (optional) <c>ordinances.csv</c>. Default: <c>schemas/policy</c>
    /// beside the executable or above the working folder.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>Every problem with these options, in one list (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PollInterval <= TimeSpan.Zero || PollInterval > MaxPollInterval)
        {
            problems.Add($"Setting {SectionName}:PollInterval must be above 00:00:00 and at most {MaxPollInterval:c} (a publication must reach every node within 5 s); it is {PollInterval:c}.");
        }

        if (Directory is { } directory && !System.IO.Directory.Exists(directory))
        {
            problems.Add($"Setting {SectionName}:Directory names a folder that does not exist: {directory}.");
        }

        return problems;
    }
}
