namespace Hub.Adapters.Sdk;

/// <summary>
/// 全件取込: an adapter that can read everything the source holds now, whatever was read before. The
/// last batch's watermark is a valid start for the next delta read.
/// </summary>
public interface ISnapshotSource : ISourceAdapter
{
    /// <summary>Yields every record the source holds, in source order, in batches with their watermarks.</summary>
    IAsyncEnumerable<SourceBatch> ReadSnapshotAsync(CancellationToken cancellationToken);
}
