using Hub.Capabilities;
using Hub.Adapters.Catalog;
using Hub.Api.Exports;
using Hub.Capabilities.PushTargets.Exports;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Extensions;

/// <summary>
/// Push-type extraction (<see cref="PushTargetQuery"/>, the saved definitions of <c>schemas/push-targets</c>, the
/// streaming export) and life-event guidance (<c>schemas/life-events</c>, checked against <c>schemas/forms</c>).
/// Definitions and rules are loaded when registered: a bad one stops startup with one message naming file and path.
/// </summary>
internal static class PushTargetExtensions
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

    public static WebApplication MapHubPushTargetExports(this WebApplication app)
    {
        // Checked now, so a bad definition or rule stops the host before it serves.
        _ = app.Services.GetRequiredService<PushTargetCatalog>();
        _ = app.Services.GetRequiredService<LifeEventRules>();
        app.MapGet("/exports/push-targets/{id}", PushTargetExportEndpoint.HandleAsync);
        return app;
    }
}
