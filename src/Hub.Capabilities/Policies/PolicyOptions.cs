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

    /// <summary>
    /// This node's name in the per-node version table (<c>policy_nodes</c>). Default: machine name and process id, so
    /// several hubs on one machine report apart.
    /// </summary>
    public string NodeName { get; set; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    /// <summary>How often a node that keeps its version reports it again (its last-seen time). Default 1 min.</summary>
    public TimeSpan NodeReportInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long a node that stopped reporting stays in the per-node table (default 1 day). A node's name carries its process
    /// id, so every restart is a new node; without this the table would grow by a row per restart.
    /// </summary>
    public TimeSpan NodeRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// The invariants file (不変条件, <c>id,subjects,tasks,fields,actions,statement</c>). Default: <c>invariants.csv</c>
    /// in <see cref="Directory"/>, when it exists.
    /// </summary>
    public string? InvariantsPath { get; set; }

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

        if (string.IsNullOrWhiteSpace(NodeName) || NodeName.Length > 200)
        {
            problems.Add($"Setting {SectionName}:NodeName must be 1 to 200 characters.");
        }

        if (NodeRetention < NodeReportInterval * 3)
        {
            problems.Add($"Setting {SectionName}:NodeRetention must be at least three times NodeReportInterval, so a live node is never dropped; it is {NodeRetention:c}.");
        }

        if (InvariantsPath is { } invariants && !File.Exists(invariants))
        {
            problems.Add($"Setting {SectionName}:InvariantsPath names a file that does not exist: {invariants}.");
        }

        return problems;
    }
}
