using System.Globalization;
using System.Text;
using Hub.Adapters.Csv;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.Sync.Benchmarks;

/// <summary>
/// The baseline: the database's own bulk load of the same rows into bare tables (text columns and a
/// bigserial primary key) — PostgreSQL <c>COPY … FROM STDIN (FORMAT csv)</c>, SQLite prepared inserts in one transaction.
/// </summary>
internal static class BareLoad
{
    public static async Task<long> PostgreSqlAsync(string connectionString, IReadOnlyList<(string Table, string File, bool Ndjson)> files)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        long rows = 0;
        foreach (var (table, file, ndjson) in files)
        {
            var columns = ndjson ? ["doc"] : Header(file);
            await Exec(conn, $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id bigserial PRIMARY KEY, {string.Join(", ", columns.Select(c => $"\"{c}\" text"))})");
            var target = $"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN " + (ndjson ? "(FORMAT text)" : "(FORMAT csv, HEADER true)");
            await using (var writer = await conn.BeginTextImportAsync(target))
            using (var reader = new StreamReader(file, Encoding.UTF8))
            {
                string? line;
                while ((line = await reader.ReadLineAsync()) is not null)
                {
                    // NDJSON in text format: backslashes are COPY's escape character.
                    await writer.WriteLineAsync(ndjson ? line.Replace("\\", "\\\\", StringComparison.Ordinal) : line);
                }
            }

            rows += Convert.ToInt64(await Scalar(conn, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
        }

        return rows;
    }

    public static async Task<long> SqliteAsync(string path, IReadOnlyList<(string Table, string File, bool Ndjson)> files)
    {
        await using var conn = new SqliteConnection($"Data Source={path}");
        await conn.OpenAsync();
        long rows = 0;
        foreach (var (table, file, ndjson) in files)
        {
            var columns = ndjson ? ["doc"] : Header(file);
            await using (var create = conn.CreateCommand())
            {
                create.CommandText = $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} (id INTEGER PRIMARY KEY, {string.Join(", ", columns.Select(c => $"\"{c}\" TEXT"))})";
                await create.ExecuteNonQueryAsync();
            }

            await using var tx = await conn.BeginTransactionAsync();
            await using var insert = conn.CreateCommand();
            insert.Transaction = (SqliteTransaction)tx;
            insert.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            var parameters = columns.Select((_, i) => insert.Parameters.Add($"$p{i}", SqliteType.Text)).ToArray();
            await insert.PrepareAsync();
            var fields = new List<string>();
            await using var stream = File.OpenRead(file);
            var first = true;
            await foreach (var record in new CsvRecordReader(stream).ReadAsync())
            {
                var text = Encoding.UTF8.GetString(record.Raw);
                if (!ndjson && first)
                {
                    first = false;
                    continue;
                }

                if (ndjson)
                {
                    fields.Clear();
                    fields.Add(text);
                }
                else
                {
                    CsvFields.TrySplit(text, fields, out _);
                }

                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = i < fields.Count ? fields[i] : DBNull.Value;
                }

                await insert.ExecuteNonQueryAsync();
                rows++;
            }

            await tx.CommitAsync();
        }

        return rows;
    }

    private static string[] Header(string file)
    {
        using var reader = new StreamReader(file, Encoding.UTF8);
        return reader.ReadLine()!.Split(',');
    }

    private static async Task Exec(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static async Task<object?> Scalar(NpgsqlConnection conn, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        return await cmd.ExecuteScalarAsync();
    }
}
