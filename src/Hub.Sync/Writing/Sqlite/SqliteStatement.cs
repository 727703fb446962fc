using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// One SQLite statement prepared once on the run's connection and stepped directly through SQLitePCLRaw, its values
/// bound by position (<see cref="SqliteBind"/>): what the store runs once per row, where Microsoft.Data.Sqlite's
/// command would rebind every parameter by name on each execution. It runs inside whatever transaction the
/// connection has open; errors become <see cref="SqliteException"/> with SQLite's message.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _db;

    public SqliteStatement(SqliteConnection connection, string sql)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The run's connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        if (rc != raw.SQLITE_OK)
        {
            var message = raw.sqlite3_errmsg(_db).utf8_to_string();
            statement.Dispose();
            throw new SqliteException($"SQLite could not prepare a statement of the run: {message}", rc);
        }

        Handle = statement;
    }

    /// <summary>The prepared statement, for binding.</summary>
    public sqlite3_stmt Handle { get; }

    /// <summary>Runs a statement that returns no rows, then resets it for the next binding.</summary>
    public void Execute()
    {
        var rc = raw.sqlite3_step(Handle);
        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc);
        }

        raw.sqlite3_reset(Handle);
    }

    /// <summary>Steps to the next row; false when there is none. Call <see cref="Reset"/> when done reading.</summary>
    public bool Read()
    {
        var rc = raw.sqlite3_step(Handle);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            Fail(rc);
        }

        return false;
    }

    public void Reset() => raw.sqlite3_reset(Handle);

    public long Int64(int column) => raw.sqlite3_column_int64(Handle, column);

    /// <summary>True when the text of <paramref name="column"/> in the current row is exactly <paramref name="text"/> (ASCII).</summary>
    public bool TextEqualsAscii(int column, string text)
    {
        var stored = raw.sqlite3_column_blob(Handle, column);
        if (stored.Length != text.Length)
        {
            return false;
        }

        for (var i = 0; i < stored.Length; i++)
        {
            if (stored[i] != text[i])
            {
                return false;
            }
        }

        return true;
    }

    public void Dispose() => Handle.Dispose();

    private void Fail(int rc)
    {
        var message = raw.sqlite3_errmsg(_db).utf8_to_string();
        var extended = raw.sqlite3_extended_errcode(_db);
        raw.sqlite3_reset(Handle);
        throw new SqliteException($"SQLite Error {rc}: '{message}'.", rc, extended);
    }
}
