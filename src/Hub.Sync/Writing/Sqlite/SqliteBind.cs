using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// Binds one value to a prepared statement's parameter by position, straight through SQLitePCLRaw: no parameter
/// objects, no lookup of the parameter by name and no boxing on every row, which is what Microsoft.Data.Sqlite's
/// command does for each execution (two thirds of a first load's writing time, profiled). Each CLR type is stored as
/// Microsoft.Data.Sqlite stores it — text as UTF-8 (unpaired surrogates replaced, as its encoder does), dates and times
/// as the same ISO text (<see cref="SqliteDateText"/>), booleans and integers as integers — so what EF Core reads and compares in SQL is the same
/// either way (<c>SqliteTypedStoreDifferentialTests</c> compares the stored values themselves). Only the types the
/// stored records use are here: a property of another type fails when the store is built, rather than being stored
/// in a form no test has compared.
/// </summary>
internal static class SqliteBind
{
    /// <summary>The CLR types there is a <c>Value</c> overload for (after the model's value converters).</summary>
    public static bool Supports(Type type) =>
        type == typeof(string) || type == typeof(long) || type == typeof(int) || type == typeof(bool) ||
        type == typeof(DateTime) || type == typeof(DateOnly) || type == typeof(byte[]);

    public static void Null(sqlite3_stmt statement, int index) => Check(raw.sqlite3_bind_null(statement, index), index);

    public static void Value(sqlite3_stmt statement, int index, long value) => Check(raw.sqlite3_bind_int64(statement, index, value), index);

    public static void Value(sqlite3_stmt statement, int index, int value) => Value(statement, index, (long)value);

    public static void Value(sqlite3_stmt statement, int index, bool value) => Value(statement, index, value ? 1L : 0L);

    public static void Value(sqlite3_stmt statement, int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[SqliteDateText.MaxDateTimeLength];
        Check(raw.sqlite3_bind_text(statement, index, text[..SqliteDateText.Write(value, text)]), index);
    }

    public static void Value(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<byte> text = stackalloc byte[SqliteDateText.DateLength];
        Check(raw.sqlite3_bind_text(statement, index, text[..SqliteDateText.Write(value, text)]), index);
    }

    public static void Value(sqlite3_stmt statement, int index, string value) => Text(statement, index, value);

    public static void Value(sqlite3_stmt statement, int index, byte[] value) =>
        Check(value.Length == 0 ? raw.sqlite3_bind_zeroblob(statement, index, 0) : raw.sqlite3_bind_blob(statement, index, value), index);

    private static void Text(sqlite3_stmt statement, int index, ReadOnlySpan<char> text)
    {
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[]? rented = null;
        var buffer = length <= 1024 ? stackalloc byte[length] : (rented = ArrayPool<byte>.Shared.Rent(length));
        try
        {
            var n = Encoding.UTF8.GetBytes(text, buffer);
            // SQLite copies the bytes (SQLITE_TRANSIENT), so the buffer may go once bound. An empty span would reach
            // SQLite as a null pointer, which binds NULL: the empty string goes as a (terminated) string instead.
            Check(n == 0 ? raw.sqlite3_bind_text(statement, index, string.Empty) : raw.sqlite3_bind_text(statement, index, buffer[..n]), index);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void Check(int rc, int index)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException($"SQLite refused the value of parameter {index} (error {rc}).", rc);
        }
    }
}
