using System.Globalization;
using System.Text;
using Hub.Adapters.Csv;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.Sync.Benchmarks;

/// <summary>
/// The baselines: the database's own bulk load of the same rows into bare tables (text columns and a
/// bigserial primary key) — PostgreSQL <c>COPY … FROM STDIN (FORMAT csv)</c>, SQLite prepared inserts in one transaction —
/// and the rows the sync stored loaded into copies of the hub's tables with the same columns and indexes: binary
/// <c>COPY</c> on PostgreSQL (<see cref="PostgreSqlIndexedAsync"/>), prepared inserts on SQLite
/// (<see cref="SqliteIndexedAsync"/>).
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

        Disk.Flush();
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

    /// <summary>
    /// SQLite's counterpart of <see cref="PostgreSqlIndexedAsync"/>: attaches an empty database file, creates there each of
    /// <paramref name="tables"/> from the hub file's own <c>CREATE TABLE</c> and <c>CREATE INDEX</c> statements (every
    /// index, partial ones included), and times the client's bulk path, as for the PK-only baseline: one prepared
    /// <c>INSERT</c> per row, values bound from a reader over the hub's table, one transaction per table, on a connection
    /// set up like the sync's (write-ahead log, <c>synchronous = NORMAL</c>, the same page cache). The sequential read
    /// is inside the timing. <paramref name="inDatabase"/> is the same load as one <c>INSERT INTO bare.t SELECT * FROM
    /// main.t</c> per table into a second set of copies — no row crosses into .NET: the floor of storing the rows with
    /// their indexes.
    /// </summary>
    public static async Task<(long Rows, TimeSpan Elapsed)> SqliteIndexedAsync(string hubFile, string bareFile, IReadOnlyList<string> tables, Action<long, TimeSpan>? inDatabase = null)
    {
        await using var conn = new SqliteConnection($"Data Source={hubFile};Pooling=False");
        await conn.OpenAsync();
        await Exec(conn, $"ATTACH DATABASE '{bareFile.Replace("'", "''", StringComparison.Ordinal)}' AS bare; PRAGMA bare.journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA cache_size = -16384");
        foreach (var table in tables)
        {
            var ddl = new List<string>();
            await using (var schema = conn.CreateCommand())
            {
                schema.CommandText = "SELECT type, name, sql FROM main.sqlite_master WHERE tbl_name = $t AND sql IS NOT NULL ORDER BY type DESC";
                schema.Parameters.AddWithValue("$t", table);
                await using var rows = await schema.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    var (type, name, sql) = (rows.GetString(0), rows.GetString(1), rows.GetString(2));
                    // The object's own name, qualified with the attached schema (an index's table stays unqualified: SQLite
                    // requires it in the index's schema).
                    var quoted = $"\"{name}\"";
                    var at = sql.IndexOf(quoted, StringComparison.Ordinal);
                    ddl.Add(at < 0 ? throw new InvalidOperationException($"cannot rewrite the {type} {name}: {sql}") : string.Concat(sql.AsSpan(0, at), "bare.", sql.AsSpan(at)));
                }
            }

            await Exec(conn, string.Join("; ", ddl));
            await Exec(conn, string.Join("; ", ddl).Replace("bare.\"", "bare.\"floor_", StringComparison.Ordinal).Replace($"ON \"{table}\"", $"ON \"floor_{table}\"", StringComparison.Ordinal));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var table in tables)
        {
            await using var tx = conn.BeginTransaction();
            await using var read = conn.CreateCommand();
            read.Transaction = tx;
            read.CommandText = $"SELECT * FROM main.\"{table}\"";
            await using var rows = await read.ExecuteReaderAsync();
            await using var insert = conn.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO bare.\"{table}\" VALUES ({string.Join(", ", Enumerable.Range(0, rows.FieldCount).Select(i => $"$p{i}"))})";
            var parameters = Enumerable.Range(0, rows.FieldCount).Select(i => insert.Parameters.Add(new SqliteParameter($"$p{i}", null))).ToArray();
            await insert.PrepareAsync();
            while (await rows.ReadAsync())
            {
                for (var i = 0; i < parameters.Length; i++)
                {
                    parameters[i].Value = rows.GetValue(i);
                }

                await insert.ExecuteNonQueryAsync();
            }

            await rows.DisposeAsync();
            await tx.CommitAsync();
        }

        var elapsed = clock.Elapsed;
        long total = 0;
        foreach (var table in tables)
        {
            await using var count = conn.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM bare.\"{table}\"";
            total += Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        }

        Disk.Flush();
        clock.Restart();
        foreach (var table in tables)
        {
            await Exec(conn, $"BEGIN; INSERT INTO bare.\"floor_{table}\" SELECT * FROM main.\"{table}\"; COMMIT");
        }

        inDatabase?.Invoke(total, clock.Elapsed);
        return (total, elapsed);
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

    private static async Task Exec(SqliteConnection conn, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await cmd.ExecuteNonQueryAsync();
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
