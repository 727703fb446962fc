using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hub.Adapters.Sdk;

namespace Hub.Sync.Tests.Support;

/// <summary>A source that yields given canonical records in batches; its watermark is the index of the last record yielded.</summary>
internal sealed class ListSourceAdapter(IReadOnlyList<CanonicalRecord> records, int batchSize = 100) : ISourceAdapter
{
    public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = since.IsStart ? 0 : int.Parse(since.Value, CultureInfo.InvariantCulture);
        for (var i = start; i < records.Count; i += batchSize)
        {
            await Task.Yield();
            var items = records.Skip(i).Take(batchSize)
                .Select((r, k) => SourceItem.Accepted($"list:{i + k + 1}", Encoding.UTF8.GetBytes(r.SourceKey), r))
                .ToList();
            yield return new SourceBatch(items, new Watermark((i + items.Count).ToString(CultureInfo.InvariantCulture)));
        }
    }
}
