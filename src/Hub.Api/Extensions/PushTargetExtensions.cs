using Hub.Api.Exports;

namespace Hub.Api.Extensions;

/// <summary>The push-target export over HTTP (<c>/exports/push-targets/{id}</c>), calling the capabilities layer's <see cref="Hub.Capabilities.PushTargets.Exports.PushTargetExporter"/>.</summary>
internal static class PushTargetExtensions
{
    public static WebApplication MapHubPushTargetExports(this WebApplication app)
    {
        app.MapGet("/exports/push-targets/{id}", PushTargetExportEndpoint.HandleAsync);
        return app;
    }
}
