using Serilog;
using Serilog.Formatting.Compact;

namespace Hub.Api.Extensions;

/// <summary>Serilog: compact JSON to stderr, levels from configuration. Personal data is never passed to a log call.</summary>
internal static class LoggingExtensions
{
    public static WebApplicationBuilder AddHubLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose));
        return builder;
    }
}
