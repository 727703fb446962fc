using Hub.Data;
using Hub.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Hub.Sync.Writing;

/// <summary>
/// Writes one prepared batch through EF Core and the provider's bulk insert, inside the caller's transaction:
/// quarantined rows, new versions (after looking up the latest ones unless the table was empty for this source at
/// the start of the run), closed versions, resolved quarantine entries. The path of SQLite and SQL Server, and the
/// reference the PostgreSQL staging path is tested against.
/// </summary>
internal sealed class BatchWriter(HubDbContext db, DatabaseProvider provider, RunState run)
{
    private readonly HubContextWriter _writer = new(db, provider);
    private readonly BatchCounts _counts = new();

    public async Task<BatchCounts> WriteAsync(PreparedBatch batch, CancellationToken ct)
    {
        var stamp = batch.Stamp;
        _counts.Read = batch.Read;
        _counts.Quarantined = batch.Quarantined.Count;
        db.QuarantinedRecords.AddRange(batch.Quarantined);
        Count(await Versioning.ApplyAsync(_writer, db.Residents, batch.Residents, stamp, run, ct).ConfigureAwait(false));
        Count(await Versioning.ApplyAsync(_writer, db.TaxAssessments, batch.TaxAssessments, stamp, run, ct).ConfigureAwait(false));
        Count(await Versioning.ApplyAsync(_writer, db.NhiQualifications, batch.NhiQualifications, stamp, run, ct).ConfigureAwait(false));
        Count(await Versioning.ApplyAsync(_writer, db.ChildAllowanceEntitlements, batch.ChildAllowanceEntitlements, stamp, run, ct).ConfigureAwait(false));
        foreach (var (kind, records) in batch.Generic)
        {
            // One kind's part of the generic table: its keys are looked up and closed within the kind only.
            var part = db.GenericRecords.Where(g => g.Kind == kind);
            Count(await Versioning.ApplyAsync(_writer, part, records, stamp, run, ct, new RecordScope("generic_records", kind)).ConfigureAwait(false));
        }

        // Households are derived from the registry's heads: versioned, but not records read from the source.
        await Versioning.ApplyAsync(_writer, db.Households, batch.Households.Values.ToList(), stamp, null, ct).ConfigureAwait(false);
        await ResolveQuarantineAsync(batch, ct).ConfigureAwait(false);
        return _counts;
    }

    public Task FlushAsync(CancellationToken ct) => _writer.FlushAsync(ct);

    private void Count(VersionOutcome outcome)
    {
        _counts.Inserted += outcome.Inserted;
        _counts.Updated += outcome.Updated;
        _counts.Unchanged += outcome.Unchanged;
    }

    // A record that loads now closes the quarantine entries it left in earlier runs (or earlier in this one).
    private async Task ResolveQuarantineAsync(PreparedBatch batch, CancellationToken ct)
    {
        var stamp = batch.Stamp;
        if (run.MayHaveOpenQuarantine)
        {
            foreach (var chunk in Chunks.Of(batch.LoadedKeys))
            {
                await db.QuarantinedRecords
                    .Where(q => q.Source == stamp.Source && q.ResolvedAt == null && q.SourceKey != null && chunk.Contains(q.SourceKey))
                    .ExecuteUpdateAsync(s => s.SetProperty(q => q.ResolvedAt, stamp.Now).SetProperty(q => q.ResolvedBySyncRunId, stamp.RunId), ct).ConfigureAwait(false);
            }
        }

        run.MayHaveOpenQuarantine |= batch.Quarantined.Exists(q => q.SourceKey is not null);
    }
}
