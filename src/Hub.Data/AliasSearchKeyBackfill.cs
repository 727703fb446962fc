using Hub.Adapters.Domain.Text;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data;

/// <summary>
/// Fills the 通称 search key (<c>alias_search_key</c>) of versions stored before the column existed. The key is folded in
/// code (<see cref="SearchKey"/>), which no SQL dialect can do, and the sync rewrites a version only when its content
/// changes, so without this a resident synced before the upgrade could not be found by 通称 until their record changed.
/// Runs once, right after the migration that adds the column.
/// </summary>
internal static class AliasSearchKeyBackfill
{
    /// <summary>The migration that adds the column (its name, as every provider's migration id ends).</summary>
    public const string Migration = "_ResidentNameAliasSearch";

    private const int BatchSize = 2_000;

    public static async Task<int> RunAsync(Providers.HubDbContextFactory factory, CancellationToken ct)
    {
        var filled = 0;
        var after = 0L;
        while (true)
        {
            await using var db = factory.CreateDbContext();
            var batch = await db.Residents
                .Where(r => r.Id > after && r.Alias != null && r.AliasSearchKey == null)
                .OrderBy(r => r.Id)
                .Take(BatchSize)
                .ToListAsync(ct)
                .ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return filled;
            }

            foreach (var row in batch)
            {
                row.AliasSearchKey = SearchKey.Normalize(row.Alias);
            }

            await db.SaveChangesAsync(ct).ConfigureAwait(false);
            filled += batch.Count;
            after = batch[^1].Id;
        }
    }
}
