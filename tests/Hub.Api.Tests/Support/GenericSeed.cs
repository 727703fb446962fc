using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Tests.Support;

/// <summary>Writes records of kinds declared as data the way a source does: through the sync writer, checked against the catalog.</summary>
internal static class GenericSeed
{
    public static readonly DateTimeOffset At = new(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    /// <summary>A record of <paramref name="kind"/> with these values (key computed from the kind's key fields).</summary>
    public static CanonicalGenericRecord Record(FieldCatalog catalog, string kind, Dictionary<string, object?> values, bool removed = false) => new()
    {
        Kind = kind,
        Key = catalog.Kind(kind)!.KeyOf(values),
        Values = values,
        IsRemoved = removed,
        SourceTimestamp = At,
    };

    /// <summary>Syncs <paramref name="records"/> as source <paramref name="source"/>; fails the test unless every one is stored.</summary>
    public static async Task WriteAsync(HubDbContextFactory factory, FieldCatalog catalog, string source, IReadOnlyList<CanonicalRecord> records)
    {
        var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, catalog);
        var summary = await runner.RunAsync(new SyncSource(source, source, () => new ListAdapter(records)));
        Assert.True(summary.Succeeded, summary.Error);
        Assert.True(summary.Quarantined == 0, $"{summary.Quarantined} record(s) of {source} were quarantined");
    }

    private sealed class ListAdapter(IReadOnlyList<CanonicalRecord> records) : ISourceAdapter
    {
        public async IAsyncEnumerable<SourceBatch> ReadAsync(Watermark since, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            var items = records.Select((r, i) => SourceItem.Accepted($"seed:{i + 1}", Encoding.UTF8.GetBytes(r.SourceKey), r)).ToList();
            yield return new SourceBatch(items, new Watermark(records.Count.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
