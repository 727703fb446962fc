using Hub.Adapters.Records;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Sync.Writing;

/// <summary>
/// Everything one batch writes, inside the caller's transaction: rejected and duplicate rows to quarantine,
/// identity checks against the registry, new versions (bulk), closed versions, resolved quarantine entries.
/// </summary>
internal sealed class BatchWriter(HubDbContext db, DatabaseProvider provider, RunStamp stamp, RunState run)
{
    private readonly HubContextWriter _writer = new(db, provider);
    private readonly BatchCounts _counts = new();

    public async Task<BatchCounts> WriteAsync(SourceBatch batch, SeenKeys seen, CancellationToken ct)
    {
        _counts.Read = batch.Items.Count;
        var accepted = new List<(SourceItem Item, CanonicalRecord Record)>(batch.Items.Count);
        foreach (var item in batch.Items)
        {
            if (item.Record is null)
            {
                Quarantine(item, item.Rejection ?? "rejected by the adapter");
            }
            else if (!seen.Add(item.Record.SourceKey))
            {
                Quarantine(item, "source key appears more than once in this run; the first occurrence was kept");
            }
            else
            {
                accepted.Add((item, item.Record));
            }
        }

        accepted = await CheckIdentityAsync(accepted, ct).ConfigureAwait(false);
        await ApplyAsync(accepted.Select(a => a.Record).ToList(), ct).ConfigureAwait(false);
        await ResolveQuarantineAsync(accepted.Select(a => a.Record.SourceKey), ct).ConfigureAwait(false);
        return _counts;
    }

    public Task FlushAsync(CancellationToken ct) => _writer.FlushAsync(ct);

    // 宛名番号 is the key across systems: a record about a person the registry does not know, or whose
    // My Number contradicts the registry's, is quarantined rather than loaded.
    private async Task<List<(SourceItem Item, CanonicalRecord Record)>> CheckIdentityAsync(List<(SourceItem Item, CanonicalRecord Record)> accepted, CancellationToken ct)
    {
        var claims = accepted.SelectMany(a => IdentityClaim.Of(a.Record)).ToList();
        if (claims.Count == 0)
        {
            return accepted;
        }

        var registry = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var chunk in Chunks.Of(claims.Select(c => c.AtenaNumber)))
        {
            foreach (var r in await db.Residents.Latest().Where(r => chunk.Contains(r.AtenaNumber)).Select(r => new { r.AtenaNumber, r.MyNumber }).ToListAsync(ct).ConfigureAwait(false))
            {
                registry[r.AtenaNumber] = r.MyNumber;
            }
        }

        var kept = new List<(SourceItem, CanonicalRecord)>(accepted.Count);
        foreach (var (item, record) in accepted)
        {
            var problem = IdentityClaim.Of(record).Select(c => Check(c, registry)).FirstOrDefault(p => p is not null);
            if (problem is null)
            {
                kept.Add((item, record));
            }
            else
            {
                Quarantine(item, problem);
            }
        }

        return kept;
    }

    private static string? Check(IdentityClaim claim, Dictionary<string, string?> registry) =>
        !registry.TryGetValue(claim.AtenaNumber, out var registered) ? $"{claim.Field}: unknown to the resident registry"
        : claim.MyNumber is not null && registered is not null && claim.MyNumber != registered ? "my_number: contradicts the resident registry"
        : null;

    private async Task ApplyAsync(List<CanonicalRecord> records, CancellationToken ct)
    {
        var residents = new List<ResidentRecord>();
        var households = new Dictionary<string, HouseholdRecord>(StringComparer.Ordinal);
        var tax = new List<TaxAssessmentRecord>();
        var nhi = new List<NhiQualificationRecord>();
        var allowance = new List<ChildAllowanceEntitlementRecord>();
        foreach (var record in records)
        {
            switch (record)
            {
                case CanonicalResident r:
                    residents.Add(ResidentMapping.ToRecord(r, stamp));
                    if (ResidentMapping.ToHousehold(r, stamp) is { } h)
                    {
                        households[h.SourceKey] = h;
                    }

                    break;
                case CanonicalTaxAssessment t:
                    tax.Add(QualificationMappings.ToRecord(t, stamp));
                    break;
                case CanonicalNhiQualification q:
                    nhi.Add(QualificationMappings.ToRecord(q, stamp));
                    break;
                case CanonicalChildAllowanceEntitlement c:
                    allowance.Add(QualificationMappings.ToRecord(c, stamp));
                    break;
                default:
                    throw new NotSupportedException($"No writer for canonical record type {record.GetType().Name}.");
            }
        }

        Count(await Versioning.ApplyAsync(_writer, db.Residents, residents, stamp, run, ct).ConfigureAwait(false));
        Count(await Versioning.ApplyAsync(_writer, db.TaxAssessments, tax, stamp, run, ct).ConfigureAwait(false));
        Count(await Versioning.ApplyAsync(_writer, db.NhiQualifications, nhi, stamp, run, ct).ConfigureAwait(false));
        Count(await Versioning.ApplyAsync(_writer, db.ChildAllowanceEntitlements, allowance, stamp, run, ct).ConfigureAwait(false));
        // Households are derived from the registry's heads: versioned, but not records read from the source.
        await Versioning.ApplyAsync(_writer, db.Households, households.Values.ToList(), stamp, null, ct).ConfigureAwait(false);
    }

    private void Count(VersionOutcome outcome)
    {
        _counts.Inserted += outcome.Inserted;
        _counts.Updated += outcome.Updated;
        _counts.Unchanged += outcome.Unchanged;
    }

    private void Quarantine(SourceItem item, string reason)
    {
        db.QuarantinedRecords.Add(new QuarantinedRecord
        {
            SyncRunId = stamp.RunId,
            Source = stamp.Source,
            Location = item.Location,
            SourceKey = item.SourceKey,
            RawBytes = item.Raw.ToArray(),
            Reason = reason,
            QuarantinedAt = stamp.Now,
        });
        _counts.Quarantined++;
    }

    // A record that loads now closes the quarantine entries it left in earlier runs.
    private async Task ResolveQuarantineAsync(IEnumerable<string> keys, CancellationToken ct)
    {
        if (!await db.QuarantinedRecords.AnyAsync(q => q.Source == stamp.Source && q.ResolvedAt == null, ct).ConfigureAwait(false))
        {
            return;
        }

        foreach (var chunk in Chunks.Of(keys))
        {
            await db.QuarantinedRecords
                .Where(q => q.Source == stamp.Source && q.ResolvedAt == null && q.SourceKey != null && chunk.Contains(q.SourceKey))
                .ExecuteUpdateAsync(s => s.SetProperty(q => q.ResolvedAt, stamp.Now).SetProperty(q => q.ResolvedBySyncRunId, stamp.RunId), ct).ConfigureAwait(false);
        }
    }
}
