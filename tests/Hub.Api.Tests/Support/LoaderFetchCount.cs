using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;

namespace Hub.Api.Tests.Support;

/// <summary>Counts the batch loaders' fetches of one hub (its own meter factory), from now until disposed.</summary>
internal sealed class LoaderFetchCount : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _count;

    public LoaderFetchCount(IServiceProvider hub)
    {
        var meters = hub.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == LoaderMetrics.FetchesName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _count, value));
        _listener.Start();
    }

    public long Count => Interlocked.Read(ref _count);

    public void Dispose() => _listener.Dispose();
}
