using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hub.Adapters.Sdk;

namespace Hub.Testing.Kinds;

/// <summary>
/// A source that reads records already in memory (or generated on the fly) in batches of <paramref name="batchSize"/>: the
/// sync's write path measured without any file parsing in front of it. The raw bytes of an item are its source key.
/// </summary>
public sealed class RecordListAdapter(Func<IEnumerable<CanonicalRecord>> records, int batchSize) : ISourceAdapter
{
    /// <inheritdoc />
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        var items = new List<SourceItem>(batchSize);
        long n = 0;
        foreach (var record in records())
        {
            cancellationToken.ThrowIfCancellationRequested();
            items.Add(SourceItem.Accepted(string.Create(CultureInfo.InvariantCulture, $"list:{++n}"), Encoding.UTF8.GetBytes(record.SourceKey), record));
            if (items.Count == batchSize)
            {
                yield return new SourceBatch(items, new Watermark(n.ToString(CultureInfo.InvariantCulture)));
                items = new List<SourceItem>(batchSize);
            }
        }

        if (items.Count > 0)
        {
            yield return new SourceBatch(items, new Watermark(n.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
