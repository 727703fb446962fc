using Hub.Capabilities.Audit.Checkpoints;

namespace Hub.Api.Extensions;

/// <summary>The access log for the server (<c>AddHubAccessLog</c> of the capabilities layer) and its anchoring check in <c>/healthz</c>.</summary>
internal static class AuditExtensions
{
    /// <summary>Registers the audit services for the server; throws <see cref="Hub.Capabilities.HubConfigurationException"/> listing every problem with the settings.</summary>
    public static WebApplicationBuilder AddHubAudit(this WebApplicationBuilder builder)
    {
        var options = builder.Services.AddHubAccessLog(builder.Configuration, builder.Environment);
        if (options.Enabled)
        {
            builder.Services.AddHealthChecks().AddCheck<AuditAnchorHealthCheck>("audit-anchoring");
        }

        return builder;
    }
}
