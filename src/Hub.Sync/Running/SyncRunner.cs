using System.Diagnostics;
using System.Runtime.CompilerServices;
using Hub.Adapters.Catalog;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Sync.Quality;
using Hub.Sync.Writing;
using Hub.Sync.Writing.PostgreSql;
using Hub.Sync.Writing.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Sync.Running;

/// <summary>
/// Runs one source once: reads batches from its adapter and stores each batch — records with history,
/// quarantined rows, run counts and the new watermark — in one transaction. A run that stops anywhere
/// leaves the database as of its last stored batch, and the next run resumes there.
/// </summary>
/// <remarks>
/// Records of kinds declared as data are checked against <paramref name="catalog"/> (the default <c>schemas/records</c> when
/// none is given).
/// </remarks>
public sealed class SyncRunner(HubDbContextFactory factory, TimeProvider time, ILogger<SyncRunner> logger, FieldCatalog? catalog = null)
{
    /// <summary>
    /// Records written by one run after which it refreshes PostgreSQL's planner statistics (<c>ANALYZE</c>) of the tables
    /// it wrote that have none yet or that it changed by <see cref="AnalyzeAfterShare"/> or more.
    /// </summary>
    public const int AnalyzeAfterChanges = 10_000;

    /// <summary>
    /// The share of a table's rows a run must write before the run refreshes that table's statistics itself: PostgreSQL's
    /// own autovacuum analyzes a table once a tenth of it has changed, so a smaller change can wait for it.
    /// </summary>
    public const double AnalyzeAfterShare = 0.1;

    /// <summary>
    /// Writes through the provider-neutral EF Core path even on PostgreSQL and SQLite (instead of their typed stores:
    /// binary COPY with a staging merge, prepared statements with a merge row by row): the reference both are compared with
    /// in tests. SQL Server always takes this path.
    /// </summary>
    internal bool UseProviderNeutralStore { get; init; }

    /// <summary>Identity claims a run checks by keyed reads before it reads the whole registry once (tests lower or raise it).</summary>
    internal int IdentityFullReadAfterClaims { get; init; } = RegistryIdentities.FullReadAfterClaims;

    // The registry's identities as the last full read found them, reused by later runs while the registry is unchanged.
    private readonly RegistrySnapshots _registrySnapshots = new();

    /// <summary>Records written by one run before it considers <c>ANALYZE</c> (tests lower it).</summary>
    internal int AnalyzeAfterChangesThreshold { get; init; } = AnalyzeAfterChanges;

    /// <summary>Runs <paramref name="source"/> from its stored watermark; failures are recorded on the run and returned, not thrown.</summary>
    public Task<SyncRunSummary> RunAsync(SyncSource source, IProgress<long>? progress = null, CancellationToken ct = default) =>
        RunCoreAsync(source, fromStart: false, progress, ct);

    /// <summary>
    /// Runs <paramref name="source"/> from its beginning, whatever its watermark says was read (a full run): rows read
    /// before are counted unchanged, rows quarantined before are read again — after a source's settings were fixed.
    /// </summary>
    public Task<SyncRunSummary> RunFromStartAsync(SyncSource source, IProgress<long>? progress = null, CancellationToken ct = default) =>
        RunCoreAsync(source, fromStart: true, progress, ct);

    private async Task<SyncRunSummary> RunCoreAsync(SyncSource source, bool fromStart, IProgress<long>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        await using var runLock = await SourceRunLock.TryAcquireAsync(factory, source.Name, ct).ConfigureAwait(false);
        if (runLock is null)
        {
            logger.LogWarning("Sync of {Source} skipped: another run of it is in progress", source.Name);
            return new SyncRunSummary(0, source.Name, SyncRunStatus.Skipped, 0, 0, 0, 0, 0, null, $"another run of {source.Name} is in progress", clock.Elapsed);
        }

        var (runId, since) = await StartAsync(source, fromStart, ct).ConfigureAwait(false);
        logger.LogInformation("Sync run {RunId} of {Source} started", runId, source.Name);
        string? error = null;
        EncodingEvidence? evidence = null;
        var written = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            var state = new RunState();
            await using (var db = factory.CreateDbContext())
            {
                state.MayHaveOpenQuarantine = await db.QuarantinedRecords.AnyAsync(q => q.Source == source.Name && q.ResolvedAt == null, ct).ConfigureAwait(false);
            }

            var preparer = new BatchPreparer(factory, runId, source.Name, source.SourceSystem, time, IdentityFullReadAfterClaims, _registrySnapshots, catalog) { Record = source.Record };
            evidence = preparer.Evidence;
            await using var store = await OpenStoreAsync(state, ct).ConfigureAwait(false);
            long read = 0;
            var adapter = source.CreateAdapter();
            try
            {
                // Three stages on their own threads: the adapter reads and parses, the preparer maps, hashes and checks
                // identities, the store writes; bounded channels between them keep memory at a few batches.
                var batches = ReadAhead.Of(adapter.ReadAsync(since, ct), capacity: 2, ct);
                await foreach (var batch in ReadAhead.Of(PrepareAsync(batches, preparer, ct), capacity: 2, ct).ConfigureAwait(false))
                {
                    await store.StoreAsync(batch, ct).ConfigureAwait(false);
                    written.UnionWith(batch.Tables());
                    read += batch.Read;
                    progress?.Report(read);
                }
            }
            finally
            {
                (adapter as IDisposable)?.Dispose();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Adapters may throw; the run records why (messages name files and fields, not personal data).
            error = $"{e.GetType().Name}: {e.Message}";
            logger.LogError("Sync run {RunId} of {Source} failed: {Error}", runId, source.Name, error);
        }

        return await FinishAsync(runId, error, evidence, source.SourceSystem, written, clock.Elapsed, ct).ConfigureAwait(false);
    }

