using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace Hub.Sync.Running;

/// <summary>
/// Lets the adapter read and parse the next batches while the current one is written: a bounded channel
/// between the two, so memory stays at a few batches whatever the source's size. An adapter's exception
/// reaches the reader at the point it happened, after the batches before it.
/// </summary>
internal static class ReadAhead
{
    public static async IAsyncEnumerable<T> Of<T>(IAsyncEnumerable<T> source, int capacity, [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var producer = Task.Run(
            async () =>
            {
                try
                {
                    await foreach (var item in source.WithCancellation(stop.Token).ConfigureAwait(false))
                    {
                        await channel.Writer.WriteAsync(item, stop.Token).ConfigureAwait(false);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                }
            },
            CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return item;
            }
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await producer.ConfigureAwait(false);
        }
    }
}
