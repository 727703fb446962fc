using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// SQLite's store: one connection for the run with statements prepared once, one transaction per batch. New versions
/// go by prepared inserts with typed binders — straight into the table when it held nothing of this source at the start
/// of the run, otherwise through a merge row by row against each key's latest version (<see cref="SqliteVersions{T}"/>). Counts,
/// watermark, resolved quarantine entries and new ones follow in the same transaction. No EF Core change tracking. A
/// first load puts off its tables' non-unique secondary indexes until the store closes (<see cref="SqliteDeferredIndexes"/>).
/// </summary>
internal sealed class SqliteBatchStore : IBatchStore
{
    private readonly SqliteConnection _connection;
    private readonly RunState _run;
    private readonly SqliteVersions<ResidentRecord> _residents;
    private readonly SqliteVersions<HouseholdRecord> _households;
    private readonly SqliteVersions<TaxAssessmentRecord> _tax;
    private readonly SqliteVersions<NhiQualificationRecord> _nhi;
    private readonly SqliteVersions<ChildAllowanceEntitlementRecord> _allowance;
    private readonly SqliteVersions<GenericRecord> _generic;
    private readonly SqliteInsert<QuarantinedRecord> _quarantine;
    private readonly SqliteBookkeeping _bookkeeping;
    private readonly SeenKeys _householdsWritten = new();
    private readonly SqliteDeferredIndexes _indexes;
    private readonly CancellationToken _runCancelled;

    private SqliteBatchStore(SqliteConnection connection, IModel model, RunState run, SqliteDeferredIndexes indexes, CancellationToken runCancelled)
    {
        _connection = connection;
        _run = run;
        _indexes = indexes;
        _runCancelled = runCancelled;
        _residents = new(connection, Tables<ResidentRecord>.For(model));
        _households = new(connection, Tables<HouseholdRecord>.For(model));
        _tax = new(connection, Tables<TaxAssessmentRecord>.For(model));
        _nhi = new(connection, Tables<NhiQualificationRecord>.For(model));
        _allowance = new(connection, Tables<ChildAllowanceEntitlementRecord>.For(model));
        _generic = new(connection, Tables<GenericRecord>.For(model), g => g.Kind);
        var quarantine = Tables<QuarantinedRecord>.For(model);
        _quarantine = quarantine.PrepareInsert(connection, quarantine.Table);
        _bookkeeping = new SqliteBookkeeping(connection);
    }

