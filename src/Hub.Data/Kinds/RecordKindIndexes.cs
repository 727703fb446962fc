using System.Data.Common;
using Hub.Adapters.Catalog;
using Hub.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data.Kinds;

/// <summary>
/// The indexes of the kinds declared as data: for every <c>x-hub-indexed</c> field of a generic kind, an index on the field's
/// value (<see cref="RecordJson.Sql"/>) over the kind's latest versions — on SQLite and PostgreSQL an expression index partial
/// on the kind, on SQL Server an index on a computed column. Made at startup after the migrations, since the kinds are data;
/// indexes of fields no longer indexed are dropped. Idempotent.
/// </summary>
public static class RecordKindIndexes
{
    /// <summary>Prefix of every index (and SQL Server computed column) this class makes.</summary>
    public const string Prefix = "ix_kind_";

    private const string Table = "generic_records";

    /// <summary>Brings the indexes to what <paramref name="catalog"/> declares; returns the names created.</summary>
    public static async Task<IReadOnlyList<string>> EnsureAsync(HubDbContextFactory factory, FieldCatalog catalog, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(catalog);
        await using var db = factory.CreateDbContext();
        var provider = db.Database.ProviderName;
        var wanted = catalog.GenericKinds
            .SelectMany(k => k.Indexed.Select(f => (Kind: k.Name, Field: f, Type: k.Field(f)!.Type)))
            .ToDictionary(i => Name(i.Kind, i.Field), StringComparer.Ordinal);
        var existing = await ExistingAsync(db, factory.Provider, ct).ConfigureAwait(false);
        foreach (var stale in existing.Where(e => !wanted.ContainsKey(e)))
        {
            await db.Database.ExecuteSqlRawAsync(Drop(factory.Provider, stale), ct).ConfigureAwait(false);
        }

        var created = new List<string>();
        foreach (var (name, index) in wanted.Where(w => !existing.Contains(w.Key)))
        {
            var expression = RecordJson.Sql(provider, index.Type, index.Field);
            foreach (var sql in Create(factory.Provider, name, index.Kind, expression))
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct).ConfigureAwait(false);
            }

            created.Add(name);
        }

        return created;
    }

    /// <summary>The index name of <paramref name="kind"/>'s field <paramref name="field"/>.</summary>
    public static string Name(string kind, string field) => $"{Prefix}{kind}_{field}";

    // Names and kinds are catalog identifiers (letters and digits, checked when the catalog loads), never data.
    private static IEnumerable<string> Create(DatabaseProvider provider, string name, string kind, string expression) => provider switch
    {
        DatabaseProvider.SqlServer =>
        [
            $"ALTER TABLE [{Table}] ADD [{name}] AS {expression}",
            $"CREATE INDEX [{name}] ON [{Table}] ([kind], [{name}])",
        ],
        DatabaseProvider.PostgreSql => [$"CREATE INDEX IF NOT EXISTS \"{name}\" ON \"{Table}\" (({expression})) WHERE kind = '{kind}' AND superseded_at IS NULL"],
        _ => [$"CREATE INDEX IF NOT EXISTS \"{name}\" ON \"{Table}\" ({expression}) WHERE kind = '{kind}' AND superseded_at IS NULL"],
    };

    private static string Drop(DatabaseProvider provider, string name) => provider switch
    {
        DatabaseProvider.SqlServer => $"DROP INDEX [{name}] ON [{Table}]; ALTER TABLE [{Table}] DROP COLUMN [{name}]",
        _ => $"DROP INDEX IF EXISTS \"{name}\"",
    };

    private static async Task<HashSet<string>> ExistingAsync(HubDbContext db, DatabaseProvider provider, CancellationToken ct)
    {
        var sql = provider switch
        {
            DatabaseProvider.SqlServer => $"SELECT name FROM sys.indexes WHERE object_id = OBJECT_ID('{Table}') AND name LIKE '{Prefix}%'",
            DatabaseProvider.PostgreSql => $"SELECT indexname FROM pg_indexes WHERE tablename = '{Table}' AND schemaname = current_schema() AND indexname LIKE '{Prefix}%'",
            _ => $"SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = '{Table}' AND name LIKE '{Prefix}%'",
        };
        var names = new HashSet<string>(StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await using DbDataReader reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                names.Add(reader.GetString(0));
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }

        return names;
    }
}
