using Hub.Data;

namespace Hub.Sync.Writing;

/// <summary>
/// Writes one batch in two steps inside its transaction: first close superseded versions, then insert the
/// new ones — so the "one latest version per key" index never sees two at once.
/// </summary>
internal sealed class HubContextWriter(HubDbContext db)
{
    public List<object> PendingInserts { get; } = [];

    public async Task FlushAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        if (PendingInserts.Count > 0)
        {
            db.AddRange(PendingInserts);
            PendingInserts.Clear();
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }
    }
}
