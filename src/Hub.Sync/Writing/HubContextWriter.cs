using Hub.Data;
using Hub.Data.Providers;
using Hub.Sync.Writing.Bulk;

namespace Hub.Sync.Writing;

/// <summary>
/// Writes one batch in two steps inside its transaction: first the tracked changes (closing superseded
/// versions, quarantine, run counts, watermark), then the new versions by the provider's bulk path — so the
/// "one latest version per key" index never sees two at once.
/// </summary>
internal sealed class HubContextWriter(HubDbContext db, DatabaseProvider provider)
{
    private readonly IBulkInserter _bulk = BulkInserters.For(provider);

    public List<object> PendingInserts { get; } = [];

    public async Task FlushAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        foreach (var group in PendingInserts.GroupBy(r => r.GetType()))
        {
            var entityType = db.Model.FindEntityType(group.Key) ?? throw new InvalidOperationException($"{group.Key.Name} is not in the model.");
            await _bulk.InsertAsync(db, entityType, group.ToList(), ct).ConfigureAwait(false);
        }

        PendingInserts.Clear();
    }
}
