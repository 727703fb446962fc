using System.Runtime.CompilerServices;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Plugins;

/// <summary>
/// A plug-in's adapter as the runner sees it: the plug-in's code (creating the adapter, reading, disposing) runs inside
/// this wrapper, so whatever it throws — an exception in its constructor, in reading, even a cancellation the host did not
/// ask for — fails the run with a <see cref="SourceReadException"/> naming the assembly, and never escapes the runner.
/// </summary>
internal sealed class PluginAdapter(string assemblyName, IAdapterPlugin plugin, AdapterOptions options) : ISourceAdapter
{
    /// <summary>The plug-in's type, as its load context loaded it.</summary>
    public Type PluginType => plugin.GetType();

    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var adapter = Guard("creating its adapter", () => plugin.Create(options), cancellationToken);
        var batches = Guard("starting to read", () => adapter.ReadAsync(since, cancellationToken).GetAsyncEnumerator(cancellationToken), cancellationToken);
        try
        {
            while (await NextAsync(batches, cancellationToken).ConfigureAwait(false))
            {
                yield return batches.Current;
            }
        }
        finally
        {
            try
            {
                await batches.DisposeAsync().ConfigureAwait(false);
                (adapter as IDisposable)?.Dispose();
            }
            catch (Exception e) when (IsPluginFault(e, cancellationToken))
            {
                // A failure to clean up loses nothing stored; the run's outcome stands.
            }
        }
    }

    private async ValueTask<bool> NextAsync(IAsyncEnumerator<SourceBatch> batches, CancellationToken ct)
    {
        try
        {
            return await batches.MoveNextAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsPluginFault(e, ct))
        {
            throw Fault("reading", e);
        }
    }

    private T Guard<T>(string what, Func<T> call, CancellationToken ct)
    {
        try
        {
            return call() ?? throw new InvalidOperationException($"{what} returned null");
        }
        catch (Exception e) when (IsPluginFault(e, ct))
        {
            throw Fault(what, e);
        }
    }

    // The host's own cancellation passes through; anything else the plug-in threw is its fault.
    private static bool IsPluginFault(Exception e, CancellationToken ct) =>
        !(e is OperationCanceledException && ct.IsCancellationRequested) && e is not SourceReadException;

    private SourceReadException Fault(string what, Exception e) =>
        new($"plug-in {assemblyName} failed {what}: {e.GetType().FullName}: {e.Message}", Resilience.TransientSourceFailure.IsTransient(e), e);
}
