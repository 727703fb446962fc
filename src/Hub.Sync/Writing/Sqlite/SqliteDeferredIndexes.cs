using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// Secondary indexes put off during a first load on SQLite: before a run first writes a versioned table that holds no
/// row at all, the table's non-unique secondary indexes are dropped, and they are built once, from the sorted whole,
/// when the store closes — instead of being updated row by row through the load. Unique indexes and primary keys stay.
/// <para>
/// Crash safety: a run killed in between leaves the indexes missing; the database stays usable (queries are slower,
/// nothing is wrong), and the next run of any source builds every missing one from the model's definitions
/// (<see cref="SqliteSecondaryIndexes"/>) when its store opens. Only the registry's run writes the registry's tables
/// (and likewise for each source; <c>SourceRunLock</c> keeps one run per source), so no other run depends on them.
/// </para>
/// </summary>
internal sealed class SqliteDeferredIndexes(SqliteSecondaryIndexes indexes)
{
    private readonly HashSet<string> _considered = new(StringComparer.Ordinal);

    /// <summary>
    /// The first time this run is about to write <paramref name="table"/> (outside any batch transaction): when the
    /// table is empty, drops its non-unique secondary indexes until <see cref="Rebuild"/>.
    /// </summary>
    public void Consider(SqliteConnection connection, string table)
    {
        var own = indexes.Of(table);
        if (!_considered.Add(table) || own.Count == 0)
        {
            return;
        }

        // BEGIN IMMEDIATE takes the write lock first, so "empty" holds until the drop commits.
        using var tx = connection.BeginTransaction(deferred: false);
        if (Scalar(connection, tx, $"SELECT EXISTS (SELECT 1 FROM {SqliteTable<object>.Quote(table)})") != 0)
        {
            return;
        }

        foreach (var (name, _) in own)
        {
            Execute(connection, tx, $"DROP INDEX IF EXISTS {SqliteTable<object>.Quote(name)}");
        }

        tx.Commit();
    }

    /// <summary>Builds every index the model defines that a versioned table lacks: those this run put off, and any a killed run left missing.</summary>
    public void Rebuild(SqliteConnection connection)
    {
        foreach (var table in indexes.Tables)
        {
            foreach (var (name, create) in indexes.Of(table))
            {
                using var exists = connection.CreateCommand();
                exists.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = $n)";
                exists.Parameters.AddWithValue("$n", name);
                if (Convert.ToInt64(exists.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) == 0)
                {
                    Execute(connection, null, create);
                }
            }
        }
    }

    private static long Scalar(SqliteConnection connection, SqliteTransaction tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? tx, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        // Building an index over a large table may take longer than a command's default timeout.
        cmd.CommandTimeout = 0;
        cmd.ExecuteNonQuery();
    }
}
