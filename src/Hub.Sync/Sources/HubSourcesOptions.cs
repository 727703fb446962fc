namespace Hub.Sync.Sources;

/// <summary>
/// Configuration section <c>Hub:Sources</c>: the core systems the hub reads. For now the resident registry
/// (住民記録) export; the other systems join in the adapters issue.
/// </summary>
public sealed class HubSourcesOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Sources";

    /// <summary>Path of the resident registry CSV export. Default: the demo city's <c>data/demo-city/resident-registry/residents.csv</c>.</summary>
    public string ResidentRegistryFile { get; set; } = "data/demo-city/resident-registry/residents.csv";

    /// <summary>Whether 宛名番号/世帯番号 must carry a check digit in that export. Default true.</summary>
    public bool ResidentRegistryVerifyCheckDigits { get; set; } = true;

    /// <summary>Records per transaction. Default 2,000.</summary>
    public int BatchSize { get; set; } = 2_000;
}
