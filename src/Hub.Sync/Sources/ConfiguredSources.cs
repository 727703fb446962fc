using Hub.Sync.Plugins;
using Hub.Sync.Resilience;
using Hub.Sync.Running;
using Microsoft.Extensions.Configuration;

namespace Hub.Sync.Sources;

/// <summary>
/// The sources configuration declares (<c>Hub:Sources:&lt;name&gt;</c>, see <see cref="SourceDeclaration"/>), checked, in
/// sync order: the ones feeding <c>resident</c> first, because every other system's records are checked against the
/// registry, then the others by name. Their adapters retry transient failures once <see cref="WithResilience"/> is applied.
/// </summary>
public sealed class ConfiguredSources
{
    private ConfiguredSources(IReadOnlyList<DeclaredSource> declared, SourceResilience? resilience)
    {
        Declared = declared;
        All = SourceResilience.Apply(
            resilience,
            [.. declared.Select(d => new SyncSource(d.Name, d.SourceSystem, d.CreateAdapter) { Record = d.Record })]);
    }

    /// <summary>Every declared source as read from configuration: kind, record kind, system, schedule.</summary>
    public IReadOnlyList<DeclaredSource> Declared { get; }

    /// <summary>Every source as the runner takes it.</summary>
    public IReadOnlyList<SyncSource> All { get; }

    /// <summary>
    /// Reads and checks <c>Hub:Sources</c> (plug-ins from <c>Hub:Plugins:Directory</c>); throws
    /// <see cref="HubSyncConfigurationException"/> with one message listing every problem, each naming its setting.
    /// </summary>
    public static ConfiguredSources Load(IConfiguration configuration, BuiltinAdapters? builtins = null)
    {
        var (sources, problems) = Read(configuration, builtins);
        return problems.Count > 0 ? throw new HubSyncConfigurationException(string.Join(Environment.NewLine, problems)) : sources;
    }

    /// <summary>Reads and checks <c>Hub:Sources</c>: the sources, and every problem found (the sources are unusable unless there is none).</summary>
    internal static (ConfiguredSources Sources, IReadOnlyList<string> Problems) Read(IConfiguration configuration, BuiltinAdapters? builtins = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var plugins = new PluginOptions();
        configuration.GetSection(PluginOptions.SectionName).Bind(plugins);
        var (sources, problems) = new SourceReader(configuration, builtins ?? BuiltinAdapters.CreateDefault(), new PluginCatalog(plugins.ResolveDirectory())).Read();
        return (new ConfiguredSources(sources, null), problems);
    }

    /// <summary>The same sources, their adapters wrapped in <paramref name="resilience"/>'s retries.</summary>
    public ConfiguredSources WithResilience(SourceResilience resilience) => new(Declared, resilience);

    /// <summary>The source named <paramref name="name"/>; throws naming the known ones when there is none.</summary>
    public SyncSource Get(string name) =>
        All.FirstOrDefault(s => s.Name == name)
        ?? throw new ArgumentException($"No source named '{name}'. Configured: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
