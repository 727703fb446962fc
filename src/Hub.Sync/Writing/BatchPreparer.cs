using Hub.Adapters.Records;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Sync.Quality;

namespace Hub.Sync.Writing;

/// <summary>
/// The stage between the adapter and the writer: takes each source batch in order and decides, without touching
/// the run's transaction, what it will write — repeated keys and identity failures to quarantine, everything else
/// mapped to stored versions with their content hashes. Identities are checked against the registry
/// (<see cref="RegistryIdentities"/>: the batch's keys while the run has checked few, then read once whole).
/// </summary>
internal sealed class BatchPreparer(HubDbContextFactory factory, long runId, string source, string sourceSystem, TimeProvider time, int fullReadAfterClaims = RegistryIdentities.FullReadAfterClaims, RegistrySnapshots? snapshots = null)
{
    private readonly SeenKeys _seen = new();
    private readonly RegistryIdentities _registry = new(factory, fullReadAfterClaims, snapshots);

    /// <summary>What the quarantined rows' bytes say about the source's encoding (for the run's hint).</summary>
    public EncodingEvidence Evidence { get; } = new();

    /// <summary>The record kind the source feeds; a record of another kind is quarantined. Null: any.</summary>
    public string? Record { get; init; }

    public async Task<PreparedBatch> PrepareAsync(SourceBatch batch, CancellationToken ct)
    {
        var stamp = new RunStamp(runId, source, sourceSystem, time.GetUtcNow().UtcDateTime);
        var prepared = new PreparedBatch(stamp, batch.Next, batch.Items.Count);
        var claimed = new List<string>();
        foreach (var item in batch.Items)
        {
            if (item.Record is { } claiming)
            {
                claimed.AddRange(IdentityClaim.Of(claiming).Select(c => c.AtenaNumber));
            }
        }

        await _registry.PrepareAsync(claimed, ct).ConfigureAwait(false);
        foreach (var item in batch.Items)
        {
            var record = item.Record;
            if (record is null)
            {
                Quarantine(prepared, item, item.Rejection ?? "rejected by the adapter");
                continue;
            }

            // NUL, BOM or U+FFFD inside a field, whatever the source kind (TextFieldCheck).
            if (TextFieldCheck.Problem(record) is { } dirty)
            {
                Quarantine(prepared, item, dirty);
                continue;
            }

            if (Record is not null && Sources.RecordKinds.Of(record) is { } kind && kind != Record)
            {
                Quarantine(prepared, item, $"a {kind} record, but the source feeds {Record} records");
                continue;
            }

            if (!_seen.Add(record.SourceKey))
            {
                Quarantine(prepared, item, "source key appears more than once in this run; the first occurrence was kept");
                continue;
            }

            // 宛名番号 is the key across systems: a record about a person the registry does not know, or whose
            // My Number contradicts the registry's, is quarantined rather than loaded.
            var claims = IdentityClaim.Of(record);
            if (IdentityProblem(claims, _registry) is { } problem)
            {
                Quarantine(prepared, item, problem);
                continue;
            }

            Map(record, prepared);
            prepared.LoadedKeys.Add(record.SourceKey);
        }

        return prepared;
    }

    private void Quarantine(PreparedBatch prepared, SourceItem item, string reason)
    {
        prepared.Quarantine(item, reason);
        Evidence.Examine(item.Raw.Span, reason);
    }

    private static string? IdentityProblem(IEnumerable<IdentityClaim> claims, RegistryIdentities registry)
    {
        foreach (var claim in claims)
        {
            if (!registry.TryGet(claim.AtenaNumber, out var registered))
            {
                return $"{claim.Field}: unknown to the resident registry";
            }

            if (claim.MyNumber is not null && registered is not null && claim.MyNumber != registered)
            {
                return "my_number: contradicts the resident registry";
            }
        }

        return null;
    }

    private static void Map(CanonicalRecord record, PreparedBatch prepared)
    {
        var stamp = prepared.Stamp;
        switch (record)
        {
            case CanonicalResident r:
                prepared.Residents.Add(ResidentMapping.ToRecord(r, stamp));
                if (ResidentMapping.ToHousehold(r, stamp) is { } h)
                {
                    prepared.Households[h.SourceKey] = h;
                }

                break;
            case CanonicalTaxAssessment t:
                prepared.TaxAssessments.Add(QualificationMappings.ToRecord(t, stamp));
                break;
            case CanonicalNhiQualification q:
                prepared.NhiQualifications.Add(QualificationMappings.ToRecord(q, stamp));
                break;
            case CanonicalChildAllowanceEntitlement c:
                prepared.ChildAllowanceEntitlements.Add(QualificationMappings.ToRecord(c, stamp));
                break;
            default:
                throw new NotSupportedException($"No writer for canonical record type {record.GetType().Name}.");
        }
    }
}
