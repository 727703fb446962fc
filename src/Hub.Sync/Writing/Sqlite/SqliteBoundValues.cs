using SQLitePCL;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The values last bound to one prepared statement's parameters, so that a row whose value equals the previous row's
/// leaves that parameter bound as it is: SQLite keeps bindings across <c>sqlite3_reset</c>, and in a batch the run's
/// stamp (source system, run, ingestion and record times), the many empty columns and the repeated codes are the same
/// row after row. Binding text costs a conversion, a call into SQLite and a copy there; comparing costs little. Only
/// the compiled binder of <see cref="SqliteTable{T}"/> binds through this, one instance per statement; values are
/// stored exactly as <see cref="SqliteBind"/> stores them.
/// </summary>
internal sealed class SqliteBoundValues
{
    private readonly sqlite3_stmt _statement;
    private readonly Kind[] _kind;
    private readonly string?[] _text;
    private readonly long[] _integer;
    private readonly DateTime[] _time;

    public SqliteBoundValues(sqlite3_stmt statement, int parameters)
    {
        _statement = statement;
        // SQLite numbers parameters from 1.
        _kind = new Kind[parameters + 1];
        _text = new string?[parameters + 1];
        _integer = new long[parameters + 1];
        _time = new DateTime[parameters + 1];
    }

    private enum Kind : byte
    {
        Unknown,
        Null,
        Text,
        Integer,
        Time,
        Date,
    }

    public void Null(int index)
    {
        if (_kind[index] != Kind.Null)
        {
            _kind[index] = Kind.Unknown;
            SqliteBind.Null(_statement, index);
            _kind[index] = Kind.Null;
        }
    }

    public void Value(int index, string value)
    {
        if (_kind[index] != Kind.Text || !string.Equals(_text[index], value, StringComparison.Ordinal))
        {
            _kind[index] = Kind.Unknown;
            SqliteBind.Value(_statement, index, value);
            (_kind[index], _text[index]) = (Kind.Text, value);
        }
    }

    public void Value(int index, long value)
    {
        if (_kind[index] != Kind.Integer || _integer[index] != value)
        {
            _kind[index] = Kind.Unknown;
            SqliteBind.Value(_statement, index, value);
            (_kind[index], _integer[index]) = (Kind.Integer, value);
        }
    }

    public void Value(int index, int value) => Value(index, (long)value);

    public void Value(int index, bool value) => Value(index, value ? 1L : 0L);

    // DateTime equality is by ticks alone, as is the stored text (no offset or kind in it).
    public void Value(int index, DateTime value)
    {
        if (_kind[index] != Kind.Time || _time[index] != value)
        {
            _kind[index] = Kind.Unknown;
            SqliteBind.Value(_statement, index, value);
            (_kind[index], _time[index]) = (Kind.Time, value);
        }
    }

    public void Value(int index, DateOnly value)
    {
        var asTime = value.ToDateTime(TimeOnly.MinValue);
        if (_kind[index] != Kind.Date || _time[index] != asTime)
        {
            _kind[index] = Kind.Unknown;
            SqliteBind.Value(_statement, index, value);
            (_kind[index], _time[index]) = (Kind.Date, asTime);
        }
    }

    // Blobs are rare in the stored records and mutable: always bound.
    public void Value(int index, byte[] value)
    {
        _kind[index] = Kind.Unknown;
        SqliteBind.Value(_statement, index, value);
    }
}
