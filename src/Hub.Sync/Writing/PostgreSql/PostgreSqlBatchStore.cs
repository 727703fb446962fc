using System.Globalization;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Hub.Sync.Writing.PostgreSql;

/// <summary>
/// PostgreSQL's store: one connection for the run, one transaction per batch. New versions go by typed binary
/// <c>COPY</c> — straight into the table when it held nothing of this source at the start of the run, otherwise into
/// a session staging table followed by a set-based merge (close the latest versions whose content hash differs,
/// insert the versions that have no latest version left). The households' merge, counts, watermark and resolved
/// quarantine entries follow in one round trip, all inside the batch's transaction. A first load into an empty table
/// puts off its non-unique secondary indexes until the run ends (<see cref="DeferredIndexes"/>).
/// </summary>
internal sealed class PostgreSqlBatchStore : IBatchStore
{
    private readonly NpgsqlConnection _connection;
    private readonly RunState _run;
    private readonly PgCopyTable<ResidentRecord> _residents;
    private readonly PgCopyTable<HouseholdRecord> _households;
    private readonly PgCopyTable<TaxAssessmentRecord> _tax;
    private readonly PgCopyTable<NhiQualificationRecord> _nhi;
    private readonly PgCopyTable<ChildAllowanceEntitlementRecord> _allowance;
    private readonly PgCopyTable<GenericRecord> _generic;
    private readonly PgCopyTable<QuarantinedRecord> _quarantine;
    private readonly HashSet<string> _staging = new(StringComparer.Ordinal);
    private readonly SeenKeys _householdsWritten = new();
    private readonly DeferredIndexes _indexes;
    private readonly CancellationToken _runCancelled;

    private PostgreSqlBatchStore(NpgsqlConnection connection, IModel model, RunState run, DeferredIndexes indexes, CancellationToken runCancelled)
    {
        _connection = connection;
        _run = run;
        _indexes = indexes;
        _runCancelled = runCancelled;
        _residents = Tables<ResidentRecord>.For(model);
        _households = Tables<HouseholdRecord>.For(model);
        _tax = Tables<TaxAssessmentRecord>.For(model);
        _nhi = Tables<NhiQualificationRecord>.For(model);
        _allowance = Tables<ChildAllowanceEntitlementRecord>.For(model);
        _generic = Tables<GenericRecord>.For(model);
        _quarantine = Tables<QuarantinedRecord>.For(model);
    }

    public static async Task<PostgreSqlBatchStore> OpenAsync(HubDbContextFactory factory, RunState run, CancellationToken ct)
    {
        IModel model;
        DeferredIndexes indexes;
        await using (var db = factory.CreateDbContext())
        {
            model = db.Model;
            indexes = new DeferredIndexes(SecondaryIndexes.Of(db));
        }

        var connection = new NpgsqlConnection(factory.ConnectionString);
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            // Indexes a run put off and never rebuilt (it was killed) come back before this run writes.
            await indexes.RepairAsync(connection, ct).ConfigureAwait(false);
            return new PostgreSqlBatchStore(connection, model, run, indexes, ct);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    public async Task<BatchCounts> StoreAsync(PreparedBatch batch, CancellationToken ct)
    {
        var stamp = batch.Stamp;
        var counts = new BatchCounts { Read = batch.Read, Quarantined = batch.Quarantined.Count };
        foreach (var table in batch.Tables())
        {
            await _indexes.ConsiderAsync(_connection, table, ct).ConfigureAwait(false);
        }

        await using var tx = await _connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await ApplyAsync(_residents, batch.Residents, stamp, counts, ct).ConfigureAwait(false);
        await ApplyAsync(_tax, batch.TaxAssessments, stamp, counts, ct).ConfigureAwait(false);
        await ApplyAsync(_nhi, batch.NhiQualifications, stamp, counts, ct).ConfigureAwait(false);
        await ApplyAsync(_allowance, batch.ChildAllowanceEntitlements, stamp, counts, ct).ConfigureAwait(false);
        foreach (var (kind, records) in batch.Generic)
        {
            await ApplyAsync(_generic, records, stamp, counts, ct, kind).ConfigureAwait(false);
        }

        // The households' merge and the run's bookkeeping share the batch's last round trip before the commit.
        await using var last = new NpgsqlBatch(_connection);
        await ApplyHouseholdsAsync(batch, last, ct).ConfigureAwait(false);
        AddAdvance(last, batch, counts);
        await last.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        if (batch.Quarantined.Count > 0)
        {
            await _quarantine.CopyAsync(_connection, _quarantine.Table, batch.Quarantined, ct).ConfigureAwait(false);
        }

        await tx.CommitAsync(ct).ConfigureAwait(false);
        _run.MayHaveOpenQuarantine |= batch.Quarantined.Exists(q => q.SourceKey is not null);
        return counts;
    }

    /// <summary>
    /// Rebuilds the indexes the run put off — whether it succeeded or failed, so the database is whole again — unless
    /// the run was cancelled (the hub is stopping): then the next run rebuilds them.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_runCancelled.IsCancellationRequested && _connection.State == System.Data.ConnectionState.Open)
            {
                await _indexes.RebuildAsync(_connection, _runCancelled).ConfigureAwait(false);
            }
        }
        finally
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    // Households are derived from the registry's heads: versioned, but not records read from the source, and a
    // household may be described again later in the same run. Into a table that held none of this source's households
    // when the run started, a household this run has not described yet is new and goes straight in; the others merge.
    // Their merge statements are added to `last`, run after this returns (households are not counted).
    private async Task ApplyHouseholdsAsync(PreparedBatch batch, NpgsqlBatch last, CancellationToken ct)
    {
        if (batch.Households.Count == 0)
        {
            return;
        }

        var stamp = batch.Stamp;
        var rows = batch.Households.Values.ToList();
        if (!await _run.WasEmptyAtStartAsync(typeof(HouseholdRecord), () => IsEmptyAsync(_households.Table, stamp.SourceSystem, ct)).ConfigureAwait(false))
        {
            await StageAsync(_households, rows, stamp, last, ct).ConfigureAwait(false);
            return;
        }

        var fresh = new List<HouseholdRecord>(rows.Count);
        var again = new List<HouseholdRecord>();
        foreach (var row in rows)
        {
            // A digest shared by two households only sends the second through the merge, which is always correct.
            (_householdsWritten.Add(row.SourceKey) ? fresh : again).Add(row);
        }

        if (fresh.Count > 0)
        {
            await _households.CopyAsync(_connection, _households.Table, fresh, ct).ConfigureAwait(false);
        }

        if (again.Count > 0)
        {
            await StageAsync(_households, again, stamp, last, ct).ConfigureAwait(false);
        }
    }

