using Hub.Api.Logging;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Hub.Api.Extensions;

/// <summary>
/// Serilog: compact JSON to stderr, levels from configuration. Personal data and caller values are never passed to a
/// log call; the framework's request paths and query strings are stripped from every event (<see cref="CallerValueRedactor"/>),
/// and Kestrel's bad-request diagnostics, which quote a malformed request line, stay at Information or above whatever
/// the configuration says.
/// </summary>
internal static class LoggingExtensions
{
    public static WebApplicationBuilder AddHubLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore.Server.Kestrel.BadRequests", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .Enrich.With<CallerValueRedactor>()
            .WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: LogEventLevel.Verbose));
        return builder;
    }
}
