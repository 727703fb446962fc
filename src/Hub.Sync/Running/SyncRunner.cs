using System.Diagnostics;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Sync.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hub.Sync.Running;

/// <summary>
/// Runs one source once: reads batches from its adapter and stores each batch — records with history,
/// quarantined rows, run counts and the new watermark — in one transaction. A run that stops anywhere
/// leaves the database as of its last stored batch, and the next run resumes there.
/// </summary>
public sealed class SyncRunner(HubDbContextFactory factory, TimeProvider time, ILogger<SyncRunner> logger)
{
    /// <summary>Records written by one run after which PostgreSQL's planner statistics are refreshed (<c>ANALYZE</c>).</summary>
    public const int AnalyzeAfterChanges = 10_000;

    /// <summary>Runs <paramref name="source"/>; failures are recorded on the run and returned, not thrown.</summary>
    public async Task<SyncRunSummary> RunAsync(SyncSource source, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        var clock = Stopwatch.StartNew();
        await using var runLock = await SourceRunLock.TryAcquireAsync(factory, source.Name, ct).ConfigureAwait(false);
        if (runLock is null)
        {
            logger.LogWarning("Sync of {Source} skipped: another run of it is in progress", source.Name);
            return new SyncRunSummary(0, source.Name, SyncRunStatus.Skipped, 0, 0, 0, 0, 0, null, $"another run of {source.Name} is in progress", clock.Elapsed);
        }

        var (runId, since) = await StartAsync(source, ct).ConfigureAwait(false);
        logger.LogInformation("Sync run {RunId} of {Source} started", runId, source.Name);
        string? error = null;
        try
        {
            var seen = new SeenKeys();
            var state = new RunState();
            long read = 0;
            var adapter = source.CreateAdapter();
            try
            {
                await foreach (var batch in ReadAhead.Of(adapter.ReadAsync(since, ct), capacity: 2, ct).ConfigureAwait(false))
                {
                    await StoreBatchAsync(source, runId, batch, seen, state, ct).ConfigureAwait(false);
                    read += batch.Items.Count;
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

        return await FinishAsync(runId, error, clock.Elapsed, ct).ConfigureAwait(false);
    }

    private async Task<(long RunId, Watermark Since)> StartAsync(SyncSource source, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var now = time.GetUtcNow().UtcDateTime;
        // A run left "Running" was cut off; its stored batches stand and this run resumes after them.
        await db.SyncRuns.Where(r => r.Source == source.Name && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, SyncRunStatus.Abandoned).SetProperty(r => r.FinishedAt, now), ct).ConfigureAwait(false);
        var mark = await db.SourceWatermarks.AsNoTracking().SingleOrDefaultAsync(w => w.Source == source.Name, ct).ConfigureAwait(false);
        var since = mark is null ? Watermark.Start : new Watermark(mark.Value);
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

    private async Task StoreBatchAsync(SyncSource source, long runId, SourceBatch batch, SeenKeys seen, RunState state, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var stamp = new RunStamp(runId, source.Name, source.SourceSystem, time.GetUtcNow().UtcDateTime);
        var writer = new BatchWriter(db, factory.Provider, stamp, state);
        var counts = await writer.WriteAsync(batch, seen, ct).ConfigureAwait(false);
        await AdvanceAsync(db, runId, source.Name, batch.Next, counts, stamp.Now, ct).ConfigureAwait(false);
        await writer.FlushAsync(ct).ConfigureAwait(false);
        await tx.CommitAsync(ct).ConfigureAwait(false);
    }

    private static async Task AdvanceAsync(HubDbContext db, long runId, string source, Watermark next, BatchCounts counts, DateTime now, CancellationToken ct)
    {
        var run = await db.SyncRuns.SingleAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        run.Read += counts.Read;
        run.Inserted += counts.Inserted;
        run.Updated += counts.Updated;
        run.Unchanged += counts.Unchanged;
        run.Quarantined += counts.Quarantined;
        run.WatermarkAfter = next.Value;
        var mark = await db.SourceWatermarks.SingleOrDefaultAsync(w => w.Source == source, ct).ConfigureAwait(false);
        if (mark is null)
        {
            db.SourceWatermarks.Add(new SourceWatermark { Source = source, Value = next.Value, SyncRunId = runId, UpdatedAt = now });
        }
        else
        {
            mark.Value = next.Value;
            mark.SyncRunId = runId;
            mark.UpdatedAt = now;
        }
    }

    private async Task<SyncRunSummary> FinishAsync(long runId, string? error, TimeSpan elapsed, CancellationToken ct)
    {
        await using var db = factory.CreateDbContext();
        var run = await db.SyncRuns.SingleAsync(r => r.Id == runId, ct).ConfigureAwait(false);
        if (error is null && !run.IsBalanced)
        {
            error = $"{nameof(SyncImbalanceException)}: read {run.Read} ≠ inserted {run.Inserted} + updated {run.Updated} + unchanged {run.Unchanged} + quarantined {run.Quarantined}";
            logger.LogError("Sync run {RunId} does not balance: {Error}", runId, error);
        }

        if (error is null && factory.Provider == DatabaseProvider.PostgreSql && run.Inserted + run.Updated >= AnalyzeAfterChanges)
        {
            // Fresh statistics after a large load: without them PostgreSQL plans every subquery of a push-target
            // extraction as one row (one such query on a fresh city ran past 30 s).
            await db.Database.ExecuteSqlRawAsync("ANALYZE residents, households, tax_assessments, nhi_qualifications, child_allowance_entitlements", ct).ConfigureAwait(false);
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
}
