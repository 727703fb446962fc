using Hub.Data.Entities;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Sync.Writing;

/// <summary>
/// Applies incoming versions against the latest stored ones: a new key is inserted; a changed record
/// closes its latest version (<c>superseded_at</c>) and opens a new one; an unchanged one is counted, not rewritten.
/// </summary>
internal static class Versioning
{
    /// <param name="writer">Collects the new versions.</param>
    /// <param name="set">The table, or the part of it the records live in (one kind of the generic table).</param>
    /// <param name="incoming">New versions of this batch.</param>
    /// <param name="stamp">Run and time.</param>
    /// <param name="run">What the run knows; null for derived records whose keys may repeat within a run.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="scope">The part of the table <paramref name="set"/> is (default: the whole table of <typeparamref name="T"/>).</param>
    public static async Task<VersionOutcome> ApplyAsync<T>(HubContextWriter writer, IQueryable<T> set, IReadOnlyList<T> incoming, RunStamp stamp, RunState? run, CancellationToken ct, RecordScope? scope = null)
        where T : TemporalRecord
    {
        var outcome = new VersionOutcome();
        if (incoming.Count == 0)
        {
            return outcome;
        }

        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        var firstLoad = run is not null && await run.WasEmptyAtStartAsync(scope ?? new RecordScope(typeof(T).Name), async () =>
            !await set.AnyAsync(x => x.SourceSystem == stamp.SourceSystem, ct).ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var keys in firstLoad ? [] : Chunks.Of(incoming.Select(x => x.SourceKey)))
        {
            await foreach (var row in set.Latest().Where(x => x.SourceSystem == stamp.SourceSystem && keys.Contains(x.SourceKey)).AsAsyncEnumerable().WithCancellation(ct).ConfigureAwait(false))
            {
                latest[row.SourceKey] = row;
            }
        }

        foreach (var record in incoming)
        {
            if (latest.TryGetValue(record.SourceKey, out var old))
            {
                if (old.ContentHash == record.ContentHash)
                {
                    outcome.Unchanged++;
                    continue;
                }

                old.SupersededAt = stamp.Now;
                outcome.Updated++;
            }
            else
            {
                outcome.Inserted++;
            }

            writer.PendingInserts.Add(record);
        }

        return outcome;
    }
}
