using Hub.Api.Hosting;
using Hub.Capabilities;

namespace Hub.Api.Extensions;

/// <summary>Startup of the hub: migrate; in the demo, seed the city when empty and sync it; print how to query it.</summary>
internal static class DemoStartupExtensions
{
    public static WebApplicationBuilder AddHubDemoStartup(this WebApplicationBuilder builder)
    {
        var demo = new DemoOptions();
        builder.Configuration.GetSection(DemoOptions.SectionName).Bind(demo);
        builder.Services.AddSingleton(demo);
        builder.Services.AddHubSources(builder.Configuration);
        builder.Services.AddHostedService<HubStartupService>();
        builder.Services.AddHubSyncScheduling(builder.Configuration); // after startup's migration, so a bad database reads as one message
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }
}
