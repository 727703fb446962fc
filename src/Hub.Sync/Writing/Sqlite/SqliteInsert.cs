using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// One prepared <c>INSERT</c> of a table's columns, kept for the whole run as a SQLite statement on the run's
/// connection: each row binds its values by position (<see cref="SqliteTable{T}.Bind"/>) and steps the statement.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class SqliteInsert<T> : IDisposable
    where T : class
{
    private readonly SqliteTable<T> _table;
    private readonly SqliteConnection _connection;
    private readonly SqliteStatement _statement;
    private readonly SqliteBoundValues _bound;

    public SqliteInsert(SqliteConnection connection, SqliteTable<T> table, string target)
    {
        _table = table;
        _connection = connection;
        _statement = new SqliteStatement(connection, string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {SqliteTable<T>.Quote(target)} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"?{i + 1}"))})"));
        _bound = new SqliteBoundValues(_statement.Handle, table.Columns.Count);
    }

    /// <summary>Inserts <paramref name="rows"/> inside <paramref name="transaction"/>, the run's open transaction.</summary>
    public void Insert(IEnumerable<T> rows, SqliteTransaction transaction)
    {
        CheckTransaction(transaction);
        foreach (var row in rows)
        {
            Insert(row);
        }
    }

    /// <summary>Inserts one row inside the transaction the caller checked.</summary>
    public void Insert(T row)
    {
        _table.Bind(row, _bound);
        _statement.Execute();
    }

    public void CheckTransaction(SqliteTransaction transaction)
    {
        if (!ReferenceEquals(transaction.Connection, _connection))
        {
            throw new InvalidOperationException("The insert must run inside a transaction of the run's own connection.");
        }
    }

    public void Dispose() => _statement.Dispose();
}
