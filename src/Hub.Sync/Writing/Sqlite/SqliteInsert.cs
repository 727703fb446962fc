using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// One prepared <c>INSERT</c> of a table's columns, kept for the whole run: each row rebinds the same parameters and
/// steps the same compiled statement.
/// </summary>
/// <typeparam name="T">The entity type.</typeparam>
internal sealed class SqliteInsert<T> : IDisposable
    where T : class
{
    private readonly SqliteTable<T> _table;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter[] _parameters;

    public SqliteInsert(SqliteConnection connection, SqliteTable<T> table, string target)
    {
        _table = table;
        _command = connection.CreateCommand();
        _command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {SqliteTable<T>.Quote(target)} ({table.ColumnList}) VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})");
        _parameters = new SqliteParameter[table.Columns.Count];
        for (var i = 0; i < _parameters.Length; i++)
        {
            _parameters[i] = _command.Parameters.Add(new SqliteParameter(string.Create(CultureInfo.InvariantCulture, $"$p{i}"), DBNull.Value));
        }
    }

    /// <summary>Inserts <paramref name="rows"/> inside <paramref name="transaction"/>.</summary>
    public void Insert(IEnumerable<T> rows, SqliteTransaction transaction)
    {
        _command.Transaction = transaction;
        foreach (var row in rows)
        {
            _table.Bind(row, _parameters);
            _command.ExecuteNonQuery();
        }
    }

    public void Dispose() => _command.Dispose();
}
