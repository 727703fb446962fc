using System.Runtime.CompilerServices;
using Hub.Adapters.Sdk;
using Polly;

namespace Hub.Sync.Resilience;

/// <summary>
/// Decorates an adapter so that a transient failure while opening or reading it is retried with backoff.
/// A retry reopens the adapter from the watermark of the last batch it yielded: the runner stored that batch
/// before asking for the next one, so nothing is read twice and nothing is skipped. When the attempts run
/// out, <see cref="SourceUnavailableException"/> says how many were made and what the last one met; the
/// run records that message.
/// </summary>
public sealed class ResilientSourceAdapter : ISourceAdapter
{
    private readonly ISourceAdapter _inner;
    private readonly string _source;
    private readonly SourceResilience _resilience;

    /// <summary>Wraps <paramref name="inner"/>, the adapter of source <paramref name="source"/>, in <paramref name="resilience"/>.</summary>
    public ResilientSourceAdapter(ISourceAdapter inner, string source, SourceResilience resilience)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentNullException.ThrowIfNull(resilience);
        _inner = inner;
        _source = source;
        _resilience = resilience;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reader = new ResumingReader(_inner, since);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(SourceResilience.SourceKey, _source);
        try
        {
            while (true)
            {
                bool moved;
                try
                {
                    moved = await _resilience.Pipeline.ExecuteAsync(static (ctx, r) => r.MoveNextAsync(ctx.CancellationToken), context, reader).ConfigureAwait(false);
                }
                catch (Exception e) when (TransientSourceFailure.IsTransient(e))
                {
                    throw new SourceUnavailableException(
                        $"source {_source} gave up after {_resilience.MaxAttempts} attempt(s) to read after watermark '{reader.Position}': {e.GetType().Name}: {e.Message}", e);
                }

                if (!moved)
                {
                    yield break;
                }

                yield return reader.Current;
            }
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            await reader.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Keeps one open enumeration of the inner adapter; a failed one is dropped and the next attempt reopens at the last batch's watermark.
    private sealed class ResumingReader(ISourceAdapter inner, Watermark since) : IAsyncDisposable
    {
        private IAsyncEnumerator<SourceBatch>? _open;

        public Watermark Position { get; private set; } = since;

        public SourceBatch Current { get; private set; } = null!;

        public async ValueTask<bool> MoveNextAsync(CancellationToken ct)
        {
            _open ??= inner.ReadAsync(Position, ct).GetAsyncEnumerator(ct);
            try
            {
                if (!await _open.MoveNextAsync().ConfigureAwait(false))
                {
                    return false;
                }
            }
            catch
            {
                await DropAsync().ConfigureAwait(false);
                throw;
            }

            Current = _open.Current;
            Position = Current.Next;
            return true;
        }

        public async ValueTask DisposeAsync()
        {
            var open = _open;
            _open = null;
            if (open is not null)
            {
                await open.DisposeAsync().ConfigureAwait(false);
            }
        }

        // A faulted enumeration may fail again while it cleans up; the failure that matters is the one being rethrown.
        private async ValueTask DropAsync()
        {
            try
            {
                await DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
        }
    }
}
