namespace Hub.Sync.Writing;

/// <summary>
/// Stores prepared batches of one run, each in its own transaction together with the run's counts and the
/// source's new watermark, so the watermark never covers data that is not stored.
/// </summary>
internal interface IBatchStore : IAsyncDisposable
{
    /// <summary>Stores <paramref name="batch"/> and returns its counts once committed.</summary>
    Task<BatchCounts> StoreAsync(PreparedBatch batch, CancellationToken ct);
}
