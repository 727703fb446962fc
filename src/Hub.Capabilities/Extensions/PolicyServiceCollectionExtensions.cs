using Hub.Capabilities;
using Hub.Capabilities.Policies;
using Hub.Data;
using Hub.Policy.Administration;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using AdapterCatalog = Hub.Adapters.Catalog.FieldCatalog;
using PolicyCatalog = Hub.Policy.Catalog.FieldCatalog;

// Registration lives in the DI namespace so that `services.AddHubPolicy(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Policy administration on the common database: the version store, <see cref="PolicyAdministration"/> (the privacy
/// officers' service), the <see cref="FieldMaskCache"/> requests read their masks from, and the watcher that keeps
/// this node on the published version (section <c>Hub:Policy</c>, see <see cref="PolicyOptions"/>).
/// </summary>
public static class PolicyServiceCollectionExtensions
{
    /// <summary>Registers the policy services; needs the common database (<c>AddHubDatabase</c>) and runs after its migration.</summary>
    public static IServiceCollection AddHubPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        var options = new PolicyOptions();
        configuration.GetSection(PolicyOptions.SectionName).Bind(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new HubConfigurationException(string.Join(Environment.NewLine, problems));
        }

        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => AdapterCatalog.LoadDefault());
        // One catalog: the policy layer's view of the same fields (paths and classifications).
        services.TryAddSingleton(sp => new PolicyCatalog(sp.GetRequiredService<AdapterCatalog>().Fields.Select(f => (f.Path, (string?)f.Classification))));
        services.AddSingleton<PolicyFiles>();
        services.AddSingleton<IPolicyVersionStore>(sp => new DatabasePolicyVersionStore(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new PolicyAdministration(
            sp.GetRequiredService<IPolicyVersionStore>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<PolicyFiles>().LoadOrdinances(),
            sp.GetRequiredService<PolicyFiles>().LoadInvariants(sp.GetRequiredService<PolicyCatalog>())));
        services.AddSingleton<IPolicyNodeRegistry>(sp => new DatabasePolicyNodeRegistry(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), options.NodeRetention));
        services.AddSingleton(sp => new PolicyReplay(
            sp.GetRequiredService<IDbContextFactory<HubDbContext>>(),
            sp.GetRequiredService<IPolicyVersionStore>(),
            sp.GetRequiredService<PolicyCatalog>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FieldMaskCache(sp.GetRequiredService<PolicyCatalog>().Paths));
        services.AddSingleton(sp => new PolicyVersionWatcher(
            sp.GetRequiredService<IPolicyVersionStore>(),
            sp.GetRequiredService<FieldMaskCache>(),
            sp.GetRequiredService<TimeProvider>(),
            options.PollInterval));
        services.AddHostedService<PolicyWatcherHostedService>();
        return services;
    }
}
