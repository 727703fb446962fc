using Hub.Sync.Running;
using Hub.Sync.Sources;
using Microsoft.Extensions.Configuration;

// Registration lives in the DI namespace so that `services.AddHubSync(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the sync runner and the configured sources.</summary>
public static class HubSyncServiceCollectionExtensions
{
    /// <summary>Registers the field catalog (<c>AddHubCatalog</c>), <see cref="SyncRunner"/>, <see cref="ConfiguredSources"/> (section <c>Hub:Sources</c>), <see cref="TimeProvider.System"/> and the retry policy of every source (section <c>Hub:Sync:Resilience</c>).</summary>
    public static IServiceCollection AddHubSync(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new HubSourcesOptions();
        configuration.GetSection(HubSourcesOptions.SectionName).Bind(options);
        services.AddSingleton(options);
        services.AddHubCatalog(configuration);
        services.AddSingleton<ConfiguredSources>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SyncRunner>();
        services.AddHubSyncResilience(configuration);
        return services;
    }
}
