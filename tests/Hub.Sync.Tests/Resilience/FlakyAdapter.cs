using System.Runtime.CompilerServices;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Tests.Resilience;

/// <summary>A test adapter around a real one: the reads numbered in <c>failOnReads</c> (1-based, over every opening) throw <c>failure()</c>.</summary>
internal sealed class FlakyAdapter(ISourceAdapter inner, Func<Exception> failure, params int[] failOnReads) : ISourceAdapter
{
    private int _reads;

    /// <summary>The watermark of every opening, in order.</summary>
    public List<Watermark> Openings { get; } = [];

    public int Reads => _reads;

    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Openings.Add(since);
        await using var batches = inner.ReadAsync(since, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            if (failOnReads.Contains(Interlocked.Increment(ref _reads)))
            {
                throw failure();
            }

            if (!await batches.MoveNextAsync())
            {
                yield break;
            }

            yield return batches.Current;
        }
    }
}
