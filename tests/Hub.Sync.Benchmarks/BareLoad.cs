using System.Globalization;
using System.Text;
using Hub.Adapters.Csv;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.Sync.Benchmarks;

/// <summary>
/// The baselines: the database's own bulk load of the same rows into bare tables (text columns and a
/// bigserial primary key) — PostgreSQL <c>COPY … FROM STDIN (FORMAT csv)</c>, SQLite prepared inserts in one transaction —
/// and, on PostgreSQL, binary <c>COPY</c> of the rows the sync stored into copies of the hub's tables with the same
/// columns and indexes (<see cref="PostgreSqlIndexedAsync"/>).
/// </summary>
internal static class BareLoad
{
    /// <summary>
    /// Exports <paramref name="tables"/>' rows (binary, untimed) and times only <c>COPY … FROM STDIN (FORMAT BINARY)</c>
    /// of them into <c>bare_idx_&lt;table&gt;</c>, created <c>LIKE</c> the table <c>INCLUDING ALL</c> (every index,
    /// partial filters included) and empty. Returns the rows loaded and the time of the loads.
    /// </summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> PostgreSqlIndexedAsync(string connectionString, string work, IReadOnlyList<string> tables)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        var files = new List<(string Table, string File)>();
        foreach (var table in tables)
        {
            var file = Path.Combine(work, $"bare-idx-{table}-{Guid.NewGuid():N}.bin");
            await using (var output = File.Create(file))
            await using (var export = await conn.BeginRawBinaryCopyAsync($"COPY {table} TO STDOUT (FORMAT BINARY)"))
            {
                await export.CopyToAsync(output);
            }

            await Exec(conn, $"DROP TABLE IF EXISTS bare_idx_{table}; CREATE TABLE bare_idx_{table} (LIKE {table} INCLUDING ALL)");
            files.Add(($"bare_idx_{table}", file));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (table, file) in files)
        {
            await using var input = File.OpenRead(file);
            await using var import = await conn.BeginRawBinaryCopyAsync($"COPY {table} FROM STDIN (FORMAT BINARY)");
            await input.CopyToAsync(import);
        }

        var elapsed = clock.Elapsed;
        long rows = 0;
        foreach (var (table, file) in files)
        {
            rows += Convert.ToInt64(await Scalar(conn, $"SELECT count(*) FROM {table}"), CultureInfo.InvariantCulture);
            File.Delete(file);
        }

        return (rows, elapsed);
    }

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