    // The written tables whose estimated row count (pg_class.reltuples: -1 before the first ANALYZE, VACUUM or CREATE
    // INDEX) is unknown, or at most ten times the run's changes.
    private static async Task<List<string>> TablesToAnalyzeAsync(HubDbContext db, IReadOnlyCollection<string> written, long changes, CancellationToken ct)
    {
        var names = written.ToArray();
        var estimates = await db.Database
            .SqlQuery<TableEstimate>($"SELECT relname AS \"Table\", reltuples::float8 AS \"Rows\" FROM pg_class WHERE relkind = 'r' AND relname = ANY({names}) AND relnamespace = current_schema()::regnamespace")
            .ToDictionaryAsync(e => e.Table, e => e.Rows, StringComparer.Ordinal, ct).ConfigureAwait(false);
        return names.Where(t => !estimates.TryGetValue(t, out var rows) || rows < 0 || changes >= AnalyzeAfterShare * rows).ToList();
    }

    private async Task<(long RunId, Watermark Since)> StartAsync(SyncSource source, bool fromStart, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        // A run left "Running" was cut off; its stored batches stand and this run resumes after them.
        await db.SyncRuns.Where(r => r.Source == source.Name && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncRunStatus.Abandoned).SetProperty(r => r.FinishedAt, now), ct).ConfigureAwait(false);
        var mark = await db.SourceWatermarks.AsNoTracking().SingleOrDefaultAsync(w => w.Source == source.Name, ct).ConfigureAwait(false);
        var since = mark is null || fromStart ? Watermark.Start : new Watermark(mark.Value);
        var run = new SyncRun
        {
            Source = source.Name,
            Kind = since.IsStart ? "Full" : "Delta",
            Status = SyncRunStatus.Running,
            StartedAt = now,
            WatermarkBefore = mark?.Value,
        };
        db.SyncRuns.Add(run);
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        return (run.Id, since);
    }

    private static async IAsyncEnumerable<PreparedBatch> PrepareAsync(IAsyncEnumerable<SourceBatch> batches, BatchPreparer preparer, [EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var batch in batches.ConfigureAwait(false))
        {
            yield return await preparer.PrepareAsync(batch, ct).ConfigureAwait(false);
        }
    }

    private async Task<IBatchStore> OpenStoreAsync(RunState state, CancellationToken ct) =>
        (factory.Provider, UseProviderNeutralStore) switch
        {
            (DatabaseProvider.PostgreSql, false) => await PostgreSqlBatchStore.OpenAsync(factory, state, ct).ConfigureAwait(false),
            (DatabaseProvider.Sqlite, false) => await SqliteBatchStore.OpenAsync(factory, state, ct).ConfigureAwait(false),
            _ => new EfBatchStore(factory, state),
        };

    private async Task<SyncRunSummary> FinishAsync(long runId, string? error, EncodingEvidence? evidence, string sourceSystem, IReadOnlyCollection<string> written, TimeSpan elapsed, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var run = await db.SyncRuns.SingleAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (error is null && !run.IsBalanced)
        {
            error = $"{nameof(SyncImbalanceException)}: read {run.Read} ≠ inserted {run.Inserted} + updated {run.Updated} + unchanged {run.Unchanged} + quarantined {run.Quarantined}";
            logger.LogError("Sync run {RunId} does not balance: {Error}", runId, error);
        }

        if (error is null && run.Read > 0 && run.Quarantined == run.Read)
        {
            // Nothing loaded: most likely the source is read with wrong settings (an encoding, a layout). The rows stay in
            // quarantine, and the watermark stands (an unchanged file is not read again; a new export is).
            error = AllQuarantined.Error(run.Read, run.Source, evidence?.Hint, sourceSystem);
            logger.LogError("Sync run {RunId} of {Source} quarantined every row: {Error}", runId, run.Source, error);
        }

        var changes = run.Inserted + run.Updated;
        if (error is null && factory.Provider == DatabaseProvider.PostgreSql && changes >= AnalyzeAfterChangesThreshold && written.Count > 0)
        {
            // Fresh statistics after a large load: without them PostgreSQL plans every subquery of a push-target
            // extraction as one row (one such query on a fresh city ran past 30 s). Only the tables this run wrote,
            // and of those only the ones the run changed by a tenth or more, or that have no statistics yet: a delta
            // of 10,000 residents on a city of a million left autovacuum's choice alone, and its ANALYZE of the
            // residents took about as long as the delta's writing.
            var stale = await TablesToAnalyzeAsync(db, written, changes, ct).ConfigureAwait(false);
            if (stale.Count > 0)
            {
                // The names come from PreparedBatch.Tables (constants), never from data.
                var analyze = "ANALYZE " + string.Join(", ", stale);
                await db.Database.ExecuteSqlRawAsync(analyze, ct).ConfigureAwait(false);
            }
        }

        run.Status = error is null ? SyncRunStatus.Succeeded : SyncRunStatus.Failed;
        run.Error = error;
        run.FinishedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct).ConfigureAwait(false);
        logger.LogInformation(
            "Sync run {RunId} of {Source} {Status}: read {Read}, inserted {Inserted}, updated {Updated}, unchanged {Unchanged}, quarantined {Quarantined}",
            runId, run.Source, run.Status, run.Read, run.Inserted, run.Updated, run.Unchanged, run.Quarantined);
        return new SyncRunSummary(runId, run.Source, run.Status, run.Read, run.Inserted, run.Updated, run.Unchanged, run.Quarantined, run.WatermarkAfter, run.Error, elapsed);
    }

    private sealed class TableEstimate
    {
        public string Table { get; init; } = string.Empty;

        public double Rows { get; init; }
    }
}
