namespace Hub.Api.Caching;

/// <summary>
/// A bounded map that, when full, drops the entry used least recently. Thread-safe (one short lock per call): the
/// endpoint's caches hold what many requests share, so the lock is held for a dictionary look-up and a list move only.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a query text.</typeparam>
/// <typeparam name="TValue">The value kept for it.</typeparam>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _entries;
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency = new();

    /// <param name="capacity">The most entries kept (at least 1).</param>
    /// <param name="comparer">How keys compare; the default comparer when null.</param>
    public LruCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _entries = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(comparer);
    }

    /// <summary>The most entries kept.</summary>
    public int Capacity { get; }

    /// <summary>How many entries are kept.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>The value kept for <paramref name="key"/>, which becomes the most recently used; false when none is.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                if (node != _recency.First)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                }

                value = node.Value.Value;
                return true;
            }
        }

        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="key"/> (replacing one kept), dropping the least recently used entry when full.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out var node))
            {
                _recency.Remove(node);
            }
            else if (_entries.Count >= Capacity && _recency.Last is { } oldest)
            {
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Key);
            }

            _entries[key] = _recency.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
        }
    }

    /// <summary>Drops the entry for <paramref name="key"/>, if any.</summary>
    public void Remove(TKey key)
    {
        lock (_gate)
        {
            if (_entries.Remove(key, out var node))
            {
                _recency.Remove(node);
            }
        }
    }
}
