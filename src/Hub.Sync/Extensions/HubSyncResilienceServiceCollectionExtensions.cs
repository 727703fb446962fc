using Hub.Sync.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the retry policy that every configured source's adapter is wrapped in.</summary>
public static class HubSyncResilienceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="SourceResilience"/> from section <c>Hub:Sync:Resilience</c> (see <see cref="SourceResilienceOptions"/>).
    /// Bad settings fail here with <see cref="Hub.Sync.HubSyncConfigurationException"/>, one message listing every problem.
    /// </summary>
    public static IServiceCollection AddHubSyncResilience(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new SourceResilienceOptions();
        configuration.GetSection(SourceResilienceOptions.SectionName).Bind(options);
        options.ThrowIfInvalid();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SourceResilience>();
        return services;
    }
}
