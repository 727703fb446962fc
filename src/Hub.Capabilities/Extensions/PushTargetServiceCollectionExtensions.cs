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
/// Definitions and rules are loaded when registered: a bad one stops startup with one message naming file and path.
/// </summary>
public static class PushTargetServiceCollectionExtensions
{
    public static IServiceCollection AddHubPushTargets(this IServiceCollection services)
    {
        PushTargetCatalog catalog;
        LifeEventRules rules;
        try
        {
            catalog = new PushTargetCatalog(PushTargetDefinitionReader.LoadDirectory(SchemaDirectory.Find("push-targets")));
            rules = LifeEventRules.Load();
        }
        catch (Exception e) when (e is PushTargetDefinitionException or LifeEventRulesException)
        {
            throw new HubConfigurationException(e.Message);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(catalog);
        services.AddSingleton(rules);
        services.AddSingleton(sp => new PushTargetQuery(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new LifeEventGuideService(sp.GetRequiredService<IDbContextFactory<HubDbContext>>(), rules, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<PushTargetExporter>();
        return services;
    }
}
