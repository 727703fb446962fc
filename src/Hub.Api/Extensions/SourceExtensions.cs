using Hub.Adapters;
using Hub.Demo.Simulators;
using Hub.Sync.Sources;

namespace Hub.Api.Extensions;

/// <summary>The sources the hub reads: those configuration declares, with the demo's NHI simulator offered as a built-in adapter.</summary>
internal static class SourceExtensions
{
    /// <summary>Registers the declared sources (<c>Hub:Sources</c>), the runner and their retries; bad settings throw one message listing every problem.</summary>
    public static IServiceCollection AddHubSources(this IServiceCollection services, IConfiguration configuration) =>
        services.AddHubSync(configuration, AddDemoAdapters);

    /// <summary>The built-in adapters the demo adds to the SDK's: <c>nhi-simulator</c>, the NHI API adapter over the in-process simulator.</summary>
    public static void AddDemoAdapters(BuiltinAdapters builtins)
    {
        ArgumentNullException.ThrowIfNull(builtins);
        builtins.Add<NhiSimulatorOptions>("nhi-simulator", SourceSystems.Nhi, "nhi", o => o.CreateAdapter());
    }
}