    public static async Task<SqliteBatchStore> OpenAsync(HubDbContextFactory factory, RunState run, CancellationToken ct)
    {
        IModel model;
        SqliteDeferredIndexes indexes;
        await using (var db = factory.CreateDbContext())
        {
            model = db.Model;
            indexes = new SqliteDeferredIndexes(SqliteSecondaryIndexes.Of(db));
        }

        var connection = new SqliteConnection(SqliteBulkSession.ConnectionString(factory.ConnectionString));
        try
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            SqliteBulkSession.Configure(connection);
            // Indexes a run put off and never rebuilt (it was killed) come back before this run writes.
            indexes.Rebuild(connection);
            return new SqliteBatchStore(connection, model, run, indexes, ct);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Microsoft.Data.Sqlite runs every statement synchronously (its async methods complete before they return), so the
    // batch is written synchronously on the store's stage of the pipeline.
    public Task<BatchCounts> StoreAsync(PreparedBatch batch, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(Store(batch));
    }

    public ValueTask DisposeAsync()
    {
        if (!_runCancelled.IsCancellationRequested && _connection.State == System.Data.ConnectionState.Open)
        {
            // A failed run rebuilds too: its stored batches stand, and the API reads them.
            _indexes.Rebuild(_connection);
        }

        _residents.Dispose();
        _households.Dispose();
        _tax.Dispose();
        _nhi.Dispose();
        _allowance.Dispose();
        _generic.Dispose();
        _quarantine.Dispose();
        _bookkeeping.Dispose();
        return _connection.DisposeAsync();
    }

    private BatchCounts Store(PreparedBatch batch)
    {
        var stamp = batch.Stamp;
        var counts = new BatchCounts { Read = batch.Read, Quarantined = batch.Quarantined.Count };
        foreach (var table in batch.Tables())
        {
            _indexes.Consider(_connection, table);
        }

        using var tx = _connection.BeginTransaction();
        Apply(_residents, batch.Residents, stamp, counts, tx);
        Apply(_tax, batch.TaxAssessments, stamp, counts, tx);
        Apply(_nhi, batch.NhiQualifications, stamp, counts, tx);
        Apply(_allowance, batch.ChildAllowanceEntitlements, stamp, counts, tx);
        foreach (var (kind, records) in batch.Generic)
        {
            Apply(_generic, records, stamp, counts, tx, kind);
        }

        ApplyHouseholds(batch, tx);
        _bookkeeping.Advance(batch, counts, tx);
        if (_run.MayHaveOpenQuarantine && batch.LoadedKeys.Count > 0)
        {
            // A record that loads now closes the quarantine entries it left earlier (before this batch's own entries are written).
            _bookkeeping.Resolve(batch, tx);
        }

        _quarantine.Insert(batch.Quarantined, tx);
        tx.Commit();
        _run.MayHaveOpenQuarantine |= batch.Quarantined.Exists(q => q.SourceKey is not null);
        return counts;
    }

    // Households are derived from the registry's heads: versioned, but not records read from the source, and a
    // household may be described again later in the same run. Into a table that held none of this source's households
    // when the run started, a household this run has not described yet is new and goes straight in; the others merge.
    private void ApplyHouseholds(PreparedBatch batch, SqliteTransaction tx)
    {
        if (batch.Households.Count == 0)
        {
            return;
        }

        var stamp = batch.Stamp;
        var rows = batch.Households.Values;
        if (!WasEmptyAtStart(_households, stamp, tx))
        {
            Merge(_households, rows, stamp, null, tx);
            return;
        }

        var fresh = new List<HouseholdRecord>(rows.Count);
        var again = new List<HouseholdRecord>();
        foreach (var row in rows)
        {
            // A digest shared by two households only sends the second through the merge, which is always correct.
            (_householdsWritten.Add(row.SourceKey) ? fresh : again).Add(row);
        }

        _households.Insert(fresh, tx);
        Merge(_households, again, stamp, null, tx);
    }

    // kind: the kind of the generic table the rows are of; null for a typed table.
    private void Apply<T>(SqliteVersions<T> table, List<T> rows, RunStamp stamp, BatchCounts counts, SqliteTransaction tx, string? kind = null)
        where T : TemporalRecord
    {
        if (rows.Count == 0)
        {
            return;
        }

        if (WasEmptyAtStart(table, stamp, tx, kind))
        {
            // Every key of the run is new to the table (the run quarantines repeated keys): nothing to look up or close.
            table.Insert(rows, tx);
            counts.Inserted += rows.Count;
            return;
        }

        Merge(table, rows, stamp, counts, tx);
    }

    // counts: where inserted/updated/unchanged are added; null for derived records (not counted).
    private static void Merge<T>(SqliteVersions<T> table, IReadOnlyCollection<T> rows, RunStamp stamp, BatchCounts? counts, SqliteTransaction tx)
        where T : TemporalRecord
    {
        if (rows.Count == 0)
        {
            return;
        }

        var (closed, written) = table.Merge(rows, stamp.Now, tx);
        if (counts is not null)
        {
            counts.Updated += closed;
            counts.Inserted += written - closed;
            counts.Unchanged += rows.Count - written;
        }
    }

    // The answer is taken once per run (RunState completes synchronously here: the check itself is synchronous).
    private bool WasEmptyAtStart<T>(SqliteVersions<T> table, RunStamp stamp, SqliteTransaction tx, string? kind = null)
        where T : TemporalRecord
    {
        var scope = kind is null ? new RecordScope(typeof(T).Name) : new RecordScope("generic_records", kind);
        var check = _run.WasEmptyAtStartAsync(scope, () => Task.FromResult(table.IsEmpty(stamp.SourceSystem, tx, kind)));
        return check.IsCompleted ? check.GetAwaiter().GetResult() : throw new InvalidOperationException("The emptiness check of a table did not complete synchronously.");
    }

    private static class Tables<T>
        where T : class
    {
        private static SqliteTable<T>? _table;

        // Compiled once per process: the model does not change while it runs.
        public static SqliteTable<T> For(IModel model) => _table ??= SqliteTable<T>.For(model);
    }
}
