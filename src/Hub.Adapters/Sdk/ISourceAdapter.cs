namespace Hub.Adapters.Sdk;

/// <summary>
/// A core system as the hub reads it (取込アダプタ). One method: stream batches of changes since a
/// watermark. An adapter only reads; it may throw, and the host retries, quarantines and reports.
/// Optional capabilities (delta pulls, snapshots, health) are separate interfaces.
/// </summary>
public interface ISourceAdapter
{
    /// <summary>
    /// Yields batches of records read after <paramref name="since"/>, in source order. Each batch carries
    /// the watermark that covers it; the host stores that watermark in the same transaction as the batch,
    /// so a run that stops anywhere resumes exactly after the last stored batch.
    /// </summary>
    IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, CancellationToken cancellationToken);
}
