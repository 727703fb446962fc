using System.Data;
using Hub.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Sync.Writing.Bulk;

/// <summary>SQL Server: <see cref="SqlBulkCopy"/> into the table within the batch's transaction.</summary>
internal sealed class SqlServerBulkCopyInserter : IBulkInserter
{
    public async Task InsertAsync(HubDbContext db, IEntityType entityType, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var columns = BulkColumn.For(entityType, out var table);
        using var data = new DataTable(table) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var c in columns)
        {
            // DataTable has no DateOnly column type: dates travel as DateTime into the date column.
            data.Columns.Add(c.Name, c.ProviderClrType == typeof(DateOnly) ? typeof(DateTime) : c.ProviderClrType);
        }

        foreach (var row in rows)
        {
            var values = new object?[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                var v = columns[i].ProviderValue(row);
                values[i] = v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : v ?? DBNull.Value;
            }

            data.Rows.Add(values);
        }

        var connection = (SqlConnection)db.Database.GetDbConnection();
        var transaction = (SqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        using var bulk = new SqlBulkCopy(connection, SqlBulkCopyOptions.Default, transaction) { DestinationTableName = $"[{table}]", BatchSize = 0 };
        foreach (var c in columns)
        {
            bulk.ColumnMappings.Add(c.Name, c.Name);
        }

        await bulk.WriteToServerAsync(data, ct).ConfigureAwait(false);
    }
}
