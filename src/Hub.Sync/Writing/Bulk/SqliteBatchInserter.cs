using System.Data.Common;
using System.Globalization;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Sync.Writing.Bulk;

/// <summary>SQLite: one prepared <c>INSERT</c> executed per row inside the batch's transaction.</summary>
internal sealed class SqliteBatchInserter : IBulkInserter
{
    public async Task InsertAsync(HubDbContext db, IEntityType entityType, IReadOnlyList<object> rows, CancellationToken ct)
    {
        var columns = BulkColumn.For(entityType, out var table);
        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})");
        var parameters = new DbParameter[columns.Count];
        for (var i = 0; i < columns.Count; i++)
        {
            parameters[i] = command.CreateParameter();
            parameters[i].ParameterName = string.Create(CultureInfo.InvariantCulture, $"$p{i}");
            command.Parameters.Add(parameters[i]);
        }

        await command.PrepareAsync(ct).ConfigureAwait(false);
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
    }
}
