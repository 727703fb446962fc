using System.Data.Common;
using Hub.Adapters.Catalog;
using Hub.Data.Kinds;
using Hub.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data;

/// <summary>Brings the common database to the current schema, with one clear message when it cannot be reached.</summary>
public static class HubDatabaseInitializer
{
    /// <summary>Connects, applies pending migrations of the provider, and returns the number applied.</summary>
    /// <exception cref="HubDatabaseConfigurationException">The database cannot be reached; the message names the setting.</exception>
    public static async Task<int> MigrateAsync(HubDbContextFactory factory, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var db = factory.CreateDbContext();
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct).ConfigureAwait(false)).ToList();
            await db.Database.MigrateAsync(ct).ConfigureAwait(false);
            if (pending.Any(m => m.EndsWith(AliasSearchKeyBackfill.Migration, StringComparison.Ordinal)))
            {
                await AliasSearchKeyBackfill.RunAsync(factory, ct).ConfigureAwait(false);
            }

            return pending.Count;
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException or System.Net.Sockets.SocketException)
        {
            throw new HubDatabaseConfigurationException(
                $"Cannot open the {factory.Provider} database given by setting {HubDatabaseOptions.SectionName}:ConnectionString: {e.GetBaseException().Message}", e);
        }
    }

    /// <summary>
    /// Applies pending migrations, then makes the indexes the kinds of <paramref name="catalog"/> declare
    /// (<see cref="RecordKindIndexes"/>); returns the number of migrations applied.
    /// </summary>
    public static async Task<int> MigrateAsync(HubDbContextFactory factory, FieldCatalog catalog, CancellationToken ct = default)
    {
        var applied = await MigrateAsync(factory, ct).ConfigureAwait(false);
        await RecordKindIndexes.EnsureAsync(factory, catalog, ct).ConfigureAwait(false);
        return applied;
    }
}
