using Npgsql;
using NpgsqlTypes;

namespace Hub.Sync.Writing.PostgreSql;

/// <summary>
/// Secondary indexes put off during a first load: before a run bulk-loads a versioned table that holds no row at all,
/// its non-unique secondary indexes are dropped, and they are built once, from the sorted whole, when the run ends —
/// instead of being updated row by row through the load. Unique indexes and primary keys stay.
/// <para>
/// Crash safety: a table whose indexes are put off is held under a session advisory lock until they are rebuilt. A run
/// killed in between loses its session, and with it the lock; the database stays usable (queries are slower, nothing
/// is wrong), and the next run — at its start and again at its end — builds every index the model defines that is
/// missing from a table no one holds, from the model's own definitions (<see cref="SecondaryIndexes"/>).
/// </para>
/// </summary>
internal sealed class DeferredIndexes(SecondaryIndexes indexes)
{
    // First key of the two-key advisory locks taken here (PostgreSQL keeps two-key locks apart from the one-key
    // locks of SourceRunLock); the second is the table name's hash.
    private const int LockClass = 0x48554958; // "HUIX"

    private readonly HashSet<string> _considered = new(StringComparer.Ordinal);
    private readonly List<string> _deferred = [];

    /// <summary>Tables whose indexes this run has put off and not yet rebuilt.</summary>
    public IReadOnlyList<string> Deferred => _deferred;

    /// <summary>
    /// The first time this run is about to write <paramref name="table"/>: when the table is empty, drops its non-unique
    /// secondary indexes (outside any batch transaction) and keeps the table locked until <see cref="RebuildAsync"/>.
    /// </summary>
    public async Task ConsiderAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var own = indexes.Of(table);
        if (!_considered.Add(table) || own.Count == 0 || !await TryLockAsync(connection, table, ct).ConfigureAwait(false))
        {
            return;
        }

        var dropped = false;
        await using (var tx = await connection.BeginTransactionAsync(ct).ConfigureAwait(false))
        {
            try
            {
                // The exclusive lock makes "empty" hold until the drop commits. A table someone else is using keeps its
                // indexes: the load then goes on with them rather than waiting.
                await ExecAsync(connection, "SET LOCAL lock_timeout = '5s'", ct).ConfigureAwait(false);
                await ExecAsync(connection, $"LOCK TABLE {PgCopyTable<object>.Quote(table)} IN ACCESS EXCLUSIVE MODE", ct).ConfigureAwait(false);
                await using var any = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM {PgCopyTable<object>.Quote(table)})", connection);
                if (await any.ExecuteScalarAsync(ct).ConfigureAwait(false) is false)
                {
                    foreach (var (name, _) in own)
                    {
                        await ExecAsync(connection, $"DROP INDEX IF EXISTS {PgCopyTable<object>.Quote(name)}", ct).ConfigureAwait(false);
                    }

                    dropped = true;
                }

                await tx.CommitAsync(ct).ConfigureAwait(false);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                await tx.RollbackAsync(ct).ConfigureAwait(false);
                dropped = false;
            }
        }

        if (dropped)
        {
            _deferred.Add(table);
        }
        else
        {
            await UnlockAsync(connection, table, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Builds the indexes this run put off, then any other missing ones (<see cref="RepairAsync"/>).</summary>
    public async Task RebuildAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        if (_deferred.Count > 0)
        {
            // Each build sorts the whole table once: with at least 256 MB (for this session only) a million rows' keys
            // sort in memory. A server configured with more keeps its own value.
            await ExecAsync(connection, "SELECT set_config('maintenance_work_mem', '262144kB', false) FROM pg_settings WHERE name = 'maintenance_work_mem' AND setting::bigint < 262144", ct).ConfigureAwait(false);
        }

        foreach (var table in _deferred.ToList())
        {
            await CreateMissingAsync(connection, table, ct).ConfigureAwait(false);
            await UnlockAsync(connection, table, ct).ConfigureAwait(false);
            _deferred.Remove(table);
        }

        await RepairAsync(connection, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Builds every index the model defines that a versioned table lacks (left by a run that stopped between drop and
    /// rebuild), skipping tables a live run holds: that run rebuilds them.
    /// </summary>
    public async Task RepairAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        // One look at the catalog for every table; usually nothing is missing and nothing more is sent.
        var present = await PresentAsync(connection, indexes.Tables.ToArray(), ct).ConfigureAwait(false);
        foreach (var table in indexes.Tables)
        {
            if (_deferred.Contains(table) || indexes.Of(table).All(i => present.Contains(i.Name))
                || !await TryLockAsync(connection, table, ct).ConfigureAwait(false))
            {
                continue;
            }

            try
            {
                await CreateMissingAsync(connection, table, ct).ConfigureAwait(false);
            }
            finally
            {
                await UnlockAsync(connection, table, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task CreateMissingAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        foreach (var (_, create) in await MissingAsync(connection, table, ct).ConfigureAwait(false))
        {
            // Building an index over a large table may take longer than a command's default timeout.
            await ExecAsync(connection, create, ct, timeoutSeconds: 0).ConfigureAwait(false);
        }
    }

    private async Task<List<(string Name, string Create)>> MissingAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        var present = await PresentAsync(connection, [table], ct).ConfigureAwait(false);
        return indexes.Of(table).Where(i => !present.Contains(i.Name)).ToList();
    }

    private static async Task<HashSet<string>> PresentAsync(NpgsqlConnection connection, string[] tables, CancellationToken ct)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY(@t)", connection);
        cmd.Parameters.Add(new NpgsqlParameter<string[]>("t", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = tables });
        await using var reader = await cmd.ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            present.Add(reader.GetString(0));
        }

        return present;
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@c, hashtext(@t))", connection);
        cmd.Parameters.Add(new NpgsqlParameter<int>("c", NpgsqlDbType.Integer) { TypedValue = LockClass });
        cmd.Parameters.Add(new NpgsqlParameter<string>("t", NpgsqlDbType.Text) { TypedValue = table });
        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
    }

    private static async Task UnlockAsync(NpgsqlConnection connection, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT pg_advisory_unlock(@c, hashtext(@t))", connection);
        cmd.Parameters.Add(new NpgsqlParameter<int>("c", NpgsqlDbType.Integer) { TypedValue = LockClass });
        cmd.Parameters.Add(new NpgsqlParameter<string>("t", NpgsqlDbType.Text) { TypedValue = table });
        await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false);
    }

    private static async Task ExecAsync(NpgsqlConnection connection, string sql, CancellationToken ct, int timeoutSeconds = 30)
    {
        await using var cmd = new NpgsqlCommand(sql, connection) { CommandTimeout = timeoutSeconds };
        await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
    }
}
