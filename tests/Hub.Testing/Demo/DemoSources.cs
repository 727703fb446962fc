using Hub.Adapters;
using Hub.Demo.City;
using Hub.Demo.Simulators;
using Hub.Sync.Sources;
using Microsoft.Extensions.Configuration;

namespace Hub.Testing.Demo;

/// <summary>A generated city's core systems as the hub declares them (<see cref="DemoCitySources"/>), read through the same checks as configuration.</summary>
public static class DemoSources
{
    /// <summary>
    /// The demo's sources for a city in <paramref name="root"/>. <paramref name="overrides"/> sets (or, with a null value,
    /// removes) settings, e.g. <c>["Hub:Sources:resident-registry:Options:BatchSize"] = "500"</c>.
    /// </summary>
    public static ConfiguredSources For(string root, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(DemoCitySources.Settings(root), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var builtins = BuiltinAdapters.CreateDefault()
            .Add<NhiSimulatorOptions>("nhi-simulator", SourceSystems.Nhi, "nhi", o => o.CreateAdapter());
        return ConfiguredSources.Load(configuration, builtins);
    }

    /// <summary>The same with every source's batch size set to <paramref name="batchSize"/>.</summary>
    public static ConfiguredSources For(string root, int batchSize) =>
        For(root, DemoCitySources.Settings(root).Keys
            .Where(k => k.EndsWith(":Kind", StringComparison.Ordinal))
            .ToDictionary(k => k[..^":Kind".Length] + ":Options:BatchSize", _ => (string?)batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
