using Hub.Api.Exports;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;

namespace Hub.Api.Extensions;

/// <summary>The push-target export over HTTP (<c>/exports/push-targets/{id}</c>), calling the capabilities layer's <see cref="Hub.Capabilities.PushTargets.Exports.PushTargetExporter"/>.</summary>
internal static class PushTargetExtensions
{
    public static WebApplication MapHubPushTargetExports(this WebApplication app)
    {
        // Checked now, so a bad definition or rule stops the host before it serves.
        _ = app.Services.GetRequiredService<PushTargetCatalog>();
        _ = app.Services.GetRequiredService<LifeEventRules>();
        app.MapGet("/exports/push-targets/{id}", PushTargetExportEndpoint.HandleAsync);
        return app;
    }
}
