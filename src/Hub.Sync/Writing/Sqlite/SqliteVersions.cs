using System.Globalization;
using Hub.Data.Entities;
using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The statements one versioned table needs for a run, prepared once on the run's connection: a straight insert (for
/// keys known to be new), and a merge that takes each row in turn — find its latest version by the one-latest-version
/// index, leave it when the content hash is the same, otherwise close it and insert the row as the new latest version
/// (a key with no latest version is simply inserted). Closing before inserting, the one-latest-version index never
/// sees two. In process, a statement per row costs less than a staging table and set-based statements: SQLite has no
/// round trips, and the rows are bound by position without staging them first.
/// </summary>
/// <typeparam name="T">The versioned record type.</typeparam>
internal sealed class SqliteVersions<T> : IDisposable
    where T : TemporalRecord
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTable<T> _table;
    private readonly SqliteInsert<T> _insert;
    private readonly SqliteStatement _latest;
    private readonly SqliteStatement _close;
    private readonly Func<T, string>? _kind;

    /// <param name="connection">The run's connection.</param>
    /// <param name="table">The table.</param>
    /// <param name="kind">For the generic table: a row's kind, within which its key is looked up (keys are unique per kind).</param>
    public SqliteVersions(SqliteConnection connection, SqliteTable<T> table, Func<T, string>? kind = null)
    {
        _connection = connection;
        _table = table;
        _kind = kind;
        _insert = table.PrepareInsert(connection, table.Table);
        var t = SqliteTable<T>.Quote(table.Table);
        var sameKind = kind is null ? string.Empty : " AND kind = ?3";
        _latest = new SqliteStatement(connection, $"SELECT id, content_hash FROM {t} WHERE source_system = ?1 AND source_key = ?2{sameKind} AND superseded_at IS NULL");
        _close = new SqliteStatement(connection, $"UPDATE {t} SET superseded_at = ?1 WHERE id = ?2");
    }

    /// <summary>True when the table (or <paramref name="kind"/>'s part of the generic table) holds no version from <paramref name="sourceSystem"/>.</summary>
    public bool IsEmpty(string sourceSystem, SqliteTransaction? transaction, string? kind = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = $"SELECT NOT EXISTS (SELECT 1 FROM {SqliteTable<T>.Quote(_table.Table)} WHERE source_system = $s{(kind is null ? string.Empty : " AND kind = $k")})";
        cmd.Parameters.AddWithValue("$s", sourceSystem);
        if (kind is not null)
        {
            cmd.Parameters.AddWithValue("$k", kind);
        }

        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 1;
    }

    /// <summary>Inserts <paramref name="rows"/>, all of whose keys are new to the table.</summary>
    public void Insert(IEnumerable<T> rows, SqliteTransaction transaction) => _insert.Insert(rows, transaction);

    /// <summary>Merges <paramref name="rows"/> (keys unique among them); returns the versions closed and the versions written.</summary>
    public (long Closed, long Written) Merge(IReadOnlyCollection<T> rows, DateTime now, SqliteTransaction transaction)
    {
        _insert.CheckTransaction(transaction);
        // The same closing time for every row; SQLite keeps a binding across resets.
        SqliteBind.Value(_close.Handle, 1, now);
        long closed = 0, written = 0;
        foreach (var row in rows)
        {
            SqliteBind.Value(_latest.Handle, 1, row.SourceSystem);
            SqliteBind.Value(_latest.Handle, 2, row.SourceKey);
            if (_kind is not null)
            {
                SqliteBind.Value(_latest.Handle, 3, _kind(row));
            }

            long? latest = null;
            var same = false;
            if (_latest.Read())
            {
                latest = _latest.Int64(0);
                same = _latest.TextEqualsAscii(1, row.ContentHash);
            }

            _latest.Reset();
            if (same)
            {
                continue;
            }

            if (latest is { } id)
            {
                SqliteBind.Value(_close.Handle, 2, id);
                _close.Execute();
                closed++;
            }

            _insert.Insert(row);
            written++;
        }

        return (closed, written);
    }

    public void Dispose()
    {
        _insert.Dispose();
        _latest.Dispose();
        _close.Dispose();
    }
}