    // Adds the rows' counts (inserted/updated/unchanged) to `counts`. `kind`: the kind of the generic table the rows are of
    // (their keys are looked up, closed and checked for emptiness within it); null for a typed table.
    private async Task ApplyAsync<T>(PgCopyTable<T> table, List<T> rows, RunStamp stamp, BatchCounts counts, CancellationToken ct, string? kind = null)
        where T : TemporalRecord
    {
        if (rows.Count == 0)
        {
            return;
        }

        var scope = kind is null ? new RecordScope(typeof(T).Name) : new RecordScope(table.Table, kind);
        if (await _run.WasEmptyAtStartAsync(scope, () => IsEmptyAsync(table.Table, stamp.SourceSystem, ct, kind)).ConfigureAwait(false))
        {
            // Every key of the run is new to the table (the run quarantines repeated keys): nothing to look up or close.
            await table.CopyAsync(_connection, table.Table, rows, ct).ConfigureAwait(false);
            counts.Inserted += rows.Count;
            return;
        }

        await using var merge = new NpgsqlBatch(_connection);
        var (close, insert) = await StageAsync(table, rows, stamp, merge, ct, kind is not null).ConfigureAwait(false);
        await merge.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        var updated = close.RecordsAffected;
        var written = insert.RecordsAffected;
        counts.Updated += updated;
        counts.Inserted += written - updated;
        counts.Unchanged += rows.Count - written;
    }

