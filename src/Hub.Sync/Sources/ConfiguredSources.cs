using Hub.Adapters.ResidentRegistry;
using Hub.Sync.Resilience;
using Hub.Sync.Running;

namespace Hub.Sync.Sources;

/// <summary>The sources configured in <see cref="HubSourcesOptions"/>, by name; their adapters retry transient failures when <paramref name="resilience"/> is given.</summary>
public sealed class ConfiguredSources(HubSourcesOptions options, SourceResilience? resilience = null)
{
    /// <summary>Every configured source.</summary>
    public IReadOnlyList<SyncSource> All { get; } = SourceResilience.Apply(resilience,
    [
        new(SourceNames.ResidentRegistry, SourceNames.ResidentRegistry, () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions
        {
            FilePath = options.ResidentRegistryFile,
            VerifyCheckDigits = options.ResidentRegistryVerifyCheckDigits,
            BatchSize = options.BatchSize,
        })),
    ]);

    /// <summary>The options these sources came from.</summary>
    public HubSourcesOptions Options { get; } = options;

    /// <summary>The source named <paramref name="name"/>; throws naming the known ones when there is none.</summary>
    public SyncSource Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No source named '{name}'. Configured: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
