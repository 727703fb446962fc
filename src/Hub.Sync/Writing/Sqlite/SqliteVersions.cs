using System.Globalization;
using Hub.Data.Entities;
using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The statements one versioned table needs for a run, prepared once on the run's connection: a straight insert (for
/// keys known to be new), and a merge through a temporary staging table of the same columns — close the latest versions
/// whose content hash differs, then insert every staged version that has no latest version left (new keys and the
/// changed ones). In this order the one-latest-version index never sees two.
/// </summary>
/// <typeparam name="T">The versioned record type.</typeparam>
internal sealed class SqliteVersions<T> : IDisposable
    where T : TemporalRecord
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTable<T> _table;
    private readonly SqliteInsert<T> _insert;
    private readonly MergeStatements _merge;

    public SqliteVersions(SqliteConnection connection, SqliteTable<T> table)
    {
        _connection = connection;
        _table = table;
        _insert = table.PrepareInsert(connection, table.Table);
        _merge = new MergeStatements(connection, table, "hub_stage_" + table.Table);
    }

    /// <summary>True when the table holds no version from <paramref name="sourceSystem"/>.</summary>
    public bool IsEmpty(string sourceSystem, SqliteTransaction? transaction)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {SqliteTable<T>.Quote(_table.Table)} WHERE source_system = $s)";
        cmd.Parameters.AddWithValue("$s", sourceSystem);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Inserts <paramref name="rows"/>, all of whose keys are new to the table.</summary>
    public void Insert(IEnumerable<T> rows, SqliteTransaction transaction) => _insert.Insert(rows, transaction);

    /// <summary>Merges <paramref name="rows"/> (keys unique among them); returns the versions closed and the versions written.</summary>
    public (long Closed, long Written) Merge(IReadOnlyCollection<T> rows, DateTime now, SqliteTransaction transaction)
    {
        var merge = _merge;
        merge.Clear.Transaction = transaction;
        merge.Clear.ExecuteNonQuery();
        merge.Stage.Insert(rows, transaction);
        merge.Close.Transaction = transaction;
        merge.Close.Parameters[0].Value = now;
        long closed = merge.Close.ExecuteNonQuery();
        merge.Write.Transaction = transaction;
        long written = merge.Write.ExecuteNonQuery();
        return (closed, written);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _merge.Dispose();
    }

    private sealed class MergeStatements : IDisposable
    {
        public MergeStatements(SqliteConnection connection, SqliteTable<T> table, string staging)
        {
            var t = SqliteTable<T>.Quote(table.Table);
            var s = "temp." + SqliteTable<T>.Quote(staging);
            using (var create = connection.CreateCommand())
            {
                // Private to this connection; keyed like the latest-version index so each staged row finds its latest
                // version (or none) by one index probe. Created when the run's store opens, before any batch's transaction.
                create.CommandText =
                    $"CREATE TEMP TABLE IF NOT EXISTS {SqliteTable<T>.Quote(staging)} AS SELECT {table.ColumnList} FROM {t} WHERE 0; " +
                    $"CREATE UNIQUE INDEX IF NOT EXISTS temp.{SqliteTable<T>.Quote("ux_" + staging)} ON {SqliteTable<T>.Quote(staging)} (source_system, source_key);";
                create.ExecuteNonQuery();
            }

            Stage = table.PrepareInsert(connection, staging);
            Clear = connection.CreateCommand();
            Clear.CommandText = $"DELETE FROM {s}";
            Close = connection.CreateCommand();
            // CROSS JOIN keeps the staged rows as the outer loop: without statistics SQLite would otherwise walk the
            // table's whole latest-version index (every resident of the city) to probe the staging table.
            Close.CommandText =
                $"UPDATE {t} SET superseded_at = $now WHERE id IN (SELECT t.id FROM {s} AS s CROSS JOIN {t} AS t " +
                "WHERE t.source_system = s.source_system AND t.source_key = s.source_key AND t.superseded_at IS NULL AND t.content_hash <> s.content_hash)";
            Close.Parameters.Add(new SqliteParameter("$now", DBNull.Value));
            Write = connection.CreateCommand();
            Write.CommandText =
                $"INSERT INTO {t} ({table.ColumnList}) SELECT {table.ColumnList} FROM {s} AS s " +
                $"WHERE NOT EXISTS (SELECT 1 FROM {t} AS t WHERE t.source_system = s.source_system AND t.source_key = s.source_key AND t.superseded_at IS NULL)";
        }

        public SqliteInsert<T> Stage { get; }

        public SqliteCommand Clear { get; }

        public SqliteCommand Close { get; }

        public SqliteCommand Write { get; }

        public void Dispose()
        {
            Stage.Dispose();
            Clear.Dispose();
            Close.Dispose();
            Write.Dispose();
        }
    }
}
