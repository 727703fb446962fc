using Hub.Adapters.Catalog;
using Hub.Capabilities;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Exports;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Registration lives in the DI namespace so that `services.AddHubPushTargets()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Push-type extraction (<see cref="PushTargetQuery"/>, the saved definitions of <c>schemas/push-targets</c>, the
/// streaming export) and life-event guidance (<c>schemas/life-events</c>, checked against <c>schemas/forms</c>).
/// Definitions and rules are checked against the host's catalog (its kinds declared as data) when first resolved, which the
/// host does before it serves: a bad one stops startup with one message naming file and path.
/// </summary>
public static class PushTargetServiceCollectionExtensions
{
    public static IServiceCollection AddHubPushTargets(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        // Definitions and rules are checked against the catalog the host uses (its kinds declared as data): when it is built,
        // which the host does before it serves (a bad file stops startup naming file and path).
        services.AddSingleton(sp => Checked(() => new PushTargetCatalog(PushTargetDefinitionReader.LoadDirectory(SchemaDirectory.Find("push-targets"), sp.GetRequiredService<FieldCatalog>()))));
        services.AddSingleton(sp => Checked(() => LifeEventRules.Load(catalog: sp.GetRequiredService<FieldCatalog>())));
        services.AddSingleton(sp => new PushTargetQuery(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LifeEventGuideService(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<LifeEventRules>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PushTargetExporter>();
        return services;
    }

    private static T Checked<T>(Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is PushTargetDefinitionException or LifeEventRulesException)
        {
            throw new HubConfigurationException(e.Message);
        }
    }
}
