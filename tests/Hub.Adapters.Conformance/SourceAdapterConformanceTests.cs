using System.Text;
using Hub.Adapters.Sdk;
using Xunit;

namespace Hub.Adapters.Conformance;

/// <summary>
/// 適合性試験: the behaviour every <see cref="ISourceAdapter"/> owes the hub. Subclass it in a test project,
/// implement <see cref="CreateAdapterAsync"/> (and <see cref="ChangeOneRecordAsync"/> for the delta test),
/// and every test below runs against your adapter: snapshot, determinism, restart from any watermark,
/// monotonic watermarks, empty source, malformed rows and delta reads.
/// </summary>
/// <typeparam name="TAdapter">The adapter under test.</typeparam>
public abstract class SourceAdapterConformanceTests<TAdapter>
    where TAdapter : ISourceAdapter
{
    /// <summary>Records per batch the tests ask for: small, so that sources span several batches.</summary>
    protected virtual int BatchSize => 7;

    /// <summary>Creates the adapter over a freshly prepared <paramref name="source"/> with the given batch size.</summary>
    protected abstract ValueTask<TAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken);

    /// <summary>
    /// Changes one record of the <see cref="ConformanceSource.Typical"/> source the adapter reads (a later
    /// timestamp, a new export) and returns its source key; null when the source cannot be changed (the delta
    /// test is then skipped, saying so).
    /// </summary>
    protected virtual ValueTask<string?> ChangeOneRecordAsync(TAdapter adapter, CancellationToken cancellationToken) => ValueTask.FromResult<string?>(null);

    [Fact]
    public async Task Snapshot_TypicalSource_EveryItemCanonicalWithLocationAndRawBytes()
    {
        var items = await ReadAllAsync(await CreateAsync(ConformanceSource.Typical), Watermark.Start);

        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Location), "every item names where it was read");
            Assert.False(item.Raw.IsEmpty, $"{item.Location}: the raw bytes are kept");
            Assert.True(item.Record is not null, $"{item.Location}: rejected in a clean source: {item.Rejection}");
            Assert.False(string.IsNullOrWhiteSpace(item.Record!.SourceKey), $"{item.Location}: empty source key");
            Assert.Equal(item.Record.SourceKey, item.SourceKey);
            Assert.NotEqual(default, item.Record.SourceTimestamp);
        }

        var duplicates = items.GroupBy(i => i.SourceKey).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"source keys repeat within one snapshot: {duplicates.Count}");
    }

    [Fact]
    public async Task Snapshot_ReadTwice_SameKeysRecordsAndWatermarks()
    {
        var adapter = await CreateAsync(ConformanceSource.Typical);
        var first = await ReadBatchesAsync(adapter, Watermark.Start);
        var second = await ReadBatchesAsync(adapter, Watermark.Start);

        Assert.Equal(first.Select(b => b.Next), second.Select(b => b.Next));
        Assert.Equal(Describe(first.SelectMany(b => b.Items)), Describe(second.SelectMany(b => b.Items)));
        Assert.Equal(first.SelectMany(b => b.Items).Select(i => i.Record), second.SelectMany(b => b.Items).Select(i => i.Record));
    }

    [Fact]
    public async Task Restart_FromEveryBatchWatermark_SameResultAsOnePass()
    {
        var adapter = await CreateAsync(ConformanceSource.Typical);
        var batches = await ReadBatchesAsync(adapter, Watermark.Start);
        Assert.True(batches.Count >= 2, $"the typical source should span several batches of {BatchSize}");

        for (var k = 0; k < batches.Count; k++)
        {
            var expected = Describe(batches.Skip(k + 1).SelectMany(b => b.Items));
            var resumed = Describe(await ReadAllAsync(adapter, batches[k].Next));
            Assert.Equal(expected, resumed);
        }
    }

    [Fact]
    public async Task Watermarks_AfterFullRead_NothingNewAndNeverStart()
    {
        var adapter = await CreateAsync(ConformanceSource.Typical);
        var batches = await ReadBatchesAsync(adapter, Watermark.Start);

        Assert.All(batches, b => Assert.False(b.Next.IsStart && b.Items.Count > 0, "a batch with items must move the watermark"));
        var remaining = await ReadAllAsync(adapter, batches[^1].Next);
        Assert.Empty(remaining.Where(i => i.Record is not null));

        // Monotonic: resuming from a later watermark never yields more than from an earlier one.
        var counts = new List<int>();
        foreach (var b in batches)
        {
            counts.Add((await ReadAllAsync(adapter, b.Next)).Count);
        }

        Assert.Equal(counts.OrderByDescending(c => c), counts);
    }

    [Fact]
    public async Task EmptySource_NoItems()
    {
        var items = await ReadAllAsync(await CreateAsync(ConformanceSource.Empty), Watermark.Start);

        Assert.Empty(items);
    }

    [Fact]
    public async Task MalformedRows_RejectedWithLocationNoValuesAndNothingLost()
    {
        var typical = await ReadAllAsync(await CreateAsync(ConformanceSource.Typical), Watermark.Start);
        var items = await ReadAllAsync(await CreateAsync(ConformanceSource.Malformed), Watermark.Start);
        var rejected = items.Where(i => i.Record is null).ToList();

        Assert.NotEmpty(rejected);
        Assert.True(items.Count >= typical.Count, "every row of the source is an item: accepted or rejected");
        foreach (var item in rejected)
        {
            Assert.False(string.IsNullOrWhiteSpace(item.Location), "a rejection names where it was read");
            Assert.False(string.IsNullOrWhiteSpace(item.Rejection), $"{item.Location}: a rejection says why");
            Assert.False(item.Raw.IsEmpty, $"{item.Location}: the raw bytes are kept");
            foreach (var value in ValuesIn(item.Raw.Span))
            {
                Assert.False(item.Rejection!.Contains(value, StringComparison.Ordinal), $"{item.Location}: the reason repeats a value of the row");
            }
        }
    }

    [Fact]
    public async Task Delta_AfterOneChange_TheChangedRecordIsRead()
    {
        var adapter = await CreateAsync(ConformanceSource.Typical);
        var batches = await ReadBatchesAsync(adapter, Watermark.Start);
        var key = await ChangeOneRecordAsync(adapter, TestContext.Current.CancellationToken);
        if (key is null)
        {
            Assert.Skip($"{typeof(TAdapter).Name}: the test cannot change this source (override ChangeOneRecordAsync).");
        }

        var delta = await ReadAllAsync(adapter, batches[^1].Next);

        Assert.Contains(delta, i => i.SourceKey == key);
        if (adapter is IDeltaSource deltaSource)
        {
            Assert.True(delta.Count < batches.Sum(b => b.Items.Count), $"{typeof(TAdapter).Name} is an IDeltaSource: a delta read returns changes only");
            Assert.False(string.IsNullOrWhiteSpace(deltaSource.Describe(batches[^1].Next)));
        }
    }

    /// <summary>Every batch read from <paramref name="since"/>.</summary>
    protected static async Task<List<SourceBatch>> ReadBatchesAsync(ISourceAdapter adapter, Watermark since)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var batches = new List<SourceBatch>();
        await foreach (var batch in adapter.ReadAsync(since, TestContext.Current.CancellationToken))
        {
            batches.Add(batch);
        }

        return batches;
    }

    /// <summary>Every item read from <paramref name="since"/>.</summary>
    protected static async Task<List<SourceItem>> ReadAllAsync(ISourceAdapter adapter, Watermark since) =>
        [.. (await ReadBatchesAsync(adapter, since)).SelectMany(b => b.Items)];

    private Task<TAdapter> CreateAsync(ConformanceSource source) =>
        CreateAdapterAsync(source, BatchSize, TestContext.Current.CancellationToken).AsTask();

    private static List<string> Describe(IEnumerable<SourceItem> items) =>
        [.. items.Select(i => $"{i.Location}|{i.SourceKey}|{i.Rejection}|{Convert.ToHexString(i.Raw.Span)}")];

    /// <summary>Values of a raw row worth hiding: runs of 4+ digits, and runs of non-ASCII letters (names, addresses).</summary>
    private static IEnumerable<string> ValuesIn(ReadOnlySpan<byte> raw)
    {
        var text = Encoding.UTF8.GetString(raw);
        var values = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in text + "\0")
        {
            if (char.IsDigit(c) || (c > 0x7F && char.IsLetter(c)))
            {
                sb.Append(c);
                continue;
            }

            if (sb.Length >= 4 && !sb.ToString().All(ch => ch > 0x7F))
            {
                values.Add(sb.ToString());
            }
            else if (sb.Length >= 3 && sb.ToString().All(ch => ch > 0x7F))
            {
                values.Add(sb.ToString());
            }

            sb.Clear();
        }

        return values;
    }
}
