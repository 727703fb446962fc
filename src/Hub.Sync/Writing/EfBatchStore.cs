using Hub.Data;
using Hub.Data.Providers;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Sync.Writing;

/// <summary>
/// The provider-neutral store: one context and transaction per batch, EF Core for lookups and bookkeeping, the
/// provider's bulk insert for new versions (see <see cref="BatchWriter"/>).
/// </summary>
internal sealed class EfBatchStore(HubDbContextFactory factory, RunState run) : IBatchStore
{
    public async Task<BatchCounts> StoreAsync(PreparedBatch batch, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var writer = new BatchWriter(db, factory.Provider, run);
        var counts = await writer.WriteAsync(batch, ct).ConfigureAwait(false);
        await AdvanceAsync(db, batch, counts, ct).ConfigureAwait(false);
        await writer.FlushAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
        return counts;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task AdvanceAsync(HubDbContext db, PreparedBatch batch, BatchCounts counts, CancellationToken ct)
    {
        var stamp = batch.Stamp;
        var next = batch.Next.Value;
        await db.SyncRuns.Where(r => r.Id == stamp.RunId).ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Read, r => r.Read + counts.Read)
                .SetProperty(r => r.Inserted, r => r.Inserted + counts.Inserted)
                .SetProperty(r => r.Updated, r => r.Updated + counts.Updated)
                .SetProperty(r => r.Unchanged, r => r.Unchanged + counts.Unchanged)
                .SetProperty(r => r.Quarantined, r => r.Quarantined + counts.Quarantined)
                .SetProperty(r => r.WatermarkAfter, next),
            ct).ConfigureAwait(false);
        var mark = await db.SourceWatermarks.SingleOrDefaultAsync(w => w.Source == stamp.Source, ct).ConfigureAwait(false);
        if (mark is null)
        {
            db.SourceWatermarks.Add(new SourceWatermark { Source = stamp.Source, Value = next, SyncRunId = stamp.RunId, UpdatedAt = stamp.Now });
        }
        else
        {
            mark.Value = next;
            mark.SyncRunId = stamp.RunId;
            mark.UpdatedAt = stamp.Now;
        }
    }
}