    // Copies the rows into the table's staging table and adds the merge to `merge` (not yet run): first close the latest
    // versions that changed, then insert every staged version that has no latest version left (new keys and the changed
    // ones) — in this order the one-latest-version index never sees two.
    // `byKind`: the generic table, whose keys are unique within a kind.
    private async Task<(NpgsqlBatchCommand Close, NpgsqlBatchCommand Insert)> StageAsync<T>(PgCopyTable<T> table, List<T> rows, RunStamp stamp, NpgsqlBatch merge, CancellationToken ct, bool byKind = false)
        where T : TemporalRecord
    {
        var staging = await StagingAsync(table, ct).ConfigureAwait(false);
        await table.CopyAsync(_connection, staging, rows, ct).ConfigureAwait(false);
        var t = PgCopyTable<T>.Quote(table.Table);
        var s = PgCopyTable<T>.Quote(staging);
        var sameKind = byKind ? " AND t.kind = s.kind" : string.Empty;
        var close = new NpgsqlBatchCommand(
            $"UPDATE {t} AS t SET superseded_at = @now FROM {s} AS s WHERE t.source_system = s.source_system AND t.source_key = s.source_key{sameKind} AND t.superseded_at IS NULL AND t.content_hash <> s.content_hash");
        close.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = stamp.Now });
        merge.BatchCommands.Add(close);
        var insert = new NpgsqlBatchCommand(
            $"INSERT INTO {t} ({table.ColumnList}) SELECT {table.ColumnList} FROM {s} AS s WHERE NOT EXISTS (SELECT 1 FROM {t} AS t WHERE t.source_system = s.source_system AND t.source_key = s.source_key{sameKind} AND t.superseded_at IS NULL)");
        merge.BatchCommands.Add(insert);
        return (close, insert);
    }

    private async Task<bool> IsEmptyAsync(string table, string sourceSystem, CancellationToken ct, string? kind = null)
    {
        await using var cmd = new NpgsqlCommand($"SELECT NOT EXISTS (SELECT 1 FROM {PgCopyTable<object>.Quote(table)} WHERE source_system = @s{(kind is null ? string.Empty : " AND kind = @k")})", _connection);
        cmd.Parameters.Add(new NpgsqlParameter<string>("s", NpgsqlDbType.Varchar) { TypedValue = sourceSystem });
        if (kind is not null)
        {
            cmd.Parameters.Add(new NpgsqlParameter<string>("k", NpgsqlDbType.Varchar) { TypedValue = kind });
        }

        return await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is true;
    }

    // A temporary table of the same columns, private to this session and emptied at every commit.
    private async Task<string> StagingAsync<T>(PgCopyTable<T> table, CancellationToken ct)
        where T : class
    {
        var staging = "hub_stage_" + table.Table;
        if (_staging.Add(staging))
        {
            await using var cmd = new NpgsqlCommand(
                $"CREATE TEMP TABLE IF NOT EXISTS {PgCopyTable<T>.Quote(staging)} ON COMMIT DELETE ROWS AS SELECT {table.ColumnList} FROM {PgCopyTable<T>.Quote(table.Table)} WITH NO DATA",
                _connection);
            await cmd.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return staging;
    }

    // Adds the run's counts, the watermark and the resolved quarantine entries to `advance`.
    private void AddAdvance(NpgsqlBatch advance, PreparedBatch batch, BatchCounts counts)
    {
        var stamp = batch.Stamp;
        var run = new NpgsqlBatchCommand(
            "UPDATE sync_runs SET \"read\" = \"read\" + @read, inserted = inserted + @inserted, updated = updated + @updated, " +
            "unchanged = unchanged + @unchanged, quarantined = quarantined + @quarantined, watermark_after = @mark WHERE id = @run");
        run.Parameters.Add(new NpgsqlParameter<long>("read", NpgsqlDbType.Bigint) { TypedValue = counts.Read });
        run.Parameters.Add(new NpgsqlParameter<long>("inserted", NpgsqlDbType.Bigint) { TypedValue = counts.Inserted });
        run.Parameters.Add(new NpgsqlParameter<long>("updated", NpgsqlDbType.Bigint) { TypedValue = counts.Updated });
        run.Parameters.Add(new NpgsqlParameter<long>("unchanged", NpgsqlDbType.Bigint) { TypedValue = counts.Unchanged });
        run.Parameters.Add(new NpgsqlParameter<long>("quarantined", NpgsqlDbType.Bigint) { TypedValue = counts.Quarantined });
        run.Parameters.Add(new NpgsqlParameter<string>("mark", NpgsqlDbType.Varchar) { TypedValue = batch.Next.Value });
        run.Parameters.Add(new NpgsqlParameter<long>("run", NpgsqlDbType.Bigint) { TypedValue = stamp.RunId });
        advance.BatchCommands.Add(run);
        var mark = new NpgsqlBatchCommand(
            "INSERT INTO source_watermarks (source, value, sync_run_id, updated_at) VALUES (@source, @mark, @run, @now) " +
            "ON CONFLICT (source) DO UPDATE SET value = EXCLUDED.value, sync_run_id = EXCLUDED.sync_run_id, updated_at = EXCLUDED.updated_at");
        mark.Parameters.Add(new NpgsqlParameter<string>("source", NpgsqlDbType.Varchar) { TypedValue = stamp.Source });
        mark.Parameters.Add(new NpgsqlParameter<string>("mark", NpgsqlDbType.Varchar) { TypedValue = batch.Next.Value });
        mark.Parameters.Add(new NpgsqlParameter<long>("run", NpgsqlDbType.Bigint) { TypedValue = stamp.RunId });
        mark.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = stamp.Now });
        advance.BatchCommands.Add(mark);
        if (_run.MayHaveOpenQuarantine && batch.LoadedKeys.Count > 0)
        {
            // A record that loads now closes the quarantine entries it left earlier (before this batch's own entries are written).
            var resolve = new NpgsqlBatchCommand(
                "UPDATE quarantined_records SET resolved_at = @now, resolved_by_sync_run_id = @run WHERE source = @source AND resolved_at IS NULL AND source_key = ANY(@keys)");
            resolve.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = stamp.Now });
            resolve.Parameters.Add(new NpgsqlParameter<long>("run", NpgsqlDbType.Bigint) { TypedValue = stamp.RunId });
            resolve.Parameters.Add(new NpgsqlParameter<string>("source", NpgsqlDbType.Varchar) { TypedValue = stamp.Source });
            resolve.Parameters.Add(new NpgsqlParameter<string[]>("keys", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. batch.LoadedKeys] });
            advance.BatchCommands.Add(resolve);
        }
    }

    private static class Tables<T>
        where T : class
    {
        private static PgCopyTable<T>? _table;

        // Compiled once per process: the model does not change while it runs.
        public static PgCopyTable<T> For(IModel model) => _table ??= PgCopyTable<T>.For(model);
    }
}
