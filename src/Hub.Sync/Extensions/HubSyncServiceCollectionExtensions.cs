using Hub.Sync;
using Hub.Sync.Resilience;
using Hub.Sync.Scheduling;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Microsoft.Extensions.Configuration;

// Registration lives in the DI namespace so that `services.AddHubSync(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sync runner and the declared sources.</summary>
public static class HubSyncServiceCollectionExtensions
{
    /// <summary>
    /// Reads and checks the sources configuration declares (section <c>Hub:Sources</c>, plug-ins from <c>Hub:Plugins</c>)
    /// and registers them as <see cref="ConfiguredSources"/>, their adapters wrapped in the retry policy (section
    /// <c>Hub:Sync:Resilience</c>), with <see cref="SyncRunner"/> and <see cref="TimeProvider.System"/>.
    /// <paramref name="builtins"/> may add built-in adapters to the SDK's. Bad settings fail here with
    /// <see cref="Hub.Sync.HubSyncConfigurationException"/>, one message listing every problem.
    /// </summary>
    public static IServiceCollection AddHubSync(this IServiceCollection services, IConfiguration configuration, Action<BuiltinAdapters>? builtins = null)
    {
        var adapters = BuiltinAdapters.CreateDefault();
        builtins?.Invoke(adapters);
        // One message for every problem of the sources and of their schedules.
        var (sources, problems) = ConfiguredSources.Read(configuration, adapters);
        var scheduling = new SyncSchedulingOptions();
        configuration.GetSection(SyncSchedulingOptions.SectionName).Bind(scheduling);
        var all = problems.Concat(scheduling.Validate()).ToList();
        if (all.Count > 0)
        {
            throw new HubSyncConfigurationException(string.Join(Environment.NewLine, all));
        }

        services.AddSingleton(new DeclaredSources(sources));
        services.AddSingleton(sp => sources.WithResilience(sp.GetRequiredService<SourceResilience>()));
        services.AddHubCatalog(configuration);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SyncRunner>();
        services.AddHubSyncResilience(configuration);
        return services;
    }
}
