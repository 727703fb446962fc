using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// One prepared <c>INSERT</c> of a table's columns, kept for the whole run as a SQLite statement on the run's
/// connection: each row binds its values by position (<see cref="SqliteBind"/>), steps the statement and resets it.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class SqliteInsert<T> : IDisposable
    where T : class
{
    private readonly SqliteTable<T> _table;
    private readonly SqliteConnection _connection;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteInsert(SqliteConnection connection, SqliteTable<T> table, string target)
    {
        _table = table;
        _connection = connection;
        _db = connection.Handle ?? throw new InvalidOperationException("The run's connection is not open.");
        var sql = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {SqliteTable<T>.Quote(target)} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"))})");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out _statement);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            _statement.Dispose();
            throw new SqliteException($"SQLite could not prepare the insert into {target}: {message}", rc);
        }
    }

    /// <summary>Inserts <paramref name="rows"/> inside <paramref name="transaction"/>, the run's open transaction.</summary>
    public void Insert(IEnumerable<T> rows, SqliteTransaction transaction)
    {
        if (!ReferenceEquals(transaction.Connection, _connection))
        {
            throw new InvalidOperationException("The insert must run inside a transaction of the run's own connection.");
        }

        foreach (var row in rows)
        {
            _table.Bind(row, _statement);
            var rc = raw.sqlite3_step(_statement);
            if (rc != raw.SQLITE_DONE)
            {
                var message = raw.sqlite3_errmsg(_db).utf8_to_string();
                var extended = raw.sqlite3_extended_errcode(_db);
                raw.sqlite3_reset(_statement);
                throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc, extended);
            }

            raw.sqlite3_reset(_statement);
        }
    }

    public void Dispose() => _statement.Dispose();
}
