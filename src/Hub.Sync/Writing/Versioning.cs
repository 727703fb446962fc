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
    public static async Task<VersionOutcome> ApplyAsync<T>(HubContextWriter writer, DbSet<T> set, IReadOnlyList<T> incoming, RunStamp stamp, CancellationToken ct)
        where T : TemporalRecord
    {
        var outcome = new VersionOutcome();
        if (incoming.Count == 0)
        {
            return outcome;
        }

        var latest = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var keys in Chunks.Of(incoming.Select(x => x.SourceKey)))
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
