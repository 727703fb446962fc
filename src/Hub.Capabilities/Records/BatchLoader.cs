namespace Hub.Capabilities.Records;

/// <summary>
/// A per-request batch loader: keys asked for while the execution strategy walks one level of the selection are
/// fetched together, once, when the first result is awaited. Results are cached per key for the request.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a household number.</typeparam>
/// <typeparam name="TValue">The value for a key; a key the fetch does not return yields <c>default</c>.</typeparam>
public sealed class BatchLoader<TKey, TValue>(Func<IReadOnlyCollection<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, Batch> _batchOf = [];
    private Batch? _open;

    /// <summary>How many fetches ran (for tests and diagnostics).</summary>
    public int FetchCount { get; private set; }

    /// <summary>A deferred result for <paramref name="key"/>; the fetch runs when a result is first awaited.</summary>
    public IDeferred<TValue?> Load(TKey key)
    {
        lock (_gate)
        {
            if (!_batchOf.TryGetValue(key, out var batch))
            {
                if (_open is null || _open.Started)
                {
                    _open = new Batch(this);
                }

                batch = _open;
                batch.Keys.Add(key);
                _batchOf[key] = batch;
            }

            return new Result(batch, key);
        }
    }

    /// <summary>
    /// Gives <paramref name="key"/> a value fetched along with something else (e.g. a household's members read with the
    /// applicant), so a later <see cref="Load"/> of it needs no fetch. A key already asked for keeps its own batch.
    /// </summary>
    public void Prime(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (!_batchOf.ContainsKey(key))
            {
                var batch = new Batch(this);
                batch.Keys.Add(key);
                batch.Complete(new Dictionary<TKey, TValue> { [key] = value });
                _batchOf[key] = batch;
            }
        }
    }

    private sealed class Batch(BatchLoader<TKey, TValue> owner)
    {
        private Task<IReadOnlyDictionary<TKey, TValue>>? _run;

        public HashSet<TKey> Keys { get; } = [];

        public bool Started => _run is not null;

        public void Complete(IReadOnlyDictionary<TKey, TValue> values) => _run = Task.FromResult(values);

        public Task<IReadOnlyDictionary<TKey, TValue>> RunAsync(CancellationToken cancellationToken)
        {
            lock (owner._gate)
            {
                if (_run is null)
                {
                    owner.FetchCount++;
                    _run = owner.FetchAsync(Keys.ToList(), cancellationToken);
                }

                return _run;
            }
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> FetchAsync(IReadOnlyCollection<TKey> keys, CancellationToken cancellationToken) =>
        fetch(keys, cancellationToken);

    private sealed class Result(Batch batch, TKey key) : IDeferred<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await batch.RunAsync(cancellationToken).ConfigureAwait(false);
            return values.TryGetValue(key, out var value) ? value : default;
        }
    }
}
