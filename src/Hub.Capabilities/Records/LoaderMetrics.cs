using System.Diagnostics.Metrics;

namespace Hub.Capabilities.Records;

/// <summary>
/// The batch loaders' database fetches as the counter <c>hub.api.loader.fetches</c> (meter <c>Hub.Api.Loading</c>):
/// with requests per second it shows statements per request, so an N+1 shows in the metrics, and tests count it.
/// </summary>
public sealed class LoaderMetrics
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Hub.Api.Loading";

    /// <summary>The counter's name.</summary>
    public const string FetchesName = "hub.api.loader.fetches";

    private readonly Counter<long> _fetches;

    public LoaderMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _fetches = meter.CreateCounter<long>(FetchesName, unit: "{fetch}", description: "Database fetches of the GraphQL batch loaders");
    }

    /// <summary>Counts one fetch.</summary>
    public void Fetched() => _fetches.Add(1);
}
