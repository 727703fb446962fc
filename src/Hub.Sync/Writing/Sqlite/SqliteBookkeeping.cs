using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// The statements that follow a batch's records in its transaction, prepared once for the run: the run's counts and
/// new watermark, the source's watermark (an upsert), and the quarantine entries that the batch's loaded keys resolve.
/// </summary>
internal sealed class SqliteBookkeeping : IDisposable
{
    private readonly SqliteCommand _run;
    private readonly SqliteCommand _mark;
    private readonly SqliteCommand _clearKeys;
    private readonly SqliteCommand _addKey;
    private readonly SqliteCommand _resolve;

    public SqliteBookkeeping(SqliteConnection connection)
    {
        using (var create = connection.CreateCommand())
        {
            // The batch's loaded keys, private to this connection, so resolving is one statement whatever their number.
            create.CommandText = "CREATE TEMP TABLE IF NOT EXISTS hub_loaded_keys (source_key TEXT NOT NULL PRIMARY KEY)";
            create.ExecuteNonQuery();
        }

        _run = Command(connection,
            "UPDATE sync_runs SET \"read\" = \"read\" + $read, inserted = inserted + $inserted, updated = updated + $updated, " +
            "unchanged = unchanged + $unchanged, quarantined = quarantined + $quarantined, watermark_after = $mark WHERE id = $run",
            "$read", "$inserted", "$updated", "$unchanged", "$quarantined", "$mark", "$run");
        _mark = Command(connection,
            "INSERT INTO source_watermarks (source, value, sync_run_id, updated_at) VALUES ($source, $mark, $run, $now) " +
            "ON CONFLICT (source) DO UPDATE SET value = excluded.value, sync_run_id = excluded.sync_run_id, updated_at = excluded.updated_at",
            "$source", "$mark", "$run", "$now");
        _clearKeys = Command(connection, "DELETE FROM temp.hub_loaded_keys");
        _addKey = Command(connection, "INSERT OR IGNORE INTO temp.hub_loaded_keys (source_key) VALUES ($key)", "$key");
        _resolve = Command(connection,
            "UPDATE quarantined_records SET resolved_at = $now, resolved_by_sync_run_id = $run " +
            "WHERE source = $source AND resolved_at IS NULL AND source_key IN (SELECT source_key FROM temp.hub_loaded_keys)",
            "$now", "$run", "$source");
    }

    /// <summary>Adds <paramref name="counts"/> to the run and moves the source's watermark to the batch's.</summary>
    public void Advance(PreparedBatch batch, BatchCounts counts, SqliteTransaction tx)
    {
        var stamp = batch.Stamp;
        Execute(_run, tx, counts.Read, counts.Inserted, counts.Updated, counts.Unchanged, counts.Quarantined, batch.Next.Value, stamp.RunId);
        Execute(_mark, tx, stamp.Source, batch.Next.Value, stamp.RunId, stamp.Now);
    }

    /// <summary>Resolves the source's open quarantine entries whose keys this batch loads.</summary>
    public void Resolve(PreparedBatch batch, SqliteTransaction tx)
    {
        Execute(_clearKeys, tx);
        _addKey.Transaction = tx;
        foreach (var key in batch.LoadedKeys)
        {
            _addKey.Parameters[0].Value = key;
            _addKey.ExecuteNonQuery();
        }

        Execute(_resolve, tx, batch.Stamp.Now, batch.Stamp.RunId, batch.Stamp.Source);
    }

    public void Dispose()
    {
        _run.Dispose();
        _mark.Dispose();
        _clearKeys.Dispose();
        _addKey.Dispose();
        _resolve.Dispose();
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var name in parameters)
        {
            cmd.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        return cmd;
    }

    private static void Execute(SqliteCommand cmd, SqliteTransaction tx, params object[] values)
    {
        cmd.Transaction = tx;
        for (var i = 0; i < values.Length; i++)
        {
            cmd.Parameters[i].Value = values[i];
        }

        cmd.ExecuteNonQuery();
    }
}
