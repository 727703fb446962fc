using System.Globalization;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Hub.Sync.Writing.Bulk;

/// <summary>PostgreSQL: binary <c>COPY … FROM STDIN</c> straight into the table (identity ids assigned by the server).</summary>
internal sealed class PostgreSqlCopyInserter : IBulkInserter
{
    public async Task InsertAsync(HubDbContext db, IEntityType entityType, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var columns = BulkColumn.For(entityType, out var table);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var sql = string.Create(CultureInfo.InvariantCulture, $"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)");
        await using var writer = await connection.BeginBinaryImportAsync(sql, ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct).ConfigureAwait(false);
            foreach (var column in columns)
            {
                var value = column.ProviderValue(row);
                if (value is null)
                {
                    await writer.WriteNullAsync(ct).ConfigureAwait(false);
                }
                else
                {
                    await writer.WriteAsync(value, column.StoreTypeName, ct).ConfigureAwait(false);
                }
            }
        }

        await writer.CompleteAsync(ct).ConfigureAwait(false);
    }
}
